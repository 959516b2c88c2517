import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { inProcess, overHttp, type Harness } from './harness';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

const INTERVIEW = 'Intervjuer: Hva er innovasjon?\nInger: «Nye løsninger på samfunnsutfordringer» 👍\nIntervjuer: Takk.';

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe.each([
  ['in-process', inProcess],
  ['http', overHttp],
] as const)('contract scenarios %s', (_name, make) => {
  async function harness(): Promise<Harness> {
    const h = await make();
    harnesses.push(h);
    return h;
  }

  it('creates a project, imports a transcript, codes it and reads it back', async () => {
    const { api, projectPath, source } = await harness();
    const project = await api.call('projects.create', { path: projectPath('Oppgåve'), levels: ['1. ordens kode', '2. ordens kode', '3. ordens kode'] });
    expect(project.name).toBe('Oppgåve');
    const report = await api.call('documents.import', { sources: [await source('Inger.txt', INTERVIEW)], informant: 'Inger', case: 'Bærum' });
    expect(report.files).toMatchObject([{ name: 'Inger.txt', status: 'imported', speakers: [{ label: 'Intervjuer', turns: 2 }, { label: 'Inger', turns: 1 }] }]);
    const documentId = report.files[0]!.documentId!;
    const doc = await api.call('documents.get', { id: documentId });
    expect(doc.text).toBe('Hva er innovasjon?\n«Nye løsninger på samfunnsutfordringer» 👍\nTakk.');
    const start = doc.text.indexOf('«');
    const end = doc.text.indexOf('👍') + 2;
    const { coding, createdCodes } = await api.call('codings.create', {
      documentId,
      start,
      end,
      code: { concept: 'Nye løsninger', theme: 'Innovasjon som begrep', dimension: 'Forståelse' },
    });
    expect(coding.quote).toBe('«Nye løsninger på samfunnsutfordringer» 👍');
    expect(createdCodes.map((c) => c.level)).toEqual([3, 2, 1]);
    const summary = await api.call('project.summary', {});
    expect(summary.codes).toEqual({ concept: 1, theme: 1, dimension: 1, total: 3 });
    expect(summary.informants).toMatchObject([{ label: 'Inger', case: 'Bærum' }]);
    const state = await api.call('history.state', {});
    expect(state.undoLabel).toMatch(/^Code “«Nye løsninger/);
  });

  it('imports a Teams transcript and a renamed image, reports progress, and runs the Speakers step', async () => {
    const { api, projectPath, source, events } = await harness();
    await api.call('projects.create', { path: projectPath('speakers') });
    const vtt = 'WEBVTT\r\n\r\n00:00:01.000 --> 00:00:03.000\r\n<v Hansen, Inger>Hei, og «velkommen» 👋</v>\r\n\r\n00:00:03.500 --> 00:00:05.000\r\n<v Berg, Kjell>Takk.</v>\r\n';
    const report = await api.call('documents.import', {
      sources: [await source('møte.vtt', vtt), await source('bilde.docx', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))],
    });
    expect(report.files.map((f) => [f.name, f.status])).toEqual([['møte.vtt', 'imported'], ['bilde.docx', 'failed']]);
    expect(report.files[1]!.reason).toBe('bilde.docx is a PNG image, not a transcript or document (despite its “.docx” name)');
    const progress = events().filter((e) => e.type === 'import.progress').map((e) => (e.type === 'import.progress' ? `${e.name}:${e.phase}` : ''));
    expect(progress).toContain('møte.vtt:done');
    expect(progress).toContain('bilde.docx:failed');
    const documentId = report.files[0]!.documentId!;
    const [inger, kjell] = (await api.call('speakers.list', { documentId })).map((s) => s.speaker);
    await api.call('speakers.update', { id: inger!.id, informantLabel: 'Inger' });
    await api.call('speakers.update', { id: kjell!.id, role: 'interviewer' });
    const doc = await api.call('documents.get', { id: documentId });
    expect(doc.text).toBe('Hei, og «velkommen» 👋\nTakk.');
    expect(doc.turns.map((t) => [t.timeStartMs, t.timeEndMs])).toEqual([[1000, 3000], [3500, 5000]]);
    const split = await api.call('turns.assign', { turnIds: [doc.turns[1]!.id], newSpeaker: { label: 'Ukjent' } });
    expect(split.speaker!.label).toBe('Ukjent');
    expect((await api.call('speakers.list', { documentId })).map((s) => [s.speaker.label, s.informantLabel, s.turnCount])).toEqual([
      ['Hansen, Inger', 'Inger', 1],
      ['Ukjent', null, 1],
      ['Berg, Kjell', null, 0],
    ]);
    const error = await rejection(api.call('speakers.delete', { id: inger!.id }));
    expect(error.code).toBe('CONFLICT');
    expect(await api.call('speakers.delete', { id: kjell!.id })).toBeNull();
  });

  it('enforces the Gioia rules and reports the reason', async () => {
    const { api, projectPath } = await harness();
    await api.call('projects.create', { path: projectPath('rules') });
    const dimension = await api.call('codes.create', { label: 'Dimensjon', level: 3 });
    const concept = await api.call('codes.create', { label: 'Begrep', level: 1 });
    const error = await rejection(api.call('codes.move', { ids: [concept.id], parentId: dimension.id }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/concept belongs under a second-order theme/);
    const theme = await api.call('codes.create', { label: 'Tema', level: 2, parentId: dimension.id });
    const moved = await api.call('codes.move', { ids: [concept.id], parentId: theme.id });
    expect(moved[0]!.parentId).toBe(theme.id);
    expect((await rejection(api.call('codes.move', { ids: [dimension.id], parentId: theme.id }))).code).toBe('CONFLICT');
  });

  it('searches with folding, codes every hit, edits the text and reviews, with memos', async () => {
    const { api, projectPath, source } = await harness();
    await api.call('projects.create', { path: projectPath('arbeidsflate') });
    const report = await api.call('documents.import', { sources: [await source('Inger.txt', INTERVIEW)], informant: 'Inger', case: 'Bærum' });
    const documentId = report.files[0]!.documentId!;
    const found = await api.call('search.text', { query: 'losninger' });
    expect(found.hits).toMatchObject([{ documentId, match: 'løsninger', before: 'Hva er innovasjon?\n«Nye ', after: ' på samfunnsutfordringer» 👍\nTakk.' }]);
    const coded = await api.call('codings.createMany', { code: { concept: 'Løsninger', theme: 'Innovasjon' }, ranges: found.hits.map((h) => ({ documentId, start: h.start, end: h.end })) });
    expect(coded.codings.map((c) => c.quote)).toEqual(['løsninger']);
    const theme = coded.createdCodes.find((c) => c.level === 2)!;
    expect((await api.call('codings.segments', { codeId: theme.id })).map((s) => [s.coding.quote, s.informants.map((i) => i.label), s.cases])).toEqual([['løsninger', ['Inger'], ['Bærum']]]);
    const edit = await api.call('documents.editText', { id: documentId, edits: [{ start: found.hits[0]!.start, end: found.hits[0]!.start + 3, text: 'Løs' }] });
    expect(edit.changed).toBe(1);
    expect(await api.call('codings.needingReview', {})).toMatchObject([{ currentText: 'Løsninger', coding: { quote: 'løsninger', status: 'changed' } }]);
    await api.call('memos.create', { title: 'Tanke', body: 'Om «løsninger» 👍' });
    expect((await api.call('memos.list', {})).map((m) => m.body)).toEqual(['Om «løsninger» 👍']);
    expect((await api.call('history.undo', {})).done?.label).toBe('New memo “Tanke”');
  });

  it('returns NOT_FOUND and VALIDATION envelopes the same way', async () => {
    const { api, projectPath } = await harness();
    await api.call('projects.create', { path: projectPath('errors') });
    expect((await rejection(api.call('documents.get', { id: 'missing' }))).code).toBe('NOT_FOUND');
    expect((await rejection(api.call('codes.create', { label: '', level: 1 }))).code).toBe('VALIDATION');
    expect((await rejection(api.call('projects.open', { path: projectPath('nope.stige') }))).code).toBe('NOT_FOUND');
  });

  it('announces changes as events', async () => {
    const { api, projectPath, events, name } = await harness();
    await api.call('projects.create', { path: projectPath('events') });
    await api.call('codes.create', { label: 'Begrep', level: 1 });
    // Over HTTP the client names itself, so it can recognise its own changes.
    const origin = name === 'http' ? expect.stringMatching(/^c[a-z0-9]+$/) : null;
    expect(events()).toContainEqual({ type: 'changed', tables: expect.arrayContaining(['codes']), label: 'Create “Begrep”', origin });
  });
});

