import { describe, expect, it } from 'vitest';
import { firstIndexWhere } from '../../../../../renderer/features/transcript/firstIndexWhere';

describe('firstIndexWhere', () => {
  it('finds the first paragraph ending below a line, asking about few of them', () => {
    const bottoms = Array.from({ length: 1000 }, (_, i) => (i + 1) * 20);
    const asked: number[] = [];
    const index = firstIndexWhere(bottoms.length, (i) => {
      asked.push(i);
      return bottoms[i]! > 5010;
    });
    expect(index).toBe(250);
    expect(asked.length).toBeLessThanOrEqual(11);
  });

  it('gives 0 when every index holds, count when none does, and 0 for nothing', () => {
    expect(firstIndexWhere(5, () => true)).toBe(0);
    expect(firstIndexWhere(5, () => false)).toBe(5);
    expect(firstIndexWhere(0, () => true)).toBe(0);
  });
});
