import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unionLength, unionRanges } from '../../../../shared/analysis/intervals';

describe('range unions', () => {
  it('merges overlapping ranges per document, keeps touching ones apart, ignores empty ones', () => {
    const r = (document: string, start: number, end: number) => ({ document, start, end });
    expect(unionRanges([r('b', 0, 4), r('a', 5, 9), r('a', 0, 5), r('a', 3, 6), r('a', 12, 12), r('b', 2, 10)])).toEqual([r('a', 0, 9), r('b', 0, 10)]);
    expect(unionRanges([r('a', 0, 5), r('a', 5, 9)])).toEqual([r('a', 0, 5), r('a', 5, 9)]);
    expect(unionLength([r('a', 0, 5), r('a', 2, 7), r('b', 0, 5)])).toBe(12);
  });

  it('the union covers exactly the units some range covers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b'), fc.nat(60), fc.nat(20))), (spec) => {
        const ranges = spec.map(([document, start, width]) => ({ document, start, end: start + width }));
        const covered = new Set<string>();
        for (const x of ranges) for (let i = x.start; i < x.end; i += 1) covered.add(`${x.document}:${i}`);
        expect(unionLength(ranges)).toBe(covered.size);
        const union = unionRanges(ranges);
        for (let i = 1; i < union.length; i += 1) {
          const [p, q] = [union[i - 1]!, union[i]!];
          expect(p.document < q.document || (p.document === q.document && p.end <= q.start)).toBe(true);
        }
      }),
    );
  });
});

describe('matrix passages and characters in any coding order', () => {
  it('gives the same figures whether codings come sorted or shuffled', async () => {
    const { computeMatrix } = await import('../../../../shared/analysis/matrix');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('d1', 'd2'), fc.nat(50), fc.integer({ min: 1, max: 15 }), fc.constantFrom('c1', 'c2')), { minLength: 1, maxLength: 30 }),
        fc.integer(),
        (spec, seed) => {
          const codings = spec.map(([documentId, start, width, codeId], i) => ({ id: `k${i}`, codeId, documentId, start, end: start + width, informantIds: [] }));
          const sorted = [...codings].sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.start - b.start));
          const shuffled = [...codings].sort((a, b) => ((a.start * 31 + seed) % 7) - ((b.start * 31 + seed) % 7));
          const data = (list: typeof codings) => ({
            codes: [
              { id: 't', level: 2 as const, parentId: null, label: 'T', color: '#000000' },
              { id: 'c1', level: 1 as const, parentId: 't', label: 'C1', color: '#000000' },
              { id: 'c2', level: 1 as const, parentId: 't', label: 'C2', color: '#000000' },
            ],
            cases: [],
            informants: [],
            documents: [
              { id: 'd1', title: 'D1', caseId: null },
              { id: 'd2', title: 'D2', caseId: null },
            ],
            codings: list,
          });
          for (const measure of ['passages', 'chars'] as const) {
            const a = computeMatrix(data(sorted), 'tree', { kind: 'documents' }, measure);
            const b = computeMatrix(data(shuffled), 'tree', { kind: 'documents' }, measure);
            expect(b.cells).toEqual(a.cells);
            expect(b.rowTotals).toEqual(a.rowTotals);
            const expected = unionLength(codings.map((c) => ({ document: c.documentId, start: c.start, end: c.end })));
            if (measure === 'chars') expect(a.rowTotals[0]).toBe(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
