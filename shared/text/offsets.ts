/** A half-open range `[start, end)` in UTF-16 code units of a canonical text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` does not fall between the two halves of a surrogate pair. */
export function isCharBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return offset === 0 || offset === text.length;
  return !(isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset)));
}

/**
 * Why a range is not valid for `text`, or null when it is: integers, `0 <= start < end <= length`,
 * and neither end splits a surrogate pair (an emoji).
 */
export function rangeProblem(text: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'start and end must be integers';
  if (start < 0) return `start ${start} is negative`;
  if (end > text.length) return `end ${end} is past the end of the text (${text.length} chars)`;
  if (start >= end) return `the range [${start}, ${end}) is empty`;
  if (!isCharBoundary(text, start)) return `start ${start} splits a character in two`;
  if (!isCharBoundary(text, end)) return `end ${end} splits a character in two`;
  return null;
}

/** True when `[start, end)` is a non-empty range of `text` on character boundaries. */
export function isValidRange(text: string, start: number, end: number): boolean {
  return rangeProblem(text, start, end) === null;
}

/**
 * The UTF-16 offset of the `occurrence`-th (1-based) match of `passage` in `text`, or null.
 * Matches may not overlap each other's start (the next search starts one unit after a match).
 */
export function findOccurrence(text: string, passage: string, occurrence = 1): TextRange | null {
  if (passage.length === 0 || occurrence < 1) return null;
  let from = 0;
  for (let seen = 0; ; ) {
    const at = text.indexOf(passage, from);
    if (at < 0) return null;
    seen += 1;
    if (seen === occurrence) return { start: at, end: at + passage.length };
    from = at + 1;
  }
}

/** How many times `passage` occurs in `text` (counting overlapping matches, as findOccurrence does). */
export function countOccurrences(text: string, passage: string): number {
  if (passage.length === 0) return 0;
  let count = 0;
  for (let at = text.indexOf(passage); at >= 0; at = text.indexOf(passage, at + 1)) count += 1;
  return count;
}

/** UTF-16 offset → Unicode code point offset (REFI-QDA counts code points). */
export function toCodePointOffset(text: string, utf16Offset: number): number {
  let points = 0;
  for (let i = 0; i < utf16Offset && i < text.length; i += 1) {
    if (!(isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) points += 1;
  }
  return points;
}

/** Unicode code point offset → UTF-16 offset; past the end it clamps to the text length. */
export function fromCodePointOffset(text: string, codePointOffset: number): number {
  let points = 0;
  let i = 0;
  while (i < text.length && points < codePointOffset) {
    i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    points += 1;
  }
  return i;
}
