import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/api/errors';
import type { CodebookImportFile } from '../../shared/api/methods/codebook';
import type { ParsedArgsOf } from '../../shared/api/contract';
import { LIMITS } from '../../shared/api/limits';
import { detectCodebookText, parseCodebookText } from '../../shared/codebook/detect';
import { countImported, type CodebookFormat, type ImportedCode, type ImportedCodebook } from '../../shared/codebook/model';
import { findHeader, rowsToCodebook } from '../../shared/codebook/table';
import { describeLevel } from '../../shared/model/levels';
import { normalizeText } from '../../shared/text/normalize';
import { createCode, getCode, moveCodes } from './codebook';
import type { HandlerContext } from './handlerTypes';
import { decodeText } from './import/decode';
import { CODE_COLUMNS, toCode, type CodeRow } from './rows';

type Source = ParsedArgsOf<'codebook.import'>['sources'][number];

/** Where a source's bytes are and its file name. */
export function locate(ctx: HandlerContext, source: Source): { file: string; name: string } {
  return 'uploadId' in source ? ctx.backend.uploads.resolve(source.uploadId) : { file: ctx.backend.resolvePath(source.path, ctx.transport), name: path.basename(source.path) };
}

function readBytes(file: string, name: string): Buffer {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new AppError('IMPORT', `${name}: the file cannot be found or read`, { file: name });
  }
  if (size > LIMITS.uploadBytes) throw new AppError('IMPORT', `${name} is too large for a codebook`, { file: name });
  if (size === 0) throw new AppError('IMPORT', `${name} is empty`, { file: name });
  return fs.readFileSync(file);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return '';
}

/** Rows of each worksheet of an XLSX file as text (merged cells read as their first cell's value). */
async function xlsxSheets(bytes: Buffer, name: string): Promise<{ name: string; rows: string[][] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('IMPORT', `${name} is not a readable Excel workbook: ${error instanceof Error ? error.message : String(error)}`, { file: name });
  }
  return workbook.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        cells.push(cellText(cell.isMerged ? cell.master.value : cell.value).trim());
      }
      rows[number - 1] = cells;
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

/** The codebook format of a file by its content, or null when it is not a codebook. */
export async function detectCodebookFile(file: string, name: string): Promise<CodebookFormat | null> {
  let bytes: Buffer;
  try {
    bytes = readBytes(file, name);
  } catch {
    return null; // unreadable: whoever imports it reports why
  }
  if (path.extname(name).toLowerCase() === '.xlsx') {
    try {
      const sheets = await xlsxSheets(bytes, name);
      return sheets.some((s) => findHeader(s.rows)) ? 'table' : null;
    } catch {
      return null;
    }
  }
  try {
    return detectCodebookText(name, normalizeText(decodeText(bytes, name).text));
  } catch {
    return null;
  }
}

/** Read and parse a codebook file. */
export async function readCodebookFile(file: string, name: string, explicit: boolean): Promise<ImportedCodebook> {
  const bytes = readBytes(file, name);
  if (path.extname(name).toLowerCase() === '.xlsx') {
    const sheets = await xlsxSheets(bytes, name);
    const sheet = sheets.find((s) => findHeader(s.rows)) ?? (explicit ? sheets.find((s) => s.rows.some((r) => r.some(Boolean))) : undefined);
    if (!sheet) {
      throw new AppError('IMPORT', `${name}: no worksheet has a header row naming the columns (dimension, theme, concept, definition)`, { file: name });
    }
    return rowsToCodebook(sheet.rows, `${name} (${sheet.name})`, { positional: explicit });
  }
  return parseCodebookText(name, normalizeText(decodeText(bytes, name).text), explicit);
}

/**
 * Save a parsed codebook into the project (inside a step): a label already on the same level is
 * reused — its empty definition and memo filled, linked under the file's parent if it had none;
 * kept where it is, with a warning, if it sits elsewhere. A label on another level is a CONFLICT
 * (the whole file is refused). Returns what was created and reused.
 */
export function saveCodebook(db: Database.Database, codebook: ImportedCodebook, createdBy: string | null): Pick<CodebookImportFile, 'created' | 'reused' | 'warnings'> {
  const created = { concept: 0, theme: 0, dimension: 0 };
  let reused = 0;
  const warnings = [...codebook.warnings];
  const byLabel = db.prepare(`SELECT ${CODE_COLUMNS} FROM codes WHERE label = ?`);
  const visit = (code: ImportedCode, parentId: string | null) => {
    const existing = (byLabel.all(code.label) as CodeRow[]).map(toCode);
    const same = existing.filter((c) => c.level === code.level);
    if (same.length === 0 && existing.length > 0) {
      throw new AppError('CONFLICT', `“${code.label}” is ${describeLevel(code.level)} in the file but ${describeLevel(existing[0]!.level)} in the project; rename one of them and import again`);
    }
    let id: string;
    if (same.length > 0) {
      const found = same[0]!;
      reused += 1;
      id = found.id;
      const description = found.description.trim() ? found.description : code.description;
      const memo = found.memo.trim() ? found.memo : code.memo;
      if (description !== found.description || memo !== found.memo) {
        db.prepare('UPDATE codes SET description = ?, memo = ?, updated_at = ? WHERE id = ?').run(description, memo, Date.now(), id);
      }
      if (parentId && found.parentId !== parentId) {
        if (found.parentId === null) moveCodes(db, [id], parentId);
        else warnings.push(`“${code.label}” stays under “${getCode(db, found.parentId).label}”; the file puts it under “${getCode(db, parentId).label}”`);
      }
    } else {
      const made = createCode(db, { label: code.label, level: code.level, parentId, description: code.description, createdBy });
      id = made.id;
      if (code.memo || code.originalPath) db.prepare('UPDATE codes SET memo = ?, original_path = ? WHERE id = ?').run(code.memo, code.originalPath, id);
      if (code.level === 1) created.concept += 1;
      else if (code.level === 2) created.theme += 1;
      else created.dimension += 1;
    }
    for (const child of code.children) visit(child, id);
  };
  for (const root of codebook.roots) visit(root, null);
  return { created, reused, warnings };
}

/** Import codebook files, each in its own step; failures are reported per file and change nothing. */
export async function importCodebooks(args: ParsedArgsOf<'codebook.import'>, ctx: HandlerContext): Promise<{ files: CodebookImportFile[] }> {
  const project = ctx.backend.project();
  const files: CodebookImportFile[] = [];
  for (const source of args.sources) {
    let name = 'uploadId' in source ? 'upload' : path.basename(source.path);
    let format: CodebookFormat | null = null;
    try {
      const located = locate(ctx, source);
      name = located.name;
      const codebook = await readCodebookFile(located.file, name, args.explicit ?? false);
      format = codebook.format;
      const counts = countImported(codebook);
      if (counts.concept + counts.theme + counts.dimension === 0) throw new AppError('IMPORT', `${name} holds no codes`, { file: name });
      const saved = project.step(`Import codebook “${name}”`, () => saveCodebook(project.db, codebook, project.coderIdIfKnown()));
      if ('uploadId' in source) ctx.backend.uploads.discard(source.uploadId);
      files.push({ name, status: 'imported', format, ...saved, reason: null });
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'INTERNAL') throw error;
      files.push({ name, status: 'failed', format, created: { concept: 0, theme: 0, dimension: 0 }, reused: 0, warnings: [], reason: error.message.startsWith(name) ? error.message : `${name}: ${error.message}` });
    }
  }
  return { files };
}
