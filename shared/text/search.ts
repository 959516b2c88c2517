import { foldString } from './fold';
import { normalizePassage } from './normalize';
import type { TextRange } from './offsets';

/**
 * Finding words in a text, for full-text search and for find-and-replace.
 *
 * Search semantics: each query word matches a word of the text that begins with it ("innovasjon"
 * finds "innovasjonen"; a hit always covers whole words, so coding every hit codes whole words).
 * `phrase`: the words in this order with any whitespace between (punctuation and emoji next to
 * the whitespace are passed over, so "tillit og" finds "tillit, og"); otherwise every word anywhere
 * in the document (hits are all their occurrences). `fold`: letters are folded (see fold.ts) and "æ"
 * in the text may be spelt "æ", "ae" or "a" in the query ("barum" and "baerum" find "Bærum",
 * "aerlig" finds "ærlig"); without `fold`, matching is exact up to letter case.
 */

/** How a query is matched. */
export interface QueryOptions {
  readonly phrase: boolean;
  readonly fold: boolean;
}

const WORD_CLASS = '[\\p{L}\\p{N}\\p{M}]';
/** Between the words of a phrase: whitespace, with any punctuation or emoji around it. */
const PHRASE_GAP = '[^\\p{L}\\p{N}\\p{M}\\s]*\\s[^\\p{L}\\p{N}\\p{M}]*';
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** A string as a literal inside a `u` regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function firstChar(text: string): string {
  return String.fromCodePoint(text.codePointAt(0) ?? 0x20);
}

function lastChar(text: string): string {
  const chars = [...text];
  return chars[chars.length - 1] ?? ' ';
}

/** The words of a query as they are matched: folded (æ kept) when folding, else as typed (NFC). */
export function queryWords(query: string, fold: boolean): string[] {
  const text = normalizePassage(query);
  const prepared = fold ? foldString(text, { ae: 'keep' }) : text;
  return prepared.split(/\s+/u).filter((w) => w.length > 0);
}

/** The pattern of one query word: starts at a word start, and runs on to the end of the text's word. */
function wordPattern(word: string, fold: boolean): string {
  const chars = [...word];
  const units: string[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i]!;
    if (fold && ch === 'æ') units.push('(?:æ|ae|a)');
    else if (fold && ch === 'a' && chars[i + 1] === 'e') {
      units.push('(?:[aæ]e|æ)');
      i += 1;
    } else if (fold && ch === 'a') units.push('[aæ]');
    else units.push(escapeRegExp(ch));
  }
  const body = units.join('');
  const tail = WORD_CHAR.test(lastChar(word)) ? `${WORD_CLASS}*` : '';
  if (!WORD_CHAR.test(firstChar(word))) return `${body}${tail}`;
  // Must start a word. A plain first letter goes first and the look-behind after it (the same
  // test), so the regular expression engine can skip ahead to that letter instead of trying the
  // look-behind at every position of a long text.
  const first = units[0]!;
  if (first === chars[0]) return `${first}(?<!${WORD_CLASS}${first})${units.slice(1).join('')}${tail}`;
  return `(?<!${WORD_CLASS})${body}${tail}`;
}

function allMatches(haystack: string, pattern: RegExp): TextRange[] {
  const ranges: TextRange[] = [];
  for (const m of haystack.matchAll(pattern)) {
    if (m[0].length > 0) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return ranges;
}

/**
 * Every hit of `query` in `haystack`, in order, never overlapping. With `fold`, `haystack` must be
 * the text folded with `fold(text, {ae: 'keep'})` and the hits are offsets into it; without, it is
 * the canonical text.
 */
export function findQuery(haystack: string, query: string, options: QueryOptions): TextRange[] {
  const words = queryWords(query, options.fold);
  if (words.length === 0) return [];
  const flags = options.fold ? 'gu' : 'giu';
  if (options.phrase) {
    return allMatches(haystack, new RegExp(words.map((w) => wordPattern(w, options.fold)).join(PHRASE_GAP), flags));
  }
  const perWord = [...new Set(words)].map((w) => allMatches(haystack, new RegExp(wordPattern(w, options.fold), flags)));
  if (perWord.some((hits) => hits.length === 0)) return [];
  // Each word's hits are in order: merge them (earliest start first, the longer first on a tie),
  // keeping those that do not overlap the hit before.
  const next = perWord.map(() => 0);
  const hits: TextRange[] = [];
  for (;;) {
    let best = -1;
    for (let w = 0; w < perWord.length; w += 1) {
      const hit = perWord[w]![next[w]!];
      if (!hit) continue;
      const current = best < 0 ? undefined : perWord[best]![next[best]!]!;
      if (!current || hit.start < current.start || (hit.start === current.start && hit.end > current.end)) best = w;
    }
    if (best < 0) return hits;
    const hit = perWord[best]![next[best]!]!;
    next[best] = next[best]! + 1;
    const last = hits[hits.length - 1];
    if (!last || hit.start >= last.end) hits.push(hit);
  }
}

/**
 * An FTS5 MATCH expression that finds (at least) every document `findQuery` has hits in: each
 * token of the folded query as a prefix, all required, with "ae" also tried as "a" (the index folds
 * "æ" to "a"). Null when the query has no letters or digits (then every document must be scanned).
 */
export function ftsMatchExpression(query: string): string | null {
  const tokens = foldString(normalizePassage(query), { ae: 'ae' })
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
  if (tokens.length === 0) return null;
  return [...new Set(tokens)]
    .map((token) => {
      const variants = aeVariants(token);
      const terms = variants.map((v) => `"${v}"*`);
      return terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`;
    })
    .join(' AND ');
}

/** The token with each "ae" kept or reduced to "a" (at most 2^6 variants; beyond, all reduced). */
function aeVariants(token: string): string[] {
  const parts = token.split('ae');
  if (parts.length === 1) return [token];
  if (parts.length > 7) return [token, parts.join('a')];
  let variants = [parts[0]!];
  for (const part of parts.slice(1)) variants = variants.flatMap((v) => [`${v}ae${part}`, `${v}a${part}`]);
  return variants;
}

/** Options of find-and-replace. */
export interface LiteralOptions {
  /** Only where `find` is not part of a longer word (letters of any alphabet, æøå included). */
  readonly wholeWord: boolean;
  readonly caseSensitive: boolean;
}

/** Every occurrence of `find` (as typed, NFC) in `text`, in order, never overlapping. */
export function findLiteral(text: string, find: string, options: LiteralOptions): TextRange[] {
  const needle = normalizePassage(find);
  if (needle.length === 0) return [];
  let pattern = escapeRegExp(needle);
  if (options.wholeWord) {
    if (WORD_CHAR.test(firstChar(needle))) pattern = `(?<!${WORD_CLASS})${pattern}`;
    if (WORD_CHAR.test(lastChar(needle))) pattern = `${pattern}(?!${WORD_CLASS})`;
  }
  return allMatches(text, new RegExp(pattern, options.caseSensitive ? 'gu' : 'giu'));
}
