import { execFileSync } from 'node:child_process';

// CLI and devhost tests run the real bundled command; build it once before any test file runs, so
// parallel test files never race to rebuild it.
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--node', '--quiet'], { stdio: 'inherit' });
}
