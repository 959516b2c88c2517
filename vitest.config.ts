import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(fs.readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Unit and contract tests. Playwright's *.spec.ts under tests/e2e and tests/electron are not vitest's.
export default defineConfig({
  define: { __STIGE_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/contract/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/electron/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    // CLI tests run several `stige` processes each; on a loaded 2-core machine one test can take
    // over 30 s (seen with the benchmark running beside it). A hang still fails, just later.
    testTimeout: 120_000,
    hookTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['tests/setup/buildNode.ts'],
  },
});
