import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../../shared/api/client';
import { AppError } from '../../../../shared/api/errors';
import { testBackend } from '../../../support/backend';
import { dumpProject } from '../../../support/dump';
import { writeFile } from '../../../support/temp';

const TRANSCRIPT = [
  'Intervjuer: Hva betyr innovasjon for deg?',
  'Inger: For meg er innovasjon «nyskapning» 👍 i kommunen.',
  'Intervjuer: Og samarbeid?',
  'Kjell: Vi deler erfaringer på tvers av etatene i Bærum.',
].join('\n');

async function setup() {
  const { backend, api, dir } = testBackend();
  await api.call('projects.create', { path: path.join(dir, 'ops.stige') });
  const report = await api.call('documents.import', {
    sources: [{ path: writeFile(dir, 'intervju.txt', TRANSCRIPT) }],
    speakers: { Intervjuer: '@interviewer', Inger: 'Inger', Kjell: 'Kjell' },
  });
  const documentId = report.files[0]!.documentId!;
  const doc = await api.call('documents.get', { id: documentId });
  const at = (text: string) => {
    const start = doc.text.indexOf(text);
    if (start < 0) throw new Error(`not in text: ${text}`);
    return { documentId, start, end: start + text.length };
  };
  return { backend, api, dir, documentId, at, db: () => backend.project().db };
}

async function expectError(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(message);
}

async function concept(api: ApiClient, label: string, parentId: string | null = null) {
  return api.call('codes.create', { label, level: 1, parentId });
}

describe('codes.merge', () => {
  it('moves codings, collapses the same passage by the same coder keeping star and memo, moves children, and undoes exactly', async () => {
    const { api, at, db } = await setup();
    const a = await concept(api, 'Nyskapning');
    const b = await concept(api, 'Fornyelse «ny»');
    await api.call('codes.update', { id: b.id, memo: 'Fra intervju 1', description: 'Å fornye' });
    const same = at('innovasjon «nyskapning»');
    await api.call('codings.create', { ...same, code: { id: a.id } });
    const dup = await api.call('codings.create', { ...same, code: { id: b.id }, representative: true });
    await api.call('codings.update', { id: dup.coding.id, memo: 'god' });
    await api.call('codings.create', { ...at('Vi deler erfaringer'), code: { id: b.id } });
    // The same passage by another coder is a different coding and must survive the merge.
    await api.call('codings.create', { ...same, code: { id: b.id }, coder: 'Kari' });

    const before = dumpProject(db());
    const result = await api.call('codes.merge', { sourceIds: [b.id], targetId: a.id });
    expect(result).toMatchObject({ moved: 2, collapsed: 1, removed: 1, children: 0 });
    expect(result.code.description).toBe('Å fornye');
    expect(result.code.memo).toBe('Fornyelse «ny»: Fra intervju 1');
    const codings = await api.call('codings.list', { codeId: a.id });
    expect(codings).toHaveLength(3);
    const collapsed = codings.find((c) => c.start === same.start && c.memo === 'god');
    expect(collapsed?.representative).toBe(true);
    expect((await api.call('codes.list', {})).map((c) => c.label)).toEqual(['Nyskapning']);
    expect((await api.call('history.state', {})).undoLabel).toBe('Merge “Fornyelse «ny»” into “Nyskapning”');

    await api.call('history.undo', {});
    expect(dumpProject(db())).toEqual(before);
  });

  it('moves the children of merged themes and refuses codes on different levels, changing nothing', async () => {
    const { api, db } = await setup();
    const t1 = await api.call('codes.create', { label: 'Samarbeid', level: 2 });
    const t2 = await api.call('codes.create', { label: 'Deling', level: 2 });
    const c1 = await concept(api, 'Dele erfaringer', t2.id);
    const c2 = await concept(api, 'På tvers', t2.id);
    const merged = await api.call('codes.merge', { sourceIds: [t2.id], targetId: t1.id });
    expect(merged.children).toBe(2);
    const codes = await api.call('codes.list', {});
    expect(codes.filter((c) => c.parentId === t1.id).map((c) => c.id)).toEqual([c1.id, c2.id]);

    const before = dumpProject(db());
    await expectError(api.call('codes.merge', { sourceIds: [c1.id], targetId: t1.id }), 'CONFLICT', /same level.*“Dele erfaringer” is a first-order concept/);
    await expectError(api.call('codes.merge', { sourceIds: [t1.id], targetId: t1.id }), 'CONFLICT', /at least one code other than/);
    expect(dumpProject(db())).toEqual(before);
  });
});

