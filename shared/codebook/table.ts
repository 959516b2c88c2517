import { dsvFormat } from 'd3-dsv';
import { AppError } from '../api/errors';
import type { Level } from '../model/levels';
import { CodebookBuilder } from './builder';
import type { ImportedCodebook } from './model';

/** Which column holds what, by 0-based index. */
export interface TableColumns {
  readonly level: Partial<Record<Level, number>>;
  /** Definition columns per level; `any` is a plain "definition" column (of the row's deepest code). */
  readonly definition: Partial<Record<Level | 'any', number>>;
  readonly memo: number | null;
}

const DEFINITION = /defini|descri|beskriv|forklaring|comment|kommentar/;
const MEMO = /\bmemo\b|notat|\bnotes?\b/;

/** The level a header cell names, or null. Ordinal names ("2. ordens kode") win over generic words. */
function headerLevel(cell: string): Level | null {
  if (/(^|[^\p{L}\d])(3|tredje|third|3rd)[\s.-]*(ordens?|order)/u.test(cell)) return 3;
  if (/(^|[^\p{L}\d])(2|andre|second|2nd)[\s.-]*(ordens?|order)/u.test(cell)) return 2;
  if (/(^|[^\p{L}\d])(1|første|forste|first|1st)[\s.-]*(ordens?|order)/u.test(cell)) return 1;
  if (/dimens|aggreg/.test(cell)) return 3;
  if (/theme|tema|categor|kategori|group|gruppe/.test(cell)) return 2;
  if (/concept|begrep|\bcodes?\b|\bkoder?\b|\btags?\b/.test(cell)) return 1;
  return null;
}

/** The column map of a header row, or null when the row does not name at least two levels (or a concept and its definition). */
export function readHeader(row: readonly string[]): TableColumns | null {
  const level: Partial<Record<Level, number>> = {};
  const definition: Partial<Record<Level | 'any', number>> = {};
  let memo: number | null = null;
  row.forEach((raw, index) => {
    const cell = raw.toLocaleLowerCase('nb').trim();
    if (!cell) return;
    const lvl = headerLevel(cell);
    if (DEFINITION.test(cell)) {
      const key = lvl ?? 'any';
      if (definition[key] === undefined) definition[key] = index;
    } else if (MEMO.test(cell)) {
      if (memo === null) memo = index;
    } else if (lvl !== null && level[lvl] === undefined) level[lvl] = index;
  });
  const levels = Object.keys(level).length;
  const hasDefinition = Object.keys(definition).length > 0;
  if (levels >= 2 || (level[1] !== undefined && hasDefinition)) return { level, definition, memo };
  return null;
}

/** Columns when a file has no header: dimension, theme, concept, definition. */
export const POSITIONAL_COLUMNS: TableColumns = { level: { 3: 0, 2: 1, 1: 2 }, definition: { any: 3 }, memo: null };

/** The header row among the first rows (spreadsheets often start with a title), or null. */
export function findHeader(rows: readonly (readonly string[])[]): { readonly index: number; readonly columns: TableColumns } | null {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const columns = readHeader(rows[i]!);
    if (columns) return { index: i, columns };
  }
  return null;
}

/**
 * Turn table rows (dimension, theme, concept, definition — in any order, named by a header, or in
 * that order without one when `positional`) into a codebook. A blank dimension or theme cell
 * repeats the one above (merged cells in a spreadsheet), until a new value starts a new group; so
 * concepts not yet grouped go before the grouped ones.
 */
export function rowsToCodebook(rows: readonly (readonly string[])[], fileName: string, options: { positional?: boolean } = {}): ImportedCodebook {
  const header = findHeader(rows);
  if (!header && !options.positional) {
    throw new AppError(
      'IMPORT',
      `${fileName}: no header row naming the columns (e.g. “dimension, theme, concept, definition” or “3. ordens kode, 2. ordens kode, 1. ordens kode, definisjon”) in the first 10 rows`,
      { file: fileName },
    );
  }
  const columns = header?.columns ?? POSITIONAL_COLUMNS;
  const start = header ? header.index + 1 : 0;
  const builder = new CodebookBuilder();
  const cell = (row: readonly string[], index: number | undefined | null) => (index === undefined || index === null ? '' : (row[index] ?? '').replace(/\s+/g, ' ').trim());
  const text = (row: readonly string[], index: number | undefined | null) => (index === undefined || index === null ? '' : (row[index] ?? '').trim());
  let prevDimension = '';
  let prevTheme = '';
  for (let i = start; i < rows.length; i++) {
    const row = rows[i]!;
    const where = `${fileName} line ${i + 1}`;
    let dimension = cell(row, columns.level[3]);
    let theme = cell(row, columns.level[2]);
    const concept = cell(row, columns.level[1]);
    if (!dimension && !theme && !concept) continue;
    if (dimension && dimension !== prevDimension) prevTheme = '';
    if (!dimension && (theme || concept)) dimension = prevDimension;
    if (!theme && concept) theme = prevTheme;
    prevDimension = dimension;
    prevTheme = theme;
    const deepest: Level = concept ? 1 : theme ? 2 : 3;
    const definitionOf = (level: Level) => text(row, columns.definition[level]) || (level === deepest ? text(row, columns.definition.any) : '');
    const memoOf = (level: Level) => (level === deepest ? text(row, columns.memo) : '');
    const dim = dimension ? builder.add(3, dimension, null, { description: definitionOf(3), memo: memoOf(3) }, where) : null;
    const th = theme ? builder.add(2, theme, dim, { description: definitionOf(2), memo: memoOf(2) }, where) : null;
    if (concept) {
      if (!th && dim) builder.warnings.push(`${where}: “${concept}” has a dimension but no theme; it is imported as not yet grouped`);
      builder.add(1, concept, th, { description: definitionOf(1), memo: memoOf(1) }, where);
    }
  }
  if (builder.size === 0) throw new AppError('IMPORT', `${fileName}: no codes found below the header`, { file: fileName });
  return { format: 'table', title: null, roots: builder.roots(), warnings: builder.warnings };
}

/** The field separator of a delimited text: tab, semicolon (Excel in Norwegian) or comma, by the first line. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => outsideQuotes.split(c).length - 1;
  const candidates: (',' | ';' | '\t')[] = ['\t', ';', ','];
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ',' as ',' | ';' | '\t');
}

/** Parse delimited text (CSV with commas or semicolons, or TSV) into rows of cells. */
export function parseDelimited(text: string): string[][] {
  const lf = text.replace(/\r\n?/g, '\n');
  return dsvFormat(detectDelimiter(lf)).parseRows(lf);
}

/** Read a CSV/TSV codebook. */
export function parseCodebookCsv(text: string, fileName: string, options: { positional?: boolean } = {}): ImportedCodebook {
  return rowsToCodebook(parseDelimited(text), fileName, options);
}
