import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/api/errors';
import { testBackend } from '../../../../support/backend';
import { writeFile } from '../../../../support/temp';

const CORPUS = path.resolve('../shared/corpus/transcripts');

async function imported(file: string, extra: Record<string, unknown> = {}) {
  const { api, dir } = testBackend();
  await api.call('projects.create', { path: path.join(dir, 'p.stige') });
  const report = await api.call('documents.import', { sources: [{ path: file }], ...extra });
  const documentId = report.files[0]!.documentId!;
  return { api, dir, documentId };
}

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('the Speakers step: list, map, rename, split, merge', () => {
  it('lists speakers in order of appearance with turn counts, samples and first times', async () => {
    const { api, documentId } = await imported(path.join(CORPUS, 'teams_premium.vtt'));
    const list = await api.call('speakers.list', { documentId });
    expect(list.map((s) => [s.speaker.label, s.turnCount, s.sample, s.firstTimeMs, s.informantLabel])).toEqual([
      ['Charles', 5, "I'm 10123.\nHi I'm heading off. OK. Lovely. See you later.", 6620, null],
      ['Janaki', 5, 'Now.', 430_310, null],
    ]);
    const doc = await api.call('documents.get', { id: documentId });
    expect(list[0]!.firstTurnId).toBe(doc.turns[0]!.id);
  });

  it('maps speakers to new or existing informants (in the document’s case) and to the interviewer role, renaming once for every turn', async () => {
    const { api, documentId } = await imported(path.join(CORPUS, 'noscribe_de_interview.vtt'), { case: 'Hamburg' });
    const [s01, s02, s00] = (await api.call('speakers.list', { documentId })).map((s) => s.speaker);
    expect([s01!.label, s02!.label, s00!.label]).toEqual(['S01', 'S02', 'S00']);
    await api.call('speakers.update', { id: s00!.id, informantLabel: 'Heikedine', label: 'Heikedine Körting' });
    await api.call('speakers.update', { id: s01!.id, role: 'interviewer' });
    const kjell = await api.call('informants.create', { label: 'Kjell' });
    await api.call('speakers.update', { id: s02!.id, informantId: kjell.id });
    const list = await api.call('speakers.list', { documentId });
    expect(list.map((s) => [s.speaker.label, s.informantLabel, s.speaker.role])).toEqual([
      ['S01', null, 'interviewer'],
      ['S02', 'Kjell', 'informant'],
      ['Heikedine Körting', 'Heikedine', 'informant'],
    ]);
    const informants = await api.call('informants.list', {});
    const cases = await api.call('cases.list', {});
    expect(informants.find((i) => i.label === 'Heikedine')!.caseId).toBe(cases.find((c) => c.name === 'Hamburg')!.id);
    const summary = await api.call('project.summary', {});
    expect(summary.documents[0]!.speakers).toEqual([
      { label: 'S01', turns: 45, informant: null },
      { label: 'S02', turns: 6, informant: 'Kjell' },
      { label: 'Heikedine Körting', turns: 45, informant: 'Heikedine' },
    ]);
    expect((await rejection(api.call('speakers.update', { id: s02!.id, informantId: kjell.id, informantLabel: 'X' }))).code).toBe('VALIDATION');
  });

  it('splits a file without speakers: assign turns to a new speaker, to an existing one, to nobody; split a turn at a paragraph; undo each step', async () => {
    const { api, dir } = testBackend();
    await api.call('projects.create', { path: path.join(dir, 'p.stige') });
    const file = writeFile(dir, 'notat.txt', 'Hva gjør dere?\nVi prøver nye ting.\nHvordan?\nSammen med «innbyggerne» 👍.\nMed alle.');
    const report = await api.call('documents.import', { sources: [{ path: file }] });
    const documentId = report.files[0]!.documentId!;
    let doc = await api.call('documents.get', { id: documentId });
    expect(doc.speakers.map((s) => s.label)).toEqual(['Unnamed speaker']);
    expect(doc.turns).toHaveLength(5);
    const unnamed = doc.speakers[0]!;

    const assigned = await api.call('turns.assign', { turnIds: [doc.turns[1]!.id, doc.turns[3]!.id], newSpeaker: { label: 'Inger' } });
    expect(assigned.speaker!.label).toBe('Inger');
    expect(assigned.turns.map((t) => t.speakerId)).toEqual([assigned.speaker!.id, assigned.speaker!.id]);
    expect((await api.call('history.state', {})).undoLabel).toBe('Assign 2 turns to “Inger”');
    await api.call('speakers.update', { id: unnamed.id, label: 'Intervjuer', role: 'interviewer' });
    await api.call('turns.assign', { turnIds: [doc.turns[4]!.id], speakerId: assigned.speaker!.id });
    doc = await api.call('documents.get', { id: documentId });
    const label = (id: string | null) => doc.speakers.find((s) => s.id === id)?.label ?? null;
    expect(doc.turns.map((t) => label(t.speakerId))).toEqual(['Intervjuer', 'Inger', 'Intervjuer', 'Inger', 'Inger']);

    // The text never changes: labels live in turns.
    expect(doc.text).toBe('Hva gjør dere?\nVi prøver nye ting.\nHvordan?\nSammen med «innbyggerne» 👍.\nMed alle.');
    await api.call('turns.assign', { turnIds: [doc.turns[0]!.id], speakerId: null });
    expect((await api.call('documents.get', { id: documentId })).turns[0]!.speakerId).toBeNull();
    await api.call('history.undo', {});
    expect((await api.call('documents.get', { id: documentId })).turns[0]!.speakerId).toBe(unnamed.id);

    // Merge Inger into the interviewer, then undo it.
    const merged = await api.call('speakers.merge', { id: assigned.speaker!.id, intoId: unnamed.id });
    expect(merged.id).toBe(unnamed.id);
    expect((await api.call('speakers.list', { documentId })).map((s) => [s.speaker.label, s.turnCount])).toEqual([['Intervjuer', 5]]);
    expect((await api.call('history.undo', {})).state.canUndo).toBe(true);
    expect((await api.call('speakers.list', { documentId })).map((s) => [s.speaker.label, s.turnCount])).toEqual([['Intervjuer', 2], ['Inger', 3]]);
  });

  it('splits a multi-paragraph turn only at a paragraph start, keeping its times at both ends', async () => {
    const { api, documentId } = await imported(path.join(CORPUS, 'ohd_transcript_de.vtt'));
    const doc = await api.call('documents.get', { id: documentId });
    const ab = doc.turns[1]!;
    const at = doc.text.indexOf('\n', ab.start) + 1;
    const bad = await rejection(api.call('turns.split', { turnId: ab.id, at: at + 1 }));
    expect(bad).toEqual({ code: 'VALIDATION', message: `A turn can only be split where one of its paragraphs starts (offset ${at + 1} is not a paragraph start inside [${ab.start}, ${ab.end}))` });
    const [first, second] = await api.call('turns.split', { turnId: ab.id, at });
    expect([first.start, first.end, first.timeStartMs, first.timeEndMs]).toEqual([ab.start, at - 1, ab.timeStartMs, null]);
    expect([second.start, second.end, second.timeStartMs, second.timeEndMs]).toEqual([at, ab.end, null, ab.timeEndMs]);
    expect(second.speakerId).toBe(ab.speakerId);
    const moved = await api.call('turns.assign', { turnIds: [second.id], newSpeaker: { label: 'Dolmetscher' } });
    expect(moved.turns[0]!.start).toBe(at);
    const after = await api.call('speakers.list', { documentId });
    expect(after.map((s) => [s.speaker.label, s.turnCount])).toEqual([['INT', 2], ['AB', 1], ['Dolmetscher', 1]]);
  });

  it('refuses what would mix documents or lose turns, changing nothing', async () => {
    const { api, dir, documentId } = await imported(path.join(CORPUS, 'teams_premium.vtt'));
    const other = (await api.call('documents.import', { sources: [{ path: path.join(CORPUS, 'teams_classic_lorem.vtt') }] })).files[0]!.documentId!;
    const [charles, janaki] = (await api.call('speakers.list', { documentId })).map((s) => s.speaker);
    const [foreign] = (await api.call('speakers.list', { documentId: other })).map((s) => s.speaker);
    const doc = await api.call('documents.get', { id: documentId });
    const otherDoc = await api.call('documents.get', { id: other });
    const state = await api.call('history.state', {});
    expect(await rejection(api.call('speakers.merge', { id: charles!.id, intoId: foreign!.id }))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/different documents/) });
    expect(await rejection(api.call('speakers.merge', { id: charles!.id, intoId: charles!.id }))).toMatchObject({ code: 'CONFLICT' });
    expect(await rejection(api.call('turns.assign', { turnIds: [doc.turns[0]!.id, otherDoc.turns[0]!.id], speakerId: janaki!.id }))).toMatchObject({ code: 'CONFLICT' });
    expect(await rejection(api.call('turns.assign', { turnIds: [doc.turns[0]!.id], speakerId: foreign!.id }))).toMatchObject({ code: 'CONFLICT' });
    expect(await rejection(api.call('turns.assign', { turnIds: [doc.turns[0]!.id] }))).toMatchObject({ code: 'VALIDATION' });
    expect(await rejection(api.call('speakers.delete', { id: janaki!.id }))).toEqual({ code: 'CONFLICT', message: '“Janaki” still speaks in 5 turns; assign them to another speaker or merge it first' });
    expect(await rejection(api.call('turns.split', { turnId: 'nope', at: 1 }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await api.call('history.state', {})).toEqual(state);
    const extra = await api.call('speakers.create', { documentId, label: 'Observatør' });
    expect(await api.call('speakers.delete', { id: extra.id })).toBeNull();
    expect(dir).toBeTruthy();
  });

  it('edits document metadata: date, duration, case, used in analysis', async () => {
    const { api, documentId } = await imported(path.join(CORPUS, 'zoom_meeting001.vtt'));
    const before = (await api.call('documents.list', {}))[0]!;
    expect(before.durationMs).toBe(3_341_970);
    const place = await api.call('cases.create', { name: 'Asker' });
    const updated = await api.call('documents.update', { id: documentId, date: '2024-03-01', durationMs: 3_300_000, caseId: place.id, usedInAnalysis: false });
    expect(updated).toMatchObject({ date: '2024-03-01', durationMs: 3_300_000, caseId: place.id, usedInAnalysis: false, sourceName: 'zoom_meeting001.vtt', sourceFormat: 'vtt' });
  });
});
