import path from 'node:path';
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Backend } from '../../../electron/backend/backend';
import { startDevhost, type Devhost } from '../../../electron/devhost/server';
import { rendererDir } from '../../../electron/devhost/paths';

/** A devhost over a fresh data folder and a headless Chromium page on it. */
export interface BrowserSession {
  readonly backend: Backend;
  readonly host: Devhost;
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

/** The Chromium to drive (the system's, as the tests use). */
export function chromiumPath(): string | undefined {
  return [process.env.STIGE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p));
}

/** Start the devhost with the built renderer and open it in Chromium, with the coder name set. */
export async function openBrowserSession(dir: string): Promise<BrowserSession> {
  const staticDir = rendererDir() ?? path.resolve('dist/renderer');
  const backend = new Backend({ mode: 'browser', version: 'bench', dataDir: dir, settingsDir: path.join(dir, '.settings') });
  backend.settings.setCoderName('Bench');
  const host = await startDevhost({ backend, staticDir });
  const executablePath = chromiumPath();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(host.url);
  return {
    backend,
    host,
    browser,
    page,
    async close() {
      await browser.close();
      await host.close();
      backend.close();
    },
  };
}

/** Milliseconds in the page from running `start` until `done()` holds and two frames were painted. */
export async function timeInPage(page: Page, start: string, done: string, timeoutMs = 30_000): Promise<number> {
  return page.evaluate(
    async ({ start, done, timeoutMs }) => {
      const begin = performance.now();
      new Function(start)();
      const isDone = new Function(`return (${done});`) as () => boolean;
      while (!isDone()) {
        if (performance.now() - begin > timeoutMs) throw new Error(`timed out waiting for ${done}`);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return performance.now() - begin;
    },
    { start, done, timeoutMs },
  );
}

/**
 * Run `fn` under the Chromium CPU profiler when STIGE_BENCH_PROFILE names a folder: the profile is
 * written there as `<name>.cpuprofile` (open it in Chrome DevTools → Performance). Otherwise just runs.
 */
export async function profiled<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  const folder = process.env.STIGE_BENCH_PROFILE;
  if (!folder) return fn();
  fs.mkdirSync(folder, { recursive: true });
  const base = path.join(folder, name.replace(/[^\w.-]+/g, '_'));
  // STIGE_BENCH_TRACE=1 as well: a Chromium trace (<name>.trace.json: style, layout, paint, scripts).
  const browser = process.env.STIGE_BENCH_TRACE ? page.context().browser() : null;
  if (browser) await browser.startTracing(page, { path: `${base}.trace.json`, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  try {
    return await profiledCpu(page, base, fn);
  } finally {
    if (browser) await browser.stopTracing();
  }
}

async function profiledCpu<T>(page: Page, base: string, fn: () => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    fs.writeFileSync(`${base}.cpuprofile`, JSON.stringify(profile));
    await cdp.detach();
  }
}
