#!/usr/bin/env node
// `npm start`: set up (dependencies, build) and open Stige.
// - Where Electron's binary is present, or its own installer can fetch it, the desktop app runs.
// - Otherwise the same UI runs in browser mode: the devhost serves it on 127.0.0.1 and a local
//   window opens (system Chromium in --app mode if present, else the default browser, else the
//   address is printed). The terminal says which mode runs and why.
// Options: --browser (skip Electron), --data-dir DIR (projects folder in browser mode, default ~/Stige),
//          --port N, --no-open (print the address only), [file.stige] (open it at once).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, ensureDependencies, findChromium, root } from './setup.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const projectFile = args.find((a) => a.toLowerCase().endsWith('.stige'));
const say = (message) => process.stdout.write(`${message}\n`);

ensureDependencies();
build();

function electronBinary() {
  try {
    const pathFile = path.join(root, 'node_modules/electron/path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const binary = path.join(root, 'node_modules/electron/dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Try Electron's own installer once (it downloads the binary from GitHub). */
function tryInstallElectron() {
  const installer = path.join(root, 'node_modules/electron/install.js');
  if (!fs.existsSync(installer)) return 'the electron package is not installed';
  say('Fetching the Electron binary (Electron’s own installer)…');
  const result = spawnSync(process.execPath, [installer], { cwd: path.dirname(installer), stdio: 'pipe', timeout: 120_000, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
  if (electronBinary()) return null;
  const reason = `${result.stderr ?? ''}${result.stdout ?? ''}`.split('\n').find((l) => /error|fail|ENOTFOUND|ECONN|timed out/i.test(l));
  return `its download failed${reason ? `: ${reason.trim().slice(0, 160)}` : result.error ? `: ${result.error.message}` : ''}`;
}

/**
 * better-sqlite3 in node_modules is built for Node (tests, CLI); Electron needs a copy built for
 * its own ABI. Built once into dist/electron-native with node-gyp against Electron's headers.
 */
function electronSqliteBinding(binary) {
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }).stdout.trim().replace(/^v/, '');
  const target = path.join(root, 'dist/electron-native', version);
  const binding = path.join(target, 'build/Release/better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
  say(`Building SQLite for Electron ${version}…`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'node_modules/better-sqlite3'), target, { recursive: true });
  const gyp = path.join(path.dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
  const result = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${version}`, '--dist-url=https://electronjs.org/headers'], { cwd: target, stdio: 'inherit' });
  return result.status === 0 && fs.existsSync(binding) ? binding : null;
}

function startElectron(binary) {
  const binding = electronSqliteBinding(binary);
  if (!binding) return 'SQLite could not be built for Electron (no internet for its headers?)';
  say('Starting Stige (Electron).');
  const child = spawn(binary, [root, ...(projectFile ? [path.resolve(projectFile)] : [])], {
    stdio: 'inherit',
    env: { ...process.env, STIGE_SQLITE_BINDING: binding },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  return null;
}

function hasDisplay() {
  return process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
}

function openWindow(url) {
  if (flag('--no-open')) return 'you asked for --no-open';
  if (!hasDisplay()) return 'there is no display here (no $DISPLAY)';
  const chromium = findChromium();
  if (chromium) {
    const profile = path.join(os.homedir(), '.config/stige/chromium');
    fs.mkdirSync(profile, { recursive: true });
    const child = spawn(chromium, [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1400,900'], {
      stdio: 'ignore',
      detached: true,
    });
    child.unref();
    return `opened in ${path.basename(chromium)} (app window)`;
  }
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const result = spawnSync(opener, [url], { stdio: 'ignore' });
  return result.status === 0 ? 'opened in your default browser' : 'no browser could be started';
}

function startBrowserMode(why) {
  say(`Browser mode: ${why}. The same app runs in a local window served from this machine (127.0.0.1 only).`);
  const dataDir = path.resolve(option('--data-dir') ?? path.join(os.homedir(), 'Stige'));
  const serveArgs = [path.join(root, 'electron/cli/bin.mjs'), 'serve', '--data-dir', dataDir, '--port', option('--port') ?? '0'];
  if (projectFile) serveArgs.push(path.resolve(projectFile));
  const server = spawn(process.execPath, serveArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
  let buffered = '';
  server.stdout.on('data', (chunk) => {
    buffered += chunk.toString();
    const match = /Open (http:\/\/\S+)/.exec(buffered);
    if (match) {
      say(`Projects folder: ${dataDir}`);
      say(`Stige is at ${match[1]}`);
      say(`Window: ${openWindow(match[1])}. Press Ctrl+C here to stop Stige.`);
      buffered = '';
      server.stdout.removeAllListeners('data');
      server.stdout.resume();
    }
  });
  server.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill('SIGTERM'));
}

if (flag('--browser')) {
  startBrowserMode('you asked for --browser');
} else {
  let binary = electronBinary();
  let why = null;
  if (!binary) {
    why = tryInstallElectron();
    binary = electronBinary();
  }
  if (binary) why = startElectron(binary);
  else why = `Electron’s binary is not available (${why})`;
  if (why) startBrowserMode(why);
}
