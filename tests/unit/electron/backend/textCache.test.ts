import { describe, expect, it } from 'vitest';
import { TextCache } from '../../../../electron/backend/textCache';

describe('TextCache', () => {
  it('reads a text once, folds it only when asked, and forgets the least recently used beyond its budget', () => {
    const cache = new TextCache(100);
    const reads: string[] = [];
    const read = (text: string) => () => {
      reads.push(text);
      return text;
    };
    const a = cache.get('a', read('Bærum og søk'));
    expect(a.folded).toBeNull();
    expect(cache.get('a', read('never read'), { folded: true }).folded?.folded).toBe('bærum og sok');
    expect(reads).toEqual(['Bærum og søk']);
    // 12 units × 2 + 12 × 6 = 96 bytes: a second text pushes the first out.
    cache.get('b', read('Asker'));
    cache.get('a', read('Bærum og søk'));
    expect(reads).toEqual(['Bærum og søk', 'Asker', 'Bærum og søk']);
    // An entry larger than the budget alone is still kept (the latest is always usable).
    expect(cache.get('c', read('x'.repeat(500))).text).toHaveLength(500);
  });
});
