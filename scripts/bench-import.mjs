#!/usr/bin/env node
// Measure issue #4's claims outside the test suite: import N generated transcripts of W words
// through the backend (parsing in the worker pool) and print the import time and the latency of
// `codes.list` calls made during the import, as JSON. Usage:
//   node scripts/bench-import.mjs [files=60] [words=12000]
// It builds the Node bundles (dist/node, with the parse worker) and the bench step
// tests/bench/steps/importTranscripts.ts into dist/node/bench-import.mjs, runs it in a temporary
// folder and removes the folder. The benchmark runner (tests/bench) calls the same step.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [files = '60', words = '12000'] = process.argv.slice(2);
execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--node', '--quiet'], { stdio: 'inherit' });

const esbuild = await import('esbuild');
const entry = path.join(os.tmpdir(), `stige-bench-import-${process.pid}.ts`);
fs.writeFileSync(
  entry,
  `import { importTranscripts } from ${JSON.stringify(path.join(root, 'tests/bench/steps/importTranscripts.ts'))};
export const run = importTranscripts;\n`,
);
const out = path.join(root, 'dist/node/bench-import.mjs');
try {
  await esbuild.build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    absWorkingDir: root,
    logLevel: 'warning',
    define: { __STIGE_VERSION__: JSON.stringify('bench') },
    banner: { js: "import { createRequire as __stigeRequire } from 'node:module'; const require = __stigeRequire(import.meta.url);" },
    plugins: [
      {
        name: 'raw',
        setup(build) {
          build.onResolve({ filter: /\?raw$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.replace(/\?raw$/, '')), namespace: 'raw' }));
          build.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({ contents: fs.readFileSync(args.path, 'utf8'), loader: 'text' }));
        },
      },
    ],
  });
} finally {
  fs.rmSync(entry, { force: true });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stige-bench-import-'));
try {
  const { run } = await import(pathToFileURL(out).href);
  const result = await run({ dir, files: Number(files), wordsPerFile: Number(words) });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
