import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { inProcess, overHttp, type Harness } from './harness';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

const QC = fs.readFileSync(path.resolve('../shared/corpus/refi/qc132_demo_interview.qdpx'));

/** Fetch a download the way the browser does (over HTTP) or take it from the backend (in-process). */
async function fetchDownload(h: Harness, url: string): Promise<{ status: number; bytes: Buffer; disposition: string | null }> {
  if ('host' in h) {
    const host = (h as Harness & { host: { origin: string; token: string } }).host;
    const response = await fetch(`${host.origin}${url}`, { headers: { 'X-Stige-Token': host.token } });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), disposition: response.headers.get('content-disposition') };
  }
  const taken = h.backend.downloads.take(url.replace('/api/download/', ''));
  return { status: 200, bytes: Buffer.from(taken.bytes), disposition: null };
}

describe.each([
  ['in-process', inProcess],
  ['http', overHttp],
] as const)('refi over %s', (_name, make) => {
  async function harness(): Promise<Harness> {
    const h = await make();
    harnesses.push(h);
    return h;
  }

  it('previews and imports an uploaded .qdpx, then exports it as a one-time download', async () => {
    const h = await harness();
    await h.api.call('projects.create', { path: h.projectPath('Prosjekt') });
    const source = await h.source('qc132_demo_interview.qdpx', QC);
    const preview = await h.api.call('refi.inspect', { source });
    expect(preview).toMatchObject({ dryRun: true, imported: { codings: 205 } });
    const report = await h.api.call('refi.import', { source, levels: { kind: 'depths', dimension: 1, theme: 2, concept: 3 } });
    expect(report).toMatchObject({ dryRun: false, imported: { codings: 205 }, levels: { placed: { dimension: 3, theme: 18, concept: 112 } } });

    const exported = await h.api.call('refi.exportProject', { download: true, fileName: 'Mitt prosjekt æøå' });
    expect(exported).toMatchObject({ path: null, fileName: 'Mitt prosjekt æøå.qdpx', downloadUrl: expect.stringMatching(/^\/api\/download\/[a-f0-9]{32}$/) });
    const first = await fetchDownload(h, exported.downloadUrl!);
    expect(first.status).toBe(200);
    expect(first.bytes.length).toBe(exported.bytes);
    const zip = await JSZip.loadAsync(first.bytes);
    expect(zip.file('project.qde')).not.toBeNull();
    if (h.name === 'http') {
      expect(first.disposition).toContain("filename*=UTF-8''Mitt%20prosjekt%20%C3%A6%C3%B8%C3%A5.qdpx");
      expect((await fetchDownload(h, exported.downloadUrl!)).status).toBe(404);
    } else {
      expect(() => h.backend.downloads.take(exported.downloadUrl!.replace('/api/download/', ''))).toThrow(AppError);
    }
  });

  it('writes exports to a path, inside the projects folder over HTTP', async () => {
    const h = await harness();
    await h.api.call('projects.create', { path: h.projectPath('Prosjekt') });
    await h.api.call('codes.create', { label: 'Begrep', level: 1 });
    const written = await h.api.call('refi.exportCodebook', { path: h.projectPath('kodebok') });
    expect(fs.readFileSync(written.path!, 'utf8')).toContain('name="Begrep"');
    if (h.name === 'http') {
      await expect(h.api.call('refi.exportProject', { path: '../utenfor.qdpx' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('the devhost download endpoint', () => {
  it('needs the token and serves a download only once', async () => {
    const h = await overHttp();
    harnesses.push(h);
    await h.api.call('projects.create', { path: 'p' });
    await h.api.call('codes.create', { label: 'Begrep', level: 1 });
    const { downloadUrl } = await h.api.call('refi.exportCodebook', { download: true });
    expect((await fetch(`${h.host.origin}${downloadUrl}`)).status).toBe(401);
    const ok = await fetch(`${h.host.origin}${downloadUrl}`, { headers: { 'X-Stige-Token': h.host.token } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<CodeBook');
    expect((await fetch(`${h.host.origin}/api/download/${'0'.repeat(32)}`, { headers: { 'X-Stige-Token': h.host.token } })).status).toBe(404);
  });
});
