import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../../shared/api/errors';
import type { CellProblem } from '../../../../shared/api/methods/attributes';
import { parseDelimited } from '../../../../shared/table/delimited';
import { dumpProject } from '../../../support/dump';
import { peopleProject } from '../../../support/peopleProject';
import { writeFile } from '../../../support/temp';

async function readXlsx(file: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows: unknown[][] = [];
  const sheet = workbook.worksheets[0]!;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
  });
  return rows;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

describe('informants table export', () => {
  it('writes XLSX with typed cells (numbers, dates), no real names unless asked, read back with exceljs', async () => {
    const p = await peopleProject();
    const date = await p.api.call('attributes.create', { scope: 'informant', name: 'Intervjudato', type: 'date' });
    await p.api.call('attributes.setValues', {
      scope: 'informant',
      cells: [
        { ownerId: p.people.inger, key: `attr:${date.id}`, value: '2024-03-01' },
        { ownerId: p.people.inger, key: 'realName', value: 'Inger Ås' },
        { ownerId: p.people.ola, key: 'memo', value: 'Snakker «fort» 🙂' },
      ],
    });
    const file = path.join(p.dir, 'informanter.xlsx');
    const result = await p.api.call('informants.exportTable', { destination: { path: file }, format: 'xlsx' });
    expect(result.files).toMatchObject([{ path: file, name: 'informanter.xlsx' }]);
    expect(result.warnings).toEqual([]);
    const rows = await readXlsx(file);
    expect(rows[0]).toEqual(['Label', 'Speaking role', 'Case', 'Memo', 'Role', 'Age', 'Intervjudato']);
    expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['Kari', 'interviewer', 'Bærum', null, null, null],
      ['Inger', 'informant', 'Helse', null, 'leader', 52],
      ['Kjell', 'informant', 'Bærum', null, 'politician', 61],
      ['Sara', 'informant', 'Asker', null, 'leader', 45],
      ['Ola', 'informant', 'Asker', 'Snakker «fort» 🙂', null, null],
    ]);
    expect((rows[2]![6] as Date).toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(JSON.stringify(rows)).not.toContain('Inger Ås');

    const withNames = await p.api.call('informants.exportTable', { destination: { path: path.join(p.dir, 'navn.xlsx') }, format: 'xlsx', includeRealNames: true, informantsOnly: true });
    expect(withNames.warnings[0]).toMatch(/real names/);
    const named = await readXlsx(path.join(p.dir, 'navn.xlsx'));
    expect(named[0]!.slice(0, 2)).toEqual(['Label', 'Real name']);
    expect(named.slice(1).map((r) => r[0])).toEqual(['Inger', 'Kjell', 'Sara', 'Ola']);
    expect(named[1]![1]).toBe('Inger Ås');

    const inline = await p.api.call('informants.exportTable', { destination: { inline: true }, format: 'csv' });
    const csv = Buffer.from(inline.files[0]!.data!, 'base64').toString('utf8');
    expect(inline.files[0]!.name).toBe('sammenligning – informants.csv');
    expect(csv.startsWith('\uFEFFLabel,Speaking role,Case,Memo,Role,Age,Intervjudato\r\n')).toBe(true);
    expect(parseDelimited(csv).rows[2]).toEqual(['Inger', 'informant', 'Helse', '', 'leader', '52', '2024-03-01']);
    expect(parseDelimited(csv).rows[5]![3]).toBe('Snakker «fort» 🙂');
  });
});

