import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { MergeConflict } from '../../../../../shared/api/methods/team';
import { dumpProject } from '../../../../support/dump';
import { closeCopy, code, openCopy, rangeOf, teamProject, trackedDump, TEAM_FIXTURES } from '../../../../support/team';

const byKind = (conflicts: readonly MergeConflict[], kind: string) => conflicts.filter((c) => c.kind === kind);

describe('hand-out copies', () => {
  it('writes a copy with its own identity and ancestor; a blind copy leaves out the other coders’ codings', async () => {
    const { api, dir, docs, codes } = await teamProject();
    await code(api, docs.inger, 'prøve nye ting', codes.tryNew, 'Ola');
    await code(api, docs.inger, 'deler erfaringer', codes.share, 'Kari');
    const copy = path.join(dir, 'kari.stige');
    const result = await api.call('team.handout', { path: copy, coder: 'Kari', blind: true });
    expect(result).toMatchObject({ path: copy, coder: 'Kari', blind: true, codings: 1, omittedCodings: 1 });
    await expect(api.call('team.handout', { path: copy, coder: 'Kari' })).rejects.toMatchObject({ code: 'CONFLICT' });

    const kari = await openCopy(copy, 'Kari');
    const status = await kari.api.call('team.status', {});
    const master = await api.call('team.status', {});
    expect(status.origin).toMatchObject({ coderName: 'Kari', blind: true, sourceReplicaId: master.replicaId, handoutId: result.handoutId });
    expect(status.replicaId).not.toBe(master.replicaId);
    expect(status.blindCoder?.name).toBe('Kari');
    expect((await kari.api.call('history.state', {})).canUndo).toBe(false);
    expect((await kari.api.call('codings.list', {})).map((c) => c.quote)).toEqual(['deler erfaringer']);
    // Comparing coders is refused while blind coding is on, until the coder ends it.
    const coders = await kari.api.call('team.coders', {});
    await expect(kari.api.call('team.agreement', { coderIds: coders.map((c) => c.id).concat('x').slice(0, 2) })).rejects.toMatchObject({ code: 'CONFLICT' });
    await kari.api.call('team.setBlind', { coderId: null });
    expect((await kari.api.call('team.status', {})).blindCoder).toBeNull();
    expect(master.log[0]).toMatchObject({ kind: 'handout', coderName: 'Kari', fileName: 'kari.stige', state: 'done' });
  });
});

