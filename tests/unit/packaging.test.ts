import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { describe, expect, it } from 'vitest';

// electron-builder needs Electron's binaries, which cannot be downloaded here; with a stub
// distribution (-c.electronDist) it still packs app.asar, which is what can be checked on this machine.
describe('electron-builder packaging', () => {
  it('packs the built app, the CLI and the renderer into app.asar, with better-sqlite3 unpacked', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'stige-pack-'));
    const stub = path.join(out, 'stub-electron');
    fs.mkdirSync(stub);
    fs.writeFileSync(path.join(stub, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    const result = spawnSync(
      path.resolve('node_modules/.bin/electron-builder'),
      ['--linux', 'dir', `-c.electronDist=${stub}`, '-c.npmRebuild=false', `-c.directories.output=${path.join(out, 'release')}`],
      { encoding: 'utf8', timeout: 240_000 },
    );
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const resources = path.join(out, 'release', 'linux-unpacked', 'resources');
    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    for (const needed of ['/package.json', '/dist/electron/main.mjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/dist/node/cli.mjs']) {
      expect(files, needed).toContain(needed);
    }
    // The renderer's libraries are bundled by Vite; they do not ship again as node_modules.
    expect(files.some((f) => f.startsWith('/node_modules/react/'))).toBe(false);
    expect(fs.existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
    fs.rmSync(out, { recursive: true, force: true });
  }, 300_000);
});
