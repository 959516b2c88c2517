import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa, contingencyOf, krippendorffAlphaNominal } from '../../../../shared/stats/agreement';
import { codeMembers, computeAgreement, type AgreementCoding, type AgreementInput } from '../../../../shared/team/agreement';

/**
 * The definition, spelled out unit by unit: every character (or segment) of every document, per
 * code, gets 1/0 from each coder who coded the document, null from the others.
 */
function bruteForce(input: AgreementInput) {
  const matrices = input.codes.map(() => input.coderIds.map(() => [] as (number | null)[]));
  for (const doc of input.documents) {
    const codings = input.codings.filter((c) => c.documentId === doc.id);
    const present = input.coderIds.map((id) => codings.some((c) => c.coderId === id));
    const units = input.unit === 'char' ? Array.from({ length: doc.length }, (_, i) => ({ start: i, end: i + 1 })) : (doc.segments ?? []);
    for (const unit of units) {
      const has = (coder: string, members: readonly string[]) =>
        codings.some((c) => c.coderId === coder && members.includes(c.codeId) && c.start < unit.end && c.end > unit.start);
      const anyCoded = input.codes.some((code) => input.coderIds.some((coder) => has(coder, code.members)));
      if (input.excludeUncoded && !anyCoded) continue;
      input.codes.forEach((code, r) => {
        input.coderIds.forEach((coder, k) => matrices[r]![k]!.push(present[k] ? (has(coder, code.members) ? 1 : 0) : null));
      });
    }
  }
  return matrices.map((m) => {
    const { table } = contingencyOf(m[0]!, m[1]!);
    return { alpha: krippendorffAlphaNominal(m), kappa: input.coderIds.length === 2 && table.length === 2 ? cohenKappa(table) : null };
  });
}

const DOC_LENGTH = 60;

const codingArb = (coders: readonly string[], codes: readonly string[]) =>
  fc
    .record({ doc: fc.constantFrom('d1', 'd2'), coder: fc.constantFrom(...coders), code: fc.constantFrom(...codes), start: fc.nat(DOC_LENGTH - 2), len: fc.integer({ min: 1, max: 20 }) })
    .map((c): AgreementCoding => ({ documentId: c.doc, coderId: c.coder, codeId: c.code, start: c.start, end: Math.min(DOC_LENGTH, c.start + c.len) }));

