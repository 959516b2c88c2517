import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { directTransport } from '../../../../renderer/api/directTransport';
import { createAppStore } from '../../../../renderer/store/createAppStore';
import { testBackend } from '../../../support/backend';
import { writeFile } from '../../../support/temp';

const GIOIA = path.resolve('../shared/corpus/codebooks/gioia_healthcare_example.json');

async function storeWithProject() {
  const { backend, dir } = testBackend({ coder: 'Kari' });
  const store = createAppStore({
    transport: directTransport(backend, async (file) => ({ path: writeFile(dir, file.name, new Uint8Array(await file.arrayBuffer())) })),
  });
  const s = () => store.getState();
  await s().start();
  await s().createProject(path.join(dir, 'Oppgåve'));
  return { store, s, dir };
}

const errors = (s: () => { notices: readonly { kind: string; message: string }[] }) => s().notices.filter((n) => n.kind === 'error').map((n) => n.message);
const byLabel = (s: () => { codes: Readonly<Record<string, { id: string; label: string }>> }, label: string) => Object.values(s().codes).find((c) => c.label === label)!;

describe('codebook and figure actions over a real backend', () => {
  it('imports the Gioia example after detecting it, and the figure shows its codes', async () => {
    const { s } = await storeWithProject();
    const candidates = await s().inspectCodebookFiles([GIOIA]);
    expect(candidates).toEqual([{ name: 'gioia_healthcare_example.json', source: { path: GIOIA }, format: 'gioia-json' }]);
    const report = await s().importCodebooks([candidates![0]!.source], false);
    expect(report?.[0]).toMatchObject({ status: 'imported', created: { dimension: 2, theme: 3, concept: 7 } });
    expect(Object.keys(s().codes)).toHaveLength(12);
    expect(s().history.undoLabel).toMatch(/gioia_healthcare_example/);

    await s().refreshFigure();
    const boxes = s().figure!.pages[0]!.layout.boxes;
    expect(boxes.filter((b) => b.kind === 'concept')).toHaveLength(7);
    expect(boxes.find((b) => b.kind === 'dimension' && b.label === 'Managing Chronic Uncertainty')?.codeId).toBe(byLabel(s, 'Managing Chronic Uncertainty').id);
    expect(s().figureOptions?.counts).toBe('none');

    // An option is saved (one undoable step) and redraws the figure.
    await s().setFigureOptions({ counts: 'codings', caption: 'Figur 1: {project}' });
    expect(s().figureOptions).toMatchObject({ counts: 'codings', caption: 'Figur 1: {project}' });
    expect(s().figure!.pages[0]!.layout.boxes.find((b) => b.kind === 'caption')?.label).toBe('Figur 1: Oppgåve');
    expect(s().figure!.pages[0]!.layout.boxes.find((b) => b.kind === 'concept')?.lines.map((l) => l.text)).toContain('0 codings');
    await s().undo();
    await s().refreshFigure();
    expect(s().figureOptions?.counts).toBe('none');

    // Exports come back inline in browser and test mode.
    const svg = await s().exportFigure('svg');
    expect(svg?.files[0]).toMatchObject({ name: 'Oppgåve – data structure.svg', mime: 'image/svg+xml' });
    expect(Buffer.from(svg!.files[0]!.data!, 'base64').toString('utf8')).toContain('Adaptive Routine Building');
    const csv = await s().exportCodebook('csv');
    expect(Buffer.from(csv!.files[0]!.data!, 'base64').toString('utf8')).toContain('Selective symptom tracking');
    expect(errors(s)).toEqual([]);
  });

  it('merges, promotes (offering to release children), reorders and deletes with a preview', async () => {
    const { s } = await storeWithProject();
    await s().importCodebooks([{ path: GIOIA }], false);
    const adaptive = byLabel(s, 'Adaptive Routine Building');
    const [a, b, c] = Object.values(s().codes)
      .filter((x) => x.parentId === adaptive.id)
      .sort((x, y) => x.sortOrder - y.sortOrder);

    // Reorder the theme's concepts.
    await s().reorderCodes(adaptive.id, 1, [c!.id, a!.id, b!.id]);
    expect(
      Object.values(s().codes)
        .filter((x) => x.parentId === adaptive.id)
        .sort((x, y) => x.sortOrder - y.sortOrder)
        .map((x) => x.id),
    ).toEqual([c!.id, a!.id, b!.id]);

    // Merge two concepts: the selection becomes the one kept.
    s().selectCodes([a!.id, b!.id], a!.id);
    expect(await s().mergeCodes([b!.id], a!.id)).toBe(true);
    expect(s().codes[b!.id]).toBeUndefined();
    expect(s().selectedCodeIds).toEqual([a!.id]);

    // Demoting a theme that holds concepts is refused first, then done with release.
    expect(await s().setCodeLevel([adaptive.id], 1, null)).toBe('children');
    expect(s().dialog).toBe('releaseChildren');
    expect(s().pendingLevelChange?.message).toMatch(/holds 2 codes/);
    expect(await s().setCodeLevel([adaptive.id], 1, null, 'release')).toBe('done');
    expect(s().codes[adaptive.id]).toMatchObject({ level: 1, parentId: null });
    expect(s().codes[a!.id]?.parentId).toBeNull();

    // Delete with a preview of what goes.
    const dimension = byLabel(s, 'Managing Chronic Uncertainty');
    const preview = await s().previewDelete([dimension.id], true);
    expect(preview).toMatchObject({ codes: 4, codings: 0, released: 0 });
    const done = await s().deleteCodes([dimension.id], true);
    expect(done).toMatchObject({ codes: 4 });
    expect(s().codes[dimension.id]).toBeUndefined();
    expect(errors(s)).toEqual([]);
  });

  it('splits a concept’s codings into a new concept', async () => {
    const { s } = await storeWithProject();
    await s().importFiles([new File(['Intervjuer: Hei\nInger: Vi prøver nye ting i Bærum. Vi feiler også.'], 'Inger.txt')]);
    const text = s().openDocument!.text;
    for (const passage of ['Vi prøver', 'Vi feiler']) {
      const start = text.indexOf(passage);
      s().setSelection({ start, end: start + passage.length });
      await s().codeSelection({ concept: 'Prøving' });
    }
    const concept = byLabel(s, 'Prøving');
    const codings = await s().ownCodings(concept.id);
    expect(codings?.map((c) => c.quote)).toEqual(['Vi prøver', 'Vi feiler']);
    const failing = codings!.find((c) => c.quote === 'Vi feiler')!;
    expect(await s().splitCode(concept.id, [failing.id], { label: 'Feiling', description: 'Å feile og lære' })).toBe(true);
    const split = byLabel(s, 'Feiling');
    expect(s().codes[split.id]).toMatchObject({ level: 1, codingCount: 1, description: 'Å feile og lære' });
    expect(s().codes[concept.id]?.codingCount).toBe(1);
    expect(s().codings[failing.id]?.codeId).toBe(split.id);

    await s().refreshCodeStats();
    expect(s().codeStats[split.id]).toMatchObject({ codings: 1 });
    expect(errors(s)).toEqual([]);
  });
});
