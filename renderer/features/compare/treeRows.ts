import { useCallback, useMemo, useState } from 'react';
import type { LevelKey } from '../../../shared/model/levels';

/** A row of the Gioia tree as the analysis results give it (parents before their children). */
export interface TreeRowLike {
  readonly id: string;
  readonly parentId: string | null;
  readonly depth: number;
  readonly level: LevelKey;
}

/** A row to draw: where it is in the full list, and whether it can open. */
export interface VisibleRow<T> {
  readonly row: T;
  readonly index: number;
  readonly hasChildren: boolean;
  readonly open: boolean;
}

/**
 * The rows whose ancestors are all open, in tree order. Only these are drawn, so a codebook of 400
 * codes collapsed to its themes costs a few dozen table rows, not hundreds.
 */
export function visibleRows<T extends TreeRowLike>(rows: readonly T[], expanded: ReadonlySet<string>): VisibleRow<T>[] {
  const parents = new Set(rows.map((r) => r.parentId).filter((id): id is string => id !== null));
  const shown = new Set<string>();
  const out: VisibleRow<T>[] = [];
  rows.forEach((row, index) => {
    if (row.parentId !== null && !(shown.has(row.parentId) && expanded.has(row.parentId))) return;
    shown.add(row.id);
    out.push({ row, index, hasChildren: parents.has(row.id), open: expanded.has(row.id) });
  });
  return out;
}

/** The rows that are open by default: dimensions, so the tree shows dimensions and their themes. */
function defaultExpanded(rows: readonly TreeRowLike[]): Set<string> {
  return new Set(rows.filter((r) => r.level === 'dimension').map((r) => r.id));
}

/**
 * Open/closed state of a tree of rows: dimensions open by default (themes visible, concepts
 * folded away); the user's choices stick while the rows change underneath.
 */
export function useTreeExpansion<T extends TreeRowLike>(rows: readonly T[]) {
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const expanded = useMemo(() => chosen ?? defaultExpanded(rows), [chosen, rows]);
  const visible = useMemo(() => visibleRows(rows, expanded), [rows, expanded]);
  const toggle = useCallback(
    (id: string) =>
      setChosen(() => {
        const next = new Set(expanded);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [expanded],
  );
  const openAll = useCallback(() => setChosen(new Set(rows.map((r) => r.id))), [rows]);
  const openToThemes = useCallback(() => setChosen(defaultExpanded(rows)), [rows]);
  return { visible, toggle, openAll, openToThemes };
}
