import { describe, expect, it } from 'vitest';
import { wordBoundary } from '../../../../shared/text/words';

describe('wordBoundary', () => {
  const text = 'Vi prøver «nye» løsninger, i Bærum.';
  it('moves forward past the end of the next word', () => {
    expect(wordBoundary(text, 0, 1)).toBe(2);
    expect(wordBoundary(text, 2, 1)).toBe(text.indexOf(' «'));
    expect(wordBoundary(text, text.indexOf('«'), 1)).toBe(text.indexOf('»'));
  });
  it('moves backward to the start of the previous word', () => {
    expect(wordBoundary(text, text.length, -1)).toBe(text.indexOf('Bærum'));
    expect(wordBoundary(text, text.indexOf('løsninger'), -1)).toBe(text.indexOf('nye'));
    expect(wordBoundary(text, 0, -1)).toBe(0);
  });
});
