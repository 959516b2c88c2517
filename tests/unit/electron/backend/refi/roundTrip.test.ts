import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../../../shared/api/client';
import { parseRefiXml } from '../../../../../shared/refi/parse';
import { testBackend } from '../../../../support/backend';
import { writeFile } from '../../../../support/temp';
import { xmllintErrors } from '../../../../support/xmllint';

// A transcript as users have them: CRLF, speaker labels, emoji, æøå, « ».
const INGER = [
  'Intervjuer: Hva betyr innovasjon for deg?',
  'Inger: For meg er innovasjon «nyskapning» 👍 i kommunen.',
  'Det handler om å prøve nye ting 🎉🎉, og å tørre å feile.',
  'Intervjuer: Og i Bærum?',
  'Inger: Der prøver vi å dele erfaringer på tvers. Vi prøver igjen.',
].join('\r\n');
const NOTE = 'Møtereferat 12. mars\r\n\r\nKommunen vedtok en ny innovasjonsstrategi 🚀.\r\nÆrlig talt: ingen var uenige.';

/** A small project with every kind of object REFI-QDA can carry. */
async function buildProject(api: ApiClient, dir: string): Promise<void> {
  await api.call('projects.create', { path: path.join(dir, 'original'), levels: ['1. ordens kode', '2. ordens kode', '3. ordens kode'] });
  const bærum = await api.call('cases.create', { name: 'Bærum', code: 'B' });
  await api.call('cases.create', { name: 'Vestby', parentId: null });
  const imported = await api.call('documents.import', { sources: [{ path: writeFile(dir, 'Intervju Inger.txt', INGER) }], informant: 'Inger', case: 'Bærum' });
  const interview = imported.files[0]!.documentId!;
  const note = (await api.call('documents.import', { sources: [{ path: writeFile(dir, 'Møtereferat.txt', NOTE) }], kind: 'document' })).files[0]!.documentId!;
  await api.call('documents.update', { id: note, date: '2024-03-12', caseId: bærum.id, memo: 'Fra kommunens arkiv' });
  const text = (await api.call('documents.get', { id: interview })).text;
  const code = async (documentId: string, body: string, passage: string, target: { concept: string; theme?: string; dimension?: string }, coder = 'Kari') => {
    const start = body.indexOf(passage);
    return (await api.call('codings.create', { documentId, start, end: start + passage.length, code: target, coder })).coding;
  };
  const first = await code(interview, text, 'For meg er innovasjon «nyskapning» 👍', { concept: 'Nyskapning', theme: 'Innovasjon som begrep', dimension: 'Forståelse av innovasjon' });
  await api.call('codings.update', { id: first.id, representative: true, memo: 'Godt sitat 👍' });
  await code(interview, text, 'prøve nye ting 🎉🎉, og å tørre å feile', { concept: 'Prøving og feiling', theme: 'Eksperimentering', dimension: 'Innovasjonspraksis' });
  await code(interview, text, 'prøve nye ting 🎉🎉, og å tørre å feile', { concept: 'Nyskapning' }, 'Ola');
  await code(interview, text, 'Der prøver vi å dele erfaringer på tvers.', { concept: 'Deling på tvers', theme: 'Eksperimentering' });
  const noteText = (await api.call('documents.get', { id: note })).text;
  await code(note, noteText, 'ny innovasjonsstrategi 🚀', { concept: 'Strategi' });
  const loose = await api.call('codes.create', { label: 'Ikke plassert ennå', level: null, description: 'Kanskje et tema', color: '#cc79a7' });
  await api.call('codes.create', { label: 'Under-kode', level: null, parentId: loose.id });
  const theme = (await api.call('codes.list', {})).find((c) => c.label === 'Eksperimentering')!;
  await api.call('codes.update', { id: theme.id, memo: 'Tema-memo med æøå', heading: 'Eksperimentering i praksis' });
  const inger = (await api.call('informants.list', {})).find((i) => i.label === 'Inger')!;
  await api.call('informants.update', { id: inger.id, memo: 'Leder i kommunen', realName: 'Inger Hemmelig' });
  await api.call('project.update', { memo: 'Prosjektmemo: «Gioia» 📚' });
}

