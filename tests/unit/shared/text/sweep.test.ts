import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sweepRuns } from '../../../../shared/text/sweep';
import { paragraphIndexAt, paragraphRanges } from '../../../../shared/text/paragraphs';

describe('sweepRuns', () => {
  it('splits overlapping anchors into flat runs carrying every id', () => {
    const runs = sweepRuns(
      [
        { id: 'a', start: 2, end: 8 },
        { id: 'b', start: 5, end: 12 },
      ],
      { start: 0, end: 15 },
    );
    expect(runs).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ['a'] },
      { start: 5, end: 8, ids: ['a', 'b'] },
      { start: 8, end: 12, ids: ['b'] },
      { start: 12, end: 15, ids: [] },
    ]);
  });

  it('clips anchors to the window and gives an empty window one run', () => {
    expect(sweepRuns([{ id: 'a', start: 0, end: 100 }], { start: 10, end: 20 })).toEqual([{ start: 10, end: 20, ids: ['a'] }]);
    expect(sweepRuns([], { start: 4, end: 4 })).toEqual([{ start: 4, end: 4, ids: [] }]);
  });

  it('covers the window without gaps, and each run carries exactly the anchors covering it (property)', () => {
    const anchor = fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 20 }));
    fc.assert(
      fc.property(fc.array(anchor, { maxLength: 15 }), (pairs) => {
        const anchors = pairs.map(([start, len], i) => ({ id: `c${i}`, start, end: start + len }));
        const runs = sweepRuns(anchors, { start: 0, end: 80 });
        expect(runs[0]!.start).toBe(0);
        expect(runs[runs.length - 1]!.end).toBe(80);
        for (let i = 1; i < runs.length; i += 1) expect(runs[i]!.start).toBe(runs[i - 1]!.end);
        for (const run of runs) {
          const expected = anchors.filter((a) => a.start <= run.start && a.end >= run.end).map((a) => a.id).sort();
          expect([...run.ids].sort()).toEqual(expected);
        }
      }),
    );
  });
});

describe('paragraphRanges', () => {
  it('joins back to the text with \\n, empty lines included', () => {
    const text = 'a\n\nbc\n';
    const ranges = paragraphRanges(text);
    expect(ranges.map((r) => text.slice(r.start, r.end)).join('\n')).toBe(text);
    expect(ranges).toHaveLength(4);
    expect(paragraphIndexAt(ranges, 3)).toBe(2);
    expect(paragraphIndexAt(ranges, 0)).toBe(0);
  });
});
