#!/usr/bin/env node
// The `stige` command. It runs the bundled CLI (dist/node/cli.mjs) and rebuilds that bundle first
// when any source is newer, so a checkout always runs its own code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bundle = path.join(root, 'dist/node/cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|tsx|sql|json|txt|ttf|otf)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ['electron', 'shared', 'migrations'].map((d) => path.join(root, d)).filter((d) => fs.existsSync(d));
const stale = sources.length > 0 && (!fs.existsSync(bundle) || sources.some((d) => newestSource(d) > fs.statSync(bundle).mtimeMs));
if (stale) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--node', '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    process.stderr.write('stige: building the command line tool failed (see above)\n');
    process.exit(1);
  }
}
await import(pathToFileURL(bundle).href);
