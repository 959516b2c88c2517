import { describe, expect, it } from 'vitest';
import { dragPlacement, dropPlacement, unplacedDrop } from '../../../../../renderer/features/codebook/dragAndDrop';
import type { Level } from '../../../../../shared/model/levels';
import type { Code } from '../../../../../shared/model/types';

function code(id: string, level: Level | null, parentId: string | null = null): Code {
  return { id, level, parentId, label: id, heading: '', description: '', color: '#888888', memo: '', sortOrder: 0, originalPath: null, createdAt: 0, codingCount: 0 };
}

const theme = code('t1', 2, 'd1');
const dimension = code('d1', 3);
const c1 = code('c1', 1, 't1');
const c2 = code('c2', 1);
const c3 = code('c3', 1, 't1');

describe('dropPlacement', () => {
  it('puts a concept into a theme and a theme into a dimension', () => {
    expect(dropPlacement(c2, theme)).toEqual({ parentId: 't1', beforeId: null });
    expect(dropPlacement(theme, dimension)).toEqual({ parentId: 'd1', beforeId: null });
  });

  it('puts a code before a sibling of its level, in that sibling’s group', () => {
    expect(dropPlacement(c2, c1)).toEqual({ parentId: 't1', beforeId: 'c1' });
  });

  it('refuses skipping a level, dropping on itself and ungrouping what is not grouped', () => {
    expect(dropPlacement(c2, dimension)).toBeNull();
    expect(dropPlacement(c1, c1)).toBeNull();
    expect(dropPlacement(c2, null)).toBeNull();
    expect(dropPlacement(c1, null)).toEqual({ parentId: null, beforeId: null });
  });
});

describe('dragPlacement', () => {
  it('moves a whole selection where its lead code would go', () => {
    expect(dragPlacement({ lead: c2, ids: ['c2', 'c1'] }, theme)).toEqual({ parentId: 't1', beforeId: null });
  });

  it('refuses a drop onto one of the dragged codes', () => {
    expect(dragPlacement({ lead: c2, ids: ['c2', 'c3'] }, c3)).toBeNull();
  });

  it('ungroups a selection even when its lead is not grouped', () => {
    expect(dragPlacement({ lead: c2, ids: ['c2', 'c1'] }, null)).toEqual({ parentId: null, beforeId: null });
  });
});

describe('unplacedDrop', () => {
  const loose = code('u1', null);
  it('places codes from another tool into a dimension as themes and into a theme as concepts', () => {
    expect(unplacedDrop({ lead: loose, ids: ['u1'] }, dimension)).toEqual({ level: 2, parentId: 'd1' });
    expect(unplacedDrop({ lead: loose, ids: ['u1'] }, theme)).toEqual({ level: 1, parentId: 't1' });
  });

  it('leaves placed codes, concepts, the pool and the dragged codes themselves to the other rules', () => {
    expect(unplacedDrop({ lead: c2, ids: ['c2'] }, theme)).toBeNull();
    expect(unplacedDrop({ lead: loose, ids: ['u1'] }, c1)).toBeNull();
    expect(unplacedDrop({ lead: loose, ids: ['u1'] }, null)).toBeNull();
    expect(unplacedDrop({ lead: loose, ids: ['u1', 'd1'] }, dimension)).toBeNull();
  });
});
