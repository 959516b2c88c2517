import { csvFormatRows } from 'd3-dsv';
import type { Level } from '../model/levels';
import type { CodeSupport, StructureCodeInput } from '../layout/structureTree';

/** A code as the codebook export needs it. */
export interface ExportCodeInput extends StructureCodeInput {
  readonly description: string;
}

/** One row of the exported codebook table: one code, with the codes above it named. */
export interface CodebookRow {
  readonly codeId: string;
  readonly level: Level;
  readonly dimension: string;
  readonly theme: string;
  readonly concept: string;
  readonly definition: string;
  readonly codings: number;
  readonly informants: number;
  readonly representative: number;
}

/** Column headers: the project's level names (highest first), then definition and counts. */
export function codebookHeader(levelNames: readonly [string, string, string]): string[] {
  return [levelNames[2], levelNames[1], levelNames[0], 'Definition', 'Codings', 'Informants', 'Representative quotes'];
}

/**
 * The codebook as table rows in reading order: concepts not yet grouped first, then themes without
 * a dimension with their concepts, then each dimension, its themes and their concepts (manual
 * order). Every cell is written out, and the ungrouped come first, so the table reads back the
 * same through the codebook import (which repeats blank cells from the row above).
 * Codes not placed in the three levels are left out.
 */
export function codebookRows(codes: readonly ExportCodeInput[], support: ReadonlyMap<string, CodeSupport>): CodebookRow[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const placed = codes.filter((c) => c.level !== null);
  const parentOf = (c: ExportCodeInput) => {
    const p = c.parentId ? byId.get(c.parentId) : undefined;
    return p && p.level === (c.level ?? 0) + 1 ? p : null;
  };
  const children = (parent: ExportCodeInput | null, level: Level) =>
    placed
      .filter((c) => c.level === level && parentOf(c)?.id === (parent?.id ?? undefined))
      .sort((a, b) => a.sortOrder - b.sortOrder || a.label.localeCompare(b.label));
  const rows: CodebookRow[] = [];
  const push = (code: ExportCodeInput, dimension: string, theme: string) => {
    const s = support.get(code.id);
    rows.push({
      codeId: code.id,
      level: code.level!,
      dimension,
      theme,
      concept: code.level === 1 ? code.label : '',
      definition: code.description,
      codings: s?.codings ?? 0,
      informants: s?.informants ?? 0,
      representative: s?.representative ?? 0,
    });
  };
  const theme = (t: ExportCodeInput, dimension: string) => {
    push(t, dimension, t.label);
    for (const c of children(t, 1)) push(c, dimension, t.label);
  };
  for (const c of children(null, 1)) push(c, '', '');
  for (const t of children(null, 2)) theme(t, '');
  for (const d of children(null, 3)) {
    push(d, d.label, '');
    for (const t of children(d, 2)) theme(t, d.label);
  }
  return rows;
}

/** The rows' cells in header order. */
export function rowCells(row: CodebookRow): string[] {
  return [row.dimension, row.theme, row.concept, row.definition, String(row.codings), String(row.informants), String(row.representative)];
}

/** The codebook as CSV (comma separated, RFC 4180 quoting, with a BOM so Excel reads æøå right). */
export function codebookCsv(rows: readonly CodebookRow[], levelNames: readonly [string, string, string]): string {
  return `\uFEFF${csvFormatRows([codebookHeader(levelNames), ...rows.map(rowCells)]).replace(/\n/g, '\r\n')}\r\n`;
}

function mdEscape(text: string): string {
  return text.replace(/([\\`*_[\]#|<>])/g, '\\$1').replace(/\s*\n\s*/g, ' ');
}

function counts(row: CodebookRow): string {
  const parts = [`${row.codings} ${row.codings === 1 ? 'coding' : 'codings'}`, `${row.informants} ${row.informants === 1 ? 'informant' : 'informants'}`];
  if (row.representative > 0) parts.push(`${row.representative} representative`);
  return parts.join(', ');
}

/**
 * The codebook as Markdown: a heading per dimension and theme with its definition and counts, and
 * a list of concepts; concepts not yet grouped and themes without a dimension under their own heading.
 */
export function codebookMarkdown(rows: readonly CodebookRow[], title: string, levelNames: readonly [string, string, string]): string {
  const out: string[] = [`# ${mdEscape(title)}`, '', `${levelNames[2]} → ${levelNames[1]} → ${levelNames[0]}`, ''];
  let section = '';
  for (const row of rows) {
    const definition = row.definition.trim() ? ` ${mdEscape(row.definition.trim())}` : '';
    if (row.level === 3) {
      out.push('', `## ${mdEscape(row.dimension)}`, '', `${definition.trim() ? `${definition.trim()} ` : ''}*(${counts(row)})*`, '');
      section = 'dimension';
    } else if (row.level === 2) {
      if (!row.dimension && section !== 'loose') {
        out.push('', `## ${levelNames[1]} without ${levelNames[2].toLowerCase()}`, '');
        section = 'loose';
      }
      out.push('', `### ${mdEscape(row.theme)}`, '', `${definition.trim() ? `${definition.trim()} ` : ''}*(${counts(row)})*`, '');
    } else {
      if (!row.theme && section !== 'ungrouped') {
        out.push('', '## Not yet grouped', '');
        section = 'ungrouped';
      }
      out.push(`- **${mdEscape(row.concept)}**${definition ? ` —${definition}` : ''} *(${counts(row)})*`);
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
