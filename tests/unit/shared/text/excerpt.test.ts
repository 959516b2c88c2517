import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerptFragments, excerptProblem } from '../../../../shared/text/excerpt';

const PASSAGE = 'For meg er begrepet innovasjon nyskapning, altså at vi  prøver\nnye løsninger på samfunnsutfordringer 👍 i kommunen.';

describe('excerptProblem', () => {
  it('accepts the passage itself, and omissions marked (…), (...), […] or [...]', () => {
    expect(excerptProblem(PASSAGE, PASSAGE)).toBeNull();
    expect(excerptProblem('For meg er begrepet innovasjon nyskapning (…) nye løsninger på samfunnsutfordringer', PASSAGE)).toBeNull();
    expect(excerptProblem('(...) innovasjon nyskapning, [...] nye løsninger […]', PASSAGE)).toBeNull();
    expect(excerptProblem('begrepet innovasjon (…) 👍 i kommunen.', PASSAGE)).toBeNull();
  });

  it('allows whitespace to differ (line breaks, double spaces)', () => {
    expect(excerptProblem('altså at vi prøver nye løsninger', PASSAGE)).toBeNull();
    expect(excerptProblem('altså  at\nvi   prøver', PASSAGE)).toBeNull();
  });

  it('names added or changed words', () => {
    expect(excerptProblem('For meg er begrepet alltid innovasjon', PASSAGE)).toBe('the word “alltid” is not in the passage');
    expect(excerptProblem('For meg er det store begrepet innovasjon', PASSAGE)).toBe('the words “det store” are not in the passage');
    expect(excerptProblem('nye løsninger på utfordringer', PASSAGE)).toBe('the word “utfordringer” is not in the passage');
    expect(excerptProblem('(…) Nye løsninger', PASSAGE)).toBe('the word “Nye” is not in the passage');
  });

  it('refuses fragments out of order, and omissions inside a word', () => {
    expect(excerptProblem('nye løsninger (…) For meg', PASSAGE)).toBe('“For meg” comes before “nye løsninger” in the passage; an excerpt keeps the passage\'s order');
    expect(excerptProblem('For meg er begrepet innovasjon nyskap (…) løsninger', PASSAGE)).toBe('the word “nyskap” is not in the passage');
    expect(excerptProblem('samfunns (…) utfordringer', PASSAGE)).toBe('the word “samfunns” is not in the passage');
  });

  it('refuses an excerpt with no words, and an omission marker written differently', () => {
    expect(excerptProblem('(…)', PASSAGE)).toBe('the excerpt keeps no words of the passage');
    expect(excerptProblem('   ', PASSAGE)).toBe('the excerpt keeps no words of the passage');
    expect(excerptProblem('For meg (..) nye', PASSAGE)).toMatch(/not in the passage/);
  });

  it('splits at every marker', () => {
    expect(excerptFragments('a (…) b (...) c […] d [...] e')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('accepts every in-order selection of whole-word fragments, and refuses any added word (property)', () => {
    const words = fc.array(fc.constantFrom('vi', 'prøver', 'å', 'dele', 'erfaringer', 'på', 'tvers', 'i', 'Bærum', '👍', '«nye»', 'ting.'), { minLength: 3, maxLength: 25 });
    const scenario = words.chain((ws) =>
      fc.tuple(fc.constant(ws), fc.subarray([...ws.keys()], { minLength: 1 }), fc.constantFrom('(…)', '(...)', '[…]'), fc.constantFrom(' ', '  ', '\n')),
    );
    fc.assert(
      fc.property(scenario, ([ws, kept, marker, space]) => {
        const passage = ws.join(space);
        // Consecutive kept indices form a fragment; a gap becomes an omission marker.
        const parts: string[] = [];
        kept.forEach((index, i) => {
          if (i > 0 && index !== kept[i - 1]! + 1) parts.push(marker);
          parts.push(ws[index]!);
        });
        expect(excerptProblem(parts.join(' '), passage)).toBeNull();
        expect(excerptProblem(`${parts.join(' ')} aldri`, passage)).toBe('the word “aldri” is not in the passage');
      }),
    );
  });
});
