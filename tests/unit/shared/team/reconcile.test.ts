import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDisagreements } from '../../../../shared/team/disagreements';
import { alignToTarget, clipRanges, normalizeRanges, type RangedCoding } from '../../../../shared/team/reconcile';
import type { TextRange } from '../../../../shared/text/offsets';

function covered(ranges: readonly TextRange[], length: number): boolean[] {
  const cells = new Array<boolean>(length).fill(false);
  for (const r of ranges) for (let i = r.start; i < r.end; i += 1) cells[i] = true;
  return cells;
}

function applyPlan(existing: readonly RangedCoding[], plan: ReturnType<typeof alignToTarget>): TextRange[] {
  const updated = new Map(plan.update.map((u) => [u.id, u]));
  return [
    ...existing.filter((c) => !plan.remove.includes(c.id)).map((c) => updated.get(c.id) ?? c),
    ...plan.create,
  ];
}

const rangeArb = fc.record({ start: fc.nat(80), len: fc.integer({ min: 1, max: 20 }) }).map((r) => ({ start: r.start, end: r.start + r.len }));

describe('aligning a coder’s codings to a version inside a passage', () => {
  it('covers exactly the target inside the window and what was there outside it (property)', () => {
    fc.assert(
      fc.property(fc.array(rangeArb, { maxLength: 6 }), fc.array(rangeArb, { maxLength: 4 }), rangeArb, (ranges, target, window) => {
        const existing = ranges.map((r, i) => ({ ...r, id: `c${i}` }));
        const plan = alignToTarget(existing, target, window);
        const after = covered(applyPlan(existing, plan), 120);
        const before = covered(existing, 120);
        const wanted = covered(clipRanges(target, window), 120);
        for (let i = 0; i < 120; i += 1) {
          if (i >= window.start && i < window.end) expect(after[i]).toBe(wanted[i]);
          else expect(after[i]).toBe(before[i]);
        }
        // No two resulting codings overlap when they came from the window's neighbourhood.
        const touched = [...plan.update, ...plan.create];
        const sorted = [...touched].sort((a, b) => a.start - b.start);
        for (let i = 1; i < sorted.length; i += 1) expect(sorted[i]!.start).toBeGreaterThan(sorted[i - 1]!.end - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('trims, extends and splits with the fewest changes', () => {
    // Ola coded [20, 60); Kari's version inside [10, 60) is [10, 50): Ola's coding becomes [10, 50).
    expect(alignToTarget([{ id: 'ola', start: 20, end: 60 }], [{ start: 10, end: 50 }], { start: 10, end: 60 })).toEqual({
      update: [{ id: 'ola', start: 10, end: 50 }],
      remove: [],
      create: [],
    });
    // Accepting "nothing" in the middle splits a coding in two: one keeps its id, one is created.
    expect(alignToTarget([{ id: 'a', start: 0, end: 30 }], [], { start: 10, end: 20 })).toEqual({
      update: [{ id: 'a', start: 0, end: 10 }],
      remove: [],
      create: [{ start: 20, end: 30 }],
    });
    // Two codings joined by the target become one.
    expect(alignToTarget([{ id: 'a', start: 0, end: 5 }, { id: 'b', start: 8, end: 12 }], [{ start: 5, end: 8 }], { start: 5, end: 8 })).toEqual({
      update: [{ id: 'a', start: 0, end: 12 }],
      remove: ['b'],
      create: [],
    });
    expect(normalizeRanges([{ start: 5, end: 9 }, { start: 0, end: 5 }, { start: 3, end: 3 }])).toEqual([{ start: 0, end: 9 }]);
  });
});

describe('finding disagreements', () => {
  const codes = [
    { id: 'x', members: ['x'] },
    { id: 'theme', members: ['theme', 'x', 'y'] },
  ];
  it('groups overlapping codings into one passage with each coder’s version', () => {
    const spans = findDisagreements({
      length: 100,
      codings: [
        { id: 'k1', documentId: 'd', coderId: 'Kari', codeId: 'x', start: 10, end: 50 },
        { id: 'o1', documentId: 'd', coderId: 'Ola', codeId: 'x', start: 20, end: 60 },
        { id: 'k2', documentId: 'd', coderId: 'Kari', codeId: 'x', start: 70, end: 80 },
        { id: 'o2', documentId: 'd', coderId: 'Ola', codeId: 'x', start: 70, end: 80 },
      ],
      coderIds: ['Kari', 'Ola'],
      codes: [codes[0]!],
      unit: 'char',
    });
    expect(spans).toEqual([
      {
        start: 10,
        end: 60,
        codeIds: ['x'],
        sides: [
          { coderId: 'Kari', codingIds: ['k1'], codeIds: ['x'] },
          { coderId: 'Ola', codingIds: ['o1'], codeIds: ['x'] },
        ],
      },
    ]);
  });

  it('agrees at the theme level when coders chose different concepts of one theme, and skips coders who did not code the document', () => {
    const input = {
      length: 100,
      codings: [
        { id: 'k', documentId: 'd', coderId: 'Kari', codeId: 'x', start: 0, end: 20 },
        { id: 'o', documentId: 'd', coderId: 'Ola', codeId: 'y', start: 0, end: 20 },
      ],
      coderIds: ['Kari', 'Ola', 'Per'],
      unit: 'char' as const,
    };
    expect(findDisagreements({ ...input, codes: [codes[1]!] })).toEqual([]);
    expect(findDisagreements({ ...input, codes: [codes[0]!] }).map((s) => s.sides.map((side) => side.coderId))).toEqual([['Kari', 'Ola']]);
    expect(
      findDisagreements({ ...input, codes: [codes[0]!], unit: 'segment', segments: [{ start: 0, end: 10 }, { start: 10, end: 40 }, { start: 40, end: 100 }] }).map((s) => [s.start, s.end]),
    ).toEqual([
      [0, 10],
      [10, 40],
    ]);
  });
});
