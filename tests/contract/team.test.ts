import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/api/errors';
import { inProcess, overHttp, type Harness } from './harness';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

const INTERVIEW = 'Intervjuer: Hva er innovasjon?\nInger: «Nye løsninger på samfunnsutfordringer» 👍 og å dele erfaringer.\nIntervjuer: Takk.';

describe.each([
  ['in-process', inProcess],
  ['http', overHttp],
] as const)('team scenarios %s', (_name, make) => {
  it('hands out a copy, merges it back and compares the coders', async () => {
    const h = await make();
    harnesses.push(h);
    const { api, projectPath, source } = h;
    await api.call('projects.create', { path: projectPath('team') });
    const report = await api.call('documents.import', { sources: [await source('Inger.txt', INTERVIEW)], informant: 'Inger' });
    const documentId = report.files[0]!.documentId!;
    const { text } = await api.call('documents.get', { id: documentId });
    const range = (passage: string) => ({ start: text.indexOf(passage), end: text.indexOf(passage) + passage.length });
    await api.call('codings.create', { documentId, ...range('«Nye løsninger på samfunnsutfordringer»'), code: { concept: 'Nye løsninger' }, coder: 'Ola' });

    const handout = await api.call('team.handout', { path: projectPath('kopi for Kari'), coder: 'Kari', blind: true });
    expect(handout).toMatchObject({ coder: 'Kari', blind: true, codings: 0, omittedCodings: 1 });
    if (h.name === 'http') {
      // Over HTTP, files outside the data folder are out of reach.
      const outside = await api.call('team.handout', { path: '../utenfor.stige', coder: 'Kari' }).catch((e: unknown) => e);
      expect((outside as AppError).code).toBe('FORBIDDEN');
    }

    // Kari codes in her copy (opened in this backend for brevity), then the lead merges it back.
    const main = (await api.call('project.get', {})).path;
    await api.call('projects.open', { path: projectPath('kopi for Kari.stige') });
    await api.call('codings.create', { documentId, ...range('«Nye løsninger på samfunnsutfordringer» 👍'), code: { concept: 'Nye løsninger' } });
    await api.call('projects.open', { path: h.name === 'http' ? 'team.stige' : main });
    const merged = await api.call('team.mergeApply', { path: projectPath('kopi for Kari.stige') });
    expect(merged.counts.codings.added).toBe(1);
    expect(merged.conflicts).toEqual([]);

    const coders = await api.call('team.coders', {});
    const ids = ['Kari', 'Ola'].map((name) => coders.find((c) => c.name === name)!.id);
    const agreement = await api.call('team.agreement', { coderIds: ids });
    expect(agreement.rows.map((r) => [r.label, r.coded])).toEqual([['Nye løsninger', ['«Nye løsninger på samfunnsutfordringer» 👍'.length, '«Nye løsninger på samfunnsutfordringer»'.length]]]);
    const disagreements = await api.call('team.disagreements', { coderIds: ids });
    expect(disagreements.items).toHaveLength(1);
    const item = disagreements.items[0]!;
    await api.call('team.resolve', { documentId, start: item.start, end: item.end, coderIds: ids, codeIds: [item.codes[0]!.id], action: { kind: 'accept', coderId: ids[1]! } });
    expect((await api.call('team.disagreements', { coderIds: ids })).total).toBe(0);

    // Browser mode: the report comes back inline to be downloaded.
    const inline = await api.call('team.exportAgreement', { coderIds: ids, inline: true, format: 'csv' });
    expect(inline.path).toBeNull();
    expect(Buffer.from(inline.file.data!, 'base64').toString('utf8')).toContain('Nye løsninger');
    await expect(api.call('team.exportAgreement', { coderIds: ids, format: 'csv' } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('counts only one coder’s codings in the data-structure figure when asked (blind coding)', async () => {
    const h = await make();
    harnesses.push(h);
    const { api, projectPath, source } = h;
    await api.call('projects.create', { path: projectPath('blind figure') });
    const report = await api.call('documents.import', { sources: [await source('Inger.txt', INTERVIEW)], informant: 'Inger' });
    const documentId = report.files[0]!.documentId!;
    const { text } = await api.call('documents.get', { id: documentId });
    const at = (passage: string) => ({ start: text.indexOf(passage), end: text.indexOf(passage) + passage.length });
    const code = { concept: 'Nye løsninger', theme: 'Fornyelse', dimension: 'Innovasjon' };
    await api.call('codings.create', { documentId, ...at('«Nye løsninger på samfunnsutfordringer»'), code, coder: 'Ola' });
    await api.call('codings.create', { documentId, ...at('å dele erfaringer'), code, coder: 'Ola' });
    await api.call('codings.create', { documentId, ...at('«Nye løsninger'), code, coder: 'Kari' });
    const kari = (await api.call('team.coders', {})).find((c) => c.name === 'Kari')!.id;
    const concept = (tree: Awaited<ReturnType<typeof api.call<'structure.tree'>>>) => tree.dimensions[0]!.themes[0]!.concepts[0]!;

    expect(concept(await api.call('structure.tree', {})).codings).toBe(3);
    expect(concept(await api.call('structure.tree', { coderId: kari })).codings).toBe(1);
    const figure = await api.call('structure.layout', { coderId: kari, options: { counts: 'codings' } });
    expect(JSON.stringify(figure)).toContain('1 coding');
    expect(JSON.stringify(figure)).not.toContain('3 codings');
    await expect(api.call('structure.tree', { coderId: 'ingen-slik-koder' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('hands out a copy for download and merges a coder’s copy given as an upload', async () => {
    const h = await make();
    harnesses.push(h);
    const { api, projectPath, source } = h;
    await api.call('projects.create', { path: projectPath('lag') });
    const report = await api.call('documents.import', { sources: [await source('Inger.txt', INTERVIEW)], informant: 'Inger' });
    const documentId = report.files[0]!.documentId!;
    const handout = await api.call('team.handout', { path: projectPath('Ola sin kopi'), coder: 'Ola', blind: true, download: true });
    expect(handout.file?.name).toBe('Ola sin kopi.stige');
    const bytes = Buffer.from(handout.file!.data!, 'base64');
    expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');

    // Ola codes his copy; the lead gets it back as a file (uploaded in a browser) and merges it.
    const main = (await api.call('project.get', {})).path;
    await api.call('projects.open', { path: projectPath('Ola sin kopi.stige') });
    await api.call('codings.create', { documentId, start: 0, end: 10, code: { concept: 'Spørsmål' } });
    await api.call('projects.close', {});
    const coded = await source('Ola sin kopi.stige', new Uint8Array(fs.readFileSync(handout.path)));
    await api.call('projects.open', { path: h.name === 'http' ? 'lag.stige' : main });
    const preview = await api.call('team.mergePreview', coded);
    expect(preview.counts.codings.added).toBe(1);
    const merged = await api.call('team.mergeApply', coded);
    expect(merged.label).toBe('Merge “Ola sin kopi.stige” (Ola)');
    expect((await api.call('codings.list', { documentId })).length).toBe(1);
  });
});
