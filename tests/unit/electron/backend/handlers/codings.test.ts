import { describe, expect, it } from 'vitest';
import { dumpProject } from '../../../../support/dump';
import { rejection, workspace, type Workspace } from '../../../../support/workspace';

async function code(w: Workspace, doc: string, passage: string, concept: string, theme?: string, occurrence = 1) {
  const range = await w.range(doc, passage, occurrence);
  return (await w.api.call('codings.create', { documentId: doc, ...range, code: theme ? { concept, theme } : { concept } })).coding;
}

/** Undo the latest step and check the database is as before it; redo and check it is as after. */
async function undoRedo(w: Workspace, before: unknown, after: unknown) {
  await w.api.call('history.undo', {});
  expect(dumpProject(w.db())).toEqual(before);
  await w.api.call('history.redo', {});
  expect(dumpProject(w.db())).toEqual(after);
}

describe('codings.createMany', () => {
  it('codes every search hit as one undoable step, creating the concept once', async () => {
    const w = await workspace();
    const before = dumpProject(w.db());
    const { hits } = await w.api.call('search.text', { query: 'barum' });
    const result = await w.api.call('codings.createMany', {
      code: { concept: 'Stedet Bærum', theme: 'Kommunen' },
      ranges: hits.map((h) => ({ documentId: h.documentId, start: h.start, end: h.end })),
    });
    expect(result.codings.map((c) => c.quote)).toEqual(['Bærum', 'Bærum', 'Barum', 'Bærum']);
    expect(result.createdCodes.map((c) => [c.label, c.level])).toEqual([
      ['Kommunen', 2],
      ['Stedet Bærum', 1],
    ]);
    expect(result.skipped).toBe(0);
    expect(await w.api.call('codings.list', {})).toEqual(expect.arrayContaining([...result.codings]));
    expect((await w.api.call('history.state', {})).undoLabel).toBe('Code 4 passages as “Stedet Bærum”');
    await undoRedo(w, before, dumpProject(w.db()));
  });

  it('skips ranges already coded with the code, and repeats in the request', async () => {
    const w = await workspace();
    const first = await code(w, w.docs.inger, 'Bærum', 'Sted');
    const other = await w.range(w.docs.kjell, 'Barum');
    const result = await w.api.call('codings.createMany', {
      code: { id: first.codeId },
      ranges: [
        { documentId: w.docs.inger, start: first.start, end: first.end },
        { documentId: w.docs.kjell, ...other },
        { documentId: w.docs.kjell, ...other },
      ],
    });
    expect(result).toMatchObject({ skipped: 2, createdCodes: [] });
    expect(result.codings.map((c) => c.quote)).toEqual(['Barum']);
  });

  it('checks every range first: one bad range changes nothing and is named', async () => {
    const w = await workspace();
    const before = dumpProject(w.db());
    const text = await w.text(w.docs.inger);
    const emoji = text.indexOf('👍');
    const bad = await rejection(
      w.api.call('codings.createMany', {
        code: { concept: 'Ny' },
        ranges: [
          { documentId: w.docs.inger, start: 0, end: 3 },
          { documentId: w.docs.inger, start: emoji + 1, end: emoji + 5 },
        ],
      }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toBe(`Range 2 [${emoji + 1}, ${emoji + 5}) in “inger”: start ${emoji + 1} splits a character in two`);
    const missing = await rejection(w.api.call('codings.createMany', { code: { concept: 'Ny' }, ranges: [{ documentId: 'nope', start: 0, end: 1 }] }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'Range 1: there is no document with id nope' });
    expect(dumpProject(w.db())).toEqual(before);
  });
});

describe('codings.segments', () => {
  it('lists a theme’s codings with informants, cases, coder and context, in document order', async () => {
    const w = await workspace();
    await code(w, w.docs.kjell, 'vi deler erfaringer', 'Dele erfaringer', 'Samarbeid');
    await code(w, w.docs.inger, 'Vi søker nye løsninger', 'Søke nye løsninger', 'Samarbeid');
    // A passage across two turns of two informants belongs to both.
    const both = await code(w, w.docs.gruppe, 'tjenestedesign.\nI Asker', 'Prøve nytt', 'Samarbeid');
    const codes = await w.api.call('codes.list', {});
    const theme = codes.find((c) => c.label === 'Samarbeid')!;
    const segments = await w.api.call('codings.segments', { codeId: theme.id });
    expect(segments.map((s) => [s.documentTitle, s.codeLabel, s.coding.quote])).toEqual([
      ['inger', 'Søke nye løsninger', 'Vi søker nye løsninger'],
      ['kjell', 'Dele erfaringer', 'vi deler erfaringer'],
      ['Gruppesamtale', 'Prøve nytt', 'tjenestedesign.\nI Asker'],
    ]);
    expect(segments.map((s) => s.informants.map((i) => i.label))).toEqual([['Inger'], ['Kjell'], ['Inger', 'Kjell']]);
    expect(segments.map((s) => s.cases)).toEqual([['Bærum'], ['Asker'], ['Bærum', 'Asker']]);
    expect(segments.every((s) => s.coderName === 'Tester')).toBe(true);
    expect(segments[0]).toMatchObject({ before: 'Hva betyr innovasjon for deg?\nFor meg er innovasjon «nyskapning» 👍 i kommunen. ', after: ' hele tiden.\nOg i Bærum?\nI Bærum er vi ærlige om at vi prøver og feiler. Søknaden om midler ble sendt i fjor.\nHva med ledelsen?\nLedelsen gir oss rom' });
    expect(segments[2]!.coding.id).toBe(both.id);
    // Only the code itself without descendants.
    expect(await w.api.call('codings.segments', { codeId: theme.id, descendants: false })).toEqual([]);
    const concept = codes.find((c) => c.label === 'Dele erfaringer')!;
    expect((await w.api.call('codings.segments', { codeId: concept.id, descendants: false })).map((s) => s.coding.quote)).toEqual(['vi deler erfaringer']);
    expect((await rejection(w.api.call('codings.segments', { codeId: 'nope' }))).code).toBe('NOT_FOUND');
  });

  it('attributes a passage only to informants, not to an unmapped interviewer', async () => {
    const w = await workspace();
    const coding = await code(w, w.docs.inger, 'Og i Bærum?\nI Bærum', 'Spørsmål og svar');
    const [segment] = await w.api.call('codings.segments', { codeId: coding.codeId });
    expect(segment!.informants.map((i) => i.label)).toEqual(['Inger']);
  });
});

describe('representative quotes', () => {
  it('orders starred quotes, refuses unstarred or repeated ones, and undoes', async () => {
    const w = await workspace();
    const a = await code(w, w.docs.inger, 'nyskapning', 'Nyskaping', 'Forståelse');
    const b = await code(w, w.docs.kjell, 'søke nye veier', 'Nye veier', 'Forståelse');
    const c = await code(w, w.docs.inger, 'tillit', 'Tillit', 'Forståelse');
    for (const x of [a, b, c]) await w.api.call('codings.update', { id: x.id, representative: true });
    const starred = await w.api.call('codings.list', {});
    expect(starred.map((x) => [x.quote, x.repOrder]).sort()).toEqual([
      ['nyskapning', 0],
      ['søke nye veier', 1],
      ['tillit', 2],
    ]);
    const before = dumpProject(w.db());
    await w.api.call('codings.reorderRepresentative', { ids: [c.id, a.id, b.id] });
    const ordered = (await w.api.call('codings.list', {})).filter((x) => x.representative).sort((x, y) => x.repOrder - y.repOrder);
    expect(ordered.map((x) => x.quote)).toEqual(['tillit', 'nyskapning', 'søke nye veier']);
    expect((await w.api.call('history.state', {})).undoLabel).toBe('Reorder representative quotes');
    await undoRedo(w, before, dumpProject(w.db()));
    await w.api.call('codings.update', { id: b.id, representative: false });
    expect(await rejection(w.api.call('codings.reorderRepresentative', { ids: [b.id] }))).toMatchObject({ code: 'VALIDATION', message: '“søke nye veier” is not starred as a representative quote' });
    expect((await rejection(w.api.call('codings.reorderRepresentative', { ids: [a.id, a.id] }))).code).toBe('VALIDATION');
    expect((await rejection(w.api.call('codings.reorderRepresentative', { ids: ['nope'] }))).code).toBe('NOT_FOUND');
  });
});

describe('codings.update: excerpts and ranges', () => {
  it('keeps an excerpt that only leaves words out, and refuses one that adds words', async () => {
    const w = await workspace();
    const coding = await code(w, w.docs.inger, 'I Bærum er vi ærlige om at vi prøver og feiler.', 'Prøve og feile');
    const before = dumpProject(w.db());
    const ok = await w.api.call('codings.update', { id: coding.id, excerpt: 'I Bærum er vi ærlige (…) vi prøver og feiler.' });
    expect(ok.excerpt).toBe('I Bærum er vi ærlige (…) vi prøver og feiler.');
    expect((await w.api.call('history.state', {})).undoLabel).toBe('Edit the excerpt of “I Bærum er vi ærlige om at vi p…”');
    await undoRedo(w, before, dumpProject(w.db()));
    const bad = await rejection(w.api.call('codings.update', { id: coding.id, excerpt: 'I Bærum er vi alltid ærlige (…) feiler.' }));
    expect(bad).toMatchObject({ code: 'CONFLICT' });
    expect(bad.message).toMatch(/^The excerpt does not fit its passage: the word “alltid” is not in the passage/);
    expect((await w.api.call('codings.update', { id: coding.id, excerpt: '  ' })).excerpt).toBeNull();
    await w.api.call('codings.update', { id: coding.id, excerpt: '(…) vi prøver og feiler.' });
    expect((await w.api.call('codings.update', { id: coding.id, excerpt: null })).excerpt).toBeNull();
  });

  it('moves a range: the quote follows, the coding counts as reviewed, a kept excerpt must still fit', async () => {
    const w = await workspace();
    const coding = await code(w, w.docs.inger, 'Vi søker nye løsninger', 'Søke');
    await w.api.call('codings.update', { id: coding.id, excerpt: 'Vi søker (…) løsninger' });
    const text = await w.text(w.docs.inger);
    const longer = await w.api.call('codings.update', { id: coding.id, end: text.indexOf(' hele tiden.') + ' hele tiden'.length });
    expect(longer).toMatchObject({ quote: 'Vi søker nye løsninger hele tiden', status: 'ok', excerpt: 'Vi søker (…) løsninger' });
    const shrink = await rejection(w.api.call('codings.update', { id: coding.id, end: coding.start + 'Vi søker'.length }));
    expect(shrink).toMatchObject({ code: 'CONFLICT' });
    expect(shrink.message).toMatch(/^The coding's excerpt would no longer match the passage \(the word “løsninger” is not in the passage.*\); edit or clear the excerpt first$/);
    const invalid = await rejection(w.api.call('codings.update', { id: coding.id, start: coding.start + 10, end: coding.start + 5 }));
    expect(invalid.message).toMatch(/^Cannot move the coding to \[\d+, \d+\) in “inger”: the range/);
    // Moving onto a range the same code already has (same coder) is a conflict.
    const twin = await code(w, w.docs.inger, 'nye løsninger', 'Søke');
    const clash = await rejection(w.api.call('codings.update', { id: twin.id, start: longer.start, end: longer.end }));
    expect(clash).toMatchObject({ code: 'CONFLICT', message: 'This passage is already coded as “Søke” by the same coder' });
  });
});

describe('review after text edits', () => {
  it('lists changed and orphaned codings with old and new text; accepting makes them ok', async () => {
    const w = await workspace();
    const changed = await code(w, w.docs.inger, 'Ledelsen gir oss rom til å prøve.', 'Rom til å prøve');
    const orphan = await code(w, w.docs.inger, 'ærlig talt', 'Ærlighet');
    const untouched = await code(w, w.docs.kjell, 'krevende 😅', 'Krevende');
    const rom = await w.range(w.docs.inger, 'rom');
    const talt = await w.range(w.docs.inger, ', og det er ærlig talt');
    const edit = await w.api.call('documents.editText', {
      id: w.docs.inger,
      edits: [
        { ...rom, text: 'tid og rom' },
        { ...talt, text: '' },
      ],
    });
    expect(edit).toMatchObject({ changed: 1, orphaned: 1 });
    const review = await w.api.call('codings.needingReview', {});
    expect(review.map((r) => [r.codeLabel, r.documentTitle, r.coding.status, r.coding.quote, r.currentText])).toEqual([
      ['Rom til å prøve', 'inger', 'changed', 'Ledelsen gir oss rom til å prøve.', 'Ledelsen gir oss tid og rom til å prøve.'],
      ['Ærlighet', 'inger', 'orphaned', 'ærlig talt', ''],
    ]);
    expect(await w.api.call('codings.needingReview', { documentId: w.docs.kjell })).toEqual([]);
    expect((await w.api.call('codings.list', { documentId: w.docs.kjell }))[0]).toEqual(untouched);

    const before = dumpProject(w.db());
    const accepted = await w.api.call('codings.acceptReview', { id: changed.id });
    expect(accepted).toMatchObject({ status: 'ok', quote: 'Ledelsen gir oss tid og rom til å prøve.' });
    await undoRedo(w, before, dumpProject(w.db()));
    expect(await w.api.call('codings.acceptReview', { id: changed.id })).toEqual(accepted);

    expect(await rejection(w.api.call('codings.acceptReview', { id: orphan.id }))).toMatchObject({ code: 'CONFLICT' });
    expect(await rejection(w.api.call('codings.update', { id: orphan.id, excerpt: 'ærlig' }))).toMatchObject({ code: 'CONFLICT' });
    // An orphaned coding is re-anchored by giving it a range.
    const tillit = await w.range(w.docs.inger, 'tillit');
    expect(await w.api.call('codings.update', { id: orphan.id, ...tillit })).toMatchObject({ status: 'ok', quote: 'tillit' });
    expect(await w.api.call('codings.needingReview', {})).toEqual([]);
  });

  it('refuses to accept a new text its excerpt does not fit', async () => {
    const w = await workspace();
    const coding = await code(w, w.docs.kjell, 'Innovasjon er å søke nye veier.', 'Nye veier');
    await w.api.call('codings.update', { id: coding.id, excerpt: 'Innovasjon er å søke (…) veier.' });
    const nye = await w.range(w.docs.kjell, 'søke');
    await w.api.call('documents.editText', { id: w.docs.kjell, edits: [{ ...nye, text: 'finne' }] });
    const refused = await rejection(w.api.call('codings.acceptReview', { id: coding.id }));
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(refused.message).toMatch(/^The coding's excerpt does not match the new text \(the word “søke” is not in the passage.*\); edit or clear the excerpt first$/);
  });
});
