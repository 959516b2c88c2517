import { buildColumns, type MatrixColumn, type ResolvedColumns } from './columns';
import { factsOf, type AnalysisData } from './data';
import { unionRanges } from './intervals';
import { buildRows, type MatrixRow, type RowsMode } from './rows';

/**
 * What a matrix cell shows. A cell (row r, column c) holds the facts (see `Fact`) whose code is r's
 * code or any code below it, and which count in column c. Over those facts:
 *
 * - `codings`: the number of distinct codings. Each coding is one record with one code, so a row
 *   never counts a coding twice, however many informants or child codes it reaches the row through.
 *   A passage coded with two concepts of one theme is two codings of that theme.
 * - `passages`: the number of separate stretches of text the cell's codings cover: overlapping
 *   codings (in the same document) merge into one stretch, so a passage coded with two concepts of
 *   one theme counts once for the theme. Codings that only touch (`[0,5)` and `[5,9)`) stay two.
 * - `informants`: the number of distinct informants the cell's codings are attributed to. An
 *   informant counts once per cell however many codings, concepts or interviews it has there, so a
 *   theme's figure is the distinct informants over all its concepts, never a sum.
 * - `presence`: 1 when the cell has at least one coding, else 0.
 * - `percent`: `informants` as a percentage of the column's informants (`MatrixColumn.informants`),
 *   rounded to one decimal; 0 when the column has no informants.
 * - `chars`: the UTF-16 code units of text the cell's codings cover, overlapping codings counted
 *   once (the size of the union of their ranges). A coding across two speakers' turns contributes
 *   its whole range to each of them.
 */
export type MatrixMeasure = 'codings' | 'passages' | 'informants' | 'presence' | 'percent' | 'chars';

/** The measures, for menus and the CLI. */
export const MATRIX_MEASURES: readonly MatrixMeasure[] = ['codings', 'passages', 'informants', 'presence', 'percent', 'chars'];

/** A computed matrix. `cells[row][col]`; totals use the same measure over every column (row totals) or every row (column totals). */
export interface Matrix {
  readonly measure: MatrixMeasure;
  readonly rows: readonly MatrixRow[];
  readonly cols: readonly MatrixColumn[];
  readonly cells: readonly (readonly number[])[];
  /** Per row, the measure over all the row's facts, whatever column they are in (percent: of all informants). */
  readonly rowTotals: readonly number[];
  /** Per column, the measure over every coding some row counts (each once, however many rows it is in). */
  readonly colTotals: readonly number[];
  /** The measure over every coding some row counts (percent: of all informants). */
  readonly total: number;
  /** The largest cell value (for heat shading). */
  readonly max: number;
  /** How many informants the analysis covers (the denominator of the percent totals). */
  readonly informants: number;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Accumulators for a grid of cells, each counting distinct codings (and, when the measure needs
 * them, the distinct informants or the codings themselves). Facts of one coding arrive together,
 * so "have I counted this coding here?" is one comparison with the last coding counted.
 */
class Grid {
  private readonly last: Int32Array;
  readonly counts: Int32Array;
  readonly people: (Set<number> | undefined)[];
  readonly lists: (number[] | undefined)[];
  private readonly wantPeople: boolean;
  private readonly wantLists: boolean;

  constructor(size: number, measure: MatrixMeasure) {
    this.last = new Int32Array(size).fill(-1);
    this.counts = new Int32Array(size);
    this.wantPeople = measure === 'informants' || measure === 'percent';
    this.wantLists = measure === 'passages' || measure === 'chars';
    this.people = this.wantPeople ? new Array<Set<number> | undefined>(size) : [];
    this.lists = this.wantLists ? new Array<number[] | undefined>(size) : [];
  }

