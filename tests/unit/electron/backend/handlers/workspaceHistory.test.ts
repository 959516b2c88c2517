import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchIndexStale } from '../../../../../electron/backend/db/searchIndex';
import { isCharBoundary } from '../../../../../shared/text/offsets';
import { dumpProject } from '../../../../support/dump';
import { workspace, type Workspace } from '../../../../support/workspace';

type Op =
  | { kind: 'codeHits'; word: number; concept: number }
  | { kind: 'edit'; doc: number; at: number; len: number; text: number }
  | { kind: 'editCoding'; coding: number; text: number }
  | { kind: 'replace'; word: number; text: number }
  | { kind: 'excerpt'; coding: number; drop: number }
  | { kind: 'range'; coding: number; grow: number }
  | { kind: 'star'; coding: number }
  | { kind: 'reorder'; seed: number }
  | { kind: 'accept'; coding: number }
  | { kind: 'memo'; action: number; n: number };

const WORDS = ['Bærum', 'sok', 'vi', 'prøve', 'Per', 'kommune', 'nye', 'aerlig', 'innovasjon', 'er vi ærlige om at', 'nye løsninger hele'];
const TEXTS = ['', 'x', 'Åsmund', ' 🙂', 'nye ord', 'ærlig'];

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('codeHits' as const), word: fc.nat(), concept: fc.nat(3) }),
  fc.record({ kind: fc.constant('edit' as const), doc: fc.nat(2), at: fc.nat(), len: fc.nat(20), text: fc.nat() }),
  fc.record({ kind: fc.constant('editCoding' as const), coding: fc.nat(), text: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), word: fc.nat(), text: fc.nat() }),
  fc.record({ kind: fc.constant('excerpt' as const), coding: fc.nat(), drop: fc.nat(3) }),
  fc.record({ kind: fc.constant('range' as const), coding: fc.nat(), grow: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ kind: fc.constant('star' as const), coding: fc.nat() }),
  fc.record({ kind: fc.constant('reorder' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('accept' as const), coding: fc.nat() }),
  fc.record({ kind: fc.constant('memo' as const), action: fc.nat(2), n: fc.nat(5) }),
);

/** Apply one operation through the API; refusals (the rules said no) change nothing and are fine. */
async function apply(w: Workspace, op: Op): Promise<void> {
  const codings = await w.api.call('codings.list', {});
  const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
  const docs = Object.values(w.docs);
  try {
    switch (op.kind) {
      case 'codeHits': {
        const { hits } = await w.api.call('search.text', { query: pick(WORDS, op.word)! });
        if (hits.length) await w.api.call('codings.createMany', { code: { concept: `Treff ${op.concept}`, theme: 'Søk' }, ranges: hits.map((h) => ({ documentId: h.documentId, start: h.start, end: h.end })) });
        break;
      }
      case 'edit': {
        const id = docs[op.doc % docs.length]!;
        const text = await w.text(id);
        let start = op.at % (text.length + 1);
        while (!isCharBoundary(text, start)) start -= 1;
        let end = Math.min(text.length, start + op.len);
        while (!isCharBoundary(text, end)) end += 1;
        await w.api.call('documents.editText', { id, edits: [{ start, end, text: pick(TEXTS, op.text)! }] });
        break;
      }
      case 'editCoding': {
        const coding = pick(codings, op.coding);
        if (!coding || coding.end - coding.start < 3) break;
        const text = await w.text(coding.documentId);
        let at = coding.start + 1;
        while (!isCharBoundary(text, at)) at += 1;
        await w.api.call('documents.editText', { id: coding.documentId, edits: [{ start: at, end: at, text: pick(TEXTS, op.text)! || 'y' }] });
        break;
      }
      case 'replace':
        await w.api.call('documents.replaceAll', { find: pick(WORDS, op.word)!, replace: pick(TEXTS, op.text)! || 'X' });
        break;
      case 'excerpt': {
        const coding = pick(codings, op.coding);
        if (!coding) break;
        const words = coding.quote.split(' ');
        const excerpt = op.drop === 0 || words.length < 3 ? null : `${words[0]} (…) ${words[words.length - 1]}`;
        await w.api.call('codings.update', { id: coding.id, excerpt });
        break;
      }
      case 'range': {
        const coding = pick(codings, op.coding);
        if (coding) await w.api.call('codings.update', { id: coding.id, start: Math.max(0, coding.start - op.grow), end: coding.end + op.grow });
        break;
      }
      case 'star': {
        const coding = pick(codings, op.coding);
        if (coding) await w.api.call('codings.update', { id: coding.id, representative: !coding.representative });
        break;
      }
      case 'reorder': {
        const starred = codings.filter((c) => c.representative);
        if (starred.length) await w.api.call('codings.reorderRepresentative', { ids: starred.map((c, i) => starred[(i + op.seed) % starred.length]!.id) });
        break;
      }
      case 'accept': {
        const flagged = codings.filter((c) => c.status !== 'ok');
        const coding = pick(flagged, op.coding);
        if (coding) await w.api.call('codings.acceptReview', { id: coding.id });
        break;
      }
      case 'memo': {
        const memos = (await w.api.call('memos.list', {})).filter((m) => m.kind === 'project');
        const memo = pick(memos, op.n);
        if (op.action === 0 || !memo) await w.api.call('memos.create', { title: `Memo ${op.n} «æøå»`, body: 'Tekst 👍' });
        else if (op.action === 1) await w.api.call('memos.update', { id: memo.id, body: `Endret ${op.n}` });
        else await w.api.call('memos.delete', { id: memo.id });
        break;
      }
      default: {
        const never: never = op;
        throw new Error(String(never));
      }
    }
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && ['CONFLICT', 'VALIDATION'].includes(String(error.code)))) throw error;
  }
}

describe('undo and redo of every workspace mutation', () => {
  it('undoing all steps restores the database exactly, redoing all restores the end state, the index follows (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const w = await workspace();
        // Codings to work on: every "vi" and every "Bærum", some starred.
        await apply(w, { kind: 'codeHits', word: 2, concept: 0 });
        await apply(w, { kind: 'codeHits', word: 0, concept: 1 });
        await apply(w, { kind: 'codeHits', word: 9, concept: 2 });
        await apply(w, { kind: 'codeHits', word: 10, concept: 2 });
        for (const n of [0, 3, 5]) await apply(w, { kind: 'star', coding: n });
        const start = dumpProject(w.db());
        const before = await w.api.call('history.state', {});
        const stepCount = () => (w.db().prepare('SELECT count(*) AS n FROM history_steps').get() as { n: number }).n;
        const first = stepCount();
        for (const op of ops) await apply(w, op);
        const steps = stepCount() - first;
        const end = dumpProject(w.db());
        const search = async () => (await w.api.call('search.text', { query: 'vi', limit: 20_000 })).hits.map((h) => [h.documentId, h.start, h.end]);
        const endHits = await search();
        for (let i = 0; i < steps; i += 1) await w.api.call('history.undo', {});
        expect(dumpProject(w.db())).toEqual(start);
        expect((await w.api.call('history.state', {})).undoLabel).toBe(before.undoLabel);
        expect(searchIndexStale(w.db())).toBe(false);
        for (let i = 0; i < steps; i += 1) await w.api.call('history.redo', {});
        expect(dumpProject(w.db())).toEqual(end);
        expect(await search()).toEqual(endHits);
        expect(searchIndexStale(w.db())).toBe(false);
      }),
      { numRuns: 16 },
    );
  });
});
