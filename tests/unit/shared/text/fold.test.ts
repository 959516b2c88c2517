import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldString } from '../../../../shared/text/fold';
import { isCharBoundary } from '../../../../shared/text/offsets';

/** Characters that each fold to at least one unit (letters with and without diacritics, emoji, punctuation). */
const VISIBLE = ['a', 'B', 'z', ' ', '\n', 'æ', 'Æ', 'ø', 'Ø', 'å', 'Å', 'é', 'É', 'ü', 'Ö', 'ä', 'ß', 'ẞ', 'œ', 'ﬁ', 'İ', 'Ǽ', 'ł', '«', '»', '–', '👍', '🙂', '1', '²', '.', 'ñ', 'ç', 'Ω', 'ж'];
/** Characters that fold to nothing: a combining accent, a soft hyphen, a zero-width joiner, a variation selector. */
const DROPPED = ['\u0301', '\u00ad', '\u200d', '\ufe0f'];

describe('fold', () => {
  it('folds Norwegian, German and French letters, case and compatibility forms', () => {
    expect(foldString('Bærum')).toBe('baerum');
    expect(foldString('søk')).toBe('sok');
    expect(foldString('Ærlig')).toBe('aerlig');
    expect(foldString('Ålesund ØST')).toBe('alesund ost');
    expect(foldString('Straße GRÜẞE')).toBe('strasse grusse');
    expect(foldString('Ångström Müller Köln Bär')).toBe('angstrom muller koln bar');
    expect(foldString('Élève Œuvre ﬁnal x²')).toBe('eleve oeuvre final x2');
    expect(foldString('Łódź İstanbul')).toBe('lodz istanbul');
    expect(foldString('«Nye løsninger» 👍')).toBe('«nye losninger» 👍');
    expect(foldString('inno\u00advasjon')).toBe('innovasjon');
  });

  it('offers æ as "a" (the search index) or kept (the search haystack)', () => {
    expect(foldString('Bærum Ærlig', { ae: 'a' })).toBe('barum arlig');
    expect(foldString('Bærum Ærlig', { ae: 'keep' })).toBe('bærum ærlig');
    expect(foldString('Ǽ', { ae: 'keep' })).toBe('æ');
  });

  it('maps a folded "ae" back to the single "æ", exactly', () => {
    const f = fold('Bærum');
    expect(f.folded).toBe('baerum');
    const at = f.folded.indexOf('aerum');
    expect(f.toCanonical(at, 'start')).toBe(1);
    expect(f.toCanonical(at + 2, 'end')).toBe(2); // "ae" ends where "æ" ends
    expect(f.toCanonical(f.folded.length, 'end')).toBe(5);
    // A boundary inside the expansion snaps outward.
    expect(f.toCanonical(2, 'start')).toBe(1);
    expect(f.toCanonical(2, 'end')).toBe(2);
  });

  it('maps around emoji without splitting them, and gives dropped marks to the letter before', () => {
    const text = 'Ja 👍 q\u0303 ok';
    const f = fold(text);
    expect(f.folded).toBe('ja 👍 q ok');
    const q = f.folded.indexOf('q');
    expect(text.slice(f.toCanonical(q, 'start'), f.toCanonical(q + 1, 'end'))).toBe('q\u0303');
    const emoji = f.folded.indexOf('👍');
    expect(text.slice(f.toCanonical(emoji, 'start'), f.toCanonical(emoji + 2, 'end'))).toBe('👍');
    expect(f.toCanonical(emoji + 1, 'start')).toBe(text.indexOf('👍'));
  });

  it('folds each character on its own, so folding commutes with concatenation (property)', () => {
    const chars = fc.constantFrom(...VISIBLE, ...DROPPED);
    fc.assert(
      fc.property(fc.array(chars), fc.array(chars), (a, b) => {
        expect(foldString(a.join('') + b.join(''))).toBe(foldString(a.join('')) + foldString(b.join('')));
      }),
    );
  });

  it('maps character-aligned folded ranges exactly back to the canonical range (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VISIBLE), { maxLength: 40 }), fc.nat(), fc.nat(), (chars, x, y) => {
        const text = chars.join('');
        const f = fold(text);
        const i = chars.length ? x % (chars.length + 1) : 0;
        const j = chars.length ? i + (y % (chars.length - i + 1)) : 0;
        const canonStart = chars.slice(0, i).join('').length;
        const canonEnd = chars.slice(0, j).join('').length;
        const foldStart = foldString(chars.slice(0, i).join('')).length;
        const foldEnd = foldString(chars.slice(0, j).join('')).length;
        expect(f.toCanonical(foldStart, 'start')).toBe(canonStart);
        expect(f.toCanonical(foldEnd, 'end')).toBe(canonEnd);
        expect(foldString(text.slice(canonStart, canonEnd))).toBe(f.folded.slice(foldStart, foldEnd));
      }),
    );
  });

  it('maps any folded range to a canonical range on character boundaries that folds to a superset (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VISIBLE, ...DROPPED), { maxLength: 40 }), fc.nat(), fc.nat(), (chars, x, y) => {
        const text = chars.join('');
        const f = fold(text);
        const n = f.folded.length;
        const a = x % (n + 1);
        const b = a + (y % (n - a + 1));
        const start = f.toCanonical(a, 'start');
        const end = f.toCanonical(b, 'end');
        if (a < b) expect(start).toBeLessThan(end);
        expect(isCharBoundary(text, start)).toBe(true);
        expect(isCharBoundary(text, end)).toBe(true);
        expect(foldString(text.slice(start, end))).toContain(f.folded.slice(a, b));
        // Monotone in the folded offset.
        if (a < n) expect(f.toCanonical(a + 1, 'start')).toBeGreaterThanOrEqual(start);
        expect(f.toCanonical(n, 'end')).toBe(text.length);
        if (n > 0) expect(f.toCanonical(0, 'end')).toBe(0);
      }),
    );
  });

  it('folds arbitrary Unicode without throwing and without upper-case ASCII or combining marks (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const f = fold(text.normalize('NFC'));
        expect(f.folded).not.toMatch(/[A-Z]/);
        expect(f.folded).not.toMatch(/\p{Mn}/u);
        expect(f.toCanonical(f.folded.length, 'end')).toBe(text.normalize('NFC').length);
      }),
    );
  });

  it('foldString (the fast path the search index uses) gives exactly fold().folded, for every "æ" option (property)', () => {
    const chars = fc.constantFrom(...VISIBLE, ...DROPPED, 'Σ', 'ς', '\ud800', 'A', 'Q');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), fc.constantFrom('ae' as const, 'a' as const, 'keep' as const), (list, ae) => {
        const text = list.join('');
        expect(foldString(text, { ae })).toBe(fold(text, { ae }).folded);
      }),
    );
  });
});
