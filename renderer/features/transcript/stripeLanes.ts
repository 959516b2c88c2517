import type { Anchored } from '../../../shared/text/sweep';
import type { TextRange } from '../../../shared/text/offsets';
import { paragraphIndexAt } from '../../../shared/text/paragraphs';

/** Where a coding's stripe goes: the paragraphs it spans and its lane in the margin. */
export interface StripeLane {
  readonly id: string;
  readonly first: number;
  readonly last: number;
  readonly lane: number;
}

/**
 * Lanes for the coding stripes, from the text alone (no layout): codings that share a paragraph
 * get different lanes, first come first served in document order. Computed once per coding
 * change, so the margin only has to measure the codings near the viewport, and a stripe keeps its
 * lane while the transcript scrolls.
 */
export function stripeLanes(paragraphs: readonly TextRange[], codings: readonly Anchored[]): StripeLane[] {
  if (paragraphs.length === 0) return [];
  const spans = codings
    .map((c) => ({ id: c.id, first: paragraphIndexAt(paragraphs, c.start), last: paragraphIndexAt(paragraphs, Math.max(c.start, c.end - 1)) }))
    .sort((a, b) => a.first - b.first || b.last - a.last || (a.id < b.id ? -1 : 1));
  const laneEnds: number[] = [];
  return spans.map((span) => {
    let lane = laneEnds.findIndex((end) => end < span.first);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = span.last;
    return { ...span, lane };
  });
}

/** The stripes whose paragraphs reach into paragraphs `from`..`to` (inclusive). */
export function lanesIn(lanes: readonly StripeLane[], from: number, to: number): StripeLane[] {
  return lanes.filter((l) => l.first <= to && l.last >= from);
}
