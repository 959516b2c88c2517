import { levelOf } from '../model/levels';
import type { Matrix, MatrixMeasure } from './matrix';
import type { ColumnsSpec } from './columns';

/** What a measure's figures are, for captions and headers. */
export function measureLabel(measure: MatrixMeasure): string {
  switch (measure) {
    case 'codings':
      return 'Number of codings';
    case 'passages':
      return 'Number of coded passages';
    case 'informants':
      return 'Number of informants';
    case 'presence':
      return 'Present (1) or absent (0)';
    case 'percent':
      return 'Percent of the column’s informants';
    case 'chars':
      return 'Characters coded';
    default: {
      const never: never = measure;
      throw new Error(`unknown measure ${String(never)}`);
    }
  }
}

/** What the columns are, for captions: "informant", "case", "Role", "document". */
export function columnsLabel(columns: ColumnsSpec): string {
  switch (columns.kind) {
    case 'informants':
      return 'informant';
    case 'cases':
      return 'case';
    case 'documents':
      return 'document';
    case 'attribute':
      return columns.name;
    default: {
      const never: never = columns;
      throw new Error(`unknown columns ${String(never)}`);
    }
  }
}

/** A matrix laid out as a plain table for CSV, XLSX and Word. */
export interface MatrixTable {
  /** Level, Code, one header per column, Total. */
  readonly header: readonly string[];
  /** One line per row: the level's name, the code's label, the cells, the row total. */
  readonly body: readonly (readonly (string | number)[])[];
  /** The last line: "", "Total", column totals, grand total. */
  readonly totals: readonly (string | number)[];
  /** Per body line, the row's depth in the tree (for indentation and outline levels). */
  readonly depths: readonly number[];
}

/**
 * Lay a matrix out as a table, naming levels with the project's own level names (concept first,
 * e.g. ["1. ordens kode", "2. ordens kode", "3. ordens kode"]).
 */
export function matrixTable(matrix: Matrix, levelNames: readonly [string, string, string]): MatrixTable {
  return {
    header: ['Level', 'Code', ...matrix.cols.map((c) => c.label), 'Total'],
    body: matrix.rows.map((row, r) => [levelNames[levelOf(row.level) - 1]!, row.label, ...matrix.cells[r]!, matrix.rowTotals[r]!]),
    totals: ['', 'Total', ...matrix.colTotals, matrix.total],
    depths: matrix.rows.map((row) => row.depth),
  };
}

/**
 * The matrix as the CLI and scripts read it: `{"rows":[{"id","label","level"}],"cols":[{"id","label"}],"cells":[[…]]}`
 * with `cells[row][col]` — exactly these keys, nothing else.
 */
export function matrixJson(matrix: Matrix): {
  rows: { id: string; label: string; level: string }[];
  cols: { id: string | null; label: string }[];
  cells: number[][];
} {
  return {
    rows: matrix.rows.map((r) => ({ id: r.id, label: r.label, level: r.level })),
    cols: matrix.cols.map((c) => ({ id: c.id, label: c.label })),
    cells: matrix.cells.map((line) => [...line]),
  };
}

/**
 * The share of the largest cell, 0..1, for heat shading (0 for empty cells; percent cells against
 * 100, presence against 1, counts against the matrix's largest cell).
 */
export function heat(matrix: Pick<Matrix, 'measure' | 'max'>, value: number): number {
  if (value <= 0) return 0;
  const top = matrix.measure === 'percent' ? 100 : matrix.measure === 'presence' ? 1 : matrix.max;
  return top > 0 ? Math.min(1, value / top) : 0;
}

/** A heat colour between white and `#2b6cb0` (as `RRGGBB`, no #) for a share 0..1. */
export function heatColor(share: number): string {
  const from = [255, 255, 255];
  const to = [43, 108, 176];
  return from.map((f, i) => Math.round(f + (to[i]! - f) * Math.max(0, Math.min(1, share))).toString(16).padStart(2, '0')).join('').toUpperCase();
}
