#!/usr/bin/env node
// `npm run bench`: set up, build, and run the benchmark (tests/bench/bench.ts, bundled to dist/node/bench.mjs).
// Options: --quick (small, once, checks correctness only; `npm test` runs this), --runs N, --only NAME,
// --out FILE (JSON results).
import path from 'node:path';
import { build, ensureDependencies, findChromium, root, run } from './setup.mjs';

ensureDependencies();
build();
const code = run(process.execPath, [path.join(root, 'dist/node/bench.mjs'), ...process.argv.slice(2)], {
  allowFailure: true,
  env: { STIGE_CHROMIUM: process.env.STIGE_CHROMIUM || findChromium() || '' },
});
process.exit(code);
