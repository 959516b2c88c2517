import ExcelJS from 'exceljs';
import type { DocParagraph, ExportDoc } from '../../../../shared/exports/document';

/** Excel's limits on sheet names: 31 characters, none of : \ / ? * [ ]. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = (wanted.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim() || 'Table').slice(0, 31);
  let name = base;
  for (let i = 2; taken.has(name.toLocaleLowerCase()); i += 1) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLocaleLowerCase());
  return name;
}

/** A paragraph's text with footnotes written inline in parentheses (spreadsheets have no notes). */
function inlineText(p: DocParagraph): string {
  return p.inlines.map((i) => (i.kind === 'text' ? i.text : ` (${i.text})`)).join('');
}

/**
 * An Excel workbook with one sheet per table: the caption (and heading) above, a bold header row
 * frozen at the top and repeated when printed, merged cells where the table merges them, wrapped
 * text aligned to the top.
 */
export async function writeXlsx(doc: ExportDoc): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Stige';
  workbook.title = doc.title;
  const taken = new Set<string>();
  for (const [index, table] of doc.tables.entries()) {
    const name = sheetName(table.caption?.number != null ? `${table.captionLabel} ${table.caption.number}` : table.heading || `Table ${index + 1}`, taken);
    const sheet = workbook.addWorksheet(name);
    const cols = table.header.length;
    const total = table.widths.reduce((s, w) => s + w, 0) || 1;
    sheet.columns = table.widths.map((w) => ({ width: Math.max(10, Math.round((w / total) * 120)) }));
    let r = 1;
    const titleRow = (text: string, style: Partial<ExcelJS.Font>) => {
      sheet.getCell(r, 1).value = text;
      sheet.getCell(r, 1).font = style;
      sheet.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
      if (cols > 1) sheet.mergeCells(r, 1, r, cols);
      r += 1;
    };
    if (table.heading) titleRow(table.heading, { bold: true, size: 13 });
    if (table.caption) titleRow(table.caption.text, { italic: true });
    const headerRow = r;
    table.header.forEach((title, c) => {
      const cell = sheet.getCell(r, c + 1);
      cell.value = title;
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = { bottom: { style: 'thin' } };
    });
    r += 1;
    for (const row of table.rows) {
      row.cells.forEach((slot, c) => {
        if (!slot) return;
        const cell = sheet.getCell(r, c + 1);
        cell.value = slot.paragraphs.length > 1 ? slot.paragraphs.map(inlineText).join('\n') : slot.paragraphs[0] ? inlineText(slot.paragraphs[0]) : '';
        cell.alignment = { wrapText: true, vertical: 'top' };
        if (row.kind !== 'body') cell.font = { bold: true };
        if (slot.rowSpan > 1 || slot.colSpan > 1) sheet.mergeCells(r, c + 1, r + slot.rowSpan - 1, c + slot.colSpan);
      });
      r += 1;
    }
    sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
    sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  }
  if (doc.tables.length === 0) workbook.addWorksheet('Table');
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
