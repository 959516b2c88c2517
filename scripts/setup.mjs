// Setting up a machine for Stige, shared by `npm start`, `npm test` and `npm run bench`. Only Node's
// own modules here: this runs before any dependency is installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Run a command, inheriting the terminal; throws with the command line when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options, env: { ...process.env, ...options.env } });
  if (result.error) throw result.error;
  if (result.status !== 0 && !options.allowFailure) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
  return result.status ?? 1;
}

function log(message) {
  process.stderr.write(`stige setup: ${message}\n`);
}

/**
 * Install npm dependencies when node_modules is missing or older than package-lock.json.
 * Electron's binary download is skipped (it is unreachable on machines without internet; the start
 * command tries it separately), and better-sqlite3 builds against Node's headers where they exist.
 */
export function ensureDependencies() {
  // A linked node_modules (a git worktree sharing a checkout's install) belongs to that checkout:
  // `npm ci` here would empty it for everyone sharing it.
  if (fs.lstatSync(path.join(root, 'node_modules'), { throwIfNoEntry: false })?.isSymbolicLink()) return;
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const fresh = fs.existsSync(marker) && (!fs.existsSync(lock) || fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs);
  if (fresh && fs.existsSync(path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))) return;
  log('installing npm dependencies (the first time this takes a few minutes: better-sqlite3 is compiled)');
  const env = { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  if (!process.env.npm_config_nodedir && fs.existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  run('npm', [fs.existsSync(lock) ? 'ci' : 'install', '--no-fund', '--no-audit'], { env });
}

/** The Chromium to drive: Playwright's own if installed, else the system's. */
export function findChromium() {
  const candidates = [process.env.STIGE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];
  return candidates.find((c) => c && fs.existsSync(c)) ?? null;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Install the Debian packages the tests need (Chromium for Playwright, xmllint for the REFI-QDA
 * schemas) when they are missing and we may (root with apt-get); otherwise say what to install.
 */
export function ensureSystemPackages() {
  const missing = [];
  if (!findChromium()) missing.push('chromium');
  if (!hasCommand('xmllint')) missing.push('libxml2-utils');
  if (missing.length === 0) return;
  if (isRoot() && hasCommand('apt-get')) {
    log(`installing ${missing.join(', ')} with apt-get`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
    return;
  }
  throw new Error(`Stige's tests need ${missing.join(' and ')}; install them (e.g. sudo apt-get install ${missing.join(' ')}) and run again`);
}

/** Build the renderer and the Node bundles. */
export function build() {
  run(process.execPath, [path.join(root, 'scripts/build.mjs')]);
}
