import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ProjectSummary } from '../../../../shared/api/methods/project';
import type { RefiImportReport } from '../../../../shared/api/methods/refi';
import { stige } from '../../../support/cli';
import { tempDir, writeFile } from '../../../support/temp';
import { xmllintErrors } from '../../../support/xmllint';

const CORPUS = path.resolve('../shared/corpus/refi');

describe('stige import / export with REFI-QDA files', () => {
  it('imports a .qdpx by its extension with --levels and --json, then exports .qdpx and .qdc that validate', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.stige');
    expect(stige(['new', file]).code).toBe(0);
    const imported = stige(['import', file, path.join(CORPUS, 'qc132_demo_interview.qdpx'), '--levels', '1,2,3', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const json = imported.json<{ files: unknown[]; refi: RefiImportReport[] }>();
    expect(json.files).toEqual([]);
    expect(json.refi[0]).toMatchObject({ format: 'qdpx', imported: { codings: 205, codes: 262 }, levels: { placed: { dimension: 3, theme: 18, concept: 112, unplaced: 129 } } });

    const human = stige(['import', file, path.join(CORPUS, 'atlasti84mac_refi_standard_project.qdpx')]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/not imported: 1 × Links between objects/);
    expect(human.stdout).toMatch(/source {3}Simon\.docx: missing/);

    const qdpx = path.join(dir, 'ut.qdpx');
    const exported = stige(['export', 'qdpx', file, '-o', qdpx]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^wrote .*ut\.qdpx \(2 documents, 276 codes, 205 codings/);
    const zip = await JSZip.loadAsync(fs.readFileSync(qdpx));
    expect(xmllintErrors(await zip.file('project.qde')!.async('string'), 'project')).toBe('');
    expect(stige(['export', 'qdpx', file, '-o', qdpx]).stderr).toMatch(/already exists/);

    const qdc = stige(['export', 'qdc', file, '-o', path.join(dir, 'kodebok.qdc'), '--json']);
    expect(qdc.code, qdc.stderr).toBe(0);
    expect(qdc.json<{ counts: { codes: number } }>().counts.codes).toBe(276);
    expect(xmllintErrors(fs.readFileSync(path.join(dir, 'kodebok.qdc'), 'utf8'), 'codebook')).toBe('');

    // The copy made from the export holds the same codes and codings.
    const copy = path.join(dir, 'kopi.stige');
    stige(['new', copy]);
    expect(stige(['import', copy, qdpx]).code).toBe(0);
    const a = stige(['info', file, '--json']).json<ProjectSummary>();
    const b = stige(['info', copy, '--json']).json<ProjectSummary>();
    expect(b.codes).toEqual(a.codes);
    expect(b.codings).toBe(a.codings);
  });

  it('fails on a broken codebook with a clear message and leaves the project as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.stige');
    stige(['new', file]);
    const before = stige(['info', file, '--json']).stdout;
    const broken = stige(['import', file, path.join(CORPUS, 'atlasti23win_requal_truncated_cs.qdc')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^stige: atlasti23win_requal_truncated_cs\.qdc is not well-formed XML \(it ends before <CodeBook>, <Codes>, <Code> are closed, so it is truncated\)/);
    expect(stige(['info', file, '--json']).stdout).toBe(before);
  });

  it('routes by --as and explains bad --levels; export lists its subcommands', () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.stige');
    stige(['new', file]);
    const renamed = writeFile(dir, 'kodebok.xml', fs.readFileSync(path.join(CORPUS, 'atlasti23win_requal_valid.qdc')));
    const asRefi = stige(['import', file, renamed, '--as', 'refi', '--json']);
    expect(asRefi.code, asRefi.stderr).toBe(0);
    expect(asRefi.json<{ refi: RefiImportReport[] }>().refi[0]!.imported.codes).toBe(1);
    const bad = stige(['import', file, path.join(CORPUS, 'qc132_demo_interview.qdpx'), '--levels', '3,2,1']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--levels: dimensions must be above themes/);
    const help = stige(['export', '--help']);
    expect(help.stdout).toMatch(/qdpx/);
    expect(help.stdout).toMatch(/qdc/);
  });
});