  add(cell: number, coding: number, person: number): void {
    if (this.last[cell] !== coding) {
      this.last[cell] = coding;
      this.counts[cell] = this.counts[cell]! + 1;
      if (this.wantLists) (this.lists[cell] ??= []).push(coding);
    }
    if (this.wantPeople && person >= 0) (this.people[cell] ??= new Set()).add(person);
  }
}

/**
 * The union of some codings' ranges: how many separate stretches and how many code units. Codings
 * listed in (document, start) order — as the backend loads them — are merged in one pass; any
 * other order goes through `unionRanges`.
 */
function unionOfCodings(data: AnalysisData, indices: readonly number[]): { stretches: number; units: number } {
  let stretches = 0;
  let units = 0;
  let document: string | null = null;
  let start = 0;
  let end = 0;
  for (const i of indices) {
    const c = data.codings[i]!;
    if (c.end <= c.start) continue;
    if (document !== null && (c.documentId < document || (c.documentId === document && c.start < start))) {
      const union = unionRanges(indices.map((k) => ({ document: data.codings[k]!.documentId, start: data.codings[k]!.start, end: data.codings[k]!.end })));
      return { stretches: union.length, units: union.reduce((sum, r) => sum + (r.end - r.start), 0) };
    }
    if (c.documentId === document && c.start < end) {
      if (c.end > end) end = c.end;
      continue;
    }
    if (document !== null) {
      stretches += 1;
      units += end - start;
    }
    document = c.documentId;
    start = c.start;
    end = c.end;
  }
  if (document !== null) {
    stretches += 1;
    units += end - start;
  }
  return { stretches, units };
}

/** The value of `measure` for one cell of `grid`; `population` is the column's informant count. */
function measureOf(measure: MatrixMeasure, grid: Grid, cell: number, data: AnalysisData, population: number): number {
  switch (measure) {
    case 'codings':
      return grid.counts[cell]!;
    case 'informants':
      return grid.people[cell]?.size ?? 0;
    case 'presence':
      return grid.counts[cell]! > 0 ? 1 : 0;
    case 'percent':
      return population > 0 ? round1((100 * (grid.people[cell]?.size ?? 0)) / population) : 0;
    case 'passages':
    case 'chars': {
      const union = unionOfCodings(data, grid.lists[cell] ?? []);
      return measure === 'passages' ? union.stretches : union.units;
    }
    default: {
      const never: never = measure;
      throw new Error(`unknown measure ${String(never)}`);
    }
  }
}

/**
 * Compute a matrix: rows from the Gioia tree (`rowsMode`), columns from `columns`, cells holding
 * `measure` (see `MatrixMeasure` for the exact definitions). Pure: everything comes from `data`.
 */
export function computeMatrix(data: AnalysisData, rowsMode: RowsMode, columns: ResolvedColumns, measure: MatrixMeasure): Matrix {
  const { rows, rowsOfCode } = buildRows(data.codes, rowsMode);
  const built = buildColumns(data, columns);
  const cols = built.columns;
  // The grid has one extra column (row totals) and one extra row (column totals, grand total).
  const width = cols.length + 1;
  const totalsRow = rows.length * width;
  const grid = new Grid((rows.length + 1) * width, measure);
  const person = new Map(data.informants.map((i, n) => [i.id, n]));
  const informantCase = new Map(data.informants.map((i) => [i.id, i.caseId]));
  const documentCase = new Map(data.documents.map((d) => [d.id, d.caseId]));
  const nobody: readonly (string | null)[] = [null];
  // One mutable fact, filled for each attribution in turn: no allocation per fact.
  const fact: { coding: number; codeId: string; documentId: string; informantId: string | null; caseId: string | null } = {
    coding: 0,
    codeId: '',
    documentId: '',
    informantId: null,
    caseId: null,
  };
  data.codings.forEach((coding, index) => {
    const rowIndices = rowsOfCode.get(coding.codeId);
    if (!rowIndices || rowIndices.length === 0) return;
    const docCase = documentCase.get(coding.documentId) ?? null;
    fact.coding = index;
    fact.codeId = coding.codeId;
    fact.documentId = coding.documentId;
    for (const informantId of coding.informantIds.length > 0 ? coding.informantIds : nobody) {
      fact.informantId = informantId;
      fact.caseId = informantId ? (informantCase.get(informantId) ?? docCase) : docCase;
      const who = informantId ? (person.get(informantId) ?? -1) : -1;
      const colIndices = built.assign(fact);
      for (const r of rowIndices) {
        const base = r * width;
        for (const c of colIndices) grid.add(base + c, index, who);
        grid.add(base + cols.length, index, who);
      }
      for (const c of colIndices) grid.add(totalsRow + c, index, who);
      grid.add(totalsRow + cols.length, index, who);
    }
  });
  const informants = data.informants.length;
  const cells = rows.map((_, r) => cols.map((col, c) => measureOf(measure, grid, r * width + c, data, col.informants)));
  const max = cells.reduce((m, line) => line.reduce((mm, v) => Math.max(mm, v), m), 0);
  return {
    measure,
    rows,
    cols,
    cells,
    rowTotals: rows.map((_, r) => measureOf(measure, grid, r * width + cols.length, data, informants)),
    colTotals: cols.map((col, c) => measureOf(measure, grid, totalsRow + c, data, col.informants)),
    total: measureOf(measure, grid, totalsRow + cols.length, data, informants),
    max,
    informants,
  };
}

/**
 * The codings behind one cell (by row id and column id; `colId` undefined = the row total), as
 * indices into `data.codings`, in document order then by position. Returns null when the row or
 * column does not exist (any more).
 */
export function cellCodings(data: AnalysisData, rowsMode: RowsMode, columns: ResolvedColumns, rowId: string, colId: string | null | undefined): number[] | null {
  const { rows, rowsOfCode } = buildRows(data.codes, rowsMode);
  const row = rows.findIndex((r) => r.id === rowId);
  if (row < 0) return null;
  const built = buildColumns(data, columns);
  const col = colId === undefined ? -1 : built.columns.findIndex((c) => c.id === colId);
  if (colId !== undefined && col < 0) return null;
  const found = new Set<number>();
  for (const fact of factsOf(data)) {
    if (!(rowsOfCode.get(fact.codeId) ?? []).includes(row)) continue;
    if (col >= 0 && !built.assign(fact).includes(col)) continue;
    found.add(fact.coding);
  }
  return inDocumentOrder(data, found);
}

/** Coding indices sorted as the user reads them: by document (in the user's order), then position. */
export function inDocumentOrder(data: AnalysisData, indices: Iterable<number>): number[] {
  const documentOrder = new Map(data.documents.map((d, n) => [d.id, n]));
  return [...indices].sort((a, b) => {
    const ca = data.codings[a]!;
    const cb = data.codings[b]!;
    return (documentOrder.get(ca.documentId) ?? 0) - (documentOrder.get(cb.documentId) ?? 0) || ca.start - cb.start || ca.end - cb.end;
  });
}
