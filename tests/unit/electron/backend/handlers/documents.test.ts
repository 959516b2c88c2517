import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../../../electron/backend/import/hash';
import { searchIndexStale } from '../../../../../electron/backend/db/searchIndex';
import { isCharBoundary } from '../../../../../shared/text/offsets';
import { dumpProject } from '../../../../support/dump';
import { rejection, workspace, type Workspace } from '../../../../support/workspace';

async function code(w: Workspace, doc: string, passage: string, concept: string, occurrence = 1) {
  const range = await w.range(doc, passage, occurrence);
  return (await w.api.call('codings.create', { documentId: doc, ...range, code: { concept } })).coding;
}

/** Every invariant a document and its codings and turns keep through edits. */
async function expectConsistent(w: Workspace, id: string) {
  const doc = await w.api.call('documents.get', { id });
  expect(doc.chars).toBe(doc.text.length);
  const row = w.db().prepare('SELECT text_hash FROM documents WHERE id = ?').get(id) as { text_hash: string };
  expect(row.text_hash).toBe(sha256(doc.text));
  let last = -1;
  for (const turn of doc.turns) {
    expect(turn.start).toBeGreaterThan(last);
    expect(turn.start === 0 || doc.text[turn.start - 1] === '\n').toBe(true);
    expect(turn.end === doc.text.length || doc.text[turn.end] === '\n').toBe(true);
    last = turn.end;
  }
  for (const c of await w.api.call('codings.list', { documentId: id })) {
    expect(c.end).toBeLessThanOrEqual(doc.text.length);
    expect(isCharBoundary(doc.text, c.start) && isCharBoundary(doc.text, c.end)).toBe(true);
    if (c.status === 'ok') expect(doc.text.slice(c.start, c.end)).toBe(c.quote);
    if (c.status === 'orphaned') expect(c.start).toBe(c.end);
    else expect(c.end).toBeGreaterThan(c.start);
  }
  expect(searchIndexStale(w.db())).toBe(false);
}

