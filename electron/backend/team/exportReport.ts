import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { formatCell, reportCsv, type ReportColumnKind, type ReportTable } from '../../../shared/team/reportTable';

// Writing the agreement report's table model to XLSX (numbers stay numbers, formatted), CSV
// (UTF-8 with BOM so Excel reads æ ø å) and DOCX (a landscape table ready for a methods appendix).

/** The file formats of the agreement report. */
export type ReportFormat = 'xlsx' | 'csv' | 'docx';

/** Render `table` in `format`. */
export async function renderReport(table: ReportTable, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'csv':
      return Buffer.from(`\uFEFF${reportCsv(table)}`, 'utf8');
    case 'xlsx':
      return renderXlsx(table);
    case 'docx':
      return renderDocx(table);
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

/** Render and write the report; the file is written whole or not at all. */
export async function writeReport(table: ReportTable, format: ReportFormat, file: string): Promise<number> {
  const bytes = await renderReport(table, format);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
  return bytes.byteLength;
}

const NUMBER_FORMATS: Record<ReportColumnKind, string | null> = { text: null, integer: '#,##0', share: '0.0%', coefficient: '0.000' };

async function renderXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Stige';
  const sheet = workbook.addWorksheet('Agreement');
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  for (const [k, v] of table.meta) sheet.addRow([k, v]);
  sheet.addRow([]);
  const header = sheet.addRow(table.columns.map((c) => c.label));
  header.font = { bold: true };
  const headerRow = header.number;
  for (const row of table.rows) {
    const added = sheet.addRow(row.cells.map((cell) => (cell === null ? null : cell)));
    if (row.kind !== 'code') added.font = { bold: true };
    table.columns.forEach((column, i) => {
      const format = NUMBER_FORMATS[column.kind];
      if (format) added.getCell(i + 1).numFmt = format;
      if (row.cells[i] === null && column.kind !== 'text') added.getCell(i + 1).value = '–';
    });
  }
  sheet.addRow([]);
  for (const note of table.notes) sheet.addRow([note]);
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  table.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.kind === 'text' ? (i === 0 ? 40 : 24) : 14;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function renderDocx(table: ReportTable): Promise<Buffer> {
  const cell = (text: string, options: { bold?: boolean; right?: boolean } = {}) =>
    new TableCell({
      children: [new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: options.bold ?? false, size: 18 })] })],
    });
  const rows = [
    new TableRow({ tableHeader: true, children: table.columns.map((c) => cell(c.label, { bold: true, right: c.kind !== 'text' })) }),
    ...table.rows.map(
      (row) =>
        new TableRow({
          children: row.cells.map((value, i) => {
            const column = table.columns[i]!;
            const text = value === null && column.kind === 'text' ? '' : formatCell(value, column.kind);
            return cell(text, { bold: row.kind !== 'code', right: column.kind !== 'text' });
          }),
        }),
    ),
  ];
  const doc = new Document({
    creator: 'Stige',
    title: table.title,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(table.title)] }),
          ...table.meta.map(([k, v]) => new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v)] })),
          new Paragraph({ children: [] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
          new Paragraph({ children: [] }),
          ...table.notes.map((note) => new Paragraph({ children: [new TextRun({ text: note, italics: true, size: 18 })] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