/** Everything the round trip must keep, by id, in a comparable shape. */
async function snapshot(api: ApiClient) {
  const documents = await api.call('documents.list', {});
  const full = await Promise.all(documents.map((d) => api.call('documents.get', { id: d.id })));
  const cases = await api.call('cases.list', {});
  const caseName = (id: string | null) => cases.find((c) => c.id === id)?.name ?? null;
  const informants = await api.call('informants.list', {});
  const codes = await api.call('codes.list', {});
  const codings = await api.call('codings.list', {});
  const project = await api.call('project.get', {});
  return {
    project: { levels: project.levels, memo: project.memo },
    documents: full.map((d) => ({
      id: d.id,
      title: d.title,
      kind: d.kind,
      text: d.text,
      date: d.date,
      memo: d.memo,
      case: caseName(d.caseId),
      usedInAnalysis: d.usedInAnalysis,
      turns: d.turns.map((t) => ({ start: t.start, end: t.end, speaker: d.speakers.find((s) => s.id === t.speakerId)?.label ?? null })),
      speakers: d.speakers.map((s) => ({ label: s.label, informant: informants.find((i) => i.id === s.informantId)?.label ?? null, role: s.role })),
    })),
    codes: codes.map((c) => ({ id: c.id, label: c.label, level: c.level, parentId: c.parentId, description: c.description, color: c.color, memo: c.memo, heading: c.heading, sortOrder: c.sortOrder })),
    codings: codings.map((c) => ({ id: c.id, documentId: c.documentId, codeId: c.codeId, start: c.start, end: c.end, quote: c.quote, memo: c.memo, representative: c.representative, status: c.status })),
    informants: informants.map((i) => ({ id: i.id, label: i.label, role: i.role, case: caseName(i.caseId), memo: i.memo })),
    cases: cases.map((c) => ({ id: c.id, name: c.name, code: c.code })),
  };
}

async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).sort()) out.set(name, await zip.file(name)!.async('nodebuffer'));
  return out;
}

