import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/api/errors';
import { onWordBoundary } from '../../../../../shared/refi/offsetUnits';
import { testBackend } from '../../../../support/backend';
import { dumpProject } from '../../../../support/dump';
import { xmllintErrors } from '../../../../support/xmllint';
import JSZip from 'jszip';

const CORPUS = path.resolve('../shared/corpus/refi');
const corpus = (name: string) => path.join(CORPUS, name);

async function fresh() {
  const t = testBackend();
  await t.api.call('projects.create', { path: path.join(t.dir, 'p') });
  return { ...t, db: () => t.backend.project().db };
}

function count(db: ReturnType<Awaited<ReturnType<typeof fresh>>['db']>, sql: string): number {
  return (db.prepare(sql).get() as { n: number }).n;
}

describe('importing the REFI-QDA corpus', () => {
  it('reads the whole corpus folder: every file imports or, when broken, fails clearly', async () => {
    const names = fs.readdirSync(CORPUS).sort();
    expect(names).toEqual([
      'atlasti23win_requal_truncated_cs.qdc',
      'atlasti23win_requal_valid.qdc',
      'atlasti84mac_refi_standard_project.qdpx',
      'nvivo12win_hu_oltas0517.qdpx',
      'nvivo15mac_qc_project.qdpx',
      'qc132_demo_interview.qdpx',
    ]);
  });

  it('NVivo 12 (Windows): 2 sources, 152 codes, 303 codings; offsets read as UTF-16 units; every quote is the passage NVivo meant', async () => {
    const { api, db } = await fresh();
    const report = await api.call('refi.import', { source: { path: corpus('nvivo12win_hu_oltas0517.qdpx') } });
    expect(report.imported).toMatchObject({ documents: 2, codes: 152, codings: 303, users: 2 });
    expect(report.levels).toMatchObject({ depth: 4, perDepth: [12, 45, 92, 3], placed: { unplaced: 152 } });
    const coded = report.sources.find((s) => s.selections > 0)!;
    expect(coded).toMatchObject({ name: 'videos_10_selected', offsetUnit: 'utf16', lineBreaks: 'as-written', selections: 303, codings: 303 });
    expect(coded.offsetScore).toBeGreaterThan(0.99);
    expect(report.notImported).toEqual([]);
    expect(count(db(), 'SELECT count(*) AS n FROM codes WHERE level IS NULL AND original_path IS NOT NULL')).toBe(152);
    // The codes keep their tree among unplaced codes.
    expect(count(db(), 'SELECT count(*) AS n FROM codes WHERE parent_id IS NULL')).toBe(12);

    const doc = await api.call('documents.get', { id: coded.documentId! });
    expect(doc.text).not.toMatch(/\r/);
    const codings = db().prepare('SELECT start, end, quote FROM codings WHERE document_id = ? ORDER BY start').all(doc.id) as { start: number; end: number; quote: string }[];
    expect(codings).toHaveLength(303);
    // Each quote is the stored text of its range, and its ends fall between words.
    let onBoundary = 0;
    for (const c of codings) {
      expect(doc.text.slice(c.start, c.end)).toBe(c.quote);
      if (onWordBoundary(doc.text, c.start) && onWordBoundary(doc.text, c.end)) onBoundary += 1;
    }
    expect(onBoundary / codings.length).toBeGreaterThan(0.98);
    // A passage after hundreds of emoji: read as code points it would be shifted by them.
    const first = db().prepare("SELECT quote FROM codings WHERE id = 'da50c6de-cd58-40da-a7e3-be4b82d7f00c'").get() as { quote: string };
    expect(first.quote).toBe('Senkit nem lehet kötelezni oltásra, ilyet csak ostoba korlátolt agyi kapacitással rendelkező emberhulladék hozhat aki nem szaporodhat és nem élhet.');
    const lastStart = Math.max(...codings.map((c) => c.start));
    const emojiBefore = [...doc.text.slice(0, lastStart)].filter((ch) => ch.codePointAt(0)! > 0xffff).length;
    expect(emojiBefore).toBeGreaterThan(50);
  });

  it('NVivo 12 with --levels 2,3,4: depth 2 = dimensions, 3 = themes, 4 = concepts; the rest stays unplaced', async () => {
    const { api, db } = await fresh();
    const report = await api.call('refi.import', { source: { path: corpus('nvivo12win_hu_oltas0517.qdpx') }, levels: { kind: 'depths', dimension: 2, theme: 3, concept: 4 } });
    expect(report.levels.placed).toEqual({ dimension: 45, theme: 92, concept: 3, unplaced: 12 });
    expect(report.levels.detached).toBe(45);
    expect(count(db(), 'SELECT count(*) AS n FROM codings')).toBe(303);
    expect(count(db(), 'SELECT count(*) AS n FROM codes c JOIN codes p ON p.id = c.parent_id WHERE c.level = 1 AND p.level = 2')).toBe(3);
  });

  it('NVivo 15 (Mac): 262 codes seven deep stay unplaced in their tree; sources whose .txt and .docx are both empty are reported', async () => {
    const { api, db } = await fresh();
    const report = await api.call('refi.import', { source: { path: corpus('nvivo15mac_qc_project.qdpx') } });
    expect(report.imported).toMatchObject({ codes: 262, codings: 0, users: 2, documents: 0 });
    expect(report.levels).toMatchObject({ depth: 7, perDepth: [3, 18, 112, 91, 26, 9, 3], placed: { unplaced: 262 } });
    expect(report.sources.map((s) => s.status)).toEqual(['missing', 'missing']);
    expect(report.sources[0]!.note).toMatch(/\.txt is empty and .*\.docx has no text/);
    expect(report.notImported).toMatchObject([{ kind: 'missing-sources', count: 2 }]);
    // Seven levels deep, every code under its original parent, among unplaced codes.
    const deepest = db().prepare("SELECT original_path AS p FROM codes WHERE label = 'writing'").get() as { p: string };
    expect(deepest.p.split(' / ')).toHaveLength(7);
    expect(count(db(), 'SELECT count(*) AS n FROM codes WHERE parent_id IS NOT NULL')).toBe(262 - 3);
  });

  it('qc: plainTextPath without internal://, 158 selections with 205 codings, speaker labels moved into turns', async () => {
    const { api, db } = await fresh();
    const report = await api.call('refi.import', { source: { path: corpus('qc132_demo_interview.qdpx') } });
    expect(report.imported).toMatchObject({ documents: 2, codes: 262, codings: 205, users: 1 });
    const board = report.sources.find((s) => s.selections > 0)!;
    expect(board).toMatchObject({ selections: 158, codings: 205, offsetScore: 1 });
    const admin = report.sources.find((s) => s.name === '' && s.selections === 0)!;
    expect(admin.speakerLabels).toEqual(expect.arrayContaining(['Max Bigman', 'admin-1']));
    const doc = await api.call('documents.get', { id: admin.documentId! });
    expect(doc.title).toBe('admin-1');
    expect(doc.text).not.toMatch(/^Max Bigman:/m);
    expect(doc.speakers.map((s) => s.label)).toEqual(expect.arrayContaining(['Max Bigman', 'admin-1']));
    const quotes = db().prepare('SELECT quote FROM codings').all() as { quote: string }[];
    expect(quotes.every((q) => q.quote.trim().length > 0)).toBe(true);
  });

  it('ATLAS.ti 8 (Mac): codes and notes come in; missing media, PDF areas, sets, links and the graph are reported', async () => {
    const { api } = await fresh();
    const report = await api.call('refi.import', { source: { path: corpus('atlasti84mac_refi_standard_project.qdpx') } });
    expect(report.imported).toMatchObject({ codes: 14, memos: 2, users: 3, documents: 0, codings: 0 });
    const lost = Object.fromEntries(report.notImported.map((l) => [l.kind, l.count]));
    expect(lost).toMatchObject({
      'missing-sources': 8,
      'picture-sources': 1,
      'audio-sources': 1,
      'video-sources': 2,
      'pdf-area-selections': 4,
      sets: 16,
      links: 1,
      graphs: 1,
    });
    expect(report.sources.filter((s) => s.status === 'missing')).toHaveLength(8);
  });

  it('ATLAS.ti 23 codebook (.qdc): a code and its set', async () => {
    const { api } = await fresh();
    const report = await api.call('refi.import', { source: { path: corpus('atlasti23win_requal_valid.qdc') } });
    expect(report.format).toBe('qdc');
    expect(report.imported.codes).toBe(1);
    expect(report.notImported).toEqual([{ kind: 'sets', count: 1, reason: expect.any(String), examples: ['code group 1'] }]);
  });

  it('a truncated codebook fails with a clear message and changes nothing', async () => {
    const { api, db } = await fresh();
    await api.call('refi.import', { source: { path: corpus('atlasti23win_requal_valid.qdc') } });
    const before = dumpProject(db());
    const history = await api.call('history.state', {});
    let error: unknown;
    try {
      await api.call('refi.import', { source: { path: corpus('atlasti23win_requal_truncated_cs.qdc') } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IMPORT');
    expect((error as AppError).message).toMatch(/atlasti23win_requal_truncated_cs\.qdc is not well-formed XML .*truncated/);
    expect(dumpProject(db())).toEqual(before);
    expect(await api.call('history.state', {})).toEqual(history);
  });

  it('is one undoable step, and a preview (inspect) changes nothing', async () => {
    const { api, db } = await fresh();
    const before = dumpProject(db());
    const preview = await api.call('refi.inspect', { source: { path: corpus('qc132_demo_interview.qdpx') } });
    expect(preview).toMatchObject({ dryRun: true, undoLabel: null, imported: { codings: 205 } });
    expect(dumpProject(db())).toEqual(before);
    const report = await api.call('refi.import', { source: { path: corpus('qc132_demo_interview.qdpx') } });
    expect(report.undoLabel).toBe('Import “qc132_demo_interview.qdpx”');
    expect((await api.call('history.state', {})).undoLabel).toBe(report.undoLabel);
    const after = dumpProject(db());
    await api.call('history.undo', {});
    // Blobs are not part of the history by design (a later redo needs them).
    const withoutBlobs = (dump: Record<string, unknown[]>) => ({ ...dump, blobs: [] });
    expect(withoutBlobs(dumpProject(db()))).toEqual(withoutBlobs(before));
    // The 205 codings are recorded and replayed in bulk: redo and undo again land on the same states.
    await api.call('history.redo', {});
    expect(dumpProject(db())).toEqual(after);
    await api.call('history.undo', {});
    expect(withoutBlobs(dumpProject(db()))).toEqual(withoutBlobs(before));
  });

  it('merges by GUID: NVivo 15’s codebook (exported from qc) matches the qc project’s codes', async () => {
    const { api, db } = await fresh();
    await api.call('refi.import', { source: { path: corpus('qc132_demo_interview.qdpx') } });
    const again = await api.call('refi.import', { source: { path: corpus('qc132_demo_interview.qdpx') } });
    expect(again.imported).toMatchObject({ codes: 0, documents: 0, codings: 0 });
    expect(again.matched).toMatchObject({ codes: 262, documents: 2, codings: 205 });
    expect(again.undoLabel).toBeNull();
    const nvivo = await api.call('refi.import', { source: { path: corpus('nvivo15mac_qc_project.qdpx') } });
    expect(nvivo.matched.codes).toBe(262);
    expect(nvivo.imported.codes).toBe(0);
    expect(count(db(), 'SELECT count(*) AS n FROM codes')).toBe(262);
  });

  it('refuses a file that is not a zip, not XML or not REFI, naming it', async () => {
    const { api, dir } = await fresh();
    const fake = path.join(dir, 'fake.qdpx');
    fs.writeFileSync(fake, 'just text');
    await expect(api.call('refi.import', { source: { path: fake } })).rejects.toThrow(/fake\.qdpx is not a zip archive/);
    const other = path.join(dir, 'other.qde');
    fs.writeFileSync(other, '<?xml version="1.0"?><Html/>');
    await expect(api.call('refi.import', { source: { path: other } })).rejects.toThrow(/root element is <Html>/);
  });

  it.each(['nvivo12win_hu_oltas0517.qdpx', 'nvivo15mac_qc_project.qdpx', 'qc132_demo_interview.qdpx', 'atlasti84mac_refi_standard_project.qdpx', 'atlasti23win_requal_valid.qdc'])(
    'what is imported from %s exports again as files valid against the schemas',
    async (name) => {
      const { api, dir } = await fresh();
      await api.call('refi.import', { source: { path: corpus(name) } });
      const qdpx = await api.call('refi.exportProject', { path: path.join(dir, 'out.qdpx') });
      const zip = await JSZip.loadAsync(fs.readFileSync(qdpx.path!));
      expect(xmllintErrors(await zip.file('project.qde')!.async('string'), 'project')).toBe('');
      const qdc = await api.call('refi.exportCodebook', { path: path.join(dir, 'out.qdc') });
      expect(xmllintErrors(fs.readFileSync(qdc.path!, 'utf8'), 'codebook')).toBe('');
    },
  );
});
