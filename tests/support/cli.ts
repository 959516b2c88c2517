import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The result of one `stige` run. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  json<T = unknown>(): T;
}

/** Run the real `stige` command (electron/cli/bin.mjs) with `args`, as a user would. */
export function stige(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [path.resolve('electron/cli/bin.mjs'), ...args], {
    cwd: options.cwd ?? process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, STIGE_SETTINGS_DIR: path.join(options.cwd ?? process.cwd(), '.stige-settings'), ...options.env },
    timeout: 60_000,
  });
  return {
    code: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    json<T>() {
      return JSON.parse(result.stdout) as T;
    },
  };
}
