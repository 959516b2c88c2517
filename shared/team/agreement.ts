import { Coincidences, cohenKappa } from '../stats/agreement';
import type { TextRange } from '../text/offsets';

// Inter-coder agreement over coded text. Every unit gets, from each coder, the value 1 ("applied
// the code here") or 0 ("did not"), per code; the statistics of shared/stats turn those values
// into percent agreement, Cohen's kappa and Krippendorff's alpha.
//
// - Units are characters (UTF-16 units of the canonical text) or segments (turns or paragraphs;
//   a coder applied a code to a segment when one of their codings of it overlaps the segment).
// - A code counts its own codings and those of every code under it, so agreement on a theme
//   aggregates its concepts' codings.
// - A coder who coded nothing at all in a document has no values there (missing data), so a
//   document one coder has not done yet does not count as disagreement. Alpha handles missing
//   values; kappa and percent agreement use the units both coders have.
// - `excludeUncoded` leaves out units no coder coded with any of the chosen codes, so that long
//   stretches nobody coded do not inflate agreement (the classic complaint about kappa on text).
// - The overall figures pool every (unit, code) decision; `mean` is the plain mean over codes.

/** A document as agreement needs it: its length and, for segment units, its segments. */
export interface AgreementDocument {
  readonly id: string;
  readonly length: number;
  /** Segments (turns or paragraphs) for unit 'segment'; ignored for 'char'. */
  readonly segments?: readonly TextRange[];
}

/** A coding reduced to what agreement needs. `codeId` is the code it was applied with. */
export interface AgreementCoding {
  readonly documentId: string;
  readonly coderId: string;
  readonly codeId: string;
  readonly start: number;
  readonly end: number;
}

/** A code to report on and the codes whose codings count toward it (itself and its descendants). */
export interface AgreementCode {
  readonly id: string;
  readonly members: readonly string[];
}

/** What agreement is computed over. */
export interface AgreementInput {
  readonly documents: readonly AgreementDocument[];
  /** Every coding of the chosen coders in the chosen documents (also those of other codes: they tell who coded a document). */
  readonly codings: readonly AgreementCoding[];
  readonly coderIds: readonly string[];
  readonly codes: readonly AgreementCode[];
  readonly unit: 'char' | 'segment';
  readonly excludeUncoded: boolean;
}

/** The figures for one code, or pooled over all codes. Shares are 0…1; null where undefined. */
export interface AgreementStats {
  /** Units where at least two coders have values (characters or segments). */
  readonly units: number;
  /** Percent agreement as a share (for more than two coders: the share of agreeing pairs of values). */
  readonly percent: number | null;
  /** Cohen's kappa; null unless exactly two coders, or when undefined (no variation). */
  readonly kappa: number | null;
  /** Krippendorff's alpha (nominal); null when undefined (no variation). */
  readonly alpha: number | null;
  /** Per coder (in `coderIds` order): units (of those counted) where that coder applied the code. */
  readonly coded: readonly number[];
}

/** One code's figures. */
export interface CodeAgreement extends AgreementStats {
  readonly codeId: string;
}

/** A document's part in the computation. */
export interface DocumentAgreement {
  readonly documentId: string;
  /** Units of the document that were counted (after `excludeUncoded`). */
  readonly units: number;
  /** The coders who coded anything in the document (the others have missing values there). */
  readonly coderIds: readonly string[];
}

/** The result of `computeAgreement`. */
export interface AgreementResult {
  readonly codes: readonly CodeAgreement[];
  readonly overall: AgreementStats;
  readonly mean: { readonly percent: number | null; readonly kappa: number | null; readonly alpha: number | null };
  readonly documents: readonly DocumentAgreement[];
}

/** Accumulates one code's values: a binary coincidence matrix, a 2×2 table for two coders, coverage per coder. */
class CodeTally {
  readonly coincidences = new Coincidences(2);
  /** [A0B0, A0B1, A1B0, A1B1] for the first two coders, units where both have values. */
  readonly table = [0, 0, 0, 0];
  units = 0;
  readonly coded: number[];

  constructor(coders: number) {
    this.coded = new Array<number>(coders).fill(0);
  }

  /** `weight` units where `ones` of `present` coders applied the code; `pattern` is the 2×2 cell for two coders. */
  add(present: number, ones: number, weight: number, pattern: number): void {
    if (weight <= 0 || present < 2) return;
    this.coincidences.addUnit([present - ones, ones], weight);
    this.units += weight;
    if (pattern >= 0) this.table[pattern]! += weight;
  }

