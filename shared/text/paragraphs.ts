import type { TextRange } from './offsets';

/**
 * The paragraphs of a canonical text: the `\n`-separated lines, each as a range that excludes the
 * separator. An empty text has one empty paragraph, so that joining the paragraphs' texts with
 * `\n` always gives back the text (the invariant the transcript view is checked against).
 */
export function paragraphRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let start = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', start)) {
    ranges.push({ start, end: at });
    start = at + 1;
  }
  ranges.push({ start, end: text.length });
  return ranges;
}

/** Index of the paragraph containing `offset` (binary search over `paragraphRanges` output). */
export function paragraphIndexAt(paragraphs: readonly TextRange[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
