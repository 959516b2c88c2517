// Inter-coder agreement statistics: percent agreement, Cohen's kappa and Krippendorff's alpha for
// nominal data. Pure arithmetic over counts, so the same functions serve the published worked
// examples in the tests and the weighted units (runs of characters) of the agreement report.
//
// References:
// - Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
//   Communication, University of Pennsylvania (repository.upenn.edu/asc_papers/43).
// - Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological
//   Measurement 20(1), 37–46.

/**
 * A coincidence matrix (Krippendorff 2011, section C): for every unit with m ≥ 2 values, each
 * ordered pair of values from different coders adds 1/(m − 1). Units are added with a weight so
 * that N identical units (e.g. N characters coded alike) cost one call.
 */
export class Coincidences {
  /** How many distinct values (categories) the matrix has. */
  readonly size: number;
  private readonly cells: Float64Array;

  /** A matrix for `size` values, indexed 0 … size − 1. */
  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a coincidence matrix needs at least one value (got ${size})`);
    this.size = size;
    this.cells = new Float64Array(size * size);
  }

  /**
   * Add `weight` units in each of which `counts[v]` coders assigned value v. Units with fewer than
   * two values are not pairable and add nothing, as Krippendorff prescribes for missing data.
   */
  addUnit(counts: readonly number[], weight = 1): void {
    if (weight <= 0) return;
    let m = 0;
    for (const count of counts) m += count;
    if (m < 2) return;
    const f = weight / (m - 1);
    for (let c = 0; c < this.size; c += 1) {
      const nc = counts[c] ?? 0;
      if (nc === 0) continue;
      for (let k = 0; k < this.size; k += 1) {
        const nk = counts[k] ?? 0;
        if (nk === 0) continue;
        this.cells[c * this.size + k]! += f * (c === k ? nc * (nc - 1) : nc * nk);
      }
    }
  }

  /** Add another matrix of the same size (pooling units). */
  addMatrix(other: Coincidences): void {
    if (other.size !== this.size) throw new RangeError('cannot pool coincidence matrices of different sizes');
    for (let i = 0; i < this.cells.length; i += 1) this.cells[i]! += other.cells[i]!;
  }

  /** o[c][k]. */
  cell(c: number, k: number): number {
    return this.cells[c * this.size + k]!;
  }

  /** The matrix as rows. */
  toRows(): number[][] {
    return Array.from({ length: this.size }, (_, c) => Array.from({ length: this.size }, (__, k) => this.cell(c, k)));
  }

  /** n: the number of pairable values (the sum of all cells). */
  pairableValues(): number {
    let n = 0;
    for (const v of this.cells) n += v;
    return n;
  }

  /** n_c: how often value c occurs among pairable values. */
  marginal(c: number): number {
    let sum = 0;
    for (let k = 0; k < this.size; k += 1) sum += this.cell(c, k);
    return sum;
  }

  /**
   * Observed agreement Σ o_cc / n: for two coders, the share of units they coded alike; for more,
   * the share of agreeing pairs of values. Null when nothing is pairable.
   */
  observedAgreement(): number | null {
    const n = this.pairableValues();
    if (n <= 0) return null;
    let diagonal = 0;
    for (let c = 0; c < this.size; c += 1) diagonal += this.cell(c, c);
    return diagonal / n;
  }

  /**
   * Krippendorff's alpha for nominal data:
   * α = [(n − 1) Σ_c o_cc − Σ_c n_c(n_c − 1)] / [n(n − 1) − Σ_c n_c(n_c − 1)].
   * Null when it is undefined: fewer than two pairable values, or no variation at all (every value
   * the same, so expected disagreement is zero).
   */
  alphaNominal(): number | null {
    const n = this.pairableValues();
    if (n <= 1) return null;
    let diagonal = 0;
    let expected = 0;
    for (let c = 0; c < this.size; c += 1) {
      diagonal += this.cell(c, c);
      const nc = this.marginal(c);
      expected += nc * (nc - 1);
    }
    const denominator = n * (n - 1) - expected;
    if (denominator <= 1e-12 * n * n) return null;
    return ((n - 1) * diagonal - expected) / denominator;
  }
}

/** A value in a reliability data matrix; null (or undefined) = missing. */
export type NominalValue = string | number | null | undefined;

/**
 * Krippendorff's alpha for nominal data from a reliability data matrix: one row per coder, one
 * column per unit, null for a missing value. Null when alpha is undefined (see `alphaNominal`).
 */
export function krippendorffAlphaNominal(matrix: readonly (readonly NominalValue[])[]): number | null {
  return coincidencesOf(matrix).alphaNominal();
}

/** The coincidence matrix of a reliability data matrix (coders × units), values in first-seen order. */
export function coincidencesOf(matrix: readonly (readonly NominalValue[])[]): Coincidences {
  const index = new Map<string | number, number>();
  for (const row of matrix) for (const v of row) if (v !== null && v !== undefined && !index.has(v)) index.set(v, index.size);
  const result = new Coincidences(Math.max(1, index.size));
  const units = Math.max(0, ...matrix.map((row) => row.length));
  for (let u = 0; u < units; u += 1) {
    const counts = new Array<number>(result.size).fill(0);
    for (const row of matrix) {
      const v = row[u];
      if (v !== null && v !== undefined) counts[index.get(v)!]! += 1;
    }
    result.addUnit(counts);
  }
  return result;
}

/**
 * Cohen's kappa from a square contingency table: `table[i][j]` = (weighted) number of units coder
 * A put in category i and coder B in category j. κ = (p_o − p_e) / (1 − p_e). Null when there
 * are no units or chance agreement is already total (p_e = 1: both coders used one category only).
 */
export function cohenKappa(table: readonly (readonly number[])[]): number | null {
  const k = table.length;
  let total = 0;
  let diagonal = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i += 1) {
    const row = table[i]!;
    if (row.length !== k) throw new RangeError('a contingency table must be square');
    for (let j = 0; j < k; j += 1) {
      const v = row[j]!;
      total += v;
      rows[i]! += v;
      cols[j]! += v;
      if (i === j) diagonal += v;
    }
  }
  if (total <= 0) return null;
  const observed = diagonal / total;
  let expected = 0;
  for (let i = 0; i < k; i += 1) expected += (rows[i]! / total) * (cols[i]! / total);
  if (1 - expected <= 1e-12) return null;
  return (observed - expected) / (1 - expected);
}

/** Percent agreement (as a share, 0…1) from a square contingency table; null without units. */
export function percentAgreement(table: readonly (readonly number[])[]): number | null {
  let total = 0;
  let diagonal = 0;
  table.forEach((row, i) =>
    row.forEach((v, j) => {
      total += v;
      if (i === j) diagonal += v;
    }),
  );
  return total > 0 ? diagonal / total : null;
}

/**
 * The contingency table of two coders' values over the same units (units where either value is
 * missing are left out), with the categories in first-seen order.
 */
export function contingencyOf(a: readonly NominalValue[], b: readonly NominalValue[]): { categories: (string | number)[]; table: number[][] } {
  const categories: (string | number)[] = [];
  const at = (v: string | number) => {
    let i = categories.indexOf(v);
    if (i < 0) i = categories.push(v) - 1;
    return i;
  };
  const pairs: [number, number][] = [];
  for (let u = 0; u < Math.max(a.length, b.length); u += 1) {
    const x = a[u];
    const y = b[u];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    pairs.push([at(x), at(y)]);
  }
  const table = categories.map(() => new Array<number>(categories.length).fill(0));
  for (const [i, j] of pairs) table[i]![j]! += 1;
  return { categories, table };
}
