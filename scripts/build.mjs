#!/usr/bin/env node
// Build Stige: the renderer with Vite (dist/renderer), and the Node side with esbuild:
//   dist/node/cli.mjs          the `stige` command (also the devhost: `stige serve`)
//   dist/node/*.worker.mjs     worker threads
//   dist/node/bench.mjs        the benchmark
//   dist/electron/main.mjs     Electron's main process
//   dist/electron/preload.cjs  the preload script (sandboxed preloads must be one CommonJS file)
// Usage: node scripts/build.mjs [--node] [--renderer]   (default: both)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const args = new Set(process.argv.slice(2));
const all = !args.has('--node') && !args.has('--renderer');
const define = { __STIGE_VERSION__: JSON.stringify(pkg.version) };

/** `import text from './file.sql?raw'` → the file's text, as Vite does. */
const rawPlugin = {
  name: 'raw',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.replace(/\?raw$/, '')),
      namespace: 'raw',
    }));
    build.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({
      contents: fs.readFileSync(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

async function buildNode() {
  const esbuild = await import('esbuild');
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    define,
    plugins: [rawPlugin],
    logLevel: 'warning',
    absWorkingDir: root,
  };
  const nodeEntries = {
    cli: 'electron/cli/main.entry.ts',
    ...Object.fromEntries(
      fs
        .readdirSync(path.join(root, 'electron/backend/workers'), { withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.worker.ts'))
        .map((e) => [e.name.replace(/\.ts$/, ''), `electron/backend/workers/${e.name}`]),
    ),
  };
  if (fs.existsSync(path.join(root, 'tests/bench/bench.ts'))) nodeEntries.bench = 'tests/bench/bench.ts';
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: nodeEntries,
      outdir: 'dist/node',
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      packages: 'external',
      banner: { js: "import { createRequire as __stigeRequire } from 'node:module'; const require = __stigeRequire(import.meta.url);" },
    }),
    esbuild.build({
      ...common,
      entryPoints: { main: 'electron/main/main.ts' },
      outdir: 'dist/electron',
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      packages: 'external',
      banner: { js: "import { createRequire as __stigeRequire } from 'node:module'; const require = __stigeRequire(import.meta.url);" },
    }),
    esbuild.build({
      ...common,
      entryPoints: { preload: 'electron/preload/preload.ts' },
      outdir: 'dist/electron',
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
      external: ['electron'],
    }),
  ]);
}

async function buildRenderer() {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

const started = Date.now();
fs.mkdirSync(path.join(root, 'electron/backend/workers'), { recursive: true });
if (all || args.has('--node')) await buildNode();
if (all || args.has('--renderer')) await buildRenderer();
if (!args.has('--quiet')) process.stderr.write(`built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
