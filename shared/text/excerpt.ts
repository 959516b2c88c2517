import type { TextRange } from './offsets';

/** The omission marker of publication excerpts. */
export const OMISSION = '(…)';

/**
 * Omission markers accepted in excerpts: "(…)" and the spellings people type for it ("(...)",
 * "[…]", "[...]"). Anything else in an excerpt must be the informant's own words.
 */
const OMISSION_PATTERN = /\(\s*(?:…|\.\.\.)\s*\)|\[\s*(?:…|\.\.\.)\s*\]/gu;

/** How strictly an excerpt is compared with its passage. */
export interface ExcerptMatchOptions {
  /**
   * Loose matching (for quotations typed into a thesis draft): letter case, typographic variants of
   * quotation marks, apostrophes, dashes and "..." vs "…" are ignored as well as whitespace.
   */
  readonly loose?: boolean;
}

/** Where each kept fragment of an excerpt lies in its passage. */
export interface ExcerptMatch {
  readonly ok: true;
  /** One range of the passage per kept fragment, in order, not overlapping. */
  readonly ranges: readonly TextRange[];
}

/** Why an excerpt does not fit its passage. */
export interface ExcerptMismatch {
  readonly ok: false;
  /** not-found: the fragment is nowhere in the passage; out-of-order: only before an earlier fragment;
   *  splits-word: it occurs only by cutting a word of the passage in two; empty: nothing is kept. */
  readonly reason: 'not-found' | 'out-of-order' | 'splits-word' | 'empty';
  /** The offending fragment as written in the excerpt ('' for `empty`). */
  readonly fragment: string;
  /** Its index among the excerpt's fragments (0-based). */
  readonly index: number;
}

/** The kept fragments of an excerpt: its text between omission markers, trimmed, empty ones dropped. */
export function excerptFragments(excerpt: string): string[] {
  return excerpt
    .split(OMISSION_PATTERN)
    .map((f) => f.trim())
    .filter((f) => f.length > 0);
}

/** True when `excerpt` contains at least one omission marker. */
export function hasOmission(excerpt: string): boolean {
  OMISSION_PATTERN.lastIndex = 0;
  return OMISSION_PATTERN.test(excerpt);
}

/**
 * Check that `excerpt` only leaves out parts of `passage`: every kept fragment (the text between
 * "(…)" markers) must occur in the passage, in order, without cutting a word in two. Whitespace
 * differences never matter, nor does the case of a fragment's first letter (a quote may start
 * with a capital). With `loose`, see ExcerptMatchOptions.
 */
export function matchExcerpt(passage: string, excerpt: string, options: ExcerptMatchOptions = {}): ExcerptMatch | ExcerptMismatch {
  const fragments = excerptFragments(excerpt);
  if (fragments.length === 0) return { ok: false, reason: 'empty', fragment: '', index: 0 };
  const folded = fold(passage, options.loose ?? false);
  const ranges: TextRange[] = [];
  let from = 0;
  for (const [index, fragment] of fragments.entries()) {
    const needle = fold(fragment, options.loose ?? false).key;
    const at = findFragment(folded, needle, from);
    if (at.kind !== 'found') {
      const anywhere = findFragment(folded, needle, 0);
      const reason = anywhere.kind === 'found' ? 'out-of-order' : at.kind === 'split' || anywhere.kind === 'split' ? 'splits-word' : 'not-found';
      return { ok: false, reason, fragment, index };
    }
    ranges.push({ start: folded.starts[at.start]!, end: folded.ends[at.end - 1]! });
    from = at.end;
  }
  return { ok: true, ranges };
}

/**
 * Why `excerpt` is not a faithful excerpt of `passage`, as a sentence for the user, or null when it
 * is. Used by the quote editor, the exports' checks and the draft check.
 */
export function excerptProblem(passage: string, excerpt: string, options: ExcerptMatchOptions = {}): string | null {
  const result = matchExcerpt(passage, excerpt, options);
  if (result.ok) return null;
  const shown = result.fragment.length > 60 ? `${result.fragment.slice(0, 59)}…` : result.fragment;
  switch (result.reason) {
    case 'empty':
      return 'The excerpt keeps nothing of the passage';
    case 'not-found': {
      const missing = missingWords(passage, result.fragment, options);
      if (missing) {
        const what = missing.length === 1 ? `the word “${missing[0]}” is` : `the words “${missing.join(' ')}” are`;
        return `${what} not in the passage: an excerpt may only leave text out, marked ${OMISSION}`;
      }
      return `“${shown}” is not in the passage: an excerpt may only leave text out, marked ${OMISSION}`;
    }
    case 'out-of-order':
      return `“${shown}” comes before the text it follows in the passage: an excerpt keeps the passage's order`;
    case 'splits-word':
      return `“${shown}” cuts a word of the passage in two`;
    default: {
      const never: never = result.reason;
      return String(never);
    }
  }
}

