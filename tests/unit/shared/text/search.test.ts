import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextAround } from '../../../../shared/text/context';
import { fold } from '../../../../shared/text/fold';
import { findLiteral, findQuery, ftsMatchExpression, type QueryOptions } from '../../../../shared/text/search';

/** Hits of `query` in `text` as the canonical strings they cover. */
function hits(text: string, query: string, options: Partial<QueryOptions> = {}): string[] {
  const opts = { phrase: options.phrase ?? true, fold: options.fold ?? true };
  if (!opts.fold) return findQuery(text, query, opts).map((r) => text.slice(r.start, r.end));
  const f = fold(text, { ae: 'keep' });
  return findQuery(f.folded, query, opts).map((r) => text.slice(f.toCanonical(r.start, 'start'), f.toCanonical(r.end, 'end')));
}

const TEXT = 'I Bærum prøver vi å søke nye løsninger. Vi er ærlige om det.\nSøknaden ble sendt 👍 i Bærums kommune. Aerlig talt? Barum er ikke et ord.';

describe('findQuery with folding', () => {
  it('finds "sok" in "søke", "barum" and "baerum" in "Bærum", "aerlig" in "ærlige"', () => {
    expect(hits(TEXT, 'sok')).toEqual(['søke', 'Søknaden']);
    expect(hits(TEXT, 'barum')).toEqual(['Bærum', 'Bærums', 'Barum']);
    expect(hits(TEXT, 'baerum')).toEqual(['Bærum', 'Bærums']);
    expect(hits(TEXT, 'aerlig')).toEqual(['ærlige', 'Aerlig']);
    expect(hits(TEXT, 'BÆRUM')).toEqual(['Bærum', 'Bærums', 'Barum']);
  });

  it('matches words from their start and covers whole words', () => {
    expect(hits(TEXT, 'løs')).toEqual(['løsninger']);
    expect(hits(TEXT, 'sninger')).toEqual([]);
    expect(hits(TEXT, 'kommune.')).toEqual(['kommune.']);
  });

  it('matches a phrase with any whitespace (and punctuation beside it) between its words, across a line break', () => {
    expect(hits(TEXT, 'om det. søknaden')).toEqual(['om det.\nSøknaden']);
    // Punctuation and emoji beside the whitespace are passed over; inside a word they are not.
    expect(hits(TEXT, 'om det søknaden')).toEqual(['om det.\nSøknaden']);
    expect(hits(TEXT, 'sendt i')).toEqual(['sendt 👍 i']);
    expect(hits('e-post kom', 'e post')).toEqual([]);
    expect(hits('nye   løsninger', 'nye løsninger')).toEqual(['nye   løsninger']);
    expect(hits(TEXT, 'nye løsninger')).toEqual(['nye løsninger']);
    expect(hits(TEXT, 'løsninger nye')).toEqual([]);
  });

  it('in all-words mode finds every occurrence, only in texts holding all the words', () => {
    expect(hits(TEXT, 'kommune søk', { phrase: false })).toEqual(['søke', 'Søknaden', 'kommune']);
    expect(hits(TEXT, 'kommune fylke', { phrase: false })).toEqual([]);
  });

  it('without folding matches exactly up to case', () => {
    expect(hits(TEXT, 'sok', { fold: false })).toEqual([]);
    expect(hits(TEXT, 'bærum', { fold: false })).toEqual(['Bærum', 'Bærums']);
    expect(hits(TEXT, 'SØKNADEN', { fold: false })).toEqual(['Søknaden']);
  });

  it('finds emoji and punctuation-only queries literally', () => {
    expect(hits(TEXT, '👍')).toEqual(['👍']);
    expect(hits(TEXT, '?')).toEqual(['?']);
  });

  it('finds every word taken from a text under any spelling of its letters (property)', () => {
    const vocabulary = ['Bærum', 'søknad', 'ærlig', 'Ålesund', 'kommune', 'prøve', 'Müller', 'élève', 'straße', '👍', 'nye'];
    const spell = (w: string) => w.toLowerCase().replace('æ', 'ae').replace('ø', 'o').replace('å', 'a').replace('ü', 'u').replace(/é|è/g, 'e').replace('ß', 'ss');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 20 }), fc.nat(), fc.constantFrom(' ', '\n', ', '), (words, pick, sep) => {
        const text = words.join(sep);
        const word = words[pick % words.length]!;
        const found = hits(text, spell(word));
        expect(found.length).toBeGreaterThanOrEqual(words.filter((w) => w === word).length);
        for (const hit of found) expect(spell(hit).startsWith(spell(word))).toBe(true);
      }),
    );
  });
});

describe('ftsMatchExpression', () => {
  it('asks for every token as a prefix, trying "ae" also as "a"', () => {
    expect(ftsMatchExpression('søk')).toBe('"sok"*');
    expect(ftsMatchExpression('Bærum kommune')).toBe('("baerum"* OR "barum"*) AND "kommune"*');
    expect(ftsMatchExpression('«e-post»')).toBe('"e"* AND "post"*');
    expect(ftsMatchExpression('👍 ?')).toBeNull();
  });
});

describe('findLiteral (pseudonymisation)', () => {
  const text = 'Per sa til Perø og Per-Ola: «Per, kom!» Æsop og Pål. PER.';

  it('finds whole words only, with æøå and hyphens as word boundaries', () => {
    expect(findLiteral(text, 'Per', { wholeWord: true, caseSensitive: true }).map((r) => text.slice(Math.max(0, r.start - 1), r.end + 1))).toEqual(['Per ', ' Per-', '«Per,']);
    expect(findLiteral(text, 'Per', { wholeWord: false, caseSensitive: true })).toHaveLength(4);
    expect(findLiteral(text, 'per', { wholeWord: true, caseSensitive: false })).toHaveLength(4);
    expect(findLiteral(text, 'Pål', { wholeWord: true, caseSensitive: true })).toHaveLength(1);
    expect(findLiteral(text, 'P', { wholeWord: true, caseSensitive: true })).toHaveLength(0);
  });
});

describe('contextAround', () => {
  const text = 'Før dette sa hun at innovasjon i kommunen handler om 👍 å prøve nye ting og lære av det etterpå.';

  it('cuts context at word boundaries, never inside an emoji', () => {
    const at = text.indexOf('handler');
    const { before, after } = contextAround(text, { start: at, end: at + 7 }, 20);
    expect(before).toBe('i kommunen ');
    expect(after).toBe(' om 👍 å prøve nye');
    for (let max = 1; max < 40; max += 1) {
      const c = contextAround(text, { start: at, end: at + 7 }, max);
      expect(c.before.length).toBeLessThanOrEqual(max);
      expect(text.slice(0, at).endsWith(c.before)).toBe(true);
      expect(text.slice(at + 7).startsWith(c.after)).toBe(true);
      expect(c.after.charCodeAt(c.after.length - 1) >= 0xd800 && c.after.charCodeAt(c.after.length - 1) <= 0xdbff).toBe(false);
    }
  });
});
