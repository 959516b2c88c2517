import path from 'node:path';
import type { ApiClient } from '../../shared/api/client';
import { AppError } from '../../shared/api/errors';
import type { Backend } from '../../electron/backend/backend';
import { testBackend } from './backend';

const FIXTURES = path.resolve('tests/fixtures/workspace');

/** A project with three small Norwegian transcripts (æøå, «», emoji): Inger (Bærum), Kjell (Asker), and a group talk. */
export interface Workspace {
  readonly backend: Backend;
  readonly api: ApiClient;
  readonly dir: string;
  readonly docs: { readonly inger: string; readonly kjell: string; readonly gruppe: string };
  /** The open project's database. */
  db(): ReturnType<Backend['project']>['db'];
  /** A document's current text. */
  text(id: string): Promise<string>;
  /** The range of the `occurrence`-th `passage` in a document. */
  range(id: string, passage: string, occurrence?: number): Promise<{ start: number; end: number }>;
}

export async function workspace(): Promise<Workspace> {
  const { backend, api, dir } = testBackend();
  await api.call('projects.create', { path: path.join(dir, 'workspace') });
  const one = async (file: string, extra: Record<string, unknown>) => {
    const report = await api.call('documents.import', { sources: [{ path: path.join(FIXTURES, file) }], ...extra });
    const result = report.files[0]!;
    if (result.status !== 'imported') throw new Error(`${file}: ${result.reason}`);
    return result.documentId!;
  };
  const inger = await one('inger.txt', { informant: 'Inger', case: 'Bærum' });
  const kjell = await one('kjell.txt', { informant: 'Kjell', case: 'Asker' });
  const gruppe = await one('gruppe.txt', { speakers: { Inger: 'Inger', Kjell: 'Kjell' }, title: 'Gruppesamtale' });
  const text = async (id: string) => (await api.call('documents.get', { id })).text;
  return {
    backend,
    api,
    dir,
    docs: { inger, kjell, gruppe },
    db: () => backend.project().db,
    text,
    async range(id, passage, occurrence = 1) {
      const t = await text(id);
      let at = -1;
      for (let i = 0; i < occurrence; i += 1) at = t.indexOf(passage, at + 1);
      if (at < 0) throw new Error(`“${passage}” is not in the document`);
      return { start: at, end: at + passage.length };
    },
  };
}

/** The AppError a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}
