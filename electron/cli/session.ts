import os from 'node:os';
import path from 'node:path';
import { createClient, type ApiClient } from '../../shared/api/client';
import { Backend } from '../backend/backend';

/** Where Stige keeps per-user settings outside Electron (XDG on Linux, the same idea elsewhere). */
export function userSettingsDir(): string {
  if (process.env.STIGE_SETTINGS_DIR) return process.env.STIGE_SETTINGS_DIR;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Stige');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Stige');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'stige');
}

/** A backend for one CLI command. */
export function cliBackend(dataDir: string | null = null): Backend {
  return new Backend({
    mode: 'cli',
    version: __STIGE_VERSION__,
    dataDir,
    settingsDir: userSettingsDir(),
    rememberRecent: false,
    log: (message, error) => process.stderr.write(`stige: ${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
  });
}

/**
 * Open `file`, run `fn` with a typed client over the backend, and close the project whatever
 * happens, so that after every command the project is one self-contained file.
 */
export async function withProject<T>(file: string, fn: (api: ApiClient, backend: Backend) => Promise<T>): Promise<T> {
  const backend = cliBackend();
  const api = createClient((method, args) => backend.dispatch(method, args, 'direct'));
  try {
    await api.call('projects.open', { path: file });
    return await fn(api, backend);
  } finally {
    backend.close();
  }
}

/** The coder name for CLI writes: --coder, then the saved name, then $STIGE_CODER, then the OS user. */
export function cliCoderName(given: string | undefined, backend: Backend): string {
  return given ?? backend.settings.get().coderName ?? process.env.STIGE_CODER ?? os.userInfo().username;
}