  pool(other: CodeTally): void {
    this.coincidences.addMatrix(other.coincidences);
    for (let i = 0; i < 4; i += 1) this.table[i]! += other.table[i]!;
    this.units += other.units;
    other.coded.forEach((v, i) => (this.coded[i]! += v));
  }

  stats(twoCoders: boolean): AgreementStats {
    const t = this.table;
    return {
      units: this.units,
      percent: this.coincidences.observedAgreement(),
      kappa: twoCoders ? cohenKappa([[t[0]!, t[1]!], [t[2]!, t[3]!]]) : null,
      alpha: this.coincidences.alphaNominal(),
      coded: [...this.coded],
    };
  }
}

/** Compute agreement per code, pooled, and as a mean over codes. */
export function computeAgreement(input: AgreementInput): AgreementResult {
  const coderIndex = new Map(input.coderIds.map((id, i) => [id, i]));
  const twoCoders = input.coderIds.length === 2;
  const reportOf = new Map<string, number[]>();
  input.codes.forEach((code, r) => {
    for (const member of new Set(code.members)) {
      const list = reportOf.get(member) ?? [];
      list.push(r);
      reportOf.set(member, list);
    }
  });
  const tallies = input.codes.map(() => new CodeTally(input.coderIds.length));
  const byDocument = new Map<string, AgreementCoding[]>();
  for (const coding of input.codings) {
    if (!coderIndex.has(coding.coderId) || coding.end <= coding.start) continue;
    const list = byDocument.get(coding.documentId) ?? [];
    list.push(coding);
    byDocument.set(coding.documentId, list);
  }
  const documents: DocumentAgreement[] = [];
  for (const doc of input.documents) {
    const codings = byDocument.get(doc.id) ?? [];
    const present = new Array<boolean>(input.coderIds.length).fill(false);
    for (const c of codings) present[coderIndex.get(c.coderId)!] = true;
    const context: DocContext = { doc, codings, present, reportOf, tallies, twoCoders, excludeUncoded: input.excludeUncoded, coderIndex };
    const units = input.unit === 'char' ? tallyCharacters(context) : tallySegments(context);
    documents.push({ documentId: doc.id, units, coderIds: input.coderIds.filter((_, i) => present[i]) });
  }
  const pooled = new CodeTally(input.coderIds.length);
  for (const tally of tallies) pooled.pool(tally);
  const codes = tallies.map((tally, r) => ({ codeId: input.codes[r]!.id, ...tally.stats(twoCoders) }));
  return { codes, overall: pooled.stats(twoCoders), mean: meanOf(codes), documents };
}

interface DocContext {
  readonly doc: AgreementDocument;
  readonly codings: readonly AgreementCoding[];
  readonly present: readonly boolean[];
  readonly reportOf: ReadonlyMap<string, readonly number[]>;
  readonly tallies: readonly CodeTally[];
  readonly twoCoders: boolean;
  readonly excludeUncoded: boolean;
  readonly coderIndex: ReadonlyMap<string, number>;
}

/** The 2×2 cell index for two coders' values, or −1 when either is missing. */
function pattern(context: DocContext, has: (coder: number) => boolean): number {
  if (!context.twoCoders || !context.present[0] || !context.present[1]) return -1;
  return (has(0) ? 2 : 0) + (has(1) ? 1 : 0);
}

