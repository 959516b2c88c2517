import type { TextRange } from './offsets';

/** Something anchored in the text with an id, e.g. a coding. */
export interface Anchored extends TextRange {
  readonly id: string;
}

/** A maximal stretch of text covered by the same set of anchors (possibly none). */
export interface Run extends TextRange {
  readonly ids: readonly string[];
}

/**
 * Sweep anchors over `[window.start, window.end)` into consecutive runs, each carrying the ids of
 * every anchor covering it (sorted by anchor start, then id, so the order is stable). Runs cover the
 * whole window without gaps; uncoded stretches have `ids: []`. Overlapping codings therefore become
 * flat siblings carrying several ids — the shape the transcript's MarkNodes take.
 */
export function sweepRuns(anchors: readonly Anchored[], window: TextRange): Run[] {
  interface Edge { at: number; open: boolean; anchor: Anchored }
  const edges: Edge[] = [];
  for (const anchor of anchors) {
    const start = Math.max(anchor.start, window.start);
    const end = Math.min(anchor.end, window.end);
    if (start >= end) continue;
    edges.push({ at: start, open: true, anchor }, { at: end, open: false, anchor });
  }
  edges.sort((a, b) => a.at - b.at);
  const rank = (a: Anchored, b: Anchored) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const active: Anchored[] = [];
  const runs: Run[] = [];
  let cursor = window.start;
  let i = 0;
  while (i < edges.length) {
    const at = edges[i]!.at;
    if (at > cursor) {
      runs.push({ start: cursor, end: at, ids: active.map((a) => a.id) });
      cursor = at;
    }
    for (; i < edges.length && edges[i]!.at === at; i += 1) {
      const edge = edges[i]!;
      if (edge.open) {
        let pos = active.length;
        while (pos > 0 && rank(active[pos - 1]!, edge.anchor) > 0) pos -= 1;
        active.splice(pos, 0, edge.anchor);
      } else {
        active.splice(active.indexOf(edge.anchor), 1);
      }
    }
  }
  if (cursor < window.end || runs.length === 0) runs.push({ start: cursor, end: window.end, ids: [] });
  return runs;
}
