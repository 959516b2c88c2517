import type { LevelKey } from '../model/levels';
import type { AnalysisData } from './data';
import { buildRows, type MatrixRow, type RowsMode } from './rows';
import { SpanIndex } from './turnIndex';

/**
 * When two codings co-occur:
 * - `passage`: their ranges overlap by at least one code unit (in the same document);
 * - `turn`: both overlap the same speaker turn (they need not overlap each other).
 */
export type CooccurrenceMode = 'passage' | 'turn';

/** A speaker turn `[start, end)` of a document. */
export interface TurnRange {
  readonly id: string;
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
}

/** A code × code co-occurrence matrix. */
export interface Cooccurrence {
  readonly mode: CooccurrenceMode;
  readonly codes: readonly MatrixRow[];
  /**
   * `cells[x][y]` (x ≠ y): the number of pairs (a coding under code x, a coding under code y) that
   * co-occur; each pair of codings counts once however many turns they share. Symmetric.
   * `cells[x][x]`: the number of codings under code x (for reference; not a co-occurrence).
   * Pairs of codings under the same code (two concepts of one theme, at theme level) are not counted.
   */
  readonly cells: readonly (readonly number[])[];
  /** The largest off-diagonal cell. */
  readonly max: number;
}

function byDocument<T extends { readonly documentId: string; readonly start: number }>(items: readonly T[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  items.forEach((item, index) => {
    const list = out.get(item.documentId);
    if (list) list.push(index);
    else out.set(item.documentId, [index]);
  });
  for (const list of out.values()) list.sort((x, y) => items[x]!.start - items[y]!.start);
  return out;
}

/**
 * Every pair of co-occurring codings as `[i, j]` indices into `codings` with i < j, each pair once.
 * Passage mode sweeps each document's codings in start order; turn mode finds, for every coding, the
 * turns it overlaps (`SpanIndex`), then pairs the codings of each turn.
 */
export function cooccurringPairs(
  codings: readonly { readonly documentId: string; readonly start: number; readonly end: number }[],
  turns: readonly TurnRange[],
  mode: CooccurrenceMode,
): [number, number][] {
  const pairs: [number, number][] = [];
  const seen = new Set<number>();
  const n = codings.length;
  const push = (x: number, y: number) => {
    const [i, j] = x < y ? [x, y] : [y, x];
    const key = i * n + j;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([i, j]);
  };
  const codingsByDoc = byDocument(codings);
  if (mode === 'passage') {
    for (const list of codingsByDoc.values()) {
      let active: number[] = [];
      for (const index of list) {
        const c = codings[index]!;
        active = active.filter((a) => codings[a]!.end > c.start);
        if (c.end > c.start) for (const a of active) push(a, index);
        if (c.end > c.start) active.push(index);
      }
    }
    return pairs;
  }
  const turnsByDoc = new Map<string, TurnRange[]>();
  for (const t of turns) {
    const list = turnsByDoc.get(t.documentId);
    if (list) list.push(t);
    else turnsByDoc.set(t.documentId, [t]);
  }
  for (const [documentId, list] of codingsByDoc) {
    const index = new SpanIndex(turnsByDoc.get(documentId) ?? []);
    const members = new Map<number, number[]>();
    for (const codingIndex of list) {
      const c = codings[codingIndex]!;
      if (c.end <= c.start) continue;
      index.forEachOverlapping(c.start, c.end, (_turn, t) => {
        const m = members.get(t);
        if (m) m.push(codingIndex);
        else members.set(t, [codingIndex]);
      });
    }
    for (const m of members.values()) for (let x = 0; x < m.length; x += 1) for (let y = x + 1; y < m.length; y += 1) push(m[x]!, m[y]!);
  }
  return pairs;
}

function rowsModeFor(level: LevelKey): RowsMode {
  switch (level) {
    case 'concept':
      return 'concepts';
    case 'theme':
      return 'themes';
    case 'dimension':
      return 'dimensions';
    default: {
      const never: never = level;
      throw new Error(`unknown level ${String(never)}`);
    }
  }
}

/** For each coding, the index of the code at `level` it falls under (itself or an ancestor), or -1. */
function codeIndexOfCodings(data: AnalysisData, level: LevelKey): { rows: readonly MatrixRow[]; of: number[] } {
  const { rows, rowsOfCode } = buildRows(data.codes, rowsModeFor(level));
  return { rows, of: data.codings.map((c) => rowsOfCode.get(c.codeId)?.[0] ?? -1) };
}

/** The co-occurrence matrix of the codes at `level` (see `Cooccurrence` for what a cell counts). */
export function computeCooccurrence(data: AnalysisData, turns: readonly TurnRange[], level: LevelKey, mode: CooccurrenceMode): Cooccurrence {
  const { rows, of } = codeIndexOfCodings(data, level);
  const cells = rows.map(() => new Array<number>(rows.length).fill(0));
  for (const x of of) if (x >= 0) cells[x]![x]! += 1;
  let max = 0;
  for (const [i, j] of cooccurringPairs(data.codings, turns, mode)) {
    const x = of[i]!;
    const y = of[j]!;
    if (x < 0 || y < 0 || x === y) continue;
    cells[x]![y]! += 1;
    cells[y]![x]! += 1;
    max = Math.max(max, cells[x]![y]!);
  }
  return { mode, codes: rows, cells, max };
}

/**
 * The co-occurring pairs behind cell (a, b): `[codingUnderA, codingUnderB]` indices into
 * `data.codings`, in document order. Null when either code is not a code at `level`.
 */
export function cooccurrenceCell(
  data: AnalysisData,
  turns: readonly TurnRange[],
  level: LevelKey,
  mode: CooccurrenceMode,
  aId: string,
  bId: string,
): [number, number][] | null {
  const { rows, of } = codeIndexOfCodings(data, level);
  const x = rows.findIndex((r) => r.id === aId);
  const y = rows.findIndex((r) => r.id === bId);
  if (x < 0 || y < 0) return null;
  if (x === y) return [];
  const out: [number, number][] = [];
  for (const [i, j] of cooccurringPairs(data.codings, turns, mode)) {
    if (of[i] === x && of[j] === y) out.push([i, j]);
    else if (of[i] === y && of[j] === x) out.push([j, i]);
  }
  const documentOrder = new Map(data.documents.map((d, n) => [d.id, n]));
  return out.sort(([p], [q]) => {
    const cp = data.codings[p]!;
    const cq = data.codings[q]!;
    return (documentOrder.get(cp.documentId) ?? 0) - (documentOrder.get(cq.documentId) ?? 0) || cp.start - cq.start;
  });
}
