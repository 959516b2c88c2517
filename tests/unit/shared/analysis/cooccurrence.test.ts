import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseColumnsArg } from '../../../../shared/analysis/columns';
import { cooccurringPairs, type TurnRange } from '../../../../shared/analysis/cooccurrence';

type Span = { documentId: string; start: number; end: number };

/** Every pair checked directly: the definition the sweep must agree with. */
function bruteForce(codings: Span[], turns: TurnRange[], mode: 'passage' | 'turn'): string[] {
  const out: string[] = [];
  for (let i = 0; i < codings.length; i += 1) {
    for (let j = i + 1; j < codings.length; j += 1) {
      const [a, b] = [codings[i]!, codings[j]!];
      if (a.documentId !== b.documentId || a.end <= a.start || b.end <= b.start) continue;
      const hit =
        mode === 'passage'
          ? a.start < b.end && b.start < a.end
          : turns.some((t) => t.documentId === a.documentId && t.start < a.end && t.end > a.start && t.start < b.end && t.end > b.start);
      if (hit) out.push(`${i}-${j}`);
    }
  }
  return out.sort();
}

const span = fc.record({ documentId: fc.constantFrom('d1', 'd2'), start: fc.nat(80), end: fc.nat(100) }).map((s) => ({ ...s, end: Math.max(s.start, s.end) }));

describe('co-occurring pairs', () => {
  it('agree with checking every pair, for passages and for (possibly overlapping) turns', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 25 }), fc.array(span, { maxLength: 12 }), (codings, rawTurns) => {
        const turns = rawTurns.map((t, i) => ({ ...t, id: `t${i}` }));
        for (const mode of ['passage', 'turn'] as const) {
          const found = cooccurringPairs(codings, turns, mode).map(([i, j]) => {
            expect(i).toBeLessThan(j);
            return `${i}-${j}`;
          });
          expect(found.sort()).toEqual(bruteForce(codings, turns, mode));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('matrix columns argument', () => {
  it('reads informants, cases, documents and attr:NAME with an optional scope', () => {
    expect(parseColumnsArg('cases')).toEqual({ kind: 'cases' });
    expect(parseColumnsArg('attr:Rolle')).toEqual({ kind: 'attribute', name: 'Rolle' });
    expect(parseColumnsArg('attr:case:Størrelse')).toEqual({ kind: 'attribute', name: 'Størrelse', scope: 'case' });
    expect(parseColumnsArg('attr:informant:Alder: år')).toEqual({ kind: 'attribute', name: 'Alder: år', scope: 'informant' });
    expect(parseColumnsArg('attr:')).toBeNull();
    expect(parseColumnsArg('people')).toBeNull();
  });
});
