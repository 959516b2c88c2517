import type { Caption } from './quoteTable';

// A small document model every export renders to, so the writers (DOCX, XLSX, CSV, Markdown,
// LaTeX, HTML) are written once for quote tables, overview tables and quote lists alike.

/** Text inside a paragraph, or a footnote the writer numbers (a real footnote in DOCX and LaTeX). */
export type DocInline =
  | { readonly kind: 'text'; readonly text: string; readonly bold?: boolean; readonly italic?: boolean }
  | { readonly kind: 'footnote'; readonly text: string };

/** A paragraph. */
export interface DocParagraph {
  readonly inlines: readonly DocInline[];
}

/** A cell, spanning `rowSpan` rows down and `colSpan` columns across (1 = itself only). */
export interface DocCell {
  readonly paragraphs: readonly DocParagraph[];
  readonly rowSpan: number;
  readonly colSpan: number;
}

/** A row; every column has a slot: a cell, or null where a span from above or the left covers it. */
export interface DocRow {
  /** body: data; total: a total line (bold); section: a heading inside the table (bold, full width). */
  readonly kind: 'body' | 'total' | 'section';
  readonly cells: readonly (DocCell | null)[];
}

/** A table with its caption, heading and header row (repeated on every page where the format can). */
export interface DocTable {
  readonly heading: string | null;
  readonly caption: Caption | null;
  /** The caption's label for Word's SEQ field ("Table", "Tabell"). */
  readonly captionLabel: string;
  readonly header: readonly string[];
  /** Relative column widths. */
  readonly widths: readonly number[];
  readonly rows: readonly DocRow[];
}

/** A document of tables. */
export interface ExportDoc {
  readonly title: string;
  readonly tables: readonly DocTable[];
}

/** A paragraph of plain text. */
export function para(text: string, style: { bold?: boolean; italic?: boolean } = {}): DocParagraph {
  return { inlines: [{ kind: 'text', text, ...style }] };
}

/** A cell of one or more paragraphs (strings become plain paragraphs). */
export function cell(
  content: string | DocParagraph | readonly (string | DocParagraph)[],
  span: { rowSpan?: number; colSpan?: number; bold?: boolean } = {},
): DocCell {
  const list = Array.isArray(content) ? content : [content];
  return {
    paragraphs: (list as readonly (string | DocParagraph)[]).map((p) => (typeof p === 'string' ? para(p, span.bold ? { bold: true } : {}) : p)),
    rowSpan: span.rowSpan ?? 1,
    colSpan: span.colSpan ?? 1,
  };
}

/** A paragraph's text, footnotes left out. */
export function paragraphText(p: DocParagraph): string {
  return p.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
}

/** A cell's text, paragraphs joined by `separator`, footnotes left out. */
export function cellText(c: DocCell, separator = '\n'): string {
  return c.paragraphs.map(paragraphText).join(separator);
}

/** Where the cell covering slot (row, col) starts, for writers that repeat merged values. */
export function originOf(table: DocTable, row: number, col: number): { row: number; col: number; cell: DocCell } | null {
  for (let r = row; r >= 0; r -= 1) {
    for (let c = col; c >= 0; c -= 1) {
      const candidate = table.rows[r]?.cells[c];
      if (candidate && r + candidate.rowSpan > row && c + candidate.colSpan > col) return { row: r, col: c, cell: candidate };
    }
  }
  return null;
}

/**
 * Why a table's spans do not tile its grid, or null when they do: each row has one slot per
 * header column, and every slot is either a cell or covered by exactly one span.
 */
export function tableShapeProblem(table: DocTable): string | null {
  const cols = table.header.length;
  const covered = table.rows.map(() => new Array<number>(cols).fill(0));
  for (const [r, row] of table.rows.entries()) {
    if (row.cells.length !== cols) return `row ${r + 1} has ${row.cells.length} slots for ${cols} columns`;
    for (const [c, slot] of row.cells.entries()) {
      if (!slot) continue;
      if (slot.rowSpan < 1 || slot.colSpan < 1) return `row ${r + 1}, column ${c + 1}: spans must be at least 1`;
      for (let dr = 0; dr < slot.rowSpan; dr += 1) {
        for (let dc = 0; dc < slot.colSpan; dc += 1) {
          const line = covered[r + dr];
          if (!line || c + dc >= cols) return `row ${r + 1}, column ${c + 1}: the span leaves the table`;
          line[c + dc]! += 1;
        }
      }
    }
  }
  for (const [r, line] of covered.entries()) {
    for (const [c, count] of line.entries()) {
      if (count !== 1) return `row ${r + 1}, column ${c + 1} is covered ${count} times`;
    }
  }
  return null;
}

/** The SEQ label of a caption: the last word before its number ("Tabell 5:" → "Tabell"), else "Table". */
export function captionLabelOf(caption: Caption | null): string {
  if (!caption || caption.number === null) return 'Table';
  const match = /([\p{L}]+)[\s\u00a0]*$/u.exec(caption.before);
  return match ? match[1]! : 'Table';
}
