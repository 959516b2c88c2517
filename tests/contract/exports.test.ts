import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDraftDocx } from '../support/draftDocx';
import { inProcess, overHttp, type Harness } from './harness';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

const INTERVIEW = 'Intervjuer: Hva er innovasjon?\nInger: Nye løsninger på samfunnsutfordringer 👍 i Bærum.\nIntervjuer: Takk.';

/** A project with one starred quote from Inger (Bærum), built through the harness's transport. */
async function project(h: Harness): Promise<void> {
  await h.api.call('projects.create', { path: h.projectPath('Oppgåve'), levels: ['1. ordens kode', '2. ordens kode', '3. ordens kode'] });
  const report = await h.api.call('documents.import', { sources: [await h.source('Inger.txt', INTERVIEW)], informant: 'Inger', case: 'Bærum' });
  const documentId = report.files[0]!.documentId!;
  const { text } = await h.api.call('documents.get', { id: documentId });
  const start = text.indexOf('Nye');
  await h.api.call('codings.create', {
    documentId,
    start,
    end: text.indexOf(' i Bærum'),
    code: { concept: 'Nye løsninger', theme: 'Innovasjon som begrep', dimension: 'Forståelse' },
    representative: true,
  });
}

describe.each([
  ['in-process', inProcess],
  ['http', overHttp],
] as const)('exports %s', (_name, make) => {
  async function harness(): Promise<Harness> {
    const h = await make();
    harnesses.push(h);
    return h;
  }

  it('previews, exports to a path and logs the export the same way', async () => {
    const h = await harness();
    await project(h);
    await h.api.call('exports.updateSettings', { quotes: { caption: 'Tabell {n}: Sitater om {dimension}', marks: 'guillemets' } });
    const preview = await h.api.call('exports.quotePreview', {});
    expect(preview.model.tables[0]!.rows[0]!.quotes[0]!.display).toBe('«Nye løsninger på samfunnsutfordringer 👍» (Inger)');
    const result = await h.api.call('exports.quoteTable', { format: 'docx', path: h.projectPath('Tabell 1.docx') });
    expect(result).toMatchObject({ fileName: 'Tabell 1.docx', tables: 1, rows: 1, warnings: [], downloadId: null });
    expect(fs.existsSync(result.path!)).toBe(true);
    expect(await h.api.call('exports.log', {})).toMatchObject([{ fileName: 'Tabell 1.docx', kind: 'quotes', quotes: 1 }]);
    const second = await h.api.call('exports.quoteTable', { format: 'md', path: h.projectPath('t.md'), options: { attribution: 'case', names: { case: 'Informant fra {case}' } } });
    expect(second.warnings.map((w) => w.kind)).toEqual(['attribution-conflict']);
  });

  it('checks a draft sent as a path or an upload', async () => {
    const h = await harness();
    await project(h);
    const draft = await makeDraftDocx([{ text: 'Hun sier «Nye løsninger på samfunnsutfordringer» (Inger) om Inger i Bærum.' }]);
    const report = await h.api.call('exports.checkDraft', { source: await h.source('Utkast.docx', draft) });
    expect(report.findings.map((f) => f.kind)).toEqual(['pseudonym-with-case']);
    expect(report.quotes).toHaveLength(1);
  });
});

describe('downloads over HTTP', () => {
  it('hands an export made without a path to the browser once, behind the token', async () => {
    const h = await overHttp();
    harnesses.push(h);
    await project(h);
    const result = await h.api.call('exports.quoteTable', { format: 'docx', fileName: 'Sitater – Bærum' });
    expect(result).toMatchObject({ path: null, fileName: 'Sitater – Bærum.docx' });
    const url = `${h.host.origin}/api/download/${result.downloadId}`;
    expect((await fetch(url)).status).toBe(401);
    const response = await fetch(url, { headers: { 'X-Stige-Token': h.host.token } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Sitater _ B_rum.docx"; filename*=UTF-8''${encodeURIComponent('Sitater – Bærum.docx')}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.byteLength).toBe(result.bytes);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Nye løsninger på samfunnsutfordringer 👍');
    const again = await fetch(url, { headers: { 'X-Stige-Token': h.host.token } });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await fetch(`${h.host.origin}/api/download/nonsense`, { headers: { 'X-Stige-Token': h.host.token } })).status).toBe(404);
    expect((await fetch(url, { method: 'POST', headers: { 'X-Stige-Token': h.host.token } })).status).toBe(405);
  });

  it('keeps export paths inside the data folder', async () => {
    const h = await overHttp();
    harnesses.push(h);
    await project(h);
    await expect(h.api.call('exports.quoteTable', { format: 'csv', path: '../utenfor.csv' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.api.call('exports.quoteTable', { format: 'csv', path: path.resolve('/tmp/utenfor.csv') })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.api.call('exports.checkDraft', { source: { path: '../utkast.docx' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
