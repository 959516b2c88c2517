import type Database from 'better-sqlite3';
import { coderFilter, codingInformantsSelect } from '../../../electron/backend/analysis/attribution';
import { buildLargeProject, LARGE, SMALL, type LargeProjectSize } from '../largeProject';
import { check, timed, type BenchStep, type Check, type Metric } from '../types';

/** The floor: the attribution join counted per concept and informant in plain SQL, nothing else. */
export function floorCounts(db: Database.Database): Map<string, number> {
  const live = coderFilter();
  const rows = db
    .prepare(
      `SELECT a.code_id, p.informant_id, count(*) AS n
       FROM (${live.sql}) a JOIN (${codingInformantsSelect(`(${live.sql})`)}) p ON p.coding_id = a.id
       GROUP BY a.code_id, p.informant_id`,
    )
    .all(...live.params, ...live.params) as { code_id: string; informant_id: string; n: number }[];
  return new Map(rows.map((r) => [`${r.code_id}|${r.informant_id}`, r.n]));
}

/** What the matrix step measured (medians in ms) and checked. */
export interface MatrixBenchResult {
  readonly metrics: Metric[];
  readonly checks: Check[];
}

/**
 * Build the large project (or `size`) and time the full code × informant matrix (the whole tree,
 * every informant) against the floor of a bare SQL count, plus the matrix by case with the
 * informants measure, the characters measure, and grounding. Checks that the matrix's concept
 * cells equal the floor's counts.
 */
export async function measureMatrix(dir: string, options: { size?: LargeProjectSize; runs?: number } = {}): Promise<MatrixBenchResult> {
  const size = options.size ?? LARGE;
  const runs = options.runs ?? 5;
  const built = await buildLargeProject(dir, size);
  const { api, backend } = built;
  const checks: Check[] = [check(`${size.codings} codings in ${size.interviews} interviews`, built.codings === size.codings, `got ${built.codings}`)];
  try {
    const samples = { matrix: [] as number[], informants: [] as number[], chars: [] as number[], grounding: [] as number[], floor: [] as number[], bare: [] as number[] };
    const bareCount = backend.project().db.prepare('SELECT code_id, count(*) AS n FROM codings GROUP BY code_id');
    let matrix = await api.call('analysis.matrix', { rows: 'tree', columns: { kind: 'informants' }, measure: 'codings' });
    let floor = floorCounts(backend.project().db);
    for (let run = 0; run < runs; run += 1) {
      const m = await timed(() => api.call('analysis.matrix', { rows: 'tree', columns: { kind: 'informants' }, measure: 'codings' }));
      samples.matrix.push(m.ms);
      matrix = m.value;
      const f = await timed(() => floorCounts(backend.project().db));
      samples.floor.push(f.ms);
      floor = f.value;
      samples.bare.push((await timed(() => bareCount.all())).ms);
      samples.informants.push((await timed(() => api.call('analysis.matrix', { rows: 'tree', columns: { kind: 'cases' }, measure: 'informants' }))).ms);
      samples.chars.push((await timed(() => api.call('analysis.matrix', { rows: 'concepts', columns: { kind: 'informants' }, measure: 'chars' }))).ms);
      samples.grounding.push((await timed(() => api.call('analysis.grounding', {}))).ms);
    }
    checks.push(check(`the matrix has ${size.codes} rows and ${size.informants} informant columns (no interviewers)`, matrix.rows.length === size.codes && matrix.cols.length === size.informants, `${matrix.rows.length} × ${matrix.cols.length}`));
    let mismatches = 0;
    matrix.rows.forEach((row, r) => {
      if (row.level !== 'concept') return;
      matrix.cols.forEach((col, c) => {
        if ((floor.get(`${row.id}|${col.id}`) ?? 0) !== matrix.cells[r]![c]) mismatches += 1;
      });
    });
    checks.push(check('every concept × informant cell equals the SQL count', mismatches === 0, `${mismatches} cells differ`));
    const conceptTotal = matrix.rows.reduce((sum, row, r) => sum + (row.level === 'concept' ? matrix.rowTotals[r]! : 0), 0);
    checks.push(check('concept rows hold every coding once', conceptTotal === size.codings && matrix.total === size.codings, `${conceptTotal}, total ${matrix.total}`));
    const label = `${size.codes} codes × ${size.informants} informants, ${size.codings} codings`;
    return {
      metrics: [
        { name: `build the large project (${size.interviews} interviews)`, unit: 'ms', samples: [built.buildMs] },
        { name: `matrix tree × informants, codings (${label})`, unit: 'ms', samples: samples.matrix, target: 500 },
        { name: 'floor: SQL count per concept × informant', unit: 'ms', samples: samples.floor },
        { name: 'floor: SQL count per code (no attribution)', unit: 'ms', samples: samples.bare },
        { name: 'matrix tree × cases, informants', unit: 'ms', samples: samples.informants, target: 500 },
        { name: 'matrix concepts × informants, characters', unit: 'ms', samples: samples.chars, target: 500 },
        { name: 'grounding of every code', unit: 'ms', samples: samples.grounding, target: 500 },
      ],
      checks,
    };
  } finally {
    backend.close();
  }
}

/** The benchmark step: the full code × informant matrix on the large project. */
export const matrixStep: BenchStep = {
  name: 'matrix',
  async run(ctx) {
    const result = await measureMatrix(ctx.dir, { size: ctx.quick ? SMALL : LARGE, runs: ctx.runs });
    return result;
  },
};
