import { dsvFormat } from 'd3-dsv';

// Delimited text tables (CSV, TSV, the semicolon CSV Excel writes in Norwegian and German locales):
// parsing with the delimiter detected, and writing what Excel opens correctly.

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of a delimited text: the candidate that splits the first rows (quotes respected)
 * into the same number (≥ 2) of fields most consistently, preferring more fields on a tie.
 * Defaults to a comma (a one-column file).
 */
export function sniffDelimiter(text: string): string {
  const sample = text.slice(0, 65536);
  let best: { delimiter: string; score: number; width: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const rows = dsvFormat(delimiter)
      .parseRows(sample)
      .slice(0, 50)
      .filter((row) => row.some((cell) => cell.trim() !== ''));
    const widths = new Map<number, number>();
    for (const row of rows) widths.set(row.length, (widths.get(row.length) ?? 0) + 1);
    const [width, count] = [...widths].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [1, 0];
    if (width < 2) continue;
    const score = count / Math.max(rows.length, 1);
    if (!best || score > best.score + 0.05 || (Math.abs(score - best.score) <= 0.05 && width > best.width)) best = { delimiter, score, width };
  }
  return best?.delimiter ?? ',';
}

/** The rows of a delimited text (BOM dropped, CRLF handled, quoted fields with newlines kept whole). */
export function parseDelimited(text: string, delimiter?: string): { rows: string[][]; delimiter: string } {
  const clean = text.replace(/^\uFEFF/, '');
  const used = delimiter ?? sniffDelimiter(clean);
  return { rows: dsvFormat(used).parseRows(clean).map((row) => row.map((cell) => cell.replace(/\r\n?/g, '\n'))), delimiter: used };
}

/**
 * Rows as CSV text for spreadsheets: comma-separated, fields quoted where needed, CRLF line ends, a
 * UTF-8 byte-order mark first so Excel reads æ, ø, å and emoji. Numbers are written as JavaScript
 * writes them (a decimal point).
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const format = dsvFormat(',');
  const lines = rows.map((row) => format.formatRow(row.map((cell) => (cell === null ? '' : String(cell)))));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