describe('merging a coder’s copy', () => {
  it('adds the codings both sides made, with their coders, skips duplicates, and undoes as one step', async () => {
    const { api, backend, dir, docs, codes } = await teamProject();
    await code(api, docs.inger, 'prøve nye ting', codes.tryNew, 'Lead');
    const copy = path.join(dir, 'kari.stige');
    await api.call('team.handout', { path: copy, coder: 'Kari', blind: true });
    const kari = await openCopy(copy, 'Kari');
    await code(kari.api, docs.inger, 'prøve nye ting', codes.tryNew);
    await code(kari.api, docs.inger, 'Budsjettet er stramt', codes.budget);
    await code(kari.api, docs.kjell, 'medvirkning koster', codes.share);
    // A new document in the copy comes along with its codings.
    const again = await kari.api.call('documents.import', { sources: [{ path: path.join(TEAM_FIXTURES, 'intervju-kjell.txt') }], title: 'Kjell igjen' });
    expect(again.files[0]!.status).toBe('skipped');
    const notes = path.join(dir, 'feltnotat.txt');
    fs.writeFileSync(notes, 'Feltnotat fra Asker: møtet startet sent 🙂. Rådmannen snakket om «tillit» og tid.\n');
    const imported = await kari.api.call('documents.import', { sources: [{ path: notes }], kind: 'note' });
    await code(kari.api, imported.files[0]!.documentId!, 'Rådmannen snakket om «tillit»', codes.room);
    await closeCopy(kari.api);
    // Meanwhile the lead codes in the master, and Kari, at the lead's desk, codes a passage she also coded in her copy.
    await code(api, docs.inger, 'Ledelsen gir oss rom til å feile', codes.room, 'Lead');
    await code(api, docs.inger, 'Budsjettet er stramt', codes.budget, 'Kari');

    const before = trackedDump(backend);
    const historyBefore = await api.call('history.state', {});
    const preview = await api.call('team.mergePreview', { path: copy });
    expect(trackedDump(backend)).toEqual(before);
    expect(await api.call('history.state', {})).toEqual(historyBefore);
    expect(preview.base).toBe('handout');
    expect(preview.conflicts).toEqual([]);
    expect(preview.counts.codings).toMatchObject({ added: 3, duplicates: 1, deleted: 0 });
    expect(preview.counts.documents).toMatchObject({ added: 1, matchedById: 2 });
    expect(preview.counts.coders).toMatchObject({ added: 0, matched: 2 });

    const merged = await api.call('team.mergeApply', { path: copy });
    expect(merged.counts).toEqual(preview.counts);
    expect(merged.label).toBe('Merge “kari.stige” (Kari)');
    const coders = await api.call('team.coders', {});
    const byName = new Map(coders.map((c) => [c.name, c]));
    expect(byName.get('Kari')).toMatchObject({ codings: 4, documents: 3 });
    const note = (await api.call('documents.list', {})).find((d) => d.title === 'feltnotat');
    expect(note).toMatchObject({ kind: 'note', codingCount: 1 });
    expect(byName.get('Lead')).toMatchObject({ codings: 2, isMe: true });
    expect((await api.call('history.state', {})).undoLabel).toBe('Merge “kari.stige” (Kari)');

    // Merging the same copy again adds nothing: everything is already here.
    const repeat = await api.call('team.mergePreview', { path: copy });
    expect(repeat.counts.codings).toMatchObject({ added: 0, changed: 0, deleted: 0 });
    expect(repeat.counts.documents.added).toBe(0);
    expect(repeat.base).toBe('previous-merge');

    // Undo restores exactly what was there; the log remembers the merge as undone.
    await api.call('history.undo', {});
    expect(trackedDump(backend)).toEqual(before);
    const status = await api.call('team.status', {});
    expect(status.log.find((e) => e.kind === 'merge')).toMatchObject({ state: 'undone', fileName: 'kari.stige' });
    await api.call('history.redo', {});
    expect((await api.call('team.status', {})).log.find((e) => e.kind === 'merge')?.state).toBe('done');
  });

  it('lists rename vs rename, move vs move and delete vs use as conflicts, keeps ours by default, and takes theirs when asked', async () => {
    const { api, backend, dir, docs, codes } = await teamProject();
    await code(api, docs.inger, 'Vi mangler tid til å følge opp', codes.measure, 'Lead');
    const copy = path.join(dir, 'kari.stige');
    await api.call('team.handout', { path: copy, coder: 'Kari' });
    const kari = await openCopy(copy, 'Kari');
    // Both renamed "Tillit"; only Kari renamed "Læring" (taken silently, listed as a change).
    await kari.api.call('codes.update', { id: codes.trust, label: 'Tillit og trygghet' });
    await api.call('codes.update', { id: codes.trust, label: 'Tillit i ledelsen' });
    await kari.api.call('codes.update', { id: codes.learning, label: 'Læring på tvers' });
    // Both moved "Dele erfaringer", to different themes.
    await kari.api.call('codes.move', { ids: [codes.share], parentId: codes.trust });
    await api.call('codes.move', { ids: [codes.share], parentId: codes.barriers });
    // The lead deleted "Stramt budsjett", which Kari used.
    await code(kari.api, docs.inger, 'Budsjettet er stramt', codes.budget);
    await api.call('codes.delete', { id: codes.budget });
    // Kari deleted "Vanskelig å måle", which the lead used; and "Prøve nye ting", which nobody used.
    await kari.api.call('codes.delete', { id: codes.measure });
    await kari.api.call('codes.delete', { id: codes.tryNew });
    await closeCopy(kari.api);

    const preview = await api.call('team.mergePreview', { path: copy });
    expect(preview.base).toBe('handout');
    const rename = byKind(preview.conflicts, 'code.rename');
    expect(rename).toHaveLength(1);
    expect(rename[0]).toMatchObject({
      id: `code.rename:${codes.trust}`,
      ours: { values: { label: 'Tillit i ledelsen' } },
      theirs: { values: { label: 'Tillit og trygghet' } },
      resolution: 'ours',
    });
    expect(rename[0]!.theirs.summary).toContain('Kari');
    const move = byKind(preview.conflicts, 'code.move');
    expect(move.map((c) => [c.id, c.ours.values.parent, c.theirs.values.parent])).toEqual([[`code.move:${codes.share}`, 'Hindringer', 'Tillit og trygghet']]);
    const deleted = byKind(preview.conflicts, 'code.deleted');
    expect(deleted.map((c) => c.id).sort()).toEqual([`code.deleted:${codes.budget}`, `code.deleted:${codes.measure}`].sort());
    expect(deleted.find((c) => c.id.endsWith(codes.budget))).toMatchObject({ ours: { summary: 'deleted it' }, theirs: { values: { codings: 1 } } });
    expect(deleted.find((c) => c.id.endsWith(codes.measure))).toMatchObject({ theirs: { summary: 'deleted it' }, ours: { values: { codings: 1 } } });
    expect(preview.conflicts).toHaveLength(4);
    expect(preview.changes.map((c) => [c.kind, c.subject])).toEqual(
      expect.arrayContaining([
        ['code.renamed', 'Code “Læring” (a second-order theme)'],
        ['code.deleted', 'Code “Prøve nye ting” (a first-order concept)'],
      ]),
    );

    // Default: ours everywhere.
    const before = trackedDump(backend);
    const kept = await api.call('team.mergeApply', { path: copy });
    expect(kept.counts.codings.dropped).toBe(1);
    let list = await api.call('codes.list', {});
    const label = (id: string) => list.find((c) => c.id === id)?.label;
    expect(label(codes.trust)).toBe('Tillit i ledelsen');
    expect(label(codes.learning)).toBe('Læring på tvers');
    expect(list.find((c) => c.id === codes.share)?.parentId).toBe(codes.barriers);
    expect(label(codes.budget)).toBeUndefined();
    expect(label(codes.measure)).toBe('Vanskelig å måle');
    expect(label(codes.tryNew)).toBeUndefined();
    await api.call('history.undo', {});
    expect(trackedDump(backend)).toEqual(before);

    // Theirs for every conflict.
    const all = preview.conflicts.map((c) => c.id);
    await expect(api.call('team.mergeApply', { path: copy, theirs: ['code.rename:nope'] })).rejects.toMatchObject({ code: 'VALIDATION' });
    const taken = await api.call('team.mergeApply', { path: copy, theirs: all });
    expect(taken.conflicts.every((c) => c.resolution === 'theirs')).toBe(true);
    list = await api.call('codes.list', {});
    expect(label(codes.trust)).toBe('Tillit og trygghet');
    expect(list.find((c) => c.id === codes.share)?.parentId).toBe(codes.trust);
    expect(label(codes.budget)).toBe('Stramt budsjett');
    expect(list.find((c) => c.id === codes.budget)?.codingCount).toBe(1);
    expect(label(codes.measure)).toBeUndefined();
    await api.call('history.undo', {});
    expect(trackedDump(backend)).toEqual(before);
  });

  it('remembers resolutions: the next merge of the same copy does not reopen what was merged', async () => {
    const { api, dir, codes } = await teamProject();
    const copy = path.join(dir, 'kari.stige');
    await api.call('team.handout', { path: copy, coder: 'Kari' });
    let kari = await openCopy(copy, 'Kari');
    await kari.api.call('codes.update', { id: codes.trust, label: 'Tillit (Kari)' });
    await closeCopy(kari.api);
    await api.call('codes.update', { id: codes.trust, label: 'Tillit (Lead)' });
    const first = await api.call('team.mergeApply', { path: copy, theirs: [`code.rename:${codes.trust}`] });
    expect(first.conflicts).toHaveLength(1);
    // Kari goes on working; she renames another code only.
    kari = await openCopy(copy, 'Kari');
    await kari.api.call('codes.update', { id: codes.room, label: 'Rom for feil' });
    await closeCopy(kari.api);
    const second = await api.call('team.mergePreview', { path: copy });
    expect(second.base).toBe('previous-merge');
    expect(second.conflicts).toEqual([]);
    expect(second.changes.map((c) => c.summary)).toEqual([expect.stringContaining('renamed to “Rom for feil”')]);
  });

  it('compares files with no common ancestor state against state: every codebook difference is a conflict, nothing is deleted', async () => {
    // A copy made by hand (not handed out): same ids, no stored ancestor.
    const lead = await teamProject();
    const byHand = path.join(lead.dir, 'copied by hand.stige');
    await lead.api.call('projects.close', {});
    fs.copyFileSync(lead.file, byHand);
    await lead.api.call('projects.open', { path: lead.file });
    const ola = await openCopy(byHand, 'Ola');
    await ola.api.call('codes.update', { id: lead.codes.trust, label: 'Tillit og tiltro' });
    await ola.api.call('codes.delete', { id: lead.codes.tryNew });
    await code(ola.api, lead.docs.inger, 'Vi deler erfaringer', lead.codes.share);
    await closeCopy(ola.api);
    const copied = await lead.api.call('team.mergePreview', { path: byHand });
    expect(copied.base).toBe('none');
    expect(copied.conflicts.map((c) => c.id)).toEqual([`code.rename:${lead.codes.trust}`]);
    expect(copied.counts.codes.deleted).toBe(0);
    expect(copied.counts.codings.added).toBe(1);
    expect(copied.warnings[0]).toMatch(/made outside Stige/);

    // Another project with the same interviews and codebook: documents match by text, codes by label and level.
    const other = await teamProject('Ola');
    await code(other.api, other.docs.inger, 'Vi deler erfaringer', other.codes.share);
    await other.api.call('codes.create', { label: 'Medvirkning', level: 2, parentId: other.codes.dimension });
    await closeCopy(other.api);
    const preview = await lead.api.call('team.mergePreview', { path: other.file });
    expect(preview.base).toBe('none');
    expect(preview.theirs.sameProject).toBe(false);
    expect(preview.counts.documents).toMatchObject({ added: 0, matchedByContent: 2 });
    expect(preview.counts.codes).toMatchObject({ added: 1, matchedByLabel: 9 });
    expect(preview.counts.codings.added).toBe(1);
    expect(preview.conflicts).toEqual([]);
    expect(preview.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/another project/)]));
  });

  it('does not bring back a document deleted here after the hand-out, and says so', async () => {
    const { api, dir, docs, codes } = await teamProject();
    const copy = path.join(dir, 'kari.stige');
    await api.call('team.handout', { path: copy, coder: 'Kari' });
    const kari = await openCopy(copy, 'Kari');
    await code(kari.api, docs.kjell, 'medvirkning koster', codes.share);
    await code(kari.api, docs.inger, 'Budsjettet er stramt', codes.budget);
    await closeCopy(kari.api);
    await api.call('documents.delete', { id: docs.kjell });
    const preview = await api.call('team.mergePreview', { path: copy });
    expect(preview.counts.documents.added).toBe(0);
    expect(preview.counts.codings.added).toBe(1);
    expect(preview.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/“intervju-kjell” was deleted here.*1 coding made in the copy/)]));
  });

  it('refuses files from a newer Stige, non-projects, damaged .qdpx files, and the project itself, changing nothing', async () => {
    const { api, backend, dir, file } = await teamProject();
    const copy = path.join(dir, 'newer.stige');
    await api.call('team.handout', { path: copy, coder: 'Kari' });
    const raw = new Database(copy);
    raw.pragma('user_version = 999');
    raw.close();
    const bytes = fs.readFileSync(copy);
    const before = dumpProject(backend.project().db);
    await expect(api.call('team.mergePreview', { path: copy })).rejects.toMatchObject({ code: 'NEWER_VERSION', message: expect.stringMatching(/newer version of Stige.*format 999/) });
    await expect(api.call('team.mergeApply', { path: copy })).rejects.toMatchObject({ code: 'NEWER_VERSION' });
    expect(fs.readFileSync(copy).equals(bytes)).toBe(true);
    const text = path.join(dir, 'not.stige');
    fs.writeFileSync(text, 'hei');
    await expect(api.call('team.mergePreview', { path: text })).rejects.toMatchObject({ code: 'NOT_A_PROJECT' });
    await expect(api.call('team.mergePreview', { path: path.join(dir, 'missing.stige') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const qdpx = path.join(dir, 'kari.qdpx');
    fs.writeFileSync(qdpx, 'PK');
    await expect(api.call('team.mergePreview', { path: qdpx })).rejects.toMatchObject({ code: 'IMPORT', message: expect.stringMatching(/kari\.qdpx/) });
    await expect(api.call('team.mergePreview', { path: path.join(dir, 'other.docx') })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(api.call('team.mergePreview', { path: file })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(dumpProject(backend.project().db)).toEqual(before);
  });

  it('merges copies of an older project format, and places codings by quote when a text differs', async () => {
    const { api, dir, docs, codes } = await teamProject();
    const copy = path.join(dir, 'kari.stige');
    await api.call('team.handout', { path: copy, coder: 'Kari' });
    const kari = await openCopy(copy, 'Kari');
    await code(kari.api, docs.inger, 'gevinstene er vanskelige å måle', codes.measure);
    await closeCopy(kari.api);
    // Simulate an edited text here: prepend a line to the lead's Inger interview.
    const db = (await import('../../../../support/team')).exists(copy);
    expect(db).toBe(true);
    const raw = new Database(copy);
    const { text } = raw.prepare('SELECT text FROM documents WHERE id = ?').get(docs.inger) as { text: string };
    raw.prepare("UPDATE documents SET text = ?, text_hash = 'changed' WHERE id = ?").run(`Notat: ✍️ lagt til.\n${text}`, docs.inger);
    const shifted = raw.prepare('SELECT start FROM codings WHERE coder_id = (SELECT id FROM coders WHERE name = ?)').get('Kari') as { start: number };
    raw.prepare('UPDATE codings SET start = start + 20, end = end + 20 WHERE coder_id = (SELECT id FROM coders WHERE name = ?)').run('Kari');
    raw.close();
    const merged = await api.call('team.mergeApply', { path: copy });
    expect(merged.counts.documents.textDiffers).toBe(1);
    expect(merged.warnings.some((w) => w.includes('differs'))).toBe(true);
    const expected = await rangeOf(api, docs.inger, 'gevinstene er vanskelige å måle');
    expect(expected.start).toBe(shifted.start);
    const placed = (await api.call('codings.list', { documentId: docs.inger })).find((c) => c.quote === 'gevinstene er vanskelige å måle');
    expect(placed).toMatchObject(expected);
  });
});
