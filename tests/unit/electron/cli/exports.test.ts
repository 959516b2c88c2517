import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DraftReport } from '../../../../shared/exports/draftCheck';
import type { QuoteTablesJson } from '../../../../shared/exports/quoteJson';
import { stige } from '../../../support/cli';
import { makeDraftDocx } from '../../../support/draftDocx';
import { tempDir, writeFile } from '../../../support/temp';

const INGER = 'Intervjuer: Hva betyr innovasjon?\nInger: For meg er innovasjon nyskapning i kommunen. Vi prøver nye ting hele tiden.';
const KJELL = 'Intervjuer: Og for deg?\nKjell: Det handler om å dele erfaringer på tvers av etatene.';

function project(): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'oppgave.stige');
  const run = (args: string[]) => {
    const r = stige(args, { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  };
  run(['new', file, '--levels', '1. ordens kode|2. ordens kode|3. ordens kode']);
  run(['import', file, writeFile(dir, 'Intervju Inger.txt', INGER), '--informant', 'Inger', '--case', 'Bærum']);
  run(['import', file, writeFile(dir, 'Intervju Kjell.txt', KJELL), '--informant', 'Kjell']);
  const code = (document: string, text: string, concept: string) =>
    run(['code', file, '--document', document, '--text', text, '--concept', concept, '--theme', 'Nyskaping', '--dimension', 'Forståelse av innovasjon', '--coder', 'Kari', '--representative']);
  code('Intervju Inger', 'For meg er innovasjon nyskapning', 'Nyskapning');
  code('Intervju Kjell', 'Det handler om å dele erfaringer på tvers av etatene', 'Deling');
  return { dir, file };
}

// Each test runs the CLI several times, a fresh Node process each: slow on a busy machine.
describe('stige export / check-draft', () => {
  it('exports the quote tables in the chosen language and format, warnings on stderr', () => {
    const { dir, file } = project();
    const docx = stige(['export', 'quotes', file, '-o', path.join(dir, 'tabell.docx'), '--preset', 'nb', '--start', '5'], { cwd: dir });
    expect(docx.code, docx.stderr).toBe(0);
    expect(docx.stderr).toBe('');
    expect(docx.stdout).toMatch(/^Wrote 1 table with 2 quotes to .*tabell\.docx \(DOCX, \d+ bytes\)\n$/);

    const json = stige(['export', 'quotes', file, '-o', path.join(dir, 'tabell.json'), '--preset', 'nb', '--attribution', 'case'], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr.split('\n').filter(Boolean)).toEqual([
      'stige: warning: “For meg er innovasjon nyskapning” (Intervju Inger) is attributed “Informant fra Bærum” in table 1 of this export, but the same passage is attributed “Inger” in table 5 of “tabell.docx” on ' +
        new Date().toISOString().slice(0, 10) +
        ': readers can link the two attributions',
      'stige: warning: “Det handler om å dele erfaringer på tvers av et…” (Intervju Kjell) is attributed “Informant” in table 1 of this export, but the same passage is attributed “Kjell” in table 5 of “tabell.docx” on ' +
        new Date().toISOString().slice(0, 10) +
        ': readers can link the two attributions',
      'stige: warning: “Kjell” has no case, but the attribution names the case; 1 quote attributed “Informant” instead',
    ]);
    const tables = JSON.parse(fs.readFileSync(path.join(dir, 'tabell.json'), 'utf8')) as QuoteTablesJson;
    expect(tables.tables[0]!.caption).toBe('Tabell 1: Representative sitater knyttet til Forståelse av innovasjon. Kilde: Egenprodusert.');
    expect(tables.tables[0]!.rows[0]!.quotes.map((q) => q.attribution)).toEqual(['Informant fra Bærum', 'Informant']);

    const custom = stige(['export', 'quotes', file, '-o', path.join(dir, 't.md'), '--template', '«{quote}» – {label}', '--per', 'theme', '--json'], { cwd: dir });
    expect(custom.code, custom.stderr).toBe(0);
    expect(custom.json()).toMatchObject({ format: 'md', tables: 1, rows: 2 });
    expect(fs.readFileSync(path.join(dir, 't.md'), 'utf8')).toContain('«For meg er innovasjon nyskapning» – Inger');
  });

  it('fails clearly on a bad template or format, writing nothing', () => {
    const { dir, file } = project();
    const bad = stige(['export', 'quotes', file, '-o', path.join(dir, 'x.docx'), '--caption', 'Tabell {nr}'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('stige: Invalid arguments for exports.quoteTable: options.caption: Unknown placeholder {nr} in the caption template; it may use {n}, {dimension}, {theme}\n');
    const unknown = stige(['export', 'quotes', file, '-o', path.join(dir, 'x.pdf')], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Cannot tell the format from “x\.pdf”; add --format docx\|xlsx\|csv\|md\|tex\|html\|json/);
    expect(fs.existsSync(path.join(dir, 'x.docx'))).toBe(false);
    const overwrite = stige(['export', 'quotes', file, '-o', file, '--format', 'csv'], { cwd: dir });
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toMatch(/is a Stige project file; an export never writes over one/);
  });

  it('exports overviews and an informant’s quote list', () => {
    const { dir, file } = project();
    const overview = stige(['export', 'overview', file, '--table', 'interviews', '-o', path.join(dir, 'intervjuer.md'), '--preset', 'nb', '--words'], { cwd: dir });
    expect(overview.code, overview.stderr).toBe(0);
    const md = fs.readFileSync(path.join(dir, 'intervjuer.md'), 'utf8');
    expect(md).toContain('| Case | Intervju | Informanter | Dato | Lengde | Ord |');
    // Words of the whole transcript (the interviewer's included; speaker labels are not text).
    expect(md).toContain('| Bærum | Intervju Inger | Inger |  |  | 16 |');
    expect(md).toContain('| **Totalt 16 ord** |  |  |  |  |  |');
    const list = stige(['export', 'informant-quotes', file, '--informant', 'inger', '-o', path.join(dir, 'inger.csv')], { cwd: dir });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^Wrote 1 quote to /);
    expect(fs.readFileSync(path.join(dir, 'inger.csv'), 'utf8')).toContain('For meg er innovasjon nyskapning');
    const missing = stige(['export', 'informant-quotes', file, '--informant', 'Ola', '-o', path.join(dir, 'ola.csv')], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('stige: There is no informant “Ola” (informants: “Inger”, “Kjell”)\n');
  });

  it('adds chosen informant attributes as columns of the informants table, refusing unknown ones', () => {
    const { dir, file } = project();
    const table = writeFile(dir, 'informanter.csv', 'Informant,Alder,Sektor\nInger,52,Helse og omsorg\nKjell,41,Skole\n');
    const imported = stige(['informants', 'import', file, table, '--create-attributes'], { cwd: dir });
    expect(imported.code, imported.stderr).toBe(0);
    const out = path.join(dir, 'informanter.md');
    const run = stige(['export', 'overview', file, '--table', 'informants', '--attributes', 'Sektor, alder', '--preset', 'nb', '-o', out], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toContain('| Informant | Case | Rolle | Sektor | Alder |');
    expect(md).toContain('| Inger | Bærum |  | Helse og omsorg | 52 |');
    const unknown = stige(['export', 'overview', file, '--table', 'informants', '--attributes', 'Kjønn', '-o', path.join(dir, 'x.md')], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('stige: The project has no informant attribute “Kjønn”; its informant attributes are “Alder”, “Sektor”\n');
    expect(fs.existsSync(path.join(dir, 'x.md'))).toBe(false);
  });

  it('checks a draft and prints what it found', async () => {
    const { dir, file } = project();
    const draft = writeFile(
      dir,
      'Utkast.docx',
      await makeDraftDocx([{ text: 'Inger sier: «For meg er innovasjon fornyelse» (Inger). Kjell mener «Det handler om å dele erfaringer på tvers av etatene» (Kjell).' }]),
    );
    const text = stige(['check-draft', file, draft], { cwd: dir });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.split('\n').filter(Boolean)).toEqual([
      'Paragraph 1: “For meg er innovasjon fornyelse” matches no passage of Inger; the nearest passage (Intervju Inger) reads “For meg er innovasjon nyskapning” (missing here: “nyskapning”; not there: “fornyelse”)',
      'Paragraph 1: “For meg er innovasjon fornyelse” differs from the table version in table 1 (not exported yet) (“For meg er innovasjon nyskapning”) (missing here: “nyskapning”; not there: “fornyelse”)',
      '2 quotations checked in 1 paragraphs: 2 findings',
    ]);
    const json = stige(['check-draft', file, draft, '--json'], { cwd: dir });
    expect(json.json<DraftReport>().findings.map((f) => f.kind)).toEqual(['no-match', 'differs-from-table']);
  });

  it('prints help for every export command', () => {
    for (const args of [['export', 'quotes'], ['export', 'overview'], ['export', 'informant-quotes'], ['check-draft']]) {
      const help = stige([...args, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`Usage: stige ${args.join(' ')}`));
    }
    expect(stige(['export', '--help']).stdout).toMatch(/quotes .*\n.*overview/s);
  });
});
