// Unions of half-open ranges [start, end) of UTF-16 code units, per document: how much text a set
// of codings covers without counting overlaps twice.

/** A range of one document's canonical text. */
export interface DocRange {
  readonly document: string;
  readonly start: number;
  readonly end: number;
}

/** The union of `ranges` as disjoint ranges, sorted by document then start. Overlapping ranges merge; touching ones (`[0,5)` and `[5,9)`) stay apart. */
export function unionRanges(ranges: readonly DocRange[]): DocRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start || a.end - b.end));
  const out: DocRange[] = [];
  let current: { document: string; start: number; end: number } | null = null;
  for (const r of sorted) {
    if (current && current.document === r.document && r.start < current.end) {
      current.end = Math.max(current.end, r.end);
      continue;
    }
    if (current) out.push(current);
    current = { document: r.document, start: r.start, end: r.end };
  }
  if (current) out.push(current);
  return out;
}

/** Code units covered by the union of `ranges` (each unit counted once however many ranges cover it). */
export function unionLength(ranges: readonly DocRange[]): number {
  return unionRanges(ranges).reduce((sum, r) => sum + (r.end - r.start), 0);
}
