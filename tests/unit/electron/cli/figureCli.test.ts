import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stige } from '../../../support/cli';
import { tempDir, writeFile } from '../../../support/temp';

const CORPUS = path.resolve('../shared/corpus');

describe('stige import (codebooks) and stige export structure|codebook', () => {
  it('recognises codebooks by content among transcripts, then exports the figure and the codebook', () => {
    const dir = tempDir();
    const file = path.join(dir, 'oppgave.stige');
    expect(stige(['new', file, '--levels', '1. ordens kode|2. ordens kode|3. ordens kode']).code).toBe(0);
    const transcript = writeFile(dir, 'Intervju.txt', 'Intervjuer: Hva?\nInger: Vi prøver.\nIntervjuer: Og?\nInger: Igjen.');
    const imported = stige(['import', file, path.join(CORPUS, 'codebooks/gioia_healthcare_example.json'), transcript, path.join(CORPUS, 'codebooks/qualcoder_plain_codes_categories.txt'), '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const report = imported.json<{ files: { name: string; status: string }[]; codebooks: { name: string; status: string; format: string }[] }>();
    expect(report.files.map((f) => [f.name, f.status])).toEqual([['Intervju.txt', 'imported']]);
    expect(report.codebooks.map((f) => [f.name, f.status, f.format])).toEqual([
      ['gioia_healthcare_example.json', 'imported', 'gioia-json'],
      ['qualcoder_plain_codes_categories.txt', 'imported', 'qualcoder-plain'],
    ]);

    const png = stige(['export', 'structure', file, '-o', path.join(dir, 'figur.png'), '--caption', 'Figur 5: Rammeverk for analyse.', '--counts', 'both']);
    expect(png.code, png.stderr).toBe(0);
    expect(png.stdout).toMatch(/^wrote {5}.*figur\.png \(\d+ bytes\)$/m);
    expect(fs.readFileSync(path.join(dir, 'figur.png')).readUInt32BE(16)).toBe(1890);

    const json = stige(['export', 'structure', file, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const layout = json.json<{ pages: { boxes: { kind: string; label: string }[] }[] }>();
    expect(layout.pages[0]!.boxes.filter((b) => b.kind === 'header').map((b) => b.label)).toEqual(['1. ordens kode', '2. ordens kode', '3. ordens kode']);
    expect(layout.pages[0]!.boxes.filter((b) => b.kind === 'dimension').map((b) => b.label)).toEqual(['Managing Chronic Uncertainty', 'Reconstructing Identity Through Illness', 'cat3']);

    const split = stige(['export', 'structure', file, '-o', path.join(dir, 'del.svg'), '--split', '--json']);
    expect(split.code, split.stderr).toBe(0);
    expect(split.json<{ files: { name: string }[] }>().files.map((f) => f.name)).toEqual(['del-1.svg', 'del-2.svg', 'del-3.svg', 'del-4.svg']);

    const md = stige(['export', 'codebook', file, '-o', path.join(dir, 'kodebok.md')]);
    expect(md.code, md.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'kodebok.md'), 'utf8')).toContain('## Managing Chronic Uncertainty');
  });

  it('fails clearly, changing nothing, on a bad format, a tiny font or a codebook that does not parse', () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.stige');
    stige(['new', file]);
    const gif = stige(['export', 'structure', file, '-o', path.join(dir, 'x.gif')]);
    expect(gif.code).not.toBe(0);
    expect(gif.stderr).toBe('stige: stige export structure: choose --format svg|png|pdf|docx|json (“gif” is not one of them)\n');
    const tiny = stige(['export', 'structure', file, '-o', path.join(dir, 'x.svg'), '--font-size', '6']);
    expect(tiny.stderr).toBe('stige: --font-size must be a number from 8 to 14 (points)\n');
    expect(fs.existsSync(path.join(dir, 'x.svg'))).toBe(false);
    const bad = stige(['import', file, writeFile(dir, 'kodebok.json', '{"codes": ["a"]}'), '--as', 'codebook']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('stige: kodebok.json: no "aggregate_dimensions" list found, so this is not a Gioia data structure\n');
    const info = stige(['info', file, '--json']).json<{ codes: { total: number } }>();
    expect(info.codes.total).toBe(0);
  });
});
