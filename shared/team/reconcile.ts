import type { TextRange } from '../text/offsets';

// Interval arithmetic for resolving a disagreement: make one coder's codings of one code cover,
// inside a passage, exactly what the chosen version covers, and leave everything outside the
// passage as it was.

/** A coding's id and range. */
export interface RangedCoding extends TextRange {
  readonly id: string;
}

/** What to change so a coder's codings of one code match a target inside a passage. */
export interface AlignmentPlan {
  /** Codings whose range changes (they keep their id, memo and star). */
  readonly update: readonly RangedCoding[];
  readonly remove: readonly string[];
  readonly create: readonly TextRange[];
}

/** Sort and merge overlapping or touching ranges; empty ranges are dropped. */
export function normalizeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const result: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = result[result.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else result.push({ start: r.start, end: r.end });
  }
  return result;
}

/** The parts of `ranges` inside `window`. */
export function clipRanges(ranges: readonly TextRange[], window: TextRange): TextRange[] {
  return normalizeRanges(ranges.map((r) => ({ start: Math.max(r.start, window.start), end: Math.min(r.end, window.end) })));
}

/**
 * Plan the changes that make `existing` (one coder's codings of one code in one document) cover
 * `target` inside `window` and stay as they are outside it. Codings touching the window are
 * reshaped: each resulting range reuses the coding that overlaps it most, extra codings are
 * removed, missing ranges are created. Ranges that touch are joined into one coding.
 */
export function alignToTarget(existing: readonly RangedCoding[], target: readonly TextRange[], window: TextRange): AlignmentPlan {
  // The codings affected: those touching the window, and (transitively) those overlapping them.
  const affected = new Set(existing.filter((c) => c.start <= window.end && c.end >= window.start));
  let hull = hullOf([...affected, window]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of existing) {
      if (!affected.has(c) && c.start <= hull.end && c.end >= hull.start) {
        affected.add(c);
        hull = hullOf([...affected, window]);
        grew = true;
      }
    }
  }
  const outside: TextRange[] = [];
  for (const c of affected) {
    if (c.start < window.start) outside.push({ start: c.start, end: Math.min(c.end, window.start) });
    if (c.end > window.end) outside.push({ start: Math.max(c.start, window.end), end: c.end });
  }
  const wanted = normalizeRanges([...outside, ...clipRanges(target, window)]);
  const unused = [...affected].sort((a, b) => a.start - b.start || a.end - b.end);
  const update: RangedCoding[] = [];
  const create: TextRange[] = [];
  for (const range of wanted) {
    let best = -1;
    let bestOverlap = 0;
    unused.forEach((c, i) => {
      const overlap = Math.min(c.end, range.end) - Math.max(c.start, range.start);
      if (overlap > bestOverlap) {
        best = i;
        bestOverlap = overlap;
      }
    });
    if (best < 0) {
      create.push(range);
      continue;
    }
    const [coding] = unused.splice(best, 1);
    if (coding!.start !== range.start || coding!.end !== range.end) update.push({ id: coding!.id, start: range.start, end: range.end });
  }
  return { update, remove: unused.map((c) => c.id), create };
}

function hullOf(ranges: readonly TextRange[]): TextRange {
  return { start: Math.min(...ranges.map((r) => r.start)), end: Math.max(...ranges.map((r) => r.end)) };
}
