import fs from 'node:fs';
import path from 'node:path';
import type { ApiClient } from '../../shared/api/client';
import { UNTRACKED } from '../../electron/backend/db/history';
import type { Backend } from '../../electron/backend/backend';
import { testBackend } from './backend';
import { dumpProject } from './dump';

/** The team fixtures: two short Norwegian interviews (æ ø å, « », an emoji). */
export const TEAM_FIXTURES = path.resolve('tests/fixtures/team');

/** The ids of the team fixture's codebook. */
export interface TeamCodes {
  readonly dimension: string;
  readonly learning: string;
  readonly trust: string;
  readonly barriers: string;
  readonly tryNew: string;
  readonly share: string;
  readonly room: string;
  readonly budget: string;
  readonly measure: string;
}

/** A project with two interviews and a small Gioia codebook, opened by `coder`. */
export async function teamProject(coder = 'Lead'): Promise<{ api: ApiClient; backend: Backend; dir: string; file: string; docs: { inger: string; kjell: string }; codes: TeamCodes }> {
  const { api, backend, dir } = testBackend({ coder });
  const file = path.join(dir, 'team.stige');
  await api.call('projects.create', { path: file, name: 'Teamprosjekt' });
  const report = await api.call('documents.import', {
    sources: [{ path: path.join(TEAM_FIXTURES, 'intervju-inger.txt') }, { path: path.join(TEAM_FIXTURES, 'intervju-kjell.txt') }],
  });
  const [inger, kjell] = report.files.map((f) => f.documentId!);
  const dimension = await api.call('codes.create', { label: 'Innovasjonspraksis', level: 3 });
  const learning = await api.call('codes.create', { label: 'Læring', level: 2, parentId: dimension.id });
  const trust = await api.call('codes.create', { label: 'Tillit', level: 2, parentId: dimension.id });
  const barriers = await api.call('codes.create', { label: 'Hindringer', level: 2, parentId: dimension.id });
  const tryNew = await api.call('codes.create', { label: 'Prøve nye ting', level: 1, parentId: learning.id });
  const share = await api.call('codes.create', { label: 'Dele erfaringer', level: 1, parentId: learning.id });
  const room = await api.call('codes.create', { label: 'Rom til å feile', level: 1, parentId: trust.id });
  const budget = await api.call('codes.create', { label: 'Stramt budsjett', level: 1, parentId: barriers.id });
  const measure = await api.call('codes.create', { label: 'Vanskelig å måle', level: 1, parentId: barriers.id });
  return {
    api,
    backend,
    dir,
    file,
    docs: { inger: inger!, kjell: kjell! },
    codes: {
      dimension: dimension.id,
      learning: learning.id,
      trust: trust.id,
      barriers: barriers.id,
      tryNew: tryNew.id,
      share: share.id,
      room: room.id,
      budget: budget.id,
      measure: measure.id,
    },
  };
}

/** The range of `passage` in a document's text. */
export async function rangeOf(api: ApiClient, documentId: string, passage: string): Promise<{ start: number; end: number }> {
  const { text } = await api.call('documents.get', { id: documentId });
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`“${passage}” is not in the document`);
  return { start, end: start + passage.length };
}

/** Code `passage` with `codeId` as `coder`. */
export async function code(api: ApiClient, documentId: string, passage: string, codeId: string, coder?: string): Promise<string> {
  const range = await rangeOf(api, documentId, passage);
  const { coding } = await api.call('codings.create', { documentId, ...range, code: { id: codeId }, ...(coder ? { coder } : {}) });
  return coding.id;
}

/** Open a copy in a backend of its own (another coder's machine). */
export async function openCopy(file: string, coder: string): Promise<{ api: ApiClient; backend: Backend }> {
  const { api, backend } = testBackend({ coder });
  await api.call('projects.open', { path: file });
  return { api, backend };
}

/** Close a backend's project so its file is whole on disk. */
export async function closeCopy(api: ApiClient): Promise<void> {
  await api.call('projects.close', {});
}

/** The user's content: every table the undo history records (untracked tables and blobs left out). */
export function trackedDump(backend: Backend): Record<string, unknown[]> {
  const dump = dumpProject(backend.project().db);
  for (const table of Object.keys(dump)) if (UNTRACKED.has(table)) delete dump[table];
  return dump;
}

/** True when a file exists. */
export function exists(file: string): boolean {
  return fs.existsSync(file);
}