describe('codes.split', () => {
  it('moves chosen codings to a new sibling placed right after the code, and undo restores the exact state', async () => {
    const { api, at, db } = await setup();
    const theme = await api.call('codes.create', { label: 'Fornyelse', level: 2 });
    const a = await concept(api, 'Innovasjon', theme.id);
    const z = await concept(api, 'Siste', theme.id);
    const one = await api.call('codings.create', { ...at('innovasjon «nyskapning»'), code: { id: a.id } });
    const two = await api.call('codings.create', { ...at('Vi deler'), code: { id: a.id } });
    const before = dumpProject(db());
    const result = await api.call('codes.split', { id: a.id, codingIds: [two.coding.id], into: { label: 'Deling på tvers', description: 'Ny' } });
    expect(result).toMatchObject({ created: true, moved: 1, collapsed: 0 });
    expect(result.code).toMatchObject({ level: 1, parentId: theme.id, description: 'Ny' });
    const siblings = (await api.call('codes.list', {})).filter((c) => c.parentId === theme.id).sort((x, y) => x.sortOrder - y.sortOrder);
    expect(siblings.map((c) => c.label)).toEqual(['Innovasjon', 'Deling på tvers', 'Siste']);
    expect((await api.call('codings.list', { codeId: a.id })).map((c) => c.id)).toEqual([one.coding.id]);
    expect(z.id).toBe(siblings[2]!.id);
    await api.call('history.undo', {});
    expect(dumpProject(db())).toEqual(before);
  });

  it('splits into an existing concept (collapsing duplicates) and refuses foreign codings or other levels', async () => {
    const { api, at, db } = await setup();
    const a = await concept(api, 'A');
    const b = await concept(api, 'B');
    const theme = await api.call('codes.create', { label: 'T', level: 2 });
    const passage = at('Vi deler');
    const onA = await api.call('codings.create', { ...passage, code: { id: a.id } });
    await api.call('codings.create', { ...passage, code: { id: b.id } });
    const onB2 = await api.call('codings.create', { ...at('nyskapning'), code: { id: b.id } });
    const before = dumpProject(db());
    await expectError(api.call('codes.split', { id: a.id, codingIds: [onB2.coding.id], into: { id: b.id } }), 'CONFLICT', /coded as “B”, not “A”/);
    await expectError(api.call('codes.split', { id: a.id, codingIds: [onA.coding.id], into: { id: theme.id } }), 'CONFLICT', /same level/);
    await expectError(api.call('codes.split', { id: a.id, codingIds: [onA.coding.id], into: { id: a.id } }), 'CONFLICT', /not into itself/);
    expect(dumpProject(db())).toEqual(before);
    const result = await api.call('codes.split', { id: a.id, codingIds: [onA.coding.id], into: { id: b.id } });
    expect(result).toMatchObject({ created: false, moved: 0, collapsed: 1 });
    expect(await api.call('codings.list', { codeId: b.id })).toHaveLength(2);
  });
});

