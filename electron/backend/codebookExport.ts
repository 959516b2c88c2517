import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, ShadingType, Table, TableRow, TableCell, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import type { ExportResult } from '../../shared/api/exportTarget';
import { codebookCsv, codebookHeader, codebookMarkdown, codebookRows, rowCells, type CodebookRow } from '../../shared/codebook/exportRows';
import { listCodes } from './codebook';
import { codeSupport } from './codebookStats';
import { deliver, type Destination } from './exportFiles';
import type { HandlerContext } from './handlerTypes';
import { currentProject } from './handlers/project';

/** Codebook export formats. */
export type CodebookExportFormat = 'csv' | 'xlsx' | 'md' | 'docx';

const MIME: Readonly<Record<CodebookExportFormat, string>> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

async function xlsx(rows: readonly CodebookRow[], header: string[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Stige';
  workbook.title = title;
  const sheet = workbook.addWorksheet('Codebook', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h, i) => ({ header: h, width: [28, 32, 36, 60, 10, 11, 14][i] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const cells = rowCells(row);
    const added = sheet.addRow([...cells.slice(0, 4), row.codings, row.informants, row.representative]);
    added.alignment = { wrapText: true, vertical: 'top' };
    if (row.level > 1) added.font = { bold: true };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function docx(rows: readonly CodebookRow[], header: string[], title: string): Promise<Buffer> {
  const cell = (text: string, options: { bold?: boolean; shade?: string; right?: boolean } = {}) =>
    new TableCell({
      ...(options.shade ? { shading: { type: ShadingType.CLEAR, fill: options.shade, color: 'auto' } } : {}),
      children: [new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: options.bold ?? false, size: 18 })] })],
    });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, { bold: true, shade: 'D9D9D9', right: i >= 4 })) }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: rowCells(row).map((text, i) => cell(text, { bold: row.level > 1 && i < 3, right: i >= 4, ...(row.level === 3 ? { shade: 'EFEFEF' } : {}) })),
          }),
      ),
    ],
  });
  const doc = new Document({
    title,
    creator: 'Stige',
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 } } }, children: [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }), table] }],
  });
  return Packer.toBuffer(doc);
}

/** Export the open project's codebook with definitions and counts. */
export async function exportCodebook(ctx: HandlerContext, format: CodebookExportFormat, destination: Destination): Promise<ExportResult> {
  const project = ctx.backend.project();
  const info = currentProject(project);
  const rows = codebookRows(listCodes(project.db), codeSupport(project.db));
  const header = codebookHeader(info.levels);
  const title = `Codebook: ${info.name}`;
  let bytes: Uint8Array;
  switch (format) {
    case 'csv':
      bytes = Buffer.from(codebookCsv(rows, info.levels), 'utf8');
      break;
    case 'md':
      bytes = Buffer.from(codebookMarkdown(rows, title, info.levels), 'utf8');
      break;
    case 'xlsx':
      bytes = await xlsx(rows, header, title);
      break;
    case 'docx':
      bytes = await docx(rows, header, title);
      break;
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
  const unplaced = listCodes(project.db).filter((c) => c.level === null).length;
  const warnings = unplaced > 0 ? [`${unplaced} codes not placed in the three levels are not in the export`] : [];
  const safeName = info.name.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'codebook';
  return { files: deliver(ctx, destination, `${safeName} – codebook`, [{ part: null, extension: `.${format}`, mime: MIME[format], bytes }]), warnings };
}