describe('the devhost', () => {
  it('binds to 127.0.0.1 only', async () => {
    const h = await overHttp();
    harnesses.push(h);
    expect(h.host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      await expect(fetch(`http://${external.address}:${h.host.port}/api/invoke`)).rejects.toThrow();
    }
  });

  it('refuses requests without the token, with a wrong token, or with a foreign Host', async () => {
    const h = await overHttp();
    harnesses.push(h);
    const body = JSON.stringify({ method: 'app.status', args: {} });
    const post = (headers: Record<string, string>) =>
      fetch(`${h.host.origin}/api/invoke`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    expect((await post({})).status).toBe(401);
    expect((await post({ 'X-Stige-Token': 'wrong' })).status).toBe(401);
    expect((await post({ Cookie: 'stige_token=wrong' })).status).toBe(401);
    expect((await post({ 'X-Stige-Token': h.host.token })).status).toBe(200);
    expect((await fetch(`${h.host.origin}/`)).status).toBe(401);
    expect((await fetch(`${h.host.origin}/api/events`)).status).toBe(401);
    const http = await import('node:http');
    const foreignHost = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port: h.host.port, path: '/', headers: { Host: 'evil.example', 'X-Stige-Token': h.host.token } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
    });
    expect(foreignHost).toBe(403);
    const foreignOrigin = await post({ 'X-Stige-Token': h.host.token, Origin: 'http://evil.example' });
    expect(foreignOrigin.status).toBe(403);
  });

  it('trades the token in the URL for an HttpOnly SameSite cookie', async () => {
    const h = await overHttp();
    harnesses.push(h);
    const first = await fetch(h.host.url, { redirect: 'manual' });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const withCookie = await fetch(`${h.host.origin}/api/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie.split(';')[0]! },
      body: JSON.stringify({ method: 'app.status', args: {} }),
    });
    expect(withCookie.status).toBe(200);
  });

  it('rejects non-JSON bodies and unknown endpoints with envelopes', async () => {
    const h = await overHttp();
    harnesses.push(h);
    const headers = { 'X-Stige-Token': h.host.token };
    const notJson = await fetch(`${h.host.origin}/api/invoke`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{nope' });
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const formPost = await fetch(`${h.host.origin}/api/invoke`, { method: 'POST', headers: { ...headers, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(formPost.status).toBe(415);
    const unknown = await fetch(`${h.host.origin}/api/nothing`, { headers });
    expect(unknown.status).toBe(404);
  });

  it('streams events over SSE', async () => {
    const h = await overHttp();
    harnesses.push(h);
    const response = await fetch(`${h.host.origin}/api/events`, { headers: { 'X-Stige-Token': h.host.token } });
    const reader = response.body!.getReader();
    await h.api.call('projects.create', { path: 'sse' });
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('"type":"project"')) text += decoder.decode((await reader.read()).value);
    expect(text).toMatch(/data: \{"type":"project","open":true\}/);
    await reader.cancel();
  });
});
