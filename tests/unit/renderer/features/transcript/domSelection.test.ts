import { describe, expect, it } from 'vitest';
import { inVivoLabel, trimRange } from '../../../../../renderer/features/transcript/domSelection';

describe('selection helpers', () => {
  it('trims whitespace off both ends of a selected range', () => {
    const text = 'Hei  på deg ';
    expect(trimRange(text, 3, 12)).toEqual({ start: 5, end: 11 });
    expect(trimRange(text, 3, 5)).toBeNull();
  });

  it('names in vivo concepts after the passage, without surrounding quotes or final punctuation', () => {
    expect(inVivoLabel('«Nye løsninger på samfunnsutfordringer»')).toBe('Nye løsninger på samfunnsutfordringer');
    expect(inVivoLabel('det er lov å feile.')).toBe('det er lov å feile');
    expect(inVivoLabel('«nyskapning» som gir')).toBe('«nyskapning» som gir');
    expect(inVivoLabel('“quoted” and more”')).toBe('quoted” and more');
    const long = inVivoLabel('Vi prøver nye ting hele tiden fordi vi må, og vi lærer av det vi gjør i kommunen hver eneste dag');
    expect(long.length).toBeLessThanOrEqual(61);
    expect(long.endsWith('…')).toBe(true);
  });
});