describe('documents.editText', () => {
  it('remaps codings before, inside, around and after an edit; flags changed ones and keeps orphaned ones', async () => {
    const w = await workspace();
    const id = w.docs.inger;
    const before = await code(w, id, 'nyskapning» 👍', 'Nyskaping');
    const inside = await code(w, id, 'Vi søker nye løsninger', 'Søke');
    const deleted = await code(w, id, 'hele tiden', 'Alltid');
    const after = await code(w, id, 'ærlige om at vi prøver', 'Ærlighet');
    const nye = await w.range(id, 'nye');
    const hele = await w.range(id, ' hele tiden');
    const dump = dumpProject(w.db());
    const result = await w.api.call('documents.editText', {
      id,
      edits: [
        { ...hele, text: '' },
        { ...nye, text: 'nye og gode 😀' },
      ],
    });
    expect(result).toMatchObject({ changed: 1, orphaned: 1 });
    expect(result.document.text).toContain('Vi søker nye og gode 😀 løsninger.');
    expect(result.document.chars).toBe(result.document.text.length);
    const codings = new Map((await w.api.call('codings.list', { documentId: id })).map((c) => [c.id, c]));
    expect(codings.get(before.id)).toEqual(before);
    expect(codings.get(inside.id)).toMatchObject({ status: 'changed', quote: 'Vi søker nye løsninger', start: inside.start });
    expect(result.document.text.slice(codings.get(inside.id)!.start, codings.get(inside.id)!.end)).toBe('Vi søker nye og gode 😀 løsninger');
    expect(codings.get(deleted.id)).toMatchObject({ status: 'orphaned', quote: 'hele tiden', start: hele.start + 'nye og gode 😀'.length - 3, end: hele.start + 'nye og gode 😀'.length - 3 });
    const moved = codings.get(after.id)!;
    expect(moved).toMatchObject({ status: 'ok', quote: 'ærlige om at vi prøver' });
    expect(moved.start).toBe(after.start + 'nye og gode 😀'.length - 3 - ' hele tiden'.length);
    expect((await w.api.call('history.state', {})).undoLabel).toBe('Edit the text of “inger”');
    await expectConsistent(w, id);
    // One undo restores everything exactly; redo brings the edit back.
    const edited = dumpProject(w.db());
    await w.api.call('history.undo', {});
    expect(dumpProject(w.db())).toEqual(dump);
    await w.api.call('history.redo', {});
    expect(dumpProject(w.db())).toEqual(edited);
  });

  it('lets the turn end follow an edit and keeps turns on whole paragraphs', async () => {
    const w = await workspace();
    const id = w.docs.inger;
    const old = await w.api.call('documents.get', { id });
    const at = await w.range(id, 'Og i Bærum?');
    const result = await w.api.call('documents.editText', { id, edits: [{ start: at.end - 1, end: at.end, text: ', da?' }] });
    const turns = result.document.turns.map((t) => result.document.text.slice(t.start, t.end));
    expect(turns).toEqual(old.turns.map((t) => old.text.slice(t.start, t.end)).map((t) => (t === 'Og i Bærum?' ? 'Og i Bærum, da?' : t)));
    expect(result.document.turns.map((t) => t.id)).toEqual(old.turns.map((t) => t.id));
  });

  it('gives a merged paragraph to the earlier turn when a line break between turns is deleted', async () => {
    const w = await workspace();
    const id = w.docs.gruppe;
    const old = await w.api.call('documents.get', { id });
    const lineBreak = old.text.indexOf('\n');
    const result = await w.api.call('documents.editText', { id, edits: [{ start: lineBreak, end: lineBreak + 1, text: ' ' }] });
    expect(result.document.turns).toHaveLength(2);
    expect(result.document.text.slice(result.document.turns[0]!.start, result.document.turns[0]!.end)).toBe(
      'Vi i Bærum har prøvd tjenestedesign. I Asker har vi også prøvd det, med hjelp fra Per.',
    );
    await expectConsistent(w, id);
  });

  it('moves the page boundaries of a paged document with the text', async () => {
    const w = await workspace();
    const id = w.docs.kjell;
    const text = await w.text(id);
    const middle = text.indexOf('\n') + 1;
    const pages = [
      { page: 1, start: 0, end: middle },
      { page: 2, start: middle, end: text.length },
    ];
    w.backend.project().step('pages', () => {
      const insert = w.db().prepare('INSERT INTO document_pages (document_id, page, start, end) VALUES (?, ?, ?, ?)');
      for (const p of pages) insert.run(id, p.page, p.start, p.end);
    });
    await w.api.call('documents.editText', { id, edits: [{ start: 0, end: 0, text: 'Innledning. ' }, { start: middle, end: middle, text: 'Side to: ' }] });
    const stored = (await w.api.call('documents.get', { id })).pages.map((p) => ({ page: p.page, start: p.start, end: p.end }));
    const after = await w.text(id);
    expect(stored).toEqual([
      { page: 1, start: 0, end: middle + 12 },
      { page: 2, start: middle + 12, end: after.length },
    ]);
    expect(after.slice(stored[1]!.start).startsWith('Side to: Samarbeid')).toBe(true);
  });

  it('refuses bad edits with a specific reason and changes nothing', async () => {
    const w = await workspace();
    const id = w.docs.inger;
    const dump = dumpProject(w.db());
    const text = await w.text(id);
    const emoji = text.indexOf('👍');
    const cases: [unknown[], RegExp][] = [
      [[{ start: 0, end: 5, text: 'a' }, { start: 3, end: 8, text: 'b' }], /Cannot edit “inger”: the edits \[0, 5\) and \[3, 8\) overlap/],
      [[{ start: emoji + 1, end: emoji + 1, text: 'x' }], /start splits a character in two/],
      [[{ start: 0, end: text.length + 1, text: '' }], /past the end of the text/],
      [[{ start: 4, end: 4, text: 'a' }, { start: 4, end: 4, text: 'b' }], /combine them into one/],
      [[{ start: text.indexOf('e') + 1, end: text.indexOf('e') + 1, text: '\u0301' }], /combine with the characters around it/],
    ];
    for (const [edits, message] of cases) {
      const error = await rejection(w.api.call('documents.editText', { id, edits: edits as never }));
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(message);
    }
    expect((await rejection(w.api.call('documents.editText', { id: 'nope', edits: [{ start: 0, end: 0, text: 'x' }] }))).code).toBe('NOT_FOUND');
    expect(dumpProject(w.db())).toEqual(dump);
    expect((await w.api.call('history.state', {})).undoLabel).toBe('Import “Gruppesamtale”');
  });

  it('normalises typed text (CRLF, decomposed letters) like imported text', async () => {
    const w = await workspace();
    const result = await w.api.call('documents.editText', { id: w.docs.kjell, edits: [{ start: 0, end: 0, text: 'Sa\u0308nn\r\nNy linje: ' }] });
    expect(result.document.text.startsWith('Sänn\nNy linje: ')).toBe(true);
  });

  it('keeps two codings apart that an edit brings onto the same range, both for review', async () => {
    const w = await workspace();
    const id = w.docs.kjell;
    const short = await code(w, id, 'vi deler erfaringer', 'Dele');
    const range = await w.range(id, 'vi deler erfaringer med');
    const long = (await w.api.call('codings.create', { documentId: id, ...range, code: { id: short.codeId } })).coding;
    const tail = await w.range(id, ' med Per Hansen');
    await w.api.call('documents.editText', { id, edits: [{ ...tail, text: '' }] });
    const list = await w.api.call('codings.list', { documentId: id });
    // Same range: listed by id.
    const byId = (a: readonly unknown[], b: readonly unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(list.map((c) => [c.id, c.start, c.end, c.status]).sort(byId)).toEqual(
      [
        [short.id, short.start, short.end, 'ok'],
        [long.id, short.start, short.end, 'changed'],
      ].sort(byId),
    );
    expect(await rejection(w.api.call('codings.acceptReview', { id: long.id }))).toMatchObject({ code: 'CONFLICT' });
    // Inserting before two overlapping codings of one code shifts both without a momentary clash.
    const second = await code(w, id, 'deler erfaringer', 'Dele');
    await w.api.call('documents.editText', { id, edits: [{ start: 0, end: 0, text: 'Ja. ' }] });
    await w.api.call('documents.editText', { id, edits: [{ start: 0, end: 4, text: '' }] });
    expect((await w.api.call('codings.list', { documentId: id })).find((c) => c.id === second.id)).toEqual(second);
    await expectConsistent(w, id);
  });

  it('keeps every invariant through random edits, and undo/redo restore each state exactly (property)', async () => {
    const w = await workspace();
    const id = w.docs.inger;
    const text = await w.text(id);
    const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    for (const [i, word] of words.entries()) {
      if (i % 3 === 0) {
        const end = words[Math.min(words.length - 1, i + (i % 4))]!.end;
        await w.api.call('codings.create', { documentId: id, start: word.start, end, code: { concept: `K${i % 5}` } });
      }
    }
    const editArb = fc.array(fc.tuple(fc.nat(), fc.nat(12), fc.constantFrom('', 'x', 'Bærum', ' 🙂 ', 'ø', '\n', 'nytt ord')), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 4 }), async (rounds) => {
        const states = [dumpProject(w.db())];
        for (const raw of rounds) {
          const current = await w.text(id);
          const edits: { start: number; end: number; text: string }[] = [];
          for (const [at, len, insert] of raw) {
            let s = at % (current.length + 1);
            let e = Math.min(current.length, s + len);
            while (!isCharBoundary(current, s)) s -= 1;
            while (!isCharBoundary(current, e)) e += 1;
            if (edits.some((x) => s < x.end && e > x.start) || edits.some((x) => x.start === s && s === e && x.start === x.end)) continue;
            edits.push({ start: s, end: e, text: insert });
          }
          try {
            await w.api.call('documents.editText', { id, edits });
          } catch (error) {
            // A random accent or line break may make the text non-canonical; such edits are refused whole.
            expect(error).toMatchObject({ code: 'VALIDATION' });
          }
          await expectConsistent(w, id);
          const now = dumpProject(w.db());
          if (JSON.stringify(now) !== JSON.stringify(states[states.length - 1])) states.push(now);
        }
        for (let i = states.length - 2; i >= 0; i -= 1) {
          await w.api.call('history.undo', {});
          expect(dumpProject(w.db())).toEqual(states[i]);
        }
        expect(searchIndexStale(w.db())).toBe(false);
        for (let i = 1; i < states.length; i += 1) {
          await w.api.call('history.redo', {});
          expect(dumpProject(w.db())).toEqual(states[i]);
        }
        await expectConsistent(w, id);
        // Leave the document as it was for the next run.
        for (let i = 1; i < states.length; i += 1) await w.api.call('history.undo', {});
        expect(dumpProject(w.db())).toEqual(states[0]);
      }),
      { numRuns: 15 },
    );
  });
});

