import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../../../shared/table/delimited';
import { peopleProject } from '../../../../support/peopleProject';

describe('analysis.exportMatrix', () => {
  it('writes JSON with exactly rows, cols and cells', async () => {
    const p = await peopleProject();
    const file = path.join(p.dir, 'matrix.json');
    const result = await p.api.call('analysis.exportMatrix', { rows: 'themes', columns: { kind: 'cases' }, measure: 'informants', format: 'json', destination: { path: file } });
    expect(result.files[0]).toMatchObject({ path: file, mime: 'application/json' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
      rows: [
        { id: p.codes.T1, label: 'T1', level: 'theme' },
        { id: p.codes.T2, label: 'T2', level: 'theme' },
        { id: p.codes.T3, label: 'T3', level: 'theme' },
        { id: p.codes.T4, label: 'T4', level: 'theme' },
      ],
      cols: [
        { id: p.cases.baerum, label: 'Bærum (A)' },
        { id: p.cases.helse, label: 'Helse' },
        { id: p.cases.asker, label: 'Asker (B)' },
      ],
      cells: [
        [2, 1, 1],
        [0, 0, 1],
        [1, 1, 1],
        [0, 0, 0],
      ],
    });
  });

  it('writes CSV with the project’s level names, row totals and a totals line', async () => {
    const p = await peopleProject();
    await p.api.call('project.update', { levels: ['1. ordens kode', '2. ordens kode', '3. ordens kode'] });
    const result = await p.api.call('analysis.exportMatrix', { rows: 'tree', columns: { kind: 'attribute', name: 'Role' }, measure: 'codings', format: 'csv', destination: { inline: true } });
    const csv = Buffer.from(result.files[0]!.data!, 'base64').toString('utf8');
    expect(result.files[0]!.name).toBe('sammenligning – Number of codings per code and Role.csv');
    const rows = parseDelimited(csv).rows;
    expect(rows[0]).toEqual(['Level', 'Code', 'leader', 'politician', '(no value)', 'Total']);
    expect(rows[1]).toEqual(['3. ordens kode', 'D1', '6', '1', '0', '8']);
    expect(rows[2]).toEqual(['2. ordens kode', 'T1', '5', '1', '0', '6']);
    expect(rows[3]).toEqual(['1. ordens kode', 'C1', '3', '1', '0', '4']);
    expect(rows.at(-1)).toEqual(['', 'Total', '7', '1', '1', '11']);
  });

  it('writes XLSX with frozen headers, a collapsible tree and a heat colour scale', async () => {
    const p = await peopleProject();
    const file = path.join(p.dir, 'matrix.xlsx');
    await p.api.call('analysis.exportMatrix', { rows: 'tree', columns: { kind: 'informants' }, measure: 'percent', format: 'xlsx', destination: { path: file }, title: 'Andel informanter' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('Andel informanter');
    expect([2, 3, 4].map((r) => [sheet.getCell(r, 2).value, sheet.getRow(r).outlineLevel])).toEqual([
      ['Code', 0],
      ['D1', 0],
      ['T1', 1],
    ]);
    expect(sheet.getRow(5).outlineLevel).toBe(2);
    expect(sheet.getCell(4, 3).value).toBe(100); // Inger raised T1
    expect(sheet.getCell(4, 7).value).toBe(75); // 3 of 4 informants
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 2 });
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<conditionalFormatting sqref="C3:F14">.*colorScale/s);
  });

  it('writes a real Word table with shaded cells', async () => {
    const p = await peopleProject();
    const file = path.join(p.dir, 'matrix.docx');
    await p.api.call('analysis.exportMatrix', { rows: 'themes', columns: { kind: 'cases' }, measure: 'codings', format: 'docx', destination: { path: file } });
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('Number of codings per theme and case');
    const rows = xml.split('<w:tr>').slice(1).map((tr) => [...tr.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]));
    expect(rows[0]).toEqual(['Code', 'Bærum (A)', 'Helse', 'Asker (B)', 'Total']);
    expect(rows[1]).toEqual(['T1', '4', '3', '2', '6']);
    expect(rows.at(-1)).toEqual(['Total', '7', '4', '4', '11']);
    expect(xml).toMatch(/w:fill="2B6CB0"/); // the largest cell is fully shaded
  });

  it('refuses a folder that does not exist', async () => {
    const p = await peopleProject();
    await expect(
      p.api.call('analysis.exportMatrix', { rows: 'themes', columns: { kind: 'cases' }, measure: 'codings', format: 'csv', destination: { path: path.join(p.dir, 'nope', 'm.csv') } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
