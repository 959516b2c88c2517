import { describe, expect, it } from 'vitest';
import { Coincidences, cohenKappa, coincidencesOf, contingencyOf, krippendorffAlphaNominal, percentAgreement } from '../../../../shared/stats/agreement';

// Published worked examples, checked to the third decimal.

describe("Krippendorff's alpha (nominal)", () => {
  it('Krippendorff (2011), “Computing Krippendorff’s Alpha-Reliability”, section C: 4 observers, 12 units, missing data → α = 0.743', () => {
    // The reliability data matrix of section C ("Nominal data, any number of observers, missing
    // data"); `null` is a missing value. Unit 12 has a single value and is not pairable.
    const data = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null], // observer A
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3], // observer B
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null], // observer C
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null], // observer D
    ];
    const alpha = krippendorffAlphaNominal(data)!;
    expect(alpha).toBeCloseTo(0.743, 3);
    // The paper's coincidence matrix: n = 40 pairable values; n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3.
    const matrix = coincidencesOf(data);
    expect(matrix.pairableValues()).toBeCloseTo(40, 9);
    expect([0, 1, 2, 3, 4].map((c) => Math.round(matrix.marginal(c) * 1000) / 1000)).toEqual([9, 13, 10, 5, 3]);
    expect(matrix.cell(0, 0)).toBeCloseTo(7, 9);
    expect(matrix.cell(2, 2)).toBeCloseTo(8, 9);
  });

  it('Krippendorff (2011), section A: binary data, two observers, no missing data → α = 0.095', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(krippendorffAlphaNominal([a, b])!).toBeCloseTo(0.095, 3);
    // Its coincidence matrix: o00 = 10, o01 = o10 = 4, o11 = 2.
    expect(coincidencesOf([a, b]).toRows()).toEqual([
      [10, 4],
      [4, 2],
    ]);
  });

  it('Wikipedia, “Krippendorff’s alpha”, computational example: 3 coders, 15 units, missing values → α = 0.691', () => {
    const star = null;
    const data = [
      [star, star, star, star, star, 3, 4, 1, 2, 1, 1, 3, 3, star, 3], // coder A
      [1, star, 2, 1, 3, 3, 4, 3, star, star, star, star, star, star, star], // coder B
      [star, star, 2, 1, 3, 4, 4, star, 2, 1, 1, 3, 3, star, 4], // coder C
    ];
    expect(krippendorffAlphaNominal(data)!).toBeCloseTo(0.691, 3);
  });

  it('weighted units give the same alpha as repeated units', () => {
    const weighted = new Coincidences(2);
    weighted.addUnit([2, 0], 5);
    weighted.addUnit([1, 1], 3);
    weighted.addUnit([0, 2], 2);
    const repeated = [
      [...Array<number>(5).fill(0), ...Array<number>(3).fill(0), 1, 1],
      [...Array<number>(5).fill(0), ...Array<number>(3).fill(1), 1, 1],
    ];
    expect(weighted.alphaNominal()).toBeCloseTo(krippendorffAlphaNominal(repeated)!, 12);
  });

  it('is undefined without variation and ignores unpairable units', () => {
    expect(krippendorffAlphaNominal([[1, 1, 1], [1, 1, 1]])).toBeNull();
    expect(krippendorffAlphaNominal([[1, null], [null, 2]])).toBeNull();
    expect(krippendorffAlphaNominal([[1, 2, 5], [1, 2, null]])).toBe(1);
  });
});

describe("Cohen's kappa", () => {
  it('Wikipedia, “Cohen’s kappa”, example: 50 grant proposals, Yes/Yes 20, Yes/No 5, No/Yes 10, No/No 15 → p_o = 0.7, κ = 0.4', () => {
    const table = [
      [20, 5],
      [10, 15],
    ];
    expect(percentAgreement(table)).toBeCloseTo(0.7, 9);
    expect(cohenKappa(table)!).toBeCloseTo(0.4, 3);
  });

  it('Wikipedia, “Cohen’s kappa”, same percentages but different numbers: 45/15/25/15 → κ = 0.1304; 25/35/5/35 → κ = 0.2593', () => {
    expect(cohenKappa([[45, 15], [25, 15]])!).toBeCloseTo(0.1304, 4);
    expect(cohenKappa([[25, 35], [5, 35]])!).toBeCloseTo(0.2593, 4);
  });

  it('Krippendorff (2011) section A data as a 2×2 table: p_o = 0.6, κ = 0.091 (p_e = 0.56)', () => {
    const { table } = contingencyOf([0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]);
    expect(table).toEqual([
      [5, 3],
      [1, 1],
    ]);
    expect(percentAgreement(table)).toBeCloseTo(0.6, 9);
    expect(cohenKappa(table)!).toBeCloseTo(0.04 / 0.44, 9);
  });

  it('is 1 for perfect agreement, undefined when chance agreement is total, and takes k categories', () => {
    expect(cohenKappa([[3, 0], [0, 7]])).toBe(1);
    expect(cohenKappa([[10, 0], [0, 0]])).toBeNull();
    expect(cohenKappa([])).toBeNull();
    const { categories, table } = contingencyOf(['a', 'b', 'c', 'a', null], ['a', 'b', 'b', 'a', 'c']);
    expect(categories).toEqual(['a', 'b', 'c']);
    expect(table.flat().reduce((s, v) => s + v, 0)).toBe(4);
    expect(() => cohenKappa([[1, 2]])).toThrow(/square/);
  });
});
