import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors';
import { parseLevelsOption, placeCodes, treeShape, type TreeNode } from '../../../../shared/refi/levels';

const node = (guid: string, children: TreeNode[] = []): TreeNode => ({ guid, name: guid.toUpperCase(), children });
const THREE = [node('d', [node('t', [node('c1'), node('c2')])]), node('d2')];
const FOUR = [node('r', [node('d', [node('t', [node('c')])])])];

describe('parseLevelsOption', () => {
  it('reads auto, none and D,T,C with - for a level no depth maps to', () => {
    expect(parseLevelsOption('auto')).toEqual({ kind: 'auto' });
    expect(parseLevelsOption('none')).toEqual({ kind: 'unplaced' });
    expect(parseLevelsOption('2,3,4')).toEqual({ kind: 'depths', dimension: 2, theme: 3, concept: 4 });
    expect(parseLevelsOption('-,-,1')).toEqual({ kind: 'depths', dimension: null, theme: null, concept: 1 });
  });

  it('refuses depths that do not grow from dimension to concept, and malformed values', () => {
    expect(() => parseLevelsOption('3,2,1')).toThrow(AppError);
    expect(() => parseLevelsOption('1,2')).toThrow(/three depths/);
    expect(() => parseLevelsOption('a,b,c')).toThrow(/whole number/);
    expect(() => parseLevelsOption('-,-,-')).toThrow(/no depth/);
  });
});

describe('placeCodes', () => {
  it('maps a tree exactly three deep to dimension → theme → concept automatically', () => {
    const { placements } = placeCodes(THREE, { kind: 'auto' });
    expect(Object.fromEntries([...placements].map(([g, p]) => [g, [p.level, p.parentGuid]]))).toEqual({
      d: [3, null],
      t: [2, 'd'],
      c1: [1, 't'],
      c2: [1, 't'],
      d2: [3, null],
    });
  });

  it('leaves a deeper tree unplaced with its tree kept, unless depths are given', () => {
    const auto = placeCodes(FOUR, { kind: 'auto' }).placements;
    expect([...auto.values()].map((p) => [p.level, p.parentGuid])).toEqual([
      [null, null],
      [null, 'r'],
      [null, 'd'],
      [null, 't'],
    ]);
    const mapped = placeCodes(FOUR, { kind: 'depths', dimension: 2, theme: 3, concept: 4 }).placements;
    expect(mapped.get('r')).toMatchObject({ level: null, parentGuid: null });
    // The dimension cannot stay under an unplaced code: it is lifted out, its path kept.
    expect(mapped.get('d')).toMatchObject({ level: 3, parentGuid: null, detached: true, path: ['R', 'D'] });
    expect(mapped.get('c')).toMatchObject({ level: 1, parentGuid: 't' });
  });

  it('uses levels recorded by Stige before any depth rule', () => {
    const fixed = new Map([
      ['r', 3 as const],
      ['d', 2 as const],
      ['t', 1 as const],
      ['c', null],
    ]);
    const { placements, rule } = placeCodes(FOUR, { kind: 'auto' }, fixed);
    expect(rule).toMatch(/Stige/);
    expect([...placements.values()].map((p) => p.level)).toEqual([3, 2, 1, null]);
    expect(placements.get('c')!.parentGuid).toBeNull();
  });

  it('counts codes per depth', () => {
    expect(treeShape(THREE)).toEqual({ depth: 3, perDepth: [2, 1, 2] });
  });
});
