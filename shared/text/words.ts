/** Letters, digits and joiners that belong to a word (æøå, apostrophes inside words, hyphens). */
const WORD = /[\p{L}\p{N}\p{M}'’\-]/u;

function isWordChar(text: string, index: number): boolean {
  const ch = text[index];
  return ch !== undefined && WORD.test(ch);
}

/**
 * The next word boundary from `offset` in `direction`: moving forward lands after the end of the
 * next word, moving backward at the start of the previous word. Used to grow and shrink a coding
 * one word at a time from the keyboard.
 */
export function wordBoundary(text: string, offset: number, direction: 1 | -1): number {
  let i = offset;
  if (direction === 1) {
    while (i < text.length && !isWordChar(text, i)) i += 1;
    while (i < text.length && isWordChar(text, i)) i += 1;
    return i;
  }
  while (i > 0 && !isWordChar(text, i - 1)) i -= 1;
  while (i > 0 && isWordChar(text, i - 1)) i -= 1;
  return i;
}
