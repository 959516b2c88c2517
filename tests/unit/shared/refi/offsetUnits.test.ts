import { describe, expect, it } from 'vitest';
import { codePointCounter, detectOffsetReading, onWordBoundary, positionConverter, STANDARD_READING } from '../../../../shared/refi/offsetUnits';

// A text with emoji (two UTF-16 units, one code point), æøå and CRLF line breaks.
const RAW = 'Inger 😀 sa: «Nye løsninger» 👍 er bra.\r\nKjell 😀😀 svarte: Vi prøver igjen på tvers.\r\nÆrlig talt 🎉 går det fint.';
const WORDS = ['løsninger', 'svarte', 'prøver igjen', 'tvers', 'Ærlig talt', 'fint'];

/** Positions of WORDS as a producer counting in `unit` (and CRLF as one or two) would write them. */
function positions(unit: 'codepoint' | 'utf16', crlfAsOne: boolean): { start: number; end: number }[] {
  const text = crlfAsOne ? RAW.replace(/\r\n/g, '\n') : RAW;
  return WORDS.map((w) => {
    const at = text.indexOf(w);
    const count = (s: string) => (unit === 'codepoint' ? [...s].length : s.length);
    return { start: count(text.slice(0, at)), end: count(text.slice(0, at + w.length)) };
  });
}

describe('detectOffsetReading', () => {
  it.each([
    ['codepoint', false],
    ['utf16', false],
    ['codepoint', true],
    ['utf16', true],
  ] as const)('recognises positions in %s units (CRLF as one: %s) and maps them onto the words', (unit, crlfAsOne) => {
    const ranges = positions(unit, crlfAsOne);
    const detection = detectOffsetReading(RAW, false, ranges);
    expect(detection.reading).toEqual({ unit, lineBreaks: crlfAsOne ? 'crlf-as-one' : 'as-written', bomCounted: false });
    expect(detection.score).toBe(1);
    const convert = positionConverter(RAW, detection.reading);
    expect(ranges.map((r) => RAW.slice(convert(r.start)!, convert(r.end)!))).toEqual(WORDS);
  });

  it('prefers the standard reading when the text cannot tell readings apart', () => {
    const plain = 'Ingen emoji her, bare æøå og én linje.';
    const detection = detectOffsetReading(plain, false, [{ start: 6, end: 11 }]);
    expect(detection.reading).toEqual(STANDARD_READING);
    expect(detection.equivalent).toBe(true);
  });

  it('detects a producer that counts the byte-order mark', () => {
    const ranges = positions('codepoint', false).map((r) => ({ start: r.start + 1, end: r.end + 1 }));
    expect(detectOffsetReading(RAW, true, ranges).reading.bomCounted).toBe(true);
  });

  it('returns null for positions outside the text', () => {
    const convert = positionConverter(RAW, STANDARD_READING);
    expect(convert(-1)).toBeNull();
    expect(convert([...RAW].length + 1)).toBeNull();
    expect(convert([...RAW].length)).toBe(RAW.length);
  });
});

describe('codePointCounter and onWordBoundary', () => {
  it('counts code points before a UTF-16 offset', () => {
    const count = codePointCounter('a😀b');
    expect([0, 1, 3, 4].map(count)).toEqual([0, 1, 2, 3]);
  });

  it('treats the inside of a word, an emoji or a CRLF as no boundary', () => {
    expect(onWordBoundary('løsning', 3)).toBe(false);
    expect(onWordBoundary('a b', 1)).toBe(true);
    expect(onWordBoundary('😀', 1)).toBe(false);
    expect(onWordBoundary('a\r\nb', 2)).toBe(false);
  });
});
