import path from 'node:path';
import { createClient, type ApiClient } from '../../shared/api/client';
import type { BackendEvent } from '../../shared/api/events';
import { Backend } from '../../electron/backend/backend';
import { startDevhost, type Devhost } from '../../electron/devhost/server';
import { httpTransport } from '../../renderer/api/httpTransport';
import { tempDir, writeFile } from '../support/temp';

/** One way of reaching a backend, so the same scenario runs in-process and over HTTP. */
export interface Harness {
  readonly name: 'in-process' | 'http';
  readonly api: ApiClient;
  readonly backend: Backend;
  /** A project path as this transport names it (absolute in-process, relative to the data folder over HTTP). */
  projectPath(name: string): string;
  /** Make a file importable: a path in-process, an upload over HTTP. */
  source(name: string, content: string | Uint8Array): Promise<{ path: string } | { uploadId: string }>;
  events(): BackendEvent[];
  close(): Promise<void>;
}

function newBackend(dir: string): Backend {
  const backend = new Backend({ mode: 'browser', version: 'test', dataDir: dir, settingsDir: path.join(dir, '.settings'), log: () => {} });
  backend.settings.setCoderName('Kari');
  return backend;
}

export function inProcess(): Harness {
  const dir = tempDir();
  const backend = newBackend(dir);
  const seen: BackendEvent[] = [];
  const off = backend.onEvent((e) => seen.push(e));
  return {
    name: 'in-process',
    api: createClient((method, args) => backend.dispatch(method, args, 'direct')),
    backend,
    projectPath: (name) => path.join(dir, name),
    source: async (name, content) => ({ path: writeFile(tempDir(), name, content) }),
    events: () => seen,
    close: async () => {
      off();
      backend.close();
    },
  };
}

export async function overHttp(): Promise<Harness & { host: Devhost }> {
  const dir = tempDir();
  const backend = newBackend(dir);
  const host = await startDevhost({ backend, staticDir: null });
  const transport = httpTransport({ base: host.origin, token: host.token });
  const seen: BackendEvent[] = [];
  const off = backend.onEvent((e) => seen.push(e));
  return {
    name: 'http',
    host,
    api: createClient(transport.invoke),
    backend,
    projectPath: (name) => name,
    source: (name, content) => transport.fileSource(new File([typeof content === 'string' ? content : new Uint8Array(content)], name)),
    events: () => seen,
    close: async () => {
      off();
      await host.close();
      backend.close();
    },
  };
}
