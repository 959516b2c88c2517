import { describe, expect, it } from 'vitest';
import { directTransport } from '../../../../renderer/api/directTransport';
import { selectCodeCodingCount, selectCodeStats, selectDocumentCodingCount, selectReviewShown } from '../../../../renderer/store/coderView';
import { createAppStore } from '../../../../renderer/store/createAppStore';
import { testBackend } from '../../../support/backend';
import { writeFile } from '../../../support/temp';

const sum = (cells: readonly (readonly number[])[]) => cells.flat().reduce((a, b) => a + b, 0);

describe('blind coding in the store', () => {
  it('counts, the review list and the Compare matrix cover only the blind coder’s codings, and everyone’s again after', async () => {
    const { backend, dir } = testBackend({ coder: 'Nora' });
    const store = createAppStore({
      transport: directTransport(backend, async (file) => ({ path: writeFile(dir, file.name, new Uint8Array(await file.arrayBuffer())) })),
    });
    const s = () => store.getState();
    await s().start();
    await s().openSample();
    await s().loadTeam();
    const doc = s().documents[0]!;
    const code = Object.values(s().codes).find((c) => c.codingCount > 0)!;
    expect(selectDocumentCodingCount(s(), doc)).toBe(doc.codingCount);
    // A text edit flags the sample coder's codings in the passage for review.
    const first = Object.values(s().codings).sort((a, b) => a.start - b.start)[0]!;
    await s().editText([{ start: first.start, end: first.start + 3, text: 'XYZ' }]);
    expect(s().review!.length).toBeGreaterThan(0);
    await s().loadMatrix();
    expect(sum(s().matrix!.cells)).toBeGreaterThan(0);

    // Nora has no coder yet: blind coding creates it.
    await s().setBlind('me');
    expect(s().teamStatus?.blindCoder?.name).toBe('Nora');
    await s().loadCoderCounts();
    expect(selectCodeCodingCount(s(), s().codes[code.id]!)).toBe(0);
    expect(selectCodeStats(s(), code.id)).toMatchObject({ codings: 0, informants: 0 });
    expect(selectDocumentCodingCount(s(), s().documents[0]!)).toBe(0);
    expect(selectReviewShown(s())).toEqual([]);
    await s().loadMatrix();
    expect(sum(s().matrix!.cells)).toBe(0);

    await s().setBlind(null);
    await s().loadCoderCounts();
    expect(s().coderCounts).toBeNull();
    expect(selectCodeCodingCount(s(), s().codes[code.id]!)).toBe(code.codingCount);
    expect(selectReviewShown(s())).toBe(s().review);
    await s().loadMatrix();
    expect(sum(s().matrix!.cells)).toBeGreaterThan(0);
    expect(s().notices.filter((n) => n.kind === 'error')).toEqual([]);
  });
});
