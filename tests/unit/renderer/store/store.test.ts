import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { directTransport } from '../../../../renderer/api/directTransport';
import { createAppStore } from '../../../../renderer/store/createAppStore';
import { PENDING_PREFIX } from '../../../../renderer/store/slices/codingsSlice';
import { selectGioiaTree } from '../../../../renderer/store/selectors';
import { testBackend } from '../../../support/backend';
import { writeFile } from '../../../support/temp';

async function storeWithBackend() {
  const { backend, dir } = testBackend({ coder: 'Kari' });
  const store = createAppStore({
    transport: directTransport(backend, async (file) => ({ path: writeFile(dir, file.name, new Uint8Array(await file.arrayBuffer())) })),
  });
  await store.getState().start();
  return { store, backend, dir };
}

describe('the store over a real backend', () => {
  it('opens the sample project with documents, codes, codings and people', async () => {
    const { store } = await storeWithBackend();
    await store.getState().openSample();
    const state = store.getState();
    expect(state.project?.name).toMatch(/Sample project/);
    expect(state.documents).toHaveLength(3);
    expect(state.openDocument?.title).toBe('Interview Inger');
    expect(Object.keys(state.codings).length).toBeGreaterThan(10);
    const tree = selectGioiaTree(state);
    expect(tree.dimensions).toHaveLength(3);
    expect(tree.ungroupedConcepts.length).toBeGreaterThan(0);
    expect(state.informants.map((i) => i.label)).toEqual(expect.arrayContaining(['Inger', 'Kjell', 'Sarah']));
    expect(state.notices.filter((n) => n.kind === 'error')).toEqual([]);
  });

  it('imports, codes a selection, groups, undoes and redoes', async () => {
    const { store, dir } = await storeWithBackend();
    const s = () => store.getState();
    await s().createProject(path.join(dir, 'Oppgave'));
    await s().importFiles([new File(['Intervjuer: Hei\nInger: Vi prøver nye ting i Bærum.'], 'Inger.txt')]);
    expect(s().importReport?.files[0]?.status).toBe('imported');
    expect(s().openDocument?.text).toBe('Hei\nVi prøver nye ting i Bærum.');
    const start = s().openDocument!.text.indexOf('Vi prøver');
    s().setSelection({ start, end: start + 'Vi prøver'.length });
    const coding = await s().codeSelection({ concept: 'Prøving' });
    expect(coding?.quote).toBe('Vi prøver');
    expect(s().selection).toBeNull();
    expect(Object.values(s().codes).map((c) => c.label)).toEqual(['Prøving']);
    const theme = await s().createCode('Eksperimentering', 2);
    await s().moveCodes([coding!.codeId], theme!.id);
    expect(s().codes[coding!.codeId]?.parentId).toBe(theme!.id);
    expect(s().history.undoLabel).toBe('Move “Prøving” into “Eksperimentering”');
    await s().undo();
    expect(s().codes[coding!.codeId]?.parentId).toBeNull();
    await s().redo();
    expect(s().codes[coding!.codeId]?.parentId).toBe(theme!.id);
    await s().uncode(coding!.id);
    expect(Object.keys(s().codings)).toHaveLength(0);
    await s().undo();
    expect(Object.keys(s().codings)).toHaveLength(1);
  });

  it('shows a coding at once while it is saved, swaps in the saved one, and rolls back a failure', async () => {
    const { store, dir } = await storeWithBackend();
    const s = () => store.getState();
    await s().createProject(path.join(dir, 'Optimistisk'));
    await s().importFiles([new File(['Inger: Vi prøver nye ting i Bærum.'], 'Inger.txt')]);
    const start = s().openDocument!.text.indexOf('nye ting');
    const range = { start, end: start + 'nye ting'.length };
    s().setSelection(range);
    const saving = s().codeSelection({ concept: 'Nye ting' });
    // Before the backend has answered: one pending coding over the passage, the selection gone.
    const [pending] = Object.values(s().codings);
    expect(pending).toMatchObject({ ...range, quote: 'nye ting' });
    expect(pending!.id.startsWith(PENDING_PREFIX)).toBe(true);
    expect(s().selection).toBeNull();
    const saved = await saving;
    expect(Object.keys(s().codings)).toEqual([saved!.id]);
    // The same passage and concept again: the backend refuses (a duplicate); the pending coding
    // goes, the selection comes back, and the refusal is shown.
    s().setSelection(range);
    const refused = s().codeSelection({ id: saved!.codeId });
    expect(Object.keys(s().codings)).toHaveLength(2);
    expect(await refused).toBeUndefined();
    expect(Object.keys(s().codings)).toEqual([saved!.id]);
    expect(s().selection).toEqual(range);
    expect(s().notices.some((n) => n.kind === 'error' && /already coded/.test(n.message))).toBe(true);
  });

  it('uncodes a coding that is still being saved once it is saved', async () => {
    const { store, dir } = await storeWithBackend();
    const s = () => store.getState();
    await s().createProject(path.join(dir, 'Angre'));
    await s().importFiles([new File(['Inger: Vi prøver nye ting i Bærum.'], 'Inger.txt')]);
    s().setSelection({ start: 0, end: 2 });
    const saving = s().codeSelection({ concept: 'Vi' });
    const pendingId = Object.keys(s().codings)[0]!;
    await s().uncode(pendingId);
    await saving;
    expect(Object.keys(s().codings)).toEqual([]);
    expect(s().notices.filter((n) => n.kind === 'error')).toEqual([]);
  });

  it('turns failures into visible notices, not silence', async () => {
    const { store, dir } = await storeWithBackend();
    await store.getState().createProject(path.join(dir, 'A'));
    await store.getState().createProject(path.join(dir, 'A'));
    expect(store.getState().notices.some((n) => n.kind === 'error' && /already exists/.test(n.message))).toBe(true);
  });
});
