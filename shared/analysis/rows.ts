import { levelKey, type LevelKey } from '../model/levels';
import type { AnalysisCode } from './data';

/**
 * Which codes become rows: the whole Gioia tree (dimensions ▸ themes ▸ concepts, each parent followed
 * by its children), or one level only, in tree order.
 */
export type RowsMode = 'tree' | 'dimensions' | 'themes' | 'concepts';

/** The row modes, for menus and the CLI. */
export const ROWS_MODES: readonly RowsMode[] = ['tree', 'dimensions', 'themes', 'concepts'];

/** A row of a matrix: a code of the Gioia tree. */
export interface MatrixRow {
  readonly id: string;
  readonly label: string;
  readonly level: LevelKey;
  /** The row's parent row in tree mode (null at the top, and always null in single-level modes). */
  readonly parentId: string | null;
  /** Indentation in tree mode (0 for top rows and in single-level modes). */
  readonly depth: number;
  readonly color: string;
}

/** Rows and, for every placed code, the rows its codings count in (its own row and its ancestors' rows). */
export interface BuiltRows {
  readonly rows: readonly MatrixRow[];
  /** code id → indices of the rows whose figures include that code's codings. */
  readonly rowsOfCode: ReadonlyMap<string, readonly number[]>;
  /** Codes outside the three Gioia levels; their codings are in no row. */
  readonly unplaced: readonly string[];
}

function wanted(mode: RowsMode, level: 1 | 2 | 3): boolean {
  switch (mode) {
    case 'tree':
      return true;
    case 'dimensions':
      return level === 3;
    case 'themes':
      return level === 2;
    case 'concepts':
      return level === 1;
    default: {
      const never: never = mode;
      throw new Error(`unknown rows mode ${String(never)}`);
    }
  }
}

/**
 * The rows for `mode` from the codebook (given in sibling order). Tree order is: each dimension with
 * its themes and their concepts, then themes without a dimension, then concepts without a theme.
 * A row aggregates its own code and every code below it.
 */
export function buildRows(codes: readonly AnalysisCode[], mode: RowsMode): BuiltRows {
  const placed = codes.filter((c): c is AnalysisCode & { level: 1 | 2 | 3 } => c.level !== null);
  const byId = new Map(placed.map((c) => [c.id, c]));
  const children = new Map<string | null, (AnalysisCode & { level: 1 | 2 | 3 })[]>();
  for (const c of placed) {
    const parent = c.parentId && byId.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const roots = [...(children.get(null) ?? [])].sort((a, b) => b.level - a.level);
  const rows: MatrixRow[] = [];
  const rowIndex = new Map<string, number>();
  const visit = (code: AnalysisCode & { level: 1 | 2 | 3 }, parentRow: string | null, depth: number) => {
    let nextParent = parentRow;
    let nextDepth = depth;
    if (wanted(mode, code.level)) {
      rowIndex.set(code.id, rows.length);
      rows.push({ id: code.id, label: code.label, level: levelKey(code.level), parentId: mode === 'tree' ? parentRow : null, depth: mode === 'tree' ? depth : 0, color: code.color });
      nextParent = code.id;
      nextDepth = depth + 1;
    }
    for (const child of children.get(code.id) ?? []) visit(child, nextParent, nextDepth);
  };
  for (const root of roots) visit(root, null, 0);

  const rowsOfCode = new Map<string, number[]>();
  for (const code of placed) {
    const indices: number[] = [];
    const seen = new Set<string>();
    let at: string | null = code.id;
    while (at && !seen.has(at)) {
      seen.add(at);
      const index = rowIndex.get(at);
      if (index !== undefined) indices.push(index);
      at = byId.get(at)?.parentId ?? null;
    }
    rowsOfCode.set(code.id, indices);
  }
  return { rows, rowsOfCode, unplaced: codes.filter((c) => c.level === null).map((c) => c.id) };
}
