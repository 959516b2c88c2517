import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../../../shared/api/client';
import { HISTORY_LIMIT } from '../../../../../electron/backend/db/history';
import { testBackend } from '../../../../support/backend';
import { dumpProject } from '../../../../support/dump';
import { writeFile } from '../../../../support/temp';

const TRANSCRIPT = 'Intervjuer: Hva betyr innovasjon for deg?\nInger: For meg er innovasjon «nyskapning» 👍 i kommunen.\nIntervjuer: Og i Bærum?\nInger: Der prøver vi å dele erfaringer på tvers.';

type Op =
  | { kind: 'concept'; label: number }
  | { kind: 'theme'; label: number }
  | { kind: 'dimension'; label: number }
  | { kind: 'code'; at: number; len: number; concept: number }
  | { kind: 'move'; code: number; parent: number }
  | { kind: 'rename'; code: number; label: number }
  | { kind: 'star'; coding: number }
  | { kind: 'uncode'; coding: number }
  | { kind: 'deleteCode'; code: number }
  | { kind: 'levels'; label: number }
  | { kind: 'informant'; label: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('concept' as const), label: fc.nat(20) }),
  fc.record({ kind: fc.constant('theme' as const), label: fc.nat(20) }),
  fc.record({ kind: fc.constant('dimension' as const), label: fc.nat(20) }),
  fc.record({ kind: fc.constant('code' as const), at: fc.nat(100), len: fc.integer({ min: 1, max: 40 }), concept: fc.nat(30) }),
  fc.record({ kind: fc.constant('move' as const), code: fc.nat(30), parent: fc.nat(30) }),
  fc.record({ kind: fc.constant('rename' as const), code: fc.nat(30), label: fc.nat(20) }),
  fc.record({ kind: fc.constant('star' as const), coding: fc.nat(30) }),
  fc.record({ kind: fc.constant('uncode' as const), coding: fc.nat(30) }),
  fc.record({ kind: fc.constant('deleteCode' as const), code: fc.nat(30) }),
  fc.record({ kind: fc.constant('levels' as const), label: fc.nat(20) }),
  fc.record({ kind: fc.constant('informant' as const), label: fc.nat(20) }),
);

/** Apply one random operation through the API; operations the rules refuse are fine (they change nothing). */
async function apply(api: ApiClient, documentId: string, op: Op): Promise<void> {
  const codes = await api.call('codes.list', {});
  const codings = await api.call('codings.list', {});
  const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
  try {
    switch (op.kind) {
      case 'concept':
      case 'theme':
      case 'dimension':
        await api.call('codes.create', { label: `${op.kind} ${op.label} æøå`, level: op.kind === 'concept' ? 1 : op.kind === 'theme' ? 2 : 3 });
        break;
      case 'code': {
        const concept = pick(codes.filter((c) => c.level === 1), op.concept);
        const start = Math.min(op.at, TRANSCRIPT.length - 2);
        const code = concept ? { id: concept.id } : { concept: `in vivo ${op.concept}` };
        await api.call('codings.create', { documentId, start, end: Math.min(start + op.len, TRANSCRIPT.length - 1), code });
        break;
      }
      case 'move': {
        const code = pick(codes, op.code);
        const parent = pick(codes, op.parent);
        if (code) await api.call('codes.move', { ids: [code.id], parentId: op.parent % 4 === 0 ? null : (parent?.id ?? null) });
        break;
      }
      case 'rename': {
        const code = pick(codes, op.code);
        if (code) await api.call('codes.update', { id: code.id, label: `renamed ${op.label} «x»` });
        break;
      }
      case 'star': {
        const coding = pick(codings, op.coding);
        if (coding) await api.call('codings.update', { id: coding.id, representative: !coding.representative });
        break;
      }
      case 'uncode': {
        const coding = pick(codings, op.coding);
        if (coding) await api.call('codings.delete', { id: coding.id });
        break;
      }
      case 'deleteCode': {
        const code = pick(codes, op.code);
        if (code) await api.call('codes.delete', { id: code.id });
        break;
      }
      case 'levels':
        await api.call('project.update', { levels: [`L${op.label}`, '2. ordens kode', '3. ordens kode'] });
        break;
      case 'informant':
        await api.call('informants.create', { label: `Informant ${op.label}` });
        break;
      default: {
        const never: never = op;
        throw new Error(String(never));
      }
    }
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && ['CONFLICT', 'VALIDATION'].includes(String(error.code)))) throw error;
  }
}

