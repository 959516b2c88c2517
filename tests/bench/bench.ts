// The benchmark: `npm run bench [-- --quick] [--out FILE] [--runs N] [--only NAME]`.
// Each step measures one thing on deterministic generated material and reports median/min/max
// (and p95 where it matters); checks made on the way verify the results are right, which is all
// --quick is for (it runs inside `npm test`, small and once; times there mean nothing).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliCodeStep, createProjectStep, importTextStep, openProjectStep } from './steps/foundation';
import { teamStep } from './steps/team';
import { workspaceSteps } from './steps/workspace';
import { transcriptStep } from './steps/transcript';
import { draftCheckStep } from './steps/quotes';
import { docxStep, importStep, nvivoStep, qdpxStep, structureStep, thesisStep } from './steps/thesis';
import { applyCodeStep, sampleFirstPaintStep } from './steps/ui';
import type { BenchStep, Check, Metric } from './types';

// Cheap steps first; the reference projects are generated on first use and cached for the run.
const STEPS: readonly BenchStep[] = [
  createProjectStep,
  importTextStep,
  importStep,
  nvivoStep,
  cliCodeStep,
  openProjectStep,
  thesisStep,
  structureStep,
  docxStep,
  draftCheckStep,
  qdpxStep,
  sampleFirstPaintStep,
  applyCodeStep,
  transcriptStep,
  teamStep,
  ...workspaceSteps,
];

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface Row {
  step: string;
  metric: string;
  unit: string;
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  target: number | null;
  meetsTarget: boolean | null;
}

function summarise(step: string, metric: Metric): Row {
  const sorted = [...metric.samples].sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const max = sorted[sorted.length - 1] ?? Number.NaN;
  const on = metric.targetOn === 'p95' ? p95 : metric.targetOn === 'max' ? max : median;
  return {
    step,
    metric: metric.name,
    unit: metric.unit,
    runs: sorted.length,
    median,
    p95,
    min: sorted[0] ?? Number.NaN,
    max,
    target: metric.target ?? null,
    meetsTarget: metric.target === undefined ? null : metric.unit === 'ops/s' ? on >= metric.target : on <= metric.target,
  };
}

function format(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const runs = Number(option('--runs') ?? (quick ? 1 : 5));
  const only = option('--only');
  const out = option('--out');
  const steps = STEPS.filter((s) => !only || s.name.toLowerCase().includes(only.toLowerCase()));
  const rows: Row[] = [];
  const checks: (Check & { step: string })[] = [];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stige-bench-'));
  const cache = fs.mkdirSync(path.join(root, 'cache'), { recursive: true }) ?? path.join(root, 'cache');
  process.stderr.write(`Stige benchmark (${quick ? 'quick: correctness only' : `full, ${runs} runs`}) on ${os.cpus().length} cores, Node ${process.version}\n`);
  for (const step of steps) {
    const dir = fs.mkdtempSync(path.join(root, 'step-'));
    process.stderr.write(`• ${step.name}…\n`);
    const started = performance.now();
    try {
      const result = await step.run({ quick, runs, dir, cache, log: (m) => process.stderr.write(`  ${m}\n`) });
      for (const metric of result.metrics) {
        const row = summarise(step.name, metric);
        rows.push(row);
        // Also as it comes, so a long run that is stopped still leaves its figures.
        process.stderr.write(`  ${row.metric}: ${format(row.median)} ${row.unit} (min ${format(row.min)}, max ${format(row.max)}, p95 ${format(row.p95)})${row.target === null ? '' : ` target ${row.target} ${row.meetsTarget ? 'ok' : 'MISSED'}`}\n`);
      }
      for (const c of result.checks) checks.push({ ...c, step: step.name });
    } catch (error) {
      checks.push({ step: step.name, name: 'the step ran', ok: false, detail: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    } finally {
      process.stderr.write(`  (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  fs.rmSync(root, { recursive: true, force: true });

  const header = ['metric', 'unit', 'runs', 'median', 'p95', 'min', 'max', 'target'];
  const lines = rows.map((r) => [r.metric, r.unit, String(r.runs), format(r.median), format(r.p95), format(r.min), format(r.max), r.target === null ? '' : `${r.target} ${r.meetsTarget ? 'ok' : 'MISSED'}`]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const print = (cells: string[]) => process.stdout.write(`${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}\n`);
  print(header);
  print(widths.map((w) => '-'.repeat(w)));
  for (const line of lines) print(line);
  const failed = checks.filter((c) => !c.ok);
  process.stdout.write(`\nchecks: ${checks.length - failed.length} passed, ${failed.length} failed\n`);
  for (const f of failed) process.stdout.write(`  FAILED ${f.step}: ${f.name}${f.detail ? ` — ${f.detail}` : ''}\n`);
  if (out) {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(
      out,
      `${JSON.stringify({ quick, runs, machine: { cores: os.cpus().length, node: process.version, platform: process.platform }, rows, checks: { passed: checks.length - failed.length, failed: failed.length, list: checks } }, null, 2)}\n`,
    );
  }
  process.exitCode = failed.length > 0 ? 1 : 0;
}

await main();
