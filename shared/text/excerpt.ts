/**
 * Publication excerpts: a quote may leave words out, marked "(…)", but never add or change a word.
 * `excerptProblem` checks an excerpt against the passage it quotes.
 */

/** The omission markers an excerpt may use: "(…)" and the usual variants. */
export const OMISSION_MARKERS: readonly string[] = ['(…)', '(...)', '[…]', '[...]'];

const MARKER = /\(…\)|\(\.\.\.\)|\[…\]|\[\.\.\.\]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function collapse(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** The kept fragments of an excerpt (split at omission markers, whitespace collapsed, empty ones dropped). */
export function excerptFragments(excerpt: string): string[] {
  return excerpt
    .split(MARKER)
    .map(collapse)
    .filter((f) => f.length > 0);
}

function isWordCharBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const code = text.charCodeAt(at - 1);
  const ch = code >= 0xdc00 && code <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1]!;
  return WORD_CHAR.test(ch);
}

function isWordCharAt(text: string, at: number): boolean {
  if (at >= text.length) return false;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(at)!));
}

/**
 * Where `fragment` occurs in `passage` at or after `from` without cutting a word of the passage in
 * two (so "(…) viktig" cannot come from "uviktig"), or -1.
 */
function findWhole(passage: string, fragment: string, from: number): number {
  for (let at = passage.indexOf(fragment, from); at >= 0; at = passage.indexOf(fragment, at + 1)) {
    const end = at + fragment.length;
    const cutsStart = isWordCharAt(fragment, 0) && isWordCharBefore(passage, at);
    const cutsEnd = isWordCharBefore(fragment, fragment.length) && isWordCharAt(passage, end);
    if (!cutsStart && !cutsEnd) return at;
  }
  return -1;
}

function quoted(words: readonly string[]): string {
  return words.length === 1 ? `the word “${words[0]}” is not in the passage` : `the words “${words.join(' ')}” are not in the passage`;
}

/**
 * Why `excerpt` is not a faithful excerpt of `passage`, or null when it is. Only omissions are
 * allowed, marked "(…)" (also "(...)", "[…]", "[...]"); whitespace may differ (line breaks, double
 * spaces); every kept fragment must appear in the passage, whole words only, in the passage's order.
 * The problem names the words at fault: `the words “alltid sagt” are not in the passage`.
 */
export function excerptProblem(excerpt: string, passage: string): string | null {
  const fragments = excerptFragments(excerpt);
  if (fragments.length === 0) return 'the excerpt keeps no words of the passage';
  const text = collapse(passage);
  let cursor = 0;
  let previous: string | null = null;
  for (const fragment of fragments) {
    const at = findWhole(text, fragment, cursor);
    if (at >= 0) {
      cursor = at + fragment.length;
      previous = fragment;
      continue;
    }
    if (previous !== null && findWhole(text, fragment, 0) >= 0) {
      return `“${fragment}” comes before “${previous}” in the passage; an excerpt keeps the passage's order`;
    }
    return quoted(missingWords(text, fragment.split(' '), cursor));
  }
  return null;
}

/**
 * The words of a fragment that make it fail: after the longest prefix found in the passage, the
 * shortest run of words after which the rest of the fragment continues in the passage.
 */
function missingWords(text: string, words: readonly string[], from: number): string[] {
  let found = 0;
  let after = from;
  for (let k = 1; k <= words.length; k += 1) {
    const at = findWhole(text, words.slice(0, k).join(' '), from);
    if (at < 0) break;
    found = k;
    after = at + words.slice(0, k).join(' ').length;
  }
  for (let j = found + 1; j < words.length; j += 1) {
    if (findWhole(text, words.slice(j).join(' '), after) >= 0) return words.slice(found, j);
  }
  return words.slice(found);
}
