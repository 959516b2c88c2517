import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerptFragments, excerptProblem, matchExcerpt, OMISSION } from '../../../../shared/text/excerpt';

const PASSAGE = 'Vi har prøvd mye rart 👍 i Bærum, og noe av det\nvirket faktisk. Det viktigste er at innbyggerne merker det.';

describe('excerpt validation', () => {
  it('accepts excerpts that only leave text out, and maps each kept fragment into the passage', () => {
    const excerpt = `Vi har prøvd mye rart ${OMISSION} noe av det virket faktisk. ${OMISSION} innbyggerne merker det.`;
    const result = matchExcerpt(PASSAGE, excerpt);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ranges.map((r) => PASSAGE.slice(r.start, r.end))).toEqual(['Vi har prøvd mye rart', 'noe av det\nvirket faktisk.', 'innbyggerne merker det.']);
    expect(excerptProblem(PASSAGE, excerpt)).toBeNull();
  });

  it('ignores whitespace differences and the case of a fragment’s first letter, and reads (...) and […] as omissions', () => {
    expect(excerptProblem(PASSAGE, 'Noe av det   virket (...) Det viktigste')).toBeNull();
    expect(excerptProblem(PASSAGE, '[…] i Bærum, og noe')).toBeNull();
    expect(excerptProblem(PASSAGE, 'rart 👍 i Bærum')).toBeNull();
  });

  it('names the fragment that adds words, changes order or cuts a word', () => {
    expect(matchExcerpt(PASSAGE, 'Vi har prøvd mye nytt')).toMatchObject({ ok: false, reason: 'not-found', fragment: 'Vi har prøvd mye nytt', index: 0 });
    expect(matchExcerpt(PASSAGE, `innbyggerne merker det ${OMISSION} Vi har prøvd`)).toMatchObject({ ok: false, reason: 'out-of-order', index: 1 });
    expect(matchExcerpt(PASSAGE, 'ærum, og noe')).toMatchObject({ ok: false, reason: 'splits-word' });
    expect(matchExcerpt(PASSAGE, ` ${OMISSION} `)).toMatchObject({ ok: false, reason: 'empty' });
    expect(excerptProblem(PASSAGE, 'Vi har prøvd mye nytt')).toMatch(/the word “nytt” is not in the passage/);
    expect(excerptProblem(PASSAGE, `innbyggerne ${OMISSION} Vi har`)).toMatch(/keeps the passage's order/);
  });

  it('is strict about letters but, in loose mode, forgives case and typographic variants', () => {
    const passage = 'Han sa: «det går ikke» – og det var det’.';
    expect(excerptProblem(passage, 'han sa: "det går ikke" - og det var det\'.')).not.toBeNull();
    expect(excerptProblem(passage, 'han sa: "det går ikke" - og det var det\'.', { loose: true })).toBeNull();
  });

  it('splits fragments on every omission marker', () => {
    expect(excerptFragments('(…) a (...) b [...] c […]')).toEqual(['a', 'b', 'c']);
  });

  it('accepts any excerpt made by cutting whole words out of a passage (property)', () => {
    const word = fc.stringMatching(/^[a-zæøåA-ZÆØÅ]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 30 }), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (words, keep) => {
        const passage = words.join(' ');
        const parts: string[] = [];
        let cut = false;
        words.forEach((w, i) => {
          if (keep[i] || i === 0) {
            if (cut && parts.length > 0) parts.push(OMISSION);
            parts.push(w);
            cut = false;
          } else cut = true;
        });
        expect(excerptProblem(passage, parts.join(' '))).toBeNull();
      }),
    );
  });
});

describe('excerptProblem over random excerpts', () => {
  const WORDS = fc.constantFrom('vi', 'prøver', 'å', 'dele', 'erfaringer', 'på', 'tvers', 'i', 'Bærum', '👍', '«nye»', 'ting.');
  it('accepts every in-order selection of whole-word fragments, and refuses any added word (property)', () => {
    const scenario = fc
      .array(WORDS, { minLength: 3, maxLength: 25 })
      .chain((ws) => fc.tuple(fc.constant(ws), fc.subarray([...ws.keys()], { minLength: 1 }), fc.constantFrom('(…)', '(...)', '[…]'), fc.constantFrom(' ', '  ', '\n')));
    fc.assert(
      fc.property(scenario, ([ws, kept, marker, space]) => {
        const passage = ws.join(space);
        // Consecutive kept indices form a fragment; a gap becomes an omission marker.
        const parts: string[] = [];
        kept.forEach((index, i) => {
          if (i > 0 && index !== kept[i - 1]! + 1) parts.push(marker);
          parts.push(ws[index]!);
        });
        expect(excerptProblem(passage, parts.join(' '))).toBeNull();
        expect(excerptProblem(passage, `${parts.join(' ')} aldri`)).toMatch(/aldri/);
      }),
    );
  });
});
