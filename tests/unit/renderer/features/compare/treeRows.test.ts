import { describe, expect, it } from 'vitest';
import { visibleRows, type TreeRowLike } from '../../../../../renderer/features/compare/treeRows';

const rows: TreeRowLike[] = [
  { id: 'd1', parentId: null, depth: 0, level: 'dimension' },
  { id: 't1', parentId: 'd1', depth: 1, level: 'theme' },
  { id: 'c1', parentId: 't1', depth: 2, level: 'concept' },
  { id: 'c2', parentId: 't1', depth: 2, level: 'concept' },
  { id: 't2', parentId: null, depth: 0, level: 'theme' },
  { id: 'c3', parentId: null, depth: 0, level: 'concept' },
];

describe('visibleRows', () => {
  it('shows a row only when every row above it is open', () => {
    expect(visibleRows(rows, new Set()).map((v) => v.row.id)).toEqual(['d1', 't2', 'c3']);
    expect(visibleRows(rows, new Set(['d1'])).map((v) => v.row.id)).toEqual(['d1', 't1', 't2', 'c3']);
    // An open theme under a closed dimension stays hidden.
    expect(visibleRows(rows, new Set(['t1'])).map((v) => v.row.id)).toEqual(['d1', 't2', 'c3']);
    expect(visibleRows(rows, new Set(['d1', 't1'])).map((v) => v.row.id)).toEqual(['d1', 't1', 'c1', 'c2', 't2', 'c3']);
  });

  it('says which rows can open and keeps their index in the full list', () => {
    const shown = visibleRows(rows, new Set(['d1']));
    expect(shown.map((v) => [v.row.id, v.index, v.hasChildren, v.open])).toEqual([
      ['d1', 0, true, true],
      ['t1', 1, true, false],
      ['t2', 4, false, false],
      ['c3', 5, false, false],
    ]);
  });
});
