import type { TextRange } from '../text/offsets';
import type { AgreementCode, AgreementCoding } from './agreement';

// Where coders differ: the passages behind a low agreement, for the side-by-side view. The same
// rules as computeAgreement: a code counts its descendants' codings, and a coder who coded nothing
// in a document is not compared there.

/** A coding as the disagreement finder needs it. */
export interface SpanCoding extends AgreementCoding {
  readonly id: string;
}

/** One coder's side of a disagreement. */
export interface DisagreementSide {
  readonly coderId: string;
  /** The coder's codings (of the chosen codes) that touch the passage. */
  readonly codingIds: readonly string[];
  /** The chosen codes this coder applied somewhere in the passage. */
  readonly codeIds: readonly string[];
}

/** A passage where the chosen coders' values differ for at least one of the chosen codes. */
export interface DisagreementSpan extends TextRange {
  /** The chosen codes on which they differ here. */
  readonly codeIds: readonly string[];
  readonly sides: readonly DisagreementSide[];
}

/** What to look for disagreements in: one document. */
export interface DisagreementInput {
  readonly length: number;
  /** Segments for unit 'segment'. */
  readonly segments?: readonly TextRange[];
  /** Every coding of the document by the chosen coders (any code: they tell who coded the document). */
  readonly codings: readonly SpanCoding[];
  readonly coderIds: readonly string[];
  readonly codes: readonly AgreementCode[];
  readonly unit: 'char' | 'segment';
}

/**
 * The passages of one document where coders disagree. For characters, a passage is a cluster of
 * overlapping codings (of the chosen codes) inside which, somewhere, the coders' values differ —
 * so both versions of a passage coded with different boundaries show up as one item. For
 * segments, a passage is a segment on which they differ.
 */
export function findDisagreements(input: DisagreementInput): DisagreementSpan[] {
  const present = input.coderIds.filter((id) => input.codings.some((c) => c.coderId === id));
  if (present.length < 2) return [];
  const reportOf = new Map<string, number[]>();
  input.codes.forEach((code, r) => {
    for (const member of new Set(code.members)) reportOf.set(member, [...(reportOf.get(member) ?? []), r]);
  });
  const relevant = input.codings.filter((c) => present.includes(c.coderId) && reportOf.has(c.codeId) && c.end > c.start);
  const windows = input.unit === 'segment' ? segmentWindows(input.segments ?? [], relevant) : clusters(relevant);
  const spans: DisagreementSpan[] = [];
  for (const window of windows) {
    const inside = relevant.filter((c) => c.start < window.end && c.end > window.start);
    const differing = input.unit === 'segment' ? differingOnWhole(inside, present, reportOf) : differingOnRuns(inside, window, present, reportOf, input.codes.length);
    if (differing.size === 0) continue;
    spans.push({
      start: window.start,
      end: window.end,
      codeIds: [...differing].sort((a, b) => a - b).map((r) => input.codes[r]!.id),
      sides: present.map((coderId) => {
        const mine = inside.filter((c) => c.coderId === coderId);
        const applied = new Set<number>();
        for (const c of mine) for (const r of reportOf.get(c.codeId) ?? []) applied.add(r);
        return {
          coderId,
          codingIds: mine.map((c) => c.id),
          codeIds: [...applied].sort((a, b) => a - b).map((r) => input.codes[r]!.id),
        };
      }),
    });
  }
  return spans;
}

/** Groups of codings that overlap one another (transitively), as ranges. */
function clusters(codings: readonly SpanCoding[]): TextRange[] {
  const sorted = [...codings].sort((a, b) => a.start - b.start || a.end - b.end);
  const result: TextRange[] = [];
  let current: { start: number; end: number } | null = null;
  for (const c of sorted) {
    if (current && c.start < current.end) current.end = Math.max(current.end, c.end);
    else {
      if (current) result.push(current);
      current = { start: c.start, end: c.end };
    }
  }
  if (current) result.push(current);
  return result;
}

function segmentWindows(segments: readonly TextRange[], codings: readonly SpanCoding[]): TextRange[] {
  return segments.filter((s) => s.end > s.start && codings.some((c) => c.start < s.end && c.end > s.start));
}

/** Report codes on which some present coder applied the code somewhere in the window and another did not at all. */
function differingOnWhole(inside: readonly SpanCoding[], present: readonly string[], reportOf: ReadonlyMap<string, readonly number[]>): Set<number> {
  const has = new Map<number, Set<string>>();
  for (const c of inside) for (const r of reportOf.get(c.codeId) ?? []) has.set(r, (has.get(r) ?? new Set()).add(c.coderId));
  const differing = new Set<number>();
  for (const [r, coders] of has) if (coders.size < present.length) differing.add(r);
  return differing;
}

/** Report codes on which the coders' values differ on at least one character of the window. */
function differingOnRuns(
  inside: readonly SpanCoding[],
  window: TextRange,
  present: readonly string[],
  reportOf: ReadonlyMap<string, readonly number[]>,
  codeCount: number,
): Set<number> {
  const coders = present.length;
  const events: { at: number; delta: number; slot: number }[] = [];
  for (const c of inside) {
    const k = present.indexOf(c.coderId);
    for (const r of reportOf.get(c.codeId) ?? []) {
      events.push({ at: Math.max(c.start, window.start), delta: 1, slot: r * coders + k }, { at: Math.min(c.end, window.end), delta: -1, slot: r * coders + k });
    }
  }
  events.sort((a, b) => a.at - b.at);
  const depth = new Int32Array(codeCount * coders);
  const differing = new Set<number>();
  let i = 0;
  while (i < events.length) {
    const at = events[i]!.at;
    for (; i < events.length && events[i]!.at === at; i += 1) depth[events[i]!.slot]! += events[i]!.delta;
    if (at >= window.end) break;
    for (let r = 0; r < codeCount; r += 1) {
      let ones = 0;
      for (let k = 0; k < coders; k += 1) if (depth[r * coders + k]! > 0) ones += 1;
      if (ones > 0 && ones < coders) differing.add(r);
    }
  }
  return differing;
}