describe('Stige → .qdpx → Stige', () => {
  it('writes files valid against the REFI-QDA schemas, and a new project read from them is the same project', async () => {
    const { api, dir } = testBackend({ coder: 'Kari' });
    await buildProject(api, dir);
    const before = await snapshot(api);
    const qdpx = path.join(dir, 'eksport.qdpx');
    const exported = await api.call('refi.exportProject', { path: qdpx });
    expect(exported.counts).toMatchObject({ documents: 2, codings: 5, codes: 10, users: 2 });
    const qdc = await api.call('refi.exportCodebook', { path: path.join(dir, 'kodebok') });
    expect(qdc.path).toBe(path.join(dir, 'kodebok.qdc'));
    const qdcXml = fs.readFileSync(qdc.path!, 'utf8');
    expect(xmllintErrors(qdcXml, 'codebook')).toBe('');

    const files = await unzip(qdpx);
    const qde = files.get('project.qde')!.toString('utf8');
    expect(xmllintErrors(qde, 'project')).toBe('');
    expect(qde).not.toContain('Inger Hemmelig');
    const interviewId = before.documents.find((d) => d.title === 'Intervju Inger')!.id;
    // The plain text other tools read has the speaker labels back in it, and the positions count code points.
    const plain = files.get(`sources/${interviewId}.txt`)!.toString('utf8');
    expect(plain.split('\n')[1]).toBe('Inger: For meg er innovasjon «nyskapning» 👍 i kommunen.');
    const parsed = parseRefiXml(qde, 'project.qde');
    const source = parsed.textSources.find((s) => s.guid === interviewId)!;
    const points = [...plain];
    const quotes = source.selections.map((s) => points.slice(s.start, s.end).join(''));
    expect(quotes).toContain('For meg er innovasjon «nyskapning» 👍');
    expect(quotes).toContain('prøve nye ting 🎉🎉, og å tørre å feile');
    // Levels are sets named by the project's level names; the graph has a vertex per placed code.
    expect(parsed.sets.map((s) => s.name)).toEqual(['3. ordens kode', '2. ordens kode', '1. ordens kode', 'Not yet placed']);
    expect(parsed.graphs[0]).toMatchObject({ name: 'Data structure', vertices: 8, edges: 5 });

    const second = testBackend({ coder: 'Kari' });
    await second.api.call('projects.create', { path: path.join(second.dir, 'kopi') });
    const report = await second.api.call('refi.import', { source: { path: qdpx } });
    expect(report).toMatchObject({ stigeData: true, conflicts: [], notImported: [] });
    expect(report.imported).toMatchObject({ documents: 2, codes: 10, codings: 5, informants: 1, cases: 2, users: 2 });
    const after = await snapshot(second.api);
    expect(after).toEqual(before);

    // Exporting the copy gives the same file.
    const again = path.join(second.dir, 'igjen.qdpx');
    await second.api.call('refi.exportProject', { path: again });
    const files2 = await unzip(again);
    expect([...files2.keys()]).toEqual([...files.keys()]);
    // Only the <Project> element's own attributes (the copy's name and creation time) may differ.
    const body = (xml: string) => xml.replace(/<Project [^>]*>/, '<Project>');
    expect(body(files2.get('project.qde')!.toString('utf8'))).toBe(body(qde));
    for (const [name, bytes] of files) if (name !== 'project.qde') expect(files2.get(name)!.equals(bytes), name).toBe(true);
  });

  it('importing the export into the original project matches everything and changes nothing', async () => {
    const { api, dir } = testBackend({ coder: 'Kari' });
    await buildProject(api, dir);
    const qdpx = path.join(dir, 'eksport.qdpx');
    await api.call('refi.exportProject', { path: qdpx });
    const before = await snapshot(api);
    const report = await api.call('refi.import', { source: { path: qdpx } });
    expect(report.imported).toEqual({ users: 0, codes: 0, documents: 0, codings: 0, informants: 0, cases: 0, memos: 0 });
    expect(report.matched).toMatchObject({ documents: 2, codes: 10, codings: 5 });
    expect(report.conflicts).toEqual([]);
    expect(report.undoLabel).toBeNull();
    expect(await snapshot(api)).toEqual(before);
  });

  it('lists conflicts (same GUID, different content), keeps the project’s version by default and takes the file’s on request', async () => {
    const { api, dir } = testBackend({ coder: 'Kari' });
    await buildProject(api, dir);
    const qdpx = path.join(dir, 'eksport.qdpx');
    await api.call('refi.exportProject', { path: qdpx });
    const code = (await api.call('codes.list', {})).find((c) => c.label === 'Nyskapning')!;
    await api.call('codes.update', { id: code.id, label: 'Nyskaping (omdøpt)' });
    const kept = await api.call('refi.import', { source: { path: qdpx } });
    expect(kept.conflicts).toEqual([{ kind: 'code', guid: code.id, label: 'Nyskaping (omdøpt)', fields: ['label'], resolution: 'kept' }]);
    expect((await api.call('codes.list', {})).find((c) => c.id === code.id)!.label).toBe('Nyskaping (omdøpt)');
    const preview = await api.call('refi.inspect', { source: { path: qdpx }, resolve: { [code.id]: 'replace' } });
    expect(preview.conflicts[0]!.resolution).toBe('replaced');
    const replaced = await api.call('refi.import', { source: { path: qdpx }, onConflict: 'replace' });
    expect(replaced.conflicts[0]!.resolution).toBe('replaced');
    expect((await api.call('codes.list', {})).find((c) => c.id === code.id)!.label).toBe('Nyskapning');
  });

  it('exports real names only when asked, and refuses to overwrite unless told to', async () => {
    const { api, dir } = testBackend({ coder: 'Kari' });
    await buildProject(api, dir);
    const qdpx = path.join(dir, 'navn.qdpx');
    await api.call('refi.exportProject', { path: qdpx, includeRealNames: true });
    expect((await unzip(qdpx)).get('project.qde')!.toString('utf8')).toContain('Inger Hemmelig');
    await expect(api.call('refi.exportProject', { path: qdpx })).rejects.toThrow(/already exists/);
    await api.call('refi.exportProject', { path: qdpx, overwrite: true });
  });
});
