import { describe, expect, it } from 'vitest';
import {
  commonLevel,
  demotion,
  describeDeleteImpact,
  groupsFor,
  moveWithin,
  promotion,
  rangeSelection,
  selectionActions,
  siblingsOf,
  singular,
  toggleId,
} from '../../../../../renderer/features/codebook/codebookModel';
import type { Level } from '../../../../../shared/model/levels';
import type { Code } from '../../../../../shared/model/types';

function code(id: string, level: Level | null, parentId: string | null, sortOrder: number, codingCount = 0): Code {
  return { id, level, parentId, label: id, heading: '', description: '', color: '#888888', memo: '', sortOrder, originalPath: null, createdAt: 0, codingCount };
}

// d1 ⊃ t1 ⊃ {c1, c2}, d1 ⊃ t2 ⊃ {c3}; loose theme t3; ungrouped c4, c5; unplaced u1.
const codes: Record<string, Code> = Object.fromEntries(
  [
    code('d1', 3, null, 0),
    code('t1', 2, 'd1', 0),
    code('t2', 2, 'd1', 1),
    code('t3', 2, null, 0),
    code('c1', 1, 't1', 1, 3),
    code('c2', 1, 't1', 0, 1),
    code('c3', 1, 't2', 0, 2),
    code('c4', 1, null, 0, 0),
    code('c5', 1, null, 1, 4),
    code('u1', null, null, 0),
  ].map((c) => [c.id, c]),
);
const LEVELS = ['Første ordens begreper', 'Andre ordens tema', 'Aggregerte dimensjoner'] as const;

describe('selection helpers', () => {
  it('selects a range either way between anchor and target, in the order shown', () => {
    const shown = ['a', 'b', 'c', 'd'];
    expect(rangeSelection(shown, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(rangeSelection(shown, 'd', 'b')).toEqual(['d', 'c', 'b']);
    expect(rangeSelection(shown, null, 'c')).toEqual(['c']);
    expect(rangeSelection(shown, 'gone', 'c')).toEqual(['c']);
  });

  it('toggles an id in and out', () => {
    expect(toggleId(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleId(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('ordering', () => {
  it('finds a group in manual order', () => {
    expect(siblingsOf(codes, codes.c1!).map((c) => c.id)).toEqual(['c2', 'c1']);
    expect(siblingsOf(codes, codes.c4!).map((c) => c.id)).toEqual(['c4', 'c5']);
  });

  it('moves within a group, refusing to go past either end', () => {
    expect(moveWithin(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveWithin(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moveWithin(['a', 'b', 'c'], 'a', -1)).toBeNull();
    expect(moveWithin(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(moveWithin(['a'], 'x', 1)).toBeNull();
  });
});

describe('levels', () => {
  it('knows the level a selection shares', () => {
    expect(commonLevel(codes, ['c1', 'c4'])).toBe(1);
    expect(commonLevel(codes, ['c1', 't1'])).toBe('mixed');
    expect(commonLevel(codes, ['u1'])).toBeNull();
    expect(commonLevel(codes, [])).toBe('none');
  });

  it('promotes a concept to a theme in the dimension its theme belongs to', () => {
    expect(promotion(codes, ['c1'])).toEqual({ level: 2, parentId: 'd1' });
    expect(promotion(codes, ['c1', 'c3'])).toEqual({ level: 2, parentId: 'd1' });
    expect(promotion(codes, ['c4'])).toEqual({ level: 2, parentId: null });
    expect(promotion(codes, ['c1', 'c4'])).toEqual({ level: 2, parentId: null });
    expect(promotion(codes, ['t1'])).toEqual({ level: 3, parentId: null });
    expect(promotion(codes, ['d1'])).toBeNull();
    expect(promotion(codes, ['c1', 't1'])).toBeNull();
  });

  it('demotes one level down, not yet grouped', () => {
    expect(demotion(codes, ['t1'])).toEqual({ level: 1, parentId: null });
    expect(demotion(codes, ['d1'])).toEqual({ level: 2, parentId: null });
    expect(demotion(codes, ['c1'])).toBeNull();
    expect(demotion(codes, ['u1'])).toBeNull();
  });

  it('offers the groups one level up, by label', () => {
    expect(groupsFor(codes, 1).map((c) => c.id)).toEqual(['t1', 't2', 't3']);
    expect(groupsFor(codes, 2).map((c) => c.id)).toEqual(['d1']);
  });
});

describe('selectionActions', () => {
  it('allows merging two concepts but not splitting them', () => {
    const can = selectionActions(codes, ['c1', 'c2'], LEVELS);
    expect(can.merge).toBeNull();
    expect(can.split).toMatch(/one code/);
    expect(can.promote).toBeNull();
    expect(can.demote).toBe('Første ordens begreper are the bottom level');
    expect(can.move).toBeNull();
  });

  it('splits one code with codings, not one without', () => {
    expect(selectionActions(codes, ['c1'], LEVELS).split).toBeNull();
    expect(selectionActions(codes, ['c4'], LEVELS).split).toBe('“c4” has no codings to split off');
    expect(selectionActions(codes, ['c1'], LEVELS).merge).toMatch(/two or more/);
  });

  it('refuses everything level-bound for a mixed selection, and moving dimensions', () => {
    const mixed = selectionActions(codes, ['c1', 'd1'], LEVELS);
    expect([mixed.merge, mixed.promote, mixed.demote, mixed.move]).toEqual(Array(4).fill('The selected codes are on different levels'));
    expect(selectionActions(codes, ['d1'], LEVELS).move).toBe('Aggregerte dimensjoner belong to no group');
    expect(selectionActions(codes, ['d1'], LEVELS).promote).toBe('Aggregerte dimensjoner are the top level');
    expect(selectionActions(codes, ['u1'], LEVELS).promote).toMatch(/Place the code/);
  });
});

describe('describeDeleteImpact', () => {
  it('says what goes, in the confirmation’s words', () => {
    expect(describeDeleteImpact({ codes: 3, codings: 12, representative: 2, released: 4 })).toBe('3 codes, 12 codings, 2 starred, 4 released');
    expect(describeDeleteImpact({ codes: 1, codings: 1, representative: 0, released: 0 })).toBe('1 code, 1 coding, 0 starred, 0 released');
  });
});

describe('singular', () => {
  it('makes English plurals singular and leaves other names', () => {
    expect(singular('Second-order themes')).toBe('Second-order theme');
    expect(singular('Categories')).toBe('Category');
    expect(singular('3. ordens kode')).toBe('3. ordens kode');
    expect(singular('Aggregerte dimensjoner')).toBe('Aggregerte dimensjoner');
  });
});