/** Sweep the codings into runs of characters with the same values; returns the units counted. */
function tallyCharacters(context: DocContext): number {
  const { doc, codings, present, reportOf, tallies } = context;
  const coders = present.length;
  const presentCount = present.filter(Boolean).length;
  // Events: position, +1/−1, report code, coder.
  const events: { at: number; delta: number; r: number; c: number }[] = [];
  for (const coding of codings) {
    const reports = reportOf.get(coding.codeId);
    if (!reports) continue;
    const c = context.coderIndex.get(coding.coderId)!;
    const start = Math.max(0, coding.start);
    const end = Math.min(doc.length, coding.end);
    if (start >= end) continue;
    for (const r of reports) events.push({ at: start, delta: 1, r, c }, { at: end, delta: -1, r, c });
  }
  events.sort((a, b) => a.at - b.at);
  const depth = new Int32Array(tallies.length * coders);
  const ones = new Int32Array(tallies.length);
  const active = new Set<number>();
  const activeUnits = new Float64Array(tallies.length);
  let included = 0;
  let cursor = 0;
  const flush = (until: number) => {
    const length = until - cursor;
    if (length <= 0) return;
    if (context.excludeUncoded && active.size === 0) return;
    included += length;
    for (const r of active) {
      const tally = tallies[r]!;
      activeUnits[r]! += length;
      if (presentCount >= 2) for (let c = 0; c < coders; c += 1) if (depth[r * coders + c]! > 0) tally.coded[c]! += length;
      tally.add(presentCount, ones[r]!, length, pattern(context, (c) => depth[r * coders + c]! > 0));
    }
  };
  let i = 0;
  while (i < events.length) {
    const at = events[i]!.at;
    flush(at);
    cursor = at;
    for (; i < events.length && events[i]!.at === at; i += 1) {
      const e = events[i]!;
      const slot = e.r * coders + e.c;
      const before = depth[slot]!;
      depth[slot] = before + e.delta;
      if (before === 0 && e.delta > 0) ones[e.r]! += 1;
      if (before === 1 && e.delta < 0) ones[e.r]! -= 1;
      if (ones[e.r]! > 0) active.add(e.r);
      else active.delete(e.r);
    }
  }
  flush(doc.length);
  // Units where a code was applied by nobody: every present coder says 0.
  tallies.forEach((tally, r) => tally.add(presentCount, 0, included - activeUnits[r]!, pattern(context, () => false)));
  return included;
}

/** Segment units: a coder applied a code to a segment when one of their codings of it overlaps it. */
function tallySegments(context: DocContext): number {
  const { doc, codings, present, reportOf, tallies } = context;
  const segments = (doc.segments ?? []).filter((s) => s.end > s.start);
  const coders = present.length;
  const presentCount = present.filter(Boolean).length;
  const marks = new Uint8Array(segments.length * tallies.length * coders);
  for (const coding of codings) {
    const reports = reportOf.get(coding.codeId);
    if (!reports) continue;
    const c = context.coderIndex.get(coding.coderId)!;
    // First segment that ends after the coding starts (segments are sorted and disjoint).
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid]!.end <= coding.start) lo = mid + 1;
      else hi = mid;
    }
    for (let s = lo; s < segments.length && segments[s]!.start < coding.end; s += 1) {
      for (const r of reports) marks[(s * tallies.length + r) * coders + c] = 1;
    }
  }
  let included = 0;
  for (let s = 0; s < segments.length; s += 1) {
    const base = s * tallies.length * coders;
    let any = false;
    for (let j = 0; j < tallies.length * coders && !any; j += 1) any = marks[base + j] === 1;
    if (context.excludeUncoded && !any) continue;
    included += 1;
    tallies.forEach((tally, r) => {
      const at = base + r * coders;
      let count = 0;
      for (let c = 0; c < coders; c += 1) {
        if (marks[at + c] === 1) {
          count += 1;
          if (presentCount >= 2) tally.coded[c]! += 1;
        }
      }
      tally.add(presentCount, count, 1, pattern(context, (c) => marks[at + c] === 1));
    });
  }
  return included;
}

function meanOf(codes: readonly AgreementStats[]): AgreementResult['mean'] {
  const mean = (pick: (s: AgreementStats) => number | null) => {
    const values = codes.map(pick).filter((v): v is number => v !== null);
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  };
  return { percent: mean((s) => s.percent), kappa: mean((s) => s.kappa), alpha: mean((s) => s.alpha) };
}

/**
 * The codes whose codings count toward each of `selected`: the code itself and every code under
 * it (agreement on a theme aggregates its concepts).
 */
export function codeMembers(
  codes: readonly { readonly id: string; readonly parentId: string | null }[],
  selected: readonly string[],
): AgreementCode[] {
  const children = new Map<string, string[]>();
  for (const code of codes) {
    if (!code.parentId) continue;
    const list = children.get(code.parentId) ?? [];
    list.push(code.id);
    children.set(code.parentId, list);
  }
  return selected.map((id) => {
    const members: string[] = [];
    const seen = new Set<string>();
    const stack = [id];
    while (stack.length) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      members.push(next);
      stack.push(...(children.get(next) ?? []));
    }
    return { id, members };
  });
}