async function setup() {
  const { backend, api, dir } = testBackend();
  await api.call('projects.create', { path: path.join(dir, 'history') });
  const file = writeFile(dir, 'inger.txt', TRANSCRIPT);
  const report = await api.call('documents.import', { sources: [{ path: file }], informant: 'Inger' });
  const documentId = report.files[0]!.documentId!;
  return { backend, api, documentId, db: () => backend.project().db };
}

describe('undo history', () => {
  it('undoing every step restores the database exactly, and redoing every step restores the end state (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        const { api, documentId, db } = await setup();
        const start = dumpProject(db());
        for (const op of ops) await apply(api, documentId, op);
        const end = dumpProject(db());
        let state = await api.call('history.state', {});
        let undone = 0;
        while (state.canUndo) {
          state = (await api.call('history.undo', {})).state;
          undone += 1;
        }
        // The import itself was the first step.
        expect(dumpProject(db()).documents).toEqual([]);
        for (let i = 0; i < undone; i += 1) state = (await api.call('history.redo', {})).state;
        expect(state.canRedo).toBe(false);
        expect(dumpProject(db())).toEqual(end);
        // Undo back to just after the import, compare with the start.
        for (let i = 0; i < undone - 1; i += 1) await api.call('history.undo', {});
        expect(dumpProject(db())).toEqual(start);
      }),
      { numRuns: 12 },
    );
  });

  it('labels steps for the Edit menu and drops the redo branch after a new action', async () => {
    const { api, documentId } = await setup();
    await api.call('codings.create', { documentId, start: 0, end: 5, code: { concept: 'Begrep' } });
    expect((await api.call('history.state', {})).undoLabel).toBe('Code “Hva b” as “Begrep”');
    const afterUndo = await api.call('history.undo', {});
    expect(afterUndo.state).toMatchObject({ canRedo: true, redoLabel: 'Code “Hva b” as “Begrep”' });
    expect(afterUndo.done).toEqual({ label: 'Code “Hva b” as “Begrep”', tables: expect.arrayContaining(['codings', 'codes']) });
    await api.call('codes.create', { label: 'Tema', level: 2 });
    expect((await api.call('history.state', {})).canRedo).toBe(false);
  });

  it('survives closing and reopening the project', async () => {
    const { api, documentId, backend } = await setup();
    await api.call('codings.create', { documentId, start: 0, end: 5, code: { concept: 'Begrep' } });
    const file = backend.project().path;
    await api.call('projects.close', {});
    await api.call('projects.open', { path: file });
    expect(await api.call('codings.list', {})).toHaveLength(1);
    await api.call('history.undo', {});
    expect(await api.call('codings.list', {})).toHaveLength(0);
    expect((await api.call('codes.list', {})).map((c) => c.label)).toEqual([]);
  });

  it('keeps a bounded number of steps', async () => {
    const { api, db } = await setup();
    for (let i = 0; i < HISTORY_LIMIT + 5; i += 1) await api.call('project.update', { name: `Name ${i}` });
    expect((db().prepare('SELECT count(*) AS n FROM history_steps').get() as { n: number }).n).toBe(HISTORY_LIMIT);
  });

  it('clears the history so an old name is gone from the file', async () => {
    const { api, backend, documentId } = await setup();
    await api.call('documents.replaceAll', { find: 'Bærum', replace: 'Kommune A' });
    const file = backend.project().path;
    const state = await api.call('history.clear', { originals: true });
    expect(state).toMatchObject({ canUndo: false, canRedo: false });
    await api.call('projects.close', {});
    const bytes = (await import('node:fs')).readFileSync(file);
    expect(bytes.includes(Buffer.from('Bærum'))).toBe(false);
    await api.call('projects.open', { path: file });
    expect((await api.call('documents.get', { id: documentId })).text).toContain('Kommune A');
  });

  it('records a bulk insert compactly, and undoes and redoes it exactly (also with quotes and æøå in the rows)', async () => {
    const { api, backend, documentId, db } = await setup();
    const code = await api.call('codes.create', { label: 'Begrep', level: 1 });
    const before = dumpProject(db());
    const project = backend.project();
    const coderId = project.coderId();
    const rows = Array.from({ length: 40 }, (_, i) => [`it's-${i}`, documentId, code.id, i, i + 3, coderId, `«${i}» æøå 'x'`, 0, 0]);
    const inserted = project.step('Bulk', () =>
      project.file.history.insertMany('codings', ['id', 'document_id', 'code_id', 'start', 'end', 'coder_id', 'quote', 'created_at', 'updated_at'], [...rows, rows[0]!.map((v, i) => (i === 0 ? 'dupe' : v))], {
        orIgnore: true,
      }),
    );
    // The last row repeats the first one's passage, code and coder: the unique index refuses it.
    expect(inserted.filter(Boolean)).toHaveLength(40);
    expect(inserted.at(-1)).toBe(false);
    const ops = () => db().prepare('SELECT direction, sql FROM history_ops WHERE step_id = (SELECT max(id) FROM history_steps)').all() as { direction: number; sql: string }[];
    expect(ops()).toHaveLength(1);
    const after = dumpProject(db());
    expect(after.codings).toHaveLength(40);
    await api.call('history.undo', {});
    expect(dumpProject(db())).toEqual(before);
    expect(ops()).toEqual([{ direction: 1, sql: expect.stringMatching(/^INSERT INTO "codings" .* VALUES \(.*\),\(/) }]);
    await api.call('history.redo', {});
    expect(dumpProject(db())).toEqual(after);
    await api.call('history.undo', {});
    expect(dumpProject(db())).toEqual(before);
  });

  it('replays a long run of row-by-row changes as one set-based statement, with the same result', async () => {
    const { api, backend, documentId, db } = await setup();
    const code = await api.call('codes.create', { label: 'Begrep', level: 1 });
    const before = dumpProject(db());
    // 30 codings in one step, inserted one by one: the triggers record one op per row.
    const project = backend.project();
    const coderId = project.coderId();
    project.step('Row by row', () => {
      const insert = db().prepare('INSERT INTO codings (id, document_id, code_id, start, end, coder_id, quote, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)');
      for (let i = 0; i < 30; i += 1) insert.run(`row-${i}`, documentId, code.id, i, i + 4, coderId, `«${i}» ø`);
    });
    const after = dumpProject(db());
    const count = () => (db().prepare('SELECT count(*) AS n FROM history_ops WHERE step_id = (SELECT max(id) FROM history_steps)').get() as { n: number }).n;
    expect(count()).toBeGreaterThanOrEqual(30);
    await api.call('history.undo', {});
    expect(dumpProject(db())).toEqual(before);
    // The redo of the 30 deletions is one insert of 30 rows.
    expect(count()).toBeLessThan(5);
    await api.call('history.redo', {});
    expect(dumpProject(db())).toEqual(after);
    await api.call('history.undo', {});
    expect(dumpProject(db())).toEqual(before);
  });

  it('refuses writes outside a step', async () => {
    const { db } = await setup();
    expect(() => db().prepare("UPDATE project SET name = 'sneaky'").run()).toThrow(/outside an undo step/);
  });
});
