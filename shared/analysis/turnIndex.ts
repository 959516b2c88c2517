/** A half-open range `[start, end)` of one document. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * One document's turns (or any ranges) sorted by start, for finding those that overlap a range in
 * O(log n + hits): a range overlapping `[start, end)` starts before `end`, and no earlier than
 * `start` minus the longest range's length. Ranges may overlap each other.
 */
export class SpanIndex<T extends Span> {
  readonly spans: readonly T[];
  private readonly reach: number;

  constructor(spans: readonly T[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
    this.reach = this.spans.reduce((m, s) => Math.max(m, s.end - s.start), 0);
  }

  /**
   * Call `visit` for every span with `span.start < end && span.end > start` (the SQL rule in
   * electron/backend/analysis/attribution.ts), latest start first.
   */
  forEachOverlapping(start: number, end: number, visit: (span: T, index: number) => void): void {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.start < end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0; i -= 1) {
      const span = this.spans[i]!;
      if (span.start < start - this.reach) break;
      if (span.end > start) visit(span, i);
    }
  }
}
