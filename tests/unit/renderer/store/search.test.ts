import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { directTransport } from '../../../../renderer/api/directTransport';
import { createAppStore } from '../../../../renderer/store/createAppStore';
import { SEARCH_PAGE } from '../../../../renderer/store/slices/workspaceSlice';
import { testBackend } from '../../../support/backend';
import { writeFile } from '../../../support/temp';

describe('the search slice over a real backend', () => {
  it('shows the first page of hits, shows more on request, and codes every hit, shown or not', async () => {
    const { backend, dir } = testBackend({ coder: 'Kari' });
    const store = createAppStore({
      transport: directTransport(backend, async (file) => ({ path: writeFile(dir, file.name, new Uint8Array(await file.arrayBuffer())) })),
    });
    const s = () => store.getState();
    await s().start();
    await s().createProject(path.join(dir, 'Søk'));
    const hits = SEARCH_PAGE + 120;
    const lines = Array.from({ length: hits }, (_, i) => `Inger: Vi bor i Bærum, linje ${i}.`);
    await s().importFiles([new File([lines.join('\n')], 'Inger.txt')]);

    await s().runSearch('barum', { phrase: true, fold: true });
    expect(s().search.result).toMatchObject({ total: hits, truncated: true });
    expect(s().search.result!.hits).toHaveLength(SEARCH_PAGE);
    await s().loadMoreHits();
    expect(s().search.result).toMatchObject({ total: hits, truncated: false });
    expect(s().search.result!.hits).toHaveLength(hits);
    expect(new Set(s().search.result!.hits.map((h) => h.start)).size).toBe(hits);

    // A fresh search shows one page again; coding all hits still codes every one.
    await s().runSearch('barum', { phrase: true, fold: true });
    await s().codeAllHits({ concept: 'Stedet' });
    expect(s().notices.filter((n) => n.kind === 'error')).toEqual([]);
    expect(s().notices.at(-1)?.message).toBe(`Coded ${hits} hits`);
    expect(Object.values(s().codes).find((c) => c.label === 'Stedet')?.codingCount).toBe(hits);
    expect(s().history.undoLabel).toBe(`Code ${hits} passages as “Stedet”`);
  });
});
