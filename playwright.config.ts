import { defineConfig } from '@playwright/test';

// E2E tests drive the real renderer served by the devhost in Chromium (Playwright's own browser
// where installed, else the system's, see scripts/setup.mjs); the Electron smoke test launches the
// real app where an Electron binary exists.
const executablePath = process.env.STIGE_CHROMIUM || undefined;

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json']],
  use: {
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'chromium', testMatch: 'e2e/**/*.spec.ts', use: { browserName: 'chromium' } },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
