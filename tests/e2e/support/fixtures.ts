import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { StigePage } from './stigePage';

/** A devhost serving the built app over a fresh, empty projects folder. */
export interface Devhost {
  readonly url: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
}

/** Start `stige serve` on a free port; resolves once it prints its address. */
export async function startDevhost(dataDir: string): Promise<Devhost> {
  const child = spawn(process.execPath, [path.resolve('electron/cli/bin.mjs'), 'serve', '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, STIGE_SETTINGS_DIR: path.join(dataDir, '.stige') },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
      const match = /Open (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.stderr.on('data', (chunk) => (err += String(chunk)));
    child.on('exit', (code) => reject(new Error(`stige serve exited with ${code}: ${err}`)));
  });
  return { url, dataDir, process: child };
}

export const test = base.extend<{ devhost: Devhost; stige: StigePage; consoleErrors: string[] }>({
  devhost: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stige-e2e-'));
    const host = await startDevhost(dataDir);
    await use(host);
    host.process.kill('SIGTERM');
    await new Promise((resolve) => host.process.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  },
  stige: async ({ page, devhost, consoleErrors }, use, testInfo) => {
    void consoleErrors;
    const stige = new StigePage(page, devhost, testInfo);
    await use(stige);
  },
});

export { expect };
