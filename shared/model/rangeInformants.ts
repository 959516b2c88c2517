/** A speaker turn reduced to what attribution needs: its range and the informant speaking (null: an interviewer or an unmapped speaker). */
export interface InformantTurn {
  readonly start: number;
  readonly end: number;
  readonly informantId: string | null;
}

/**
 * The informants speaking in the turns that `[start, end)` overlaps, in the order they first speak
 * (see shared/text/README.md, rule 5: a passage across two turns belongs to both speakers).
 * `turns` must be sorted by start and not overlap each other, as a document's turns are.
 */
export function informantsOfRange(turns: readonly InformantTurn[], start: number, end: number): string[] {
  // The first turn that may overlap: the last one starting at or before `start`.
  let lo = 0;
  let hi = turns.length - 1;
  let first = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid]!.start <= start) {
      first = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const ids: string[] = [];
  const empty = start === end;
  for (let i = first; i < turns.length; i += 1) {
    const turn = turns[i]!;
    if (turn.start >= end && !(empty && turn.start === start)) break;
    const overlaps = empty ? turn.start <= start && start < turn.end : turn.start < end && start < turn.end;
    if (overlaps && turn.informantId && !ids.includes(turn.informantId)) ids.push(turn.informantId);
  }
  return ids;
}
