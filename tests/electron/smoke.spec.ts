import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/** The Electron binary, when this machine has one (its download needs GitHub, unreachable on our build machines). */
function electronBinary(): string | null {
  try {
    const pathFile = path.resolve('node_modules/electron/path.txt');
    const binary = path.resolve('node_modules/electron/dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.describe('Electron smoke', () => {
  // The only skip in the suite: without an Electron binary there is nothing to launch.
  test.skip(!binary, 'No Electron binary on this machine (node_modules/electron/dist is missing: its download from GitHub is unreachable here). The same flow runs in Chromium in tests/e2e.');

  test('the desktop app starts with a secure window, opens the sample, and codes a passage', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'stige-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.resolve('.')],
      env: { ...process.env, HOME: home, STIGE_SQLITE_BINDING: process.env.STIGE_SQLITE_BINDING ?? '' },
    });
    const window = await app.firstWindow();
    // Isolated and sandboxed: the page has the bridge's functions and nothing of Node.
    const page = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: typeof (globalThis as { stige?: { invoke?: unknown } }).stige?.invoke,
      origin: location.origin,
    }));
    expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: 'function', origin: 'app://stige' });
    await window.getByLabel('Your name as coder').fill('Kari');
    await window.getByRole('button', { name: 'Continue' }).click();
    await window.getByRole('button', { name: /Open the sample project/ }).click();
    await expect(window.locator('[data-testid=transcript-text] mark.coding').first()).toBeVisible();
    await app.close();
    fs.rmSync(home, { recursive: true, force: true });
  });
});
