import { describe, expect, it } from 'vitest';
import { chooseLevel, choiceProblem, defaultDepthLevels, mappingOf } from '../../../../../renderer/features/refi/levelChoice';

const NAMES = ['1. ordens kode', '2. ordens kode', '3. ordens kode'] as const;

describe('the level choice of the REFI-QDA import', () => {
  it('starts a tree three deep as dimension → theme → concept, any other tree unplaced', () => {
    expect(defaultDepthLevels(3)).toEqual([3, 2, 1]);
    expect(defaultDepthLevels(4)).toEqual([null, null, null, null]);
    expect(mappingOf(defaultDepthLevels(4))).toEqual({ kind: 'unplaced' });
  });

  it('turns a choice per depth into the depths of dimensions, themes and concepts', () => {
    expect(mappingOf([null, 3, 2, 1])).toEqual({ kind: 'depths', dimension: 2, theme: 3, concept: 4 });
    expect(mappingOf([1])).toEqual({ kind: 'depths', dimension: null, theme: null, concept: 1 });
  });

  it('gives a level to one depth only: choosing it elsewhere clears the other', () => {
    expect(chooseLevel([3, 2, 1], 2, 2)).toEqual([3, null, 2]);
    expect(chooseLevel([3, 2, 1], 0, null)).toEqual([null, 2, 1]);
  });

  it('refuses levels that do not nest top down, naming them in the project’s words', () => {
    expect(choiceProblem([null, 3, 2, 1], NAMES)).toBeNull();
    expect(choiceProblem([1, 3, 2, null], NAMES)).toContain('3. ordens kode on a higher depth than 2. ordens kode');
  });
});
