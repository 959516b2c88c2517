/**
 * Letter folding for search: a lower-case copy of a text without diacritics, with a map from every
 * folded offset back to the canonical text, so a hit found in the folded copy is a range of the
 * canonical text (UTF-16, half-open, never splitting a surrogate pair).
 *
 * Each code point folds on its own (no context), which is what makes the map exact:
 * lower-case → NFKD (compatibility decomposition: "ﬁ" → "fi", "²" → "2") → combining marks and
 * invisible format characters (soft hyphen, zero-width joiners) dropped → the letters that have no
 * decomposition are spelt out: æ → "ae", ø → "o", ß → "ss", œ → "oe", þ → "th", ð/đ → "d", ł → "l" …
 * So "Bærum" → "baerum", "søk" → "sok", "Ångström" → "angstrom", "Straße" → "strasse".
 *
 * Why "æ" has options: Norwegians write it "ae" (ærlig → aerlig) but also just "a" on foreign
 * keyboards (Bærum → Barum). The search index keeps the "a" form and the search matches the "keep"
 * form, where æ stays a letter of its own that the query may spell "æ", "ae" or "a" (see search.ts).
 */

/** How "æ" folds: spelt "ae" (the default), reduced to "a", or kept as "æ". */
export type AeFolding = 'ae' | 'a' | 'keep';

/** A folded text and its way back to canonical offsets. */
export interface FoldedText {
  /** The folded text (lower case, no diacritics). */
  readonly folded: string;
  /**
   * The canonical offset of a folded offset. A boundary inside the expansion of one character
   * ("ae" of "æ") snaps outward: to the character's start on the `start` side, to its end on the
   * `end` side. Characters that fold to nothing (combining marks, soft hyphens) belong to the
   * character before them, so an `end` boundary includes them.
   */
  toCanonical(foldedOffset: number, side?: 'start' | 'end'): number;
}

/** Letters without a Unicode decomposition, spelt out (lower case; upper case is lowered first). */
const SPELT: Readonly<Record<string, string>> = {
  æ: 'ae',
  ø: 'o',
  ß: 'ss',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
  đ: 'd',
  ł: 'l',
  ħ: 'h',
  ŧ: 't',
  ı: 'i',
  ŋ: 'n',
  ĸ: 'k',
  ſ: 's',
};

const DROPPED = /[\p{M}\p{Cf}]/gu;

/** Folded forms already computed: a table for the first 0x3000 code points (Latin, Greek, Cyrillic …), a map beyond. */
const tables: Record<AeFolding, (string | undefined)[]> = { ae: [], a: [], keep: [] };
const maps: Record<AeFolding, Map<number, string>> = { ae: new Map(), a: new Map(), keep: new Map() };
const TABLE_SIZE = 0x3000;

/** The folded form of one non-ASCII code point. */
function foldCodePoint(cp: number, ae: AeFolding): string {
  const cached = cp < TABLE_SIZE ? tables[ae][cp] : maps[ae].get(cp);
  if (cached !== undefined) return cached;
  const decomposed = String.fromCodePoint(cp).toLowerCase().normalize('NFKD').replace(DROPPED, '').toLowerCase();
  let out = '';
  for (const ch of decomposed) {
    if (ch === 'æ') out += ae === 'ae' ? 'ae' : ae === 'a' ? 'a' : 'æ';
    else out += SPELT[ch] ?? ch;
  }
  if (cp < TABLE_SIZE) tables[ae][cp] = out;
  else if (maps[ae].size < 50_000) maps[ae].set(cp, out);
  return out;
}

/**
 * Fold `text` for search (see the module comment). `ae` chooses how "æ" folds (default "ae").
 * One pass: runs of ASCII are copied as they are (lower-cased at the end, which keeps their
 * length), other code points are folded one by one through a cache.
 */
export function fold(text: string, options: { readonly ae?: AeFolding } = {}): FoldedText {
  const ae = options.ae ?? 'ae';
  const parts: string[] = [];
  let starts = new Int32Array(text.length + 16);
  let length = 0;
  const reserve = (need: number) => {
    if (length + need <= starts.length) return;
    const grown = new Int32Array(Math.max(starts.length * 2, length + need + 16));
    grown.set(starts.subarray(0, length));
    starts = grown;
  };
  let run = 0;
  const flush = (to: number) => {
    if (to <= run) return;
    parts.push(text.slice(run, to));
    reserve(to - run);
    for (let k = run; k < to; k += 1) starts[length++] = k;
  };
  for (let i = 0; i < text.length; ) {
    if (text.charCodeAt(i) < 0x80) {
      i += 1;
      continue;
    }
    flush(i);
    const cp = text.codePointAt(i)!;
    const out = foldCodePoint(cp, ae);
    if (out.length > 0) {
      parts.push(out);
      reserve(out.length);
      for (let k = 0; k < out.length; k += 1) starts[length++] = i;
    }
    i += cp > 0xffff ? 2 : 1;
    run = i;
  }
  flush(text.length);
  // Every folded piece is already lower case; this lowers the ASCII runs (same length: the only
  // lower-casing that changes length, U+0130, never reaches here).
  const folded = parts.join('').toLowerCase();
  const total = text.length;
  const map = starts;
  return {
    folded,
    toCanonical(offset: number, side: 'start' | 'end' = 'start'): number {
      const at = Math.max(0, Math.min(length, Math.trunc(offset)));
      if (at >= length) return total;
      if (side === 'start') return map[at]!;
      if (at === 0) return 0;
      const source = map[at - 1]!;
      let next = at;
      while (next < length && map[next] === source) next += 1;
      return next < length ? map[next]! : total;
    },
  };
}

const NON_ASCII = /[^\x00-\x7f]/gu;

/**
 * The folded form of a text (a query, or a whole transcript for the search index) without the
 * offset map: the same result as `fold(text).folded`, several times faster on long, mostly ASCII
 * texts (each non-ASCII code point is replaced through the cache; the rest is lowered at once).
 */
export function foldString(text: string, options: { readonly ae?: AeFolding } = {}): string {
  const ae = options.ae ?? 'ae';
  return text.replace(NON_ASCII, (ch) => foldCodePoint(ch.codePointAt(0)!, ae)).toLowerCase();
}
