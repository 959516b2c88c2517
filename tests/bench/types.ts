/** One measured figure: several samples of one quantity. */
export interface Metric {
  readonly name: string;
  readonly unit: 'ms' | 'MB' | 'ops/s' | 'count' | 'ratio';
  readonly samples: readonly number[];
  /** Optional target (same unit): the table marks figures over it. */
  readonly target?: number;
  /** Which percentile the target applies to (default: the median). */
  readonly targetOn?: 'p50' | 'p95' | 'max';
}

/** A correctness check made while measuring (in --quick mode these are the point). */
export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

/** What one benchmark step reports. */
export interface StepResult {
  readonly metrics: readonly Metric[];
  readonly checks: readonly Check[];
}

/** Settings every step gets. */
export interface BenchContext {
  readonly quick: boolean;
  /** How many repetitions of whole-operation measurements. */
  readonly runs: number;
  /** A scratch folder for this step. */
  readonly dir: string;
  /** A folder kept for the whole run: generated projects are cached there (see cachedLargeProject). */
  readonly cache: string;
  readonly log: (message: string) => void;
}

/** A benchmark step. */
export interface BenchStep {
  readonly name: string;
  run(ctx: BenchContext): Promise<StepResult>;
}

/** Time an async function in milliseconds. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/** A check. */
export function check(name: string, ok: boolean, detail?: string): Check {
  return detail === undefined ? { name, ok } : { name, ok, detail };
}

/** The median of some samples. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/** A metric's ratio to its floor (medians), as a one-sample metric named after both. */
export function ratioTo(floorName: string, metric: Metric, floor: readonly number[]): Metric {
  return { name: `  ratio to floor (${floorName})`, unit: 'ratio', samples: [median(metric.samples) / median(floor)] };
}