describe('agreement over coded text', () => {
  it('matches the unit-by-unit definition for characters, with missing coders and exclusion (property)', () => {
    fc.assert(
      fc.property(fc.array(codingArb(['A', 'B', 'C'], ['x', 'y', 'z']), { maxLength: 25 }), fc.boolean(), fc.boolean(), (codings, exclude, three) => {
        const input: AgreementInput = {
          documents: [
            { id: 'd1', length: DOC_LENGTH },
            { id: 'd2', length: DOC_LENGTH },
          ],
          codings,
          coderIds: three ? ['A', 'B', 'C'] : ['A', 'B'],
          codes: [
            { id: 'x', members: ['x'] },
            { id: 'y', members: ['y'] },
            { id: 'theme', members: ['theme', 'x', 'y'] },
          ],
          unit: 'char',
          excludeUncoded: exclude,
        };
        const fast = computeAgreement(input);
        const slow = bruteForce(input);
        fast.codes.forEach((code, r) => {
          if (slow[r]!.alpha === null) expect(code.alpha).toBeNull();
          else expect(code.alpha).toBeCloseTo(slow[r]!.alpha!, 9);
          if (!three && slow[r]!.kappa !== null) expect(code.kappa).toBeCloseTo(slow[r]!.kappa!, 9);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('matches the definition for segments (a coder applied a code to a segment when a coding overlaps it)', () => {
    fc.assert(
      fc.property(fc.array(codingArb(['A', 'B'], ['x', 'y']), { maxLength: 20 }), fc.boolean(), (codings, exclude) => {
        const segments = [
          { start: 0, end: 10 },
          { start: 11, end: 30 },
          { start: 31, end: 45 },
          { start: 46, end: 60 },
        ];
        const input: AgreementInput = {
          documents: [
            { id: 'd1', length: DOC_LENGTH, segments },
            { id: 'd2', length: DOC_LENGTH, segments },
          ],
          codings,
          coderIds: ['A', 'B'],
          codes: [
            { id: 'x', members: ['x'] },
            { id: 'y', members: ['y'] },
          ],
          unit: 'segment',
          excludeUncoded: exclude,
        };
        const fast = computeAgreement(input);
        const slow = bruteForce(input);
        fast.codes.forEach((code, r) => {
          if (slow[r]!.alpha === null) expect(code.alpha).toBeNull();
          else expect(code.alpha).toBeCloseTo(slow[r]!.alpha!, 9);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('computes a hand-checked example: two coders, one code, 100 characters', () => {
    // A codes [0, 40), B codes [10, 50): agree on [10, 40) (30 chars coded) and [50, 100) (50 chars
    // not coded); disagree on 20 chars. p_o = 0.8; p_A = 0.4, p_B = 0.4; p_e = 0.52; κ = 0.28/0.48.
    const result = computeAgreement({
      documents: [{ id: 'd', length: 100 }],
      codings: [
        { documentId: 'd', coderId: 'A', codeId: 'x', start: 0, end: 40 },
        { documentId: 'd', coderId: 'B', codeId: 'x', start: 10, end: 50 },
      ],
      coderIds: ['A', 'B'],
      codes: [{ id: 'x', members: ['x'] }],
      unit: 'char',
      excludeUncoded: false,
    });
    const x = result.codes[0]!;
    expect(x.units).toBe(100);
    expect(x.percent).toBeCloseTo(0.8, 12);
    expect(x.kappa).toBeCloseTo(0.28 / 0.48, 12);
    expect(x.coded).toEqual([40, 40]);
    // Leaving out what nobody coded: 50 units, agree on 30.
    const excluded = computeAgreement({
      documents: [{ id: 'd', length: 100 }],
      codings: [
        { documentId: 'd', coderId: 'A', codeId: 'x', start: 0, end: 40 },
        { documentId: 'd', coderId: 'B', codeId: 'x', start: 10, end: 50 },
      ],
      coderIds: ['A', 'B'],
      codes: [{ id: 'x', members: ['x'] }],
      unit: 'char',
      excludeUncoded: true,
    });
    expect(excluded.codes[0]!.units).toBe(50);
    expect(excluded.codes[0]!.percent).toBeCloseTo(0.6, 12);
    expect(excluded.documents).toEqual([{ documentId: 'd', units: 50, coderIds: ['A', 'B'] }]);
  });

  it('gives a coder who did not code a document missing values there, and pools codes in the overall row', () => {
    const result = computeAgreement({
      documents: [
        { id: 'd1', length: 10 },
        { id: 'd2', length: 10 },
      ],
      codings: [
        { documentId: 'd1', coderId: 'A', codeId: 'x', start: 0, end: 5 },
        { documentId: 'd1', coderId: 'B', codeId: 'x', start: 0, end: 5 },
        { documentId: 'd2', coderId: 'A', codeId: 'y', start: 0, end: 10 },
      ],
      coderIds: ['A', 'B'],
      codes: [
        { id: 'x', members: ['x'] },
        { id: 'y', members: ['y'] },
      ],
      unit: 'char',
      excludeUncoded: false,
    });
    expect(result.documents.map((d) => d.coderIds)).toEqual([['A', 'B'], ['A']]);
    expect(result.codes[0]!).toMatchObject({ units: 10, percent: 1, kappa: 1, alpha: 1, coded: [5, 5] });
    // y: only in d2, where B is missing, and nobody applied it in d1: no variation.
    // (A's coding in d2 is not counted: B has no values there.)
    expect(result.codes[1]!).toMatchObject({ units: 10, percent: 1, kappa: null, alpha: null, coded: [0, 0] });
    expect(result.overall.units).toBe(20);
    expect(result.overall.percent).toBe(1);
    expect(result.mean.kappa).toBe(1);
  });

  it('lists a code with every code under it', () => {
    const codes = [
      { id: 'dim', parentId: null },
      { id: 'theme', parentId: 'dim' },
      { id: 'c1', parentId: 'theme' },
      { id: 'c2', parentId: 'theme' },
      { id: 'other', parentId: null },
    ];
    expect(codeMembers(codes, ['dim', 'c1'])).toEqual([
      { id: 'dim', members: ['dim', 'theme', 'c2', 'c1'] },
      { id: 'c1', members: ['c1'] },
    ]);
  });
});