describe('informants table import', () => {
  it('round-trips an exported XLSX edited in a spreadsheet: matches by label, reports unmatched rows, creates on request', async () => {
    const p = await peopleProject();
    const file = path.join(p.dir, 'tabell.xlsx');
    await p.api.call('informants.exportTable', { destination: { path: file }, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    sheet.getCell('F4').value = 62; // Kjell's age
    sheet.getCell('E5').value = 'Politician'; // Sara's role, spelled differently
    sheet.getCell('G1').value = 'Sektor'; // a column the project does not have
    sheet.getCell('G2').value = 'stat';
    sheet.addRow(['Per', 'informant', 'Drammen', '', 'leader', 38, 'kommune']);
    sheet.addRow(['  ', '', '', '', '', '', '']);
    await workbook.xlsx.writeFile(file);
    const before = dumpProject(p.backend.project().db);

    const dry = await p.api.call('informants.importTable', { source: { path: file }, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, rows: 6, matched: 5, created: 0, unmatched: [{ row: 7, label: 'Per' }], changed: 2, createdCases: [] });
    expect(dry.columns.map((c) => [c.header, c.target])).toEqual([
      ['Label', 'label'],
      ['Speaking role', 'role'],
      ['Case', 'case'],
      ['Memo', 'memo'],
      ['Role', 'attribute'],
      ['Age', 'attribute'],
      ['Sektor', 'ignored'],
    ]);
    expect(dry.warnings).toEqual(['The column “Sektor” is not an attribute of informants; it was ignored (define the attribute, or import with “create attributes”)']);
    expect(dumpProject(p.backend.project().db)).toEqual(before);

    const report = await p.api.call('informants.importTable', { source: { path: file }, createMissing: true, createAttributes: true });
    expect(report).toMatchObject({ dryRun: false, matched: 5, created: 1, unmatched: [], createdCases: ['Drammen'] });
    expect(report.columns.find((c) => c.header === 'Sektor')).toMatchObject({ target: 'attribute', created: true });
    const table = await p.api.call('informants.table', {});
    const sektor = table.attributes.find((a) => a.name === 'Sektor')!;
    expect(sektor.type).toBe('text');
    const row = (label: string) => table.rows.find((r) => r.informant.label === label)!;
    expect(row('Kjell').values[p.attributes.age]).toBe('62');
    expect(row('Sara').values[p.attributes.role]).toBe('politician');
    expect(row('Kari').values[sektor.id]).toBe('stat');
    expect(row('Per')).toMatchObject({ caseName: 'Drammen', values: { [p.attributes.role]: 'leader', [p.attributes.age]: '38', [sektor.id]: 'kommune' } });
    expect(row('Inger').values[p.attributes.age]).toBe('52'); // unchanged cells stay
    expect((await p.api.call('history.state', {})).undoLabel).toBe('Import informant table “tabell.xlsx”');
    await p.api.call('history.undo', {});
    expect(dumpProject(p.backend.project().db)).toEqual(before);
  });

  it('reads semicolon CSV in Windows-1252 and refuses bad values, naming the file’s row and column, changing nothing', async () => {
    const p = await peopleProject();
    const text = ['Informant;Alder;Role', 'Inger;femti;leader', 'Kjell;60;ordfører', 'Sara;45;leader'].join('\r\n');
    const file = writeFile(p.dir, 'alder.csv', iconv.encode(text.replace('Alder', 'Age'), 'windows-1252'));
    const before = dumpProject(p.backend.project().db);
    const error = await failure(p.api.call('informants.importTable', { source: { path: file } }));
    expect(error.code).toBe('VALIDATION');
    const problems = (error.details as { problems: CellProblem[] }).problems;
    expect(problems.map((x) => [x.row, x.rowLabel, x.column, x.message])).toEqual([
      [2, 'Inger', 'Age', '“femti” is not a number'],
      [3, 'Kjell', 'Role', '“ordfører” is not one of the choices (“leader”, “politician”)'],
    ]);
    expect(error.message).toMatch(/Inger \(row 2\), column “Age”: “femti” is not a number/);
    expect(dumpProject(p.backend.project().db)).toEqual(before);

    fs.writeFileSync(file, iconv.encode('Informant;Age\r\nInger;50\r\nØystein;33\r\n', 'windows-1252'));
    const ok = await p.api.call('informants.importTable', { source: { path: file } });
    expect(ok).toMatchObject({ matched: 1, changed: 1, unmatched: [{ row: 3, label: 'Øystein' }] });
  });

  it('explains files it cannot use', async () => {
    const p = await peopleProject();
    const noLabel = writeFile(p.dir, 'x.csv', 'Navn,Alder\nInger,50\n');
    expect(await failure(p.api.call('informants.importTable', { source: { path: noLabel } }))).toMatchObject({
      code: 'IMPORT',
      message: expect.stringMatching(/no label column.*“Navn”, “Alder”/),
    });
    const twice = writeFile(p.dir, 'y.csv', 'Label,Age\nInger,50\ninger,51\n');
    expect(await failure(p.api.call('informants.importTable', { source: { path: twice } }))).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/row 3 \(“inger”\) repeats the label of row 2/) });
    const ods = writeFile(p.dir, 'z.ods', 'not really');
    expect(await failure(p.api.call('informants.importTable', { source: { path: ods } }))).toMatchObject({ code: 'UNSUPPORTED' });
    const broken = writeFile(p.dir, 'b.xlsx', 'PK not a workbook');
    expect(await failure(p.api.call('informants.importTable', { source: { path: broken } }))).toMatchObject({ code: 'IMPORT' });
    await p.api.call('informants.create', { label: 'Inger' });
    const shared = writeFile(p.dir, 's.csv', 'Label,Age\nInger,50\n');
    expect(await p.api.call('informants.importTable', { source: { path: shared } })).toMatchObject({ ambiguous: [{ row: 2, label: 'Inger' }], changed: 0 });
  });
});
