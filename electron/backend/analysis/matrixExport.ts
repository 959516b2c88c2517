import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import type { Matrix } from '../../../shared/analysis/matrix';
import { heat, heatColor, matrixJson, matrixTable } from '../../../shared/analysis/matrixTable';
import { toCsv } from '../../../shared/table/delimited';

// Writing a matrix as CSV, XLSX, JSON or a Word table. Pure bytes in, bytes out; the handler
// delivers them.

/** The formats a matrix is written in. */
export type MatrixFormat = 'csv' | 'xlsx' | 'json' | 'docx';

/** What every format needs beside the figures. */
export interface MatrixExportInfo {
  /** Caption: "Informants per theme and case". */
  readonly title: string;
  /** The project's level names, concept first. */
  readonly levelNames: readonly [string, string, string];
}

/** Bytes of `matrix` in `format`. */
export async function matrixBytes(matrix: Matrix, format: MatrixFormat, info: MatrixExportInfo): Promise<Uint8Array> {
  switch (format) {
    case 'json':
      return Buffer.from(`${JSON.stringify(matrixJson(matrix))}\n`, 'utf8');
    case 'csv': {
      const table = matrixTable(matrix, info.levelNames);
      return Buffer.from(toCsv([table.header, ...table.body, table.totals]), 'utf8');
    }
    case 'xlsx':
      return xlsx(matrix, info);
    case 'docx':
      return docx(matrix, info);
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

async function xlsx(matrix: Matrix, info: MatrixExportInfo): Promise<Uint8Array> {
  const table = matrixTable(matrix, info.levelNames);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Stige';
  workbook.title = info.title;
  const sheet = workbook.addWorksheet('Matrix', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }], properties: { outlineProperties: { summaryBelow: false, summaryRight: true } } });
  sheet.addRow([info.title]).font = { bold: true, size: 12 };
  const header = sheet.addRow([...table.header]);
  header.font = { bold: true };
  header.alignment = { vertical: 'bottom', wrapText: true };
  table.body.forEach((line, r) => {
    const row = sheet.addRow([...line]);
    // Outline levels make the Gioia tree collapsible in Excel (Data ▸ Group).
    row.outlineLevel = table.depths[r]!;
    if (matrix.rows[r]!.level !== 'concept') row.font = { bold: true };
    row.getCell(2).alignment = { indent: table.depths[r]! * 2 };
  });
  const totals = sheet.addRow([...table.totals]);
  totals.font = { bold: true };
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 42;
  for (let c = 3; c <= table.header.length; c += 1) sheet.getColumn(c).width = Math.min(24, Math.max(8, table.header[c - 1]!.length + 2));
  if (matrix.rows.length > 0 && matrix.cols.length > 0) {
    const first = sheet.getCell(3, 3).address;
    const last = sheet.getCell(2 + matrix.rows.length, 2 + matrix.cols.length).address;
    sheet.addConditionalFormatting({
      ref: `${first}:${last}`,
      rules: [
        {
          type: 'colorScale',
          priority: 1,
          cfvo: [{ type: 'num', value: 0 }, { type: 'max' }],
          color: [{ argb: 'FFFFFFFF' }, { argb: 'FF2B6CB0' }],
        },
      ],
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function docxCell(text: string, options: { bold?: boolean; fill?: string; right?: boolean; indent?: number; white?: boolean } = {}): TableCell {
  return new TableCell({
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, fill: options.fill, color: 'auto' } } : {}),
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        ...(options.indent ? { indent: { left: options.indent * 240 } } : {}),
        children: [new TextRun({ text, bold: options.bold ?? false, size: 18, ...(options.white ? { color: 'FFFFFF' } : {}) })],
      }),
    ],
  });
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

async function docx(matrix: Matrix, info: MatrixExportInfo): Promise<Uint8Array> {
  const table = matrixTable(matrix, info.levelNames);
  const rows = [
    new TableRow({ tableHeader: true, children: table.header.slice(1).map((h, i) => docxCell(h, { bold: true, fill: 'D9D9D9', right: i > 0 })) }),
    ...table.body.map(
      (line, r) =>
        new TableRow({
          cantSplit: true,
          children: [
            docxCell(String(line[1]), { bold: matrix.rows[r]!.level !== 'concept', indent: table.depths[r]! }),
            ...matrix.cells[r]!.map((value) => {
              const share = heat(matrix, value);
              return docxCell(formatNumber(value), { right: true, ...(share > 0 ? { fill: heatColor(share) } : {}), white: share > 0.6 });
            }),
            docxCell(formatNumber(matrix.rowTotals[r]!), { right: true, bold: true }),
          ],
        }),
    ),
    new TableRow({ children: table.totals.slice(1).map((v, i) => docxCell(typeof v === 'number' ? formatNumber(v) : v, { bold: true, right: i > 0, fill: 'EFEFEF' })) }),
  ];
  const document = new Document({
    title: info.title,
    creator: 'Stige',
    sections: [
      {
        properties: { page: { size: { orientation: matrix.cols.length > 6 ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT } } },
        children: [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(info.title)] }), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })],
      },
    ],
  });
  return Packer.toBuffer(document);
}
