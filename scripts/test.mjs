#!/usr/bin/env node
// `npm test`: set everything up, then run every test runner and sum their results into one line
// `N passed, N failed` (the line CI reads). Stages: typecheck, lint, vitest (unit + contract),
// Playwright (e2e in Chromium, Electron smoke), the benchmark in --quick mode.
// `npm test -- vitest e2e` runs only the named stages (typecheck, lint, vitest, e2e, bench).
import fs from 'node:fs';
import path from 'node:path';
import { build, ensureDependencies, ensureSystemPackages, findChromium, root, run } from './setup.mjs';

const STAGES = ['typecheck', 'lint', 'vitest', 'e2e', 'bench'];
const wanted = process.argv.slice(2).filter((a) => STAGES.includes(a));
const stages = wanted.length ? wanted : STAGES;
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0 };
const lines = [];
function record(stage, passed, failed, note = '') {
  totals.passed += passed;
  totals.failed += failed;
  lines.push(`${stage.padEnd(10)} ${passed} passed, ${failed} failed${note ? ` (${note})` : ''}`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

try {
  ensureDependencies();
  ensureSystemPackages();
  build();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
}

const bin = (name) => path.join(root, 'node_modules/.bin', name);

if (stages.includes('typecheck')) {
  const code = run(bin('tsc'), ['-b'], { allowFailure: true });
  record('typecheck', code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

if (stages.includes('lint')) {
  const code = run(bin('eslint'), ['--max-warnings=0', '.'], { allowFailure: true });
  record('lint', code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

if (stages.includes('vitest')) {
  const out = path.join(results, 'vitest.json');
  fs.rmSync(out, { force: true });
  const code = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], { allowFailure: true });
  const report = readJson(out);
  if (report) record('vitest', report.numPassedTests, report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0));
  else record('vitest', 0, 1, 'no report');
}

if (stages.includes('e2e')) {
  const out = path.join(results, 'playwright.json');
  fs.rmSync(out, { force: true });
  const code = run(bin('playwright'), ['test'], {
    allowFailure: true,
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: out, STIGE_CHROMIUM: findChromium() ?? '' },
  });
  const report = readJson(out);
  if (report?.stats) {
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
    record('e2e', expected + flaky, unexpected + (code !== 0 && unexpected === 0 ? 1 : 0), skipped ? `${skipped} skipped` : '');
  } else record('e2e', 0, 1, 'no report');
}

if (stages.includes('bench')) {
  const out = path.join(results, 'bench-quick.json');
  fs.rmSync(out, { force: true });
  const code = run(process.execPath, [path.join(root, 'scripts/bench.mjs'), '--quick', '--out', out], { allowFailure: true });
  const report = readJson(out);
  if (report?.checks) record('bench', report.checks.passed, report.checks.failed + (code !== 0 && report.checks.failed === 0 ? 1 : 0), 'correctness only');
  else record('bench', 0, 1, 'no report');
}

process.stdout.write(`\n${lines.join('\n')}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(totals.failed > 0 ? 1 : 0);
