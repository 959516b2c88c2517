import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../../shared/table/delimited';
import { stige } from '../../../support/cli';
import { peopleProject } from '../../../support/peopleProject';

async function projectFile() {
  const p = await peopleProject();
  p.backend.close(); // the CLI opens the file on its own
  return p;
}

describe('stige export matrix', () => {
  it('writes the documented JSON shape exactly', async () => {
    const p = await projectFile();
    const out = path.join(p.dir, 'matrise.json');
    const run = stige(['export', 'matrix', p.file, '--rows', 'concepts', '--cols', 'informants', '--measure', 'informants', '--format', 'json', '-o', out], { cwd: p.dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^wrote .*matrise\.json \(\d+ bytes\)\n$/);
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['rows', 'cols', 'cells']);
    expect(json).toEqual({
      rows: ['C1', 'C2', 'C3', 'C5', 'C4', 'C6'].map((label) => ({ id: p.codes[label as 'C1'], label, level: 'concept' })),
      cols: [
        { id: p.people.inger, label: 'Inger' },
        { id: p.people.kjell, label: 'Kjell' },
        { id: p.people.sara, label: 'Sara' },
        { id: p.people.ola, label: 'Ola' },
      ],
      cells: [
        [1, 1, 1, 0],
        [1, 0, 1, 0],
        [0, 0, 1, 0],
        [0, 0, 0, 0],
        [1, 0, 0, 1],
        [0, 0, 0, 0],
      ],
    });
  });

  it('takes attribute columns, the format from the extension, and refuses to overwrite unless told', async () => {
    const p = await projectFile();
    const out = path.join(p.dir, 'roller.csv');
    const run = stige(['export', 'matrix', p.file, '--rows', 'dimensions', '--cols', 'attr:Role', '--measure', 'percent', '-o', out], { cwd: p.dir });
    expect(run.code, run.stderr).toBe(0);
    const rows = parseDelimited(fs.readFileSync(out, 'utf8')).rows;
    expect(rows.slice(0, 3)).toEqual([
      ['Level', 'Code', 'leader', 'politician', '(no value)', 'Total'],
      ['Aggregate dimensions', 'D1', '100', '100', '0', '75'],
      ['Aggregate dimensions', 'D2', '50', '0', '100', '50'],
    ]);
    const again = stige(['export', 'matrix', p.file, '--cols', 'attr:Role', '-o', out], { cwd: p.dir });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/exists; add --overwrite/);
    const xlsx = path.join(p.dir, 'saker.xlsx');
    const cases = stige(['export', 'matrix', p.file, '--rows', 'themes', '--cols', 'cases', '--measure', 'codings', '-o', xlsx, '--coder', 'Tester', '--json'], { cwd: p.dir });
    expect(cases.code, cases.stderr).toBe(0);
    expect(cases.json<{ files: { path: string }[] }>().files[0]!.path).toBe(xlsx);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    // T1 in Bærum without Per's coding j: a, b, c.
    expect([3, 4, 5, 6].map((c) => workbook.worksheets[0]!.getCell(3, c).value)).toEqual([3, 3, 2, 5]);
  });

  it('explains bad arguments', async () => {
    const p = await projectFile();
    const out = path.join(p.dir, 'x.json');
    const badCols = stige(['export', 'matrix', p.file, '--cols', 'people', '-o', out]);
    expect(badCols.code).not.toBe(0);
    expect(badCols.stderr).toMatch(/--cols must be informants, cases, documents or attr:NAME/);
    const badFormat = stige(['export', 'matrix', p.file, '-o', path.join(p.dir, 'x.txt')]);
    expect(badFormat.stderr).toMatch(/choose --format csv\|xlsx\|json\|docx/);
    const badAttr = stige(['export', 'matrix', p.file, '--cols', 'attr:Kjønn', '-o', out]);
    expect(badAttr.stderr).toMatch(/no attribute named “Kjønn”/);
    const badMeasure = stige(['export', 'matrix', p.file, '--measure', 'vibes', '-o', out]);
    expect(badMeasure.code).not.toBe(0);
    expect(badMeasure.stderr).toMatch(/vibes/);
    const help = stige(['export', 'matrix', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--rows <rows>.*\n?.*choices: "concepts", "themes", "dimensions", "tree"/s);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('stige informants export / import', () => {
  it('round-trips the informants table through CSV', async () => {
    const p = await projectFile();
    const table = path.join(p.dir, 'informanter.csv');
    const exported = stige(['informants', 'export', p.file, table, '--informants-only']);
    expect(exported.code, exported.stderr).toBe(0);
    const text = fs.readFileSync(table, 'utf8').replace('Kjell,informant,Bærum,,politician,61', 'Kjell,informant,Bærum,,politician,62');
    fs.writeFileSync(table, `${text}Nina,informant,Asker,,leader,29\r\n`);
    const dry = stige(['informants', 'import', p.file, table, '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.json()).toMatchObject({ dryRun: true, matched: 4, changed: 1, unmatched: [{ row: 6, label: 'Nina' }] });
    const imported = stige(['informants', 'import', p.file, table, '--create-missing']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^changed 4 cells: 4 informants matched, 1 created\n/);
    const back = stige(['informants', 'export', p.file, path.join(p.dir, 'igjen.csv')]);
    expect(back.code, back.stderr).toBe(0);
    const rows = parseDelimited(fs.readFileSync(path.join(p.dir, 'igjen.csv'), 'utf8')).rows;
    expect(rows.find((r) => r[0] === 'Kjell')!.slice(4)).toEqual(['politician', '62']);
    expect(rows.find((r) => r[0] === 'Nina')).toEqual(['Nina', 'informant', 'Asker', '', 'leader', '29']);
  });
});