describe('pseudonymisation: documents.replacePreview and documents.replaceAll', () => {
  it('previews whole-word, case-sensitive matches with context and the codings they touch', async () => {
    const w = await workspace();
    await code(w, w.docs.kjell, 'vi deler erfaringer med Per Hansen', 'Dele');
    const preview = await w.api.call('documents.replacePreview', { find: 'Per', replace: 'Ola' });
    expect(preview.matches.map((m) => m.documentTitle)).toEqual(['kjell', 'kjell', 'Gruppesamtale']);
    for (const m of preview.matches) {
      const text = await w.text(m.documentId);
      expect(text.slice(m.start - m.before.length, m.end + m.after.length)).toBe(`${m.before}Per${m.after}`);
    }
    expect(preview.matches[0]!.before.endsWith('erfaringer med ')).toBe(true);
    expect(preview.matches[1]!.after.startsWith('. Persson var enig.')).toBe(true);
    expect(preview.codingsAffected).toBe(1);
    expect((await w.api.call('documents.replacePreview', { find: 'per', replace: 'Ola', caseSensitive: false, wholeWord: false })).matches).toHaveLength(4);
    expect((await w.api.call('documents.replacePreview', { find: 'Per', replace: 'Ola', documentIds: [w.docs.gruppe] })).matches).toHaveLength(1);
    expect((await rejection(w.api.call('documents.replacePreview', { find: 'Per', replace: 'Ola', documentIds: ['nope'] }))).code).toBe('NOT_FOUND');
  });

  it('replaces across documents as one undoable step, remapping and flagging codings', async () => {
    const w = await workspace();
    const name = await code(w, w.docs.kjell, 'Per Hansen', 'Navn');
    const later = await code(w, w.docs.kjell, 'Persson var enig', 'Enig');
    const dump = dumpProject(w.db());
    const result = await w.api.call('documents.replaceAll', { find: 'Per Hansen', replace: 'Ola Normann' });
    expect(result).toEqual({ replaced: 1, documents: 1, changed: 1 });
    const again = await w.api.call('documents.replaceAll', { find: 'Per', replace: 'Åsmund' });
    expect(again).toEqual({ replaced: 2, documents: 2, changed: 0 });
    expect(await w.text(w.docs.kjell)).toContain('med Ola Normann.\nOg innovasjon?');
    expect(await w.text(w.docs.kjell)).toContain('sa Åsmund. Persson var enig.');
    expect(await w.text(w.docs.gruppe)).toContain('hjelp fra Åsmund.');
    const codings = new Map((await w.api.call('codings.list', {})).map((c) => [c.id, c]));
    expect(codings.get(name.id)).toMatchObject({ status: 'changed', quote: 'Per Hansen' });
    expect(codings.get(later.id)).toMatchObject({ status: 'ok', quote: 'Persson var enig' });
    expect((await w.api.call('history.state', {})).undoLabel).toBe('Replace “Per” with “Åsmund” in 2 documents');
    expect((await w.api.call('search.text', { query: 'asmund' })).total).toBe(2);
    await expectConsistent(w, w.docs.kjell);
    await w.api.call('history.undo', {});
    await w.api.call('history.undo', {});
    expect(dumpProject(w.db())).toEqual(dump);
    expect((await w.api.call('search.text', { query: 'asmund' })).total).toBe(0);
    expect(await w.api.call('documents.replaceAll', { find: 'Ingen slik', replace: 'x' })).toEqual({ replaced: 0, documents: 0, changed: 0 });
  });
});
