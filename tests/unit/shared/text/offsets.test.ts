import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countOccurrences,
  findOccurrence,
  fromCodePointOffset,
  isCharBoundary,
  rangeProblem,
  toCodePointOffset,
} from '../../../../shared/text/offsets';

describe('offsets in UTF-16 code units', () => {
  const text = 'Hei 👍 på «deg»';

  it('counts an emoji as two units and refuses ranges that split it', () => {
    const at = text.indexOf('👍');
    expect(text.slice(at, at + 2)).toBe('👍');
    expect(isCharBoundary(text, at + 1)).toBe(false);
    expect(rangeProblem(text, at, at + 1)).toMatch(/splits a character/);
    expect(rangeProblem(text, at, at + 2)).toBeNull();
  });

  it('rejects empty, negative and out-of-range ranges with a reason', () => {
    expect(rangeProblem(text, 3, 3)).toMatch(/empty/);
    expect(rangeProblem(text, -1, 2)).toMatch(/negative/);
    expect(rangeProblem(text, 0, text.length + 1)).toMatch(/past the end/);
    expect(rangeProblem(text, 0.5, 2)).toMatch(/integers/);
  });

  it('finds the n-th occurrence of a passage', () => {
    const t = 'ja, ja, ja';
    expect(findOccurrence(t, 'ja')).toEqual({ start: 0, end: 2 });
    expect(findOccurrence(t, 'ja', 3)).toEqual({ start: 8, end: 10 });
    expect(findOccurrence(t, 'ja', 4)).toBeNull();
    expect(countOccurrences(t, 'ja')).toBe(3);
    expect(findOccurrence(t, '', 1)).toBeNull();
  });

  it('converts to and from code points (REFI-QDA) around emoji and «»', () => {
    const at = text.indexOf('på');
    expect(toCodePointOffset(text, at)).toBe(at - 1);
    expect(fromCodePointOffset(text, at - 1)).toBe(at);
    expect(fromCodePointOffset(text, 10_000)).toBe(text.length);
  });

  it('round-trips every boundary through code points (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        for (let i = 0; i <= s.length; i += 1) {
          if (!isCharBoundary(s, i)) continue;
          expect(fromCodePointOffset(s, toCodePointOffset(s, i))).toBe(i);
        }
      }),
    );
  });
});
