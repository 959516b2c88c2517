import type { TextRange } from './offsets';

const SPACE = /\s/u;

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Up to about `max` characters of `text` before and after `range`, cut at word boundaries (a word
 * cut in two by the limit is left out, unless the context is a single long word), never splitting
 * an emoji. Line breaks are kept, so a caller can show them.
 */
export function contextAround(text: string, range: TextRange, max = 60): { before: string; after: string } {
  let from = Math.max(0, range.start - max);
  if (from > 0 && isLow(text.charCodeAt(from))) from += 1;
  if (from > 0 && !SPACE.test(text[from - 1]!)) {
    // The limit cut a word: start after the first space, if there is one before the range.
    for (let i = from; i < range.start; i += 1) {
      if (SPACE.test(text[i]!)) {
        from = i + 1;
        break;
      }
    }
  }
  let to = Math.min(text.length, range.end + max);
  if (to < text.length && isLow(text.charCodeAt(to))) to -= 1;
  if (to < text.length && !SPACE.test(text[to]!)) {
    for (let i = to - 1; i > range.end; i -= 1) {
      if (SPACE.test(text[i]!)) {
        to = i;
        break;
      }
    }
  }
  return { before: text.slice(from, range.start), after: text.slice(range.end, to) };
}