/**
 * The words that make a fragment fail, so the message can name them: after the longest start of
 * the fragment found in the passage, the shortest run of words after which the rest is found again.
 * Null when no single run explains it.
 */
function missingWords(passage: string, fragment: string, options: ExcerptMatchOptions): string[] | null {
  const words = fragment.split(/\s+/).filter(Boolean);
  const fits = (part: readonly string[]) => part.length === 0 || matchExcerpt(passage, part.join(' '), options).ok;
  let found = 0;
  while (found < words.length && fits(words.slice(0, found + 1))) found += 1;
  if (found === words.length) return null;
  for (let j = found + 1; j <= words.length; j += 1) {
    if (fits(words.slice(j))) return words.slice(found, j);
  }
  return null;
}

/** A text folded for comparison, with each folded unit's source range in the original. */
interface Folded {
  readonly key: string;
  /** starts[i] / ends[i]: the original range that produced key[i]. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly original: string;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const LOOSE_FOLDS: Readonly<Record<string, string>> = {
  '«': '"', '»': '"', '“': '"', '”': '"', '„': '"', '‟': '"', '‹': "'", '›': "'",
  '‘': "'", '’': "'", '‚': "'", 'ʼ': "'", '`': "'", '´': "'",
  '–': '-', '—': '-', '‐': '-', '‑': '-', '−': '-',
  '…': '...',
};

function fold(text: string, loose: boolean): Folded {
  let key = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  let pendingSpace = -1;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const end = i + ch.length;
    if (/\s/u.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      i = end;
      continue;
    }
    if (pendingSpace >= 0) {
      if (key.length > 0) {
        key += ' ';
        starts.push(pendingSpace);
        ends.push(pendingSpace + 1);
      }
      pendingSpace = -1;
    }
    const out = loose ? (LOOSE_FOLDS[ch] ?? ch.toLocaleLowerCase()) : ch;
    for (let k = 0; k < out.length; k += 1) {
      starts.push(i);
      ends.push(end);
    }
    key += out;
    i = end;
  }
  return { key, starts, ends, original: text };
}

type Found = { kind: 'found'; start: number; end: number } | { kind: 'split' } | { kind: 'none' };

/** The first occurrence of `needle` at or after `from` that does not cut a word; first letter's case free. */
function findFragment(hay: Folded, needle: string, from: number): Found {
  if (needle.length === 0) return { kind: 'none' };
  const variants = [needle];
  const first = needle.codePointAt(0)!;
  const head = String.fromCodePoint(first);
  const rest = needle.slice(head.length);
  for (const alt of [head.toLocaleLowerCase(), head.toLocaleUpperCase()]) {
    if (alt !== head && !variants.includes(alt + rest)) variants.push(alt + rest);
  }
  let sawSplit = false;
  let best: { start: number; end: number } | null = null;
  for (const variant of variants) {
    for (let at = hay.key.indexOf(variant, from); at >= 0; at = hay.key.indexOf(variant, at + 1)) {
      if (best && at >= best.start) break;
      if (cutsWord(hay, at, at + variant.length)) {
        sawSplit = true;
        continue;
      }
      best = { start: at, end: at + variant.length };
      break;
    }
  }
  if (best) return { kind: 'found', ...best };
  return sawSplit ? { kind: 'split' } : { kind: 'none' };
}

function cutsWord(hay: Folded, start: number, end: number): boolean {
  const text = hay.original;
  const srcStart = hay.starts[start]!;
  const srcEnd = hay.ends[end - 1]!;
  const firstInside = charAt(text, srcStart);
  const lastInside = charBefore(text, srcEnd);
  const before = srcStart > 0 ? charBefore(text, srcStart) : '';
  const after = srcEnd < text.length ? charAt(text, srcEnd) : '';
  return (WORD_CHAR.test(firstInside) && WORD_CHAR.test(before)) || (WORD_CHAR.test(lastInside) && WORD_CHAR.test(after));
}

function charAt(text: string, offset: number): string {
  return String.fromCodePoint(text.codePointAt(offset)!);
}

function charBefore(text: string, offset: number): string {
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) return text.slice(offset - 2, offset);
  return text.slice(offset - 1, offset);
}
