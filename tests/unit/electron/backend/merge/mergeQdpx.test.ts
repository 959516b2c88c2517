import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCopy, code, openCopy, rangeOf, teamProject, trackedDump } from '../../../../support/team';
import { testBackend } from '../../../../support/backend';

// Merging a coder's .qdpx (REFI-QDA) export: read by the REFI-QDA importer into a temporary
// project, then merged like a copy. Stige writes its ids as GUIDs, so a copy's export matches by id.

const CORPUS = path.resolve('../shared/corpus/refi');

/** No temporary project is left behind. */
function qdpxTempDirs(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('stige-merge-qdpx-'));
}

describe('merging a .qdpx', () => {
  it('merges the .qdpx export of a diverged copy by id: codings with their coder, new codes, a rename vs rename conflict; undo restores the state', async () => {
    const { api, backend, dir, docs, codes } = await teamProject();
    const leadCoding = await code(api, docs.inger, 'prøve nye ting', codes.tryNew, 'Lead');
    const tempBefore = qdpxTempDirs();

    // The project's own export merges as "nothing new": the REFI round trip keeps every id and value.
    const own = path.join(dir, 'eget.qdpx');
    await api.call('refi.exportProject', { path: own });
    const same = await api.call('team.mergePreview', { path: own });
    expect(same).toMatchObject({ format: 'qdpx', path: own, base: 'none', conflicts: [], changes: [] });
    expect(same.theirs.sameProject).toBe(true);
    expect(same.counts.documents).toMatchObject({ added: 0, matchedById: 2 });
    expect(same.counts.codes).toMatchObject({ added: 0, matchedById: 9 });
    expect(same.counts.codings).toMatchObject({ added: 0, duplicates: 0, changed: 0, dropped: 0 });

    // Kari works in a copy and sends back its .qdpx export.
    const copy = path.join(dir, 'kari.stige');
    await api.call('team.handout', { path: copy, coder: 'Kari' });
    const kari = await openCopy(copy, 'Kari');
    await code(kari.api, docs.inger, 'Budsjettet er stramt', codes.budget);
    await code(kari.api, docs.kjell, 'medvirkning koster', codes.share);
    await kari.api.call('codes.update', { id: codes.trust, label: 'Tillit «i praksis»' });
    const created = await kari.api.call('codings.create', { documentId: docs.inger, ...(await rangeOf(kari.api, docs.inger, 'rom til å feile')), code: { concept: 'Lov å feile 😅', theme: 'Tillit «i praksis»' } });
    const exported = path.join(dir, 'kari – eksport.qdpx');
    await kari.api.call('refi.exportProject', { path: exported });
    const kariCoder = (await kari.api.call('team.coders', {})).find((c) => c.name === 'Kari')!;
    await closeCopy(kari.api);
    // Meanwhile the lead renames the same theme.
    await api.call('codes.update', { id: codes.trust, label: 'Tiltro' });

    const before = trackedDump(backend);
    const preview = await api.call('team.mergePreview', { path: exported });
    expect(preview).toMatchObject({ format: 'qdpx', path: exported, base: 'none' });
    expect(preview.theirs.sameProject).toBe(true);
    expect(preview.warnings).toEqual(['kari – eksport.qdpx is a REFI-QDA export, which keeps no record of what changed where: every difference in the codebook is listed as a conflict, and nothing is deleted.']);
    expect(preview.counts.documents).toMatchObject({ added: 0, matchedById: 2 });
    expect(preview.counts.codes).toMatchObject({ added: 1, matchedById: 9 });
    expect(preview.counts.codings).toMatchObject({ added: 3, duplicates: 0, changed: 0, dropped: 0 });
    expect(preview.conflicts.map((c) => [c.kind, c.resolution])).toEqual([['code.rename', 'ours']]);
    const rename = preview.conflicts[0]!;
    expect(rename.theirs.summary).toContain('Tillit «i praksis»');
    expect(trackedDump(backend)).toEqual(before);

    const merged = await api.call('team.mergeApply', { path: exported, theirs: [rename.id] });
    expect(merged.label).toBe('Merge “kari – eksport.qdpx”');
    expect((await api.call('codes.list', {})).find((c) => c.id === codes.trust)!.label).toBe('Tillit «i praksis»');
    const codings = await api.call('codings.list', {});
    const byKari = codings.filter((c) => c.coderId === kariCoder.id).map((c) => c.quote).sort();
    expect(byKari).toEqual(['Budsjettet er stramt', 'medvirkning koster', 'rom til å feile'].sort());
    expect(codings.find((c) => c.id === created.coding.id)).toBeDefined();
    expect(codings.filter((c) => c.id === leadCoding)).toHaveLength(1);
    const coders = await api.call('team.coders', {});
    expect(coders.find((c) => c.name === 'Kari')).toMatchObject({ id: kariCoder.id, codings: 3 });
    expect((await api.call('team.status', {})).log[0]).toMatchObject({ kind: 'merge', fileName: 'kari – eksport.qdpx', state: 'done' });

    await api.call('history.undo', {});
    expect(trackedDump(backend)).toEqual(before);
    expect(qdpxTempDirs()).toEqual(tempBefore);
  });

  it('matches the documents of another project’s .qdpx by their text and its codes by label and level', async () => {
    const lead = await teamProject('Lead');
    // Ola set up a project of his own from the same transcripts and codebook (other ids), and coded in it.
    const ola = await teamProject('Ola');
    await code(ola.api, ola.docs.kjell, 'medvirkning koster', ola.codes.share);
    await ola.api.call('codings.create', { documentId: ola.docs.inger, ...(await rangeOf(ola.api, ola.docs.inger, 'Budsjettet er stramt')), code: { concept: 'Knappe ressurser', theme: 'Hindringer' } });
    const exported = path.join(ola.dir, 'ola.qdpx');
    await ola.api.call('refi.exportProject', { path: exported });

    const preview = await lead.api.call('team.mergePreview', { path: exported });
    expect(preview.theirs.sameProject).toBe(false);
    expect(preview.warnings).toContainEqual(expect.stringMatching(/^ola\.qdpx is another project/));
    expect(preview.counts.documents).toMatchObject({ added: 0, matchedById: 0, matchedByContent: 2 });
    expect(preview.counts.codes).toMatchObject({ added: 1, matchedById: 0, matchedByLabel: 9 });
    expect(preview.counts.codings).toMatchObject({ added: 2 });
    await lead.api.call('team.mergeApply', { path: exported });
    const codes = await lead.api.call('codes.list', {});
    const added = codes.find((c) => c.label === 'Knappe ressurser')!;
    expect(added).toMatchObject({ level: 1, parentId: lead.codes.barriers });
    const codings = await lead.api.call('codings.list', {});
    expect(codings.map((c) => [c.documentId, c.codeId, c.quote]).sort()).toEqual(
      [
        [lead.docs.kjell, lead.codes.share, 'medvirkning koster'],
        [lead.docs.inger, added.id, 'Budsjettet er stramt'],
      ].sort(),
    );
  });

  it('merges a .qdpx from another tool (qc) into the project made from it: what was deleted here comes back, nothing else changes', async () => {
    const { api, backend, dir } = testBackend({ coder: 'Lead' });
    await api.call('projects.create', { path: path.join(dir, 'qc.stige'), name: 'Intervju fra qc' });
    const file = path.join(CORPUS, 'qc132_demo_interview.qdpx');
    await api.call('refi.import', { source: { path: file } });
    const codings = await api.call('codings.list', {});
    expect(codings.length).toBeGreaterThan(100);
    const gone = codings[0]!;
    await api.call('codings.delete', { id: gone.id });
    const before = trackedDump(backend);

    const preview = await api.call('team.mergePreview', { path: file });
    expect(preview).toMatchObject({ format: 'qdpx', base: 'none', conflicts: [] });
    expect(preview.counts.documents.added).toBe(0);
    expect(preview.counts.codes.added).toBe(0);
    expect(preview.counts.codings).toMatchObject({ added: 1, duplicates: 0, changed: 0, deleted: 0 });

    await api.call('team.mergeApply', { path: file });
    const after = await api.call('codings.list', {});
    expect(after).toHaveLength(codings.length);
    expect(after.find((c) => c.id === gone.id)).toMatchObject({ quote: gone.quote, start: gone.start, end: gone.end, coderId: gone.coderId });
    await api.call('history.undo', {});
    expect(trackedDump(backend)).toEqual(before);
  });
});
