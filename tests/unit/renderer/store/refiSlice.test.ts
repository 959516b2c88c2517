import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { directTransport } from '../../../../renderer/api/directTransport';
import { createAppStore } from '../../../../renderer/store/createAppStore';
import { testBackend } from '../../../support/backend';
import { writeFile } from '../../../support/temp';

const REFI = path.resolve('../shared/corpus/refi');
const NVIVO12 = path.join(REFI, 'nvivo12win_hu_oltas0517.qdpx');

async function storeWithProject() {
  const { backend, dir } = testBackend({ coder: 'Kari' });
  const store = createAppStore({
    transport: directTransport(backend, async (file) => ({ path: writeFile(dir, file.name, new Uint8Array(await file.arrayBuffer())) })),
  });
  const s = () => store.getState();
  await s().start();
  await s().createProject(path.join(dir, 'Oltás'));
  return { s, dir };
}

describe('REFI-QDA actions over a real backend', () => {
  it('previews without changing anything, imports with a depth mapping as one undoable step, and reloads what changed', async () => {
    const { s } = await storeWithProject();
    const file = (await s().prepareRefiFile(NVIVO12))!;
    expect(file).toEqual({ name: 'nvivo12win_hu_oltas0517.qdpx', source: { path: NVIVO12 } });
    const choices = { levels: { kind: 'depths' as const, dimension: 2, theme: 3, concept: 4 }, onConflict: 'keep' as const, resolve: {} };
    const preview = await s().inspectRefi(file, choices);
    expect('report' in preview && preview.report.levels.placed).toEqual({ dimension: 45, theme: 92, concept: 3, unplaced: 12 });
    expect(Object.keys(s().codes)).toHaveLength(0);

    const done = await s().importRefi(file, choices);
    expect('report' in done && done.report.imported).toMatchObject({ documents: 2, codes: 152, codings: 303 });
    // The store shows the result at once: codes, documents, the transcript with the codings, the undo step.
    expect(Object.keys(s().codes)).toHaveLength(152);
    expect(s().documents).toHaveLength(2);
    expect(s().openDocument?.title).toBe('videos_10_selected');
    expect(s().history.undoLabel).toBe('Import “nvivo12win_hu_oltas0517.qdpx”');
    await s().undo();
    expect(Object.keys(s().codes)).toHaveLength(0);
  });

  it('reports a broken file as an error for the dialog, not a thrown exception', async () => {
    const { s } = await storeWithProject();
    const file = (await s().prepareRefiFile(path.join(REFI, 'atlasti23win_requal_truncated_cs.qdc')))!;
    const outcome = await s().inspectRefi(file, { levels: { kind: 'auto' }, onConflict: 'keep', resolve: {} });
    expect('error' in outcome && outcome.error).toMatch(/not well-formed XML/);
  });

  it('exports the codebook as a one-time download where there is no save dialog (browser mode)', async () => {
    const { s, dir } = await storeWithProject();
    await s().importRefi((await s().prepareRefiFile(NVIVO12))!, { levels: { kind: 'auto' }, onConflict: 'keep', resolve: {} });
    const result = await s().exportRefi('qdc', false);
    expect(result).toMatchObject({ fileName: 'Oltás – codebook.qdc', counts: { codes: 152 } });
    expect(result?.downloadUrl).toMatch(/^\/api\/download\/[a-f0-9]{32}$/);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.qdc'))).toEqual([]);
  });
});
