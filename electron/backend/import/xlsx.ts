import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/api/errors';
import { openZip } from './zip';

const DAY_MS = 24 * 60 * 60 * 1000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function clock(ms: number): string {
  const total = Math.round(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = Math.floor((total % 60_000) / 1000);
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(total % 1000, 3)}`;
}

const TIME_FORMAT = /(^|[^a-z])(h|hh|\[h+\]|mm:ss|ss)([^a-z]|$)/i;

/** A cell's value as the text a person sees; times (fractions of a day) as `hh:mm:ss.mmm`. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const ms = value.getTime() - EXCEL_EPOCH;
    return ms >= 0 && ms < 10 * DAY_MS && !/y/i.test(cell.numFmt ?? '') ? clock(ms) : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') return value >= 0 && value < 1 && TIME_FORMAT.test(cell.numFmt ?? '') ? clock(value * DAY_MS) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value && value.result !== undefined && value.result !== null) return String(value.result instanceof Date ? value.result.toISOString() : value.result);
    if ('error' in value) return '';
  }
  return cell.text ?? '';
}

/**
 * The rows of the first worksheet of an .xlsx file that has any content, as strings. `read` turns
 * a cell into text: transcripts read times of day as clock times, attribute tables read dates.
 */
export async function readXlsxRows(bytes: Uint8Array, fileName: string, read: (cell: ExcelJS.Cell) => string = cellText): Promise<string[][]> {
  const { entries } = await openZip(bytes, fileName, 'Excel workbook (.xlsx)');
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new AppError('IMPORT', `${fileName} is not an Excel workbook: the archive has no xl/workbook.xml`, { file: fileName });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('IMPORT', `${fileName} could not be read as an Excel workbook (${error instanceof Error ? error.message : String(error)})`, { file: fileName });
  }
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = read(cell);
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    const filled = Array.from(rows, (r) => r ?? []);
    if (filled.some((r) => r.some((c) => c.trim() !== ''))) return filled;
  }
  throw new AppError('IMPORT', `${fileName}: the workbook has no filled cells`, { file: fileName });
}