describe('codes.setLevel', () => {
  it('promotes a concept to a theme under a dimension, and refuses to demote a theme that has concepts unless they are released', async () => {
    const { api, db } = await setup();
    const dim = await api.call('codes.create', { label: 'Dimensjon', level: 3 });
    const theme = await api.call('codes.create', { label: 'Tema', level: 2, parentId: dim.id });
    const c1 = await concept(api, 'Begrep 1', theme.id);
    await concept(api, 'Begrep 2', theme.id);

    const promoted = await api.call('codes.setLevel', { ids: [c1.id], level: 2, parentId: dim.id });
    expect(promoted.codes[0]).toMatchObject({ level: 2, parentId: dim.id });
    expect((await api.call('history.state', {})).undoLabel).toBe('Promote “Begrep 1” to second-order theme');
    await api.call('history.undo', {});

    const before = dumpProject(db());
    await expectError(api.call('codes.setLevel', { ids: [theme.id], level: 1 }), 'CONFLICT', /“Tema” holds 2 codes \(“Begrep 1”, “Begrep 2”\); move them first/);
    await expectError(api.call('codes.setLevel', { ids: [c1.id], level: 2, parentId: theme.id }), 'CONFLICT', /belongs under an aggregate dimension/);
    expect(dumpProject(db())).toEqual(before);

    const demoted = await api.call('codes.setLevel', { ids: [theme.id], level: 1, children: 'release' });
    expect(demoted.released).toBe(2);
    const codes = await api.call('codes.list', {});
    expect(codes.find((c) => c.id === theme.id)).toMatchObject({ level: 1, parentId: null });
    expect(codes.filter((c) => c.level === 1 && c.parentId === null)).toHaveLength(3);
    await api.call('history.undo', {});
    expect(dumpProject(db())).toEqual(before);
  });
});

describe('codes.reorder, deletePreview, deleteMany, stats', () => {
  it('reorders a group exactly as listed and refuses a list that is not the group', async () => {
    const { api } = await setup();
    const theme = await api.call('codes.create', { label: 'T', level: 2 });
    const [a, b, c] = [await concept(api, 'a', theme.id), await concept(api, 'b', theme.id), await concept(api, 'c', theme.id)];
    await api.call('codes.reorder', { parentId: theme.id, level: 1, ids: [c.id, a.id, b.id] });
    const order = (await api.call('codes.list', {})).filter((x) => x.parentId === theme.id).sort((x, y) => x.sortOrder - y.sortOrder);
    expect(order.map((x) => x.label)).toEqual(['c', 'a', 'b']);
    await expectError(api.call('codes.reorder', { parentId: theme.id, level: 1, ids: [c.id, a.id] }), 'CONFLICT', /leaves out “b”/);
  });

  it('previews and deletes with counts, releasing or deleting children, undoable', async () => {
    const { api, at, db } = await setup();
    const theme = await api.call('codes.create', { label: 'T', level: 2 });
    const a = await concept(api, 'a', theme.id);
    await concept(api, 'b', theme.id);
    await api.call('codings.create', { ...at('Vi deler'), code: { id: a.id }, representative: true });
    await api.call('codings.create', { ...at('nyskapning'), code: { id: a.id } });
    const before = dumpProject(db());
    expect(await api.call('codes.deletePreview', { ids: [theme.id] })).toEqual({ codes: 1, codings: 0, representative: 0, released: 2, labels: ['T'] });
    const all = await api.call('codes.deletePreview', { ids: [theme.id], withChildren: true });
    expect(all).toMatchObject({ codes: 3, codings: 2, representative: 1, released: 0 });
    expect(dumpProject(db())).toEqual(before);
    expect(await api.call('codes.deleteMany', { ids: [theme.id], withChildren: true })).toEqual(all);
    expect(await api.call('codes.list', {})).toEqual([]);
    expect(await api.call('codings.list', {})).toEqual([]);
    await api.call('history.undo', {});
    expect(dumpProject(db())).toEqual(before);
  });

  it('counts codings and distinct informants per code, themes including their concepts, interviewers never', async () => {
    const { api, at } = await setup();
    const theme = await api.call('codes.create', { label: 'T', level: 2 });
    const a = await concept(api, 'a', theme.id);
    const b = await concept(api, 'b', theme.id);
    await api.call('codings.create', { ...at('innovasjon «nyskapning»'), code: { id: a.id }, representative: true });
    await api.call('codings.create', { ...at('Hva betyr'), code: { id: a.id } });
    await api.call('codings.create', { ...at('Vi deler'), code: { id: b.id } });
    const stats = new Map((await api.call('codes.stats', {})).map((s) => [s.codeId, s]));
    expect(stats.get(a.id)).toMatchObject({ codings: 2, informants: 1, representative: 1 });
    expect(stats.get(b.id)).toMatchObject({ codings: 1, informants: 1, representative: 0 });
    expect(stats.get(theme.id)).toMatchObject({ codings: 3, informants: 2, representative: 1 });
  });
});
