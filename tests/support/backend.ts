import path from 'node:path';
import { afterEach } from 'vitest';
import { createClient, type ApiClient } from '../../shared/api/client';
import { Backend } from '../../electron/backend/backend';
import { tempDir } from './temp';

const backends: Backend[] = [];

afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
});

/** A backend over a fresh data folder with a coder name set, closed after the test. */
export function testBackend(options: { coder?: string | null; mode?: 'browser' | 'cli' } = {}): { backend: Backend; api: ApiClient; dir: string } {
  const dir = tempDir();
  const backend = new Backend({
    mode: options.mode ?? 'browser',
    version: '0.0.0-test',
    dataDir: dir,
    settingsDir: path.join(dir, '.settings'),
    log: () => {},
  });
  if (options.coder !== null) backend.settings.setCoderName(options.coder ?? 'Tester');
  backends.push(backend);
  return { backend, api: createClient((method, args) => backend.dispatch(method, args, 'direct')), dir };
}

