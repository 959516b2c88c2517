import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { MemoEntry, memosMethods } from '../../../shared/api/methods/memos';
import type { HandlersOf } from '../handlerTypes';

interface MemoRow {
  id: string;
  title: string;
  body: string;
  updated_at: number;
}

function toEntry(row: MemoRow): MemoEntry {
  return { kind: 'project', id: row.id, title: row.title, body: row.body, documentId: null, updatedAt: row.updated_at };
}

/** A quote shortened for a memo title. */
function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The project's own memo (project.memo), listed as a project memo under the project's uuid. */
function projectMemo(db: Database.Database): { uuid: string; name: string; memo: string } {
  return db.prepare('SELECT uuid, name, memo FROM project WHERE id = 1').get() as { uuid: string; name: string; memo: string };
}

function getMemo(db: Database.Database, id: string): MemoRow {
  const row = db.prepare('SELECT id, title, body, updated_at FROM memos WHERE id = ?').get(id) as MemoRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no memo with id ${id}`);
  return row;
}

/** Every non-empty memo: free memos (newest first), the project's, then documents, codes, codings, informants, cases. */
function listMemos(db: Database.Database): MemoEntry[] {
  const entries: MemoEntry[] = (db.prepare('SELECT id, title, body, updated_at FROM memos ORDER BY updated_at DESC, id').all() as MemoRow[]).map(toEntry);
  const project = projectMemo(db);
  if (project.memo.trim()) entries.push({ kind: 'project', id: project.uuid, title: project.name, body: project.memo, documentId: null, updatedAt: null });
  const on = <T>(kind: MemoEntry['kind'], sql: string, map: (row: T) => Omit<MemoEntry, 'kind'>) => {
    for (const row of db.prepare(sql).all() as T[]) entries.push({ kind, ...map(row) });
  };
  on<{ id: string; title: string; memo: string; updated_at: number }>(
    'document',
    "SELECT id, title, memo, updated_at FROM documents WHERE trim(memo) <> '' ORDER BY sort_order, created_at",
    (r) => ({ id: r.id, title: r.title, body: r.memo, documentId: r.id, updatedAt: r.updated_at }),
  );
  on<{ id: string; label: string; memo: string; updated_at: number }>(
    'code',
    "SELECT id, label, memo, updated_at FROM codes WHERE trim(memo) <> '' ORDER BY level DESC, sort_order, created_at",
    (r) => ({ id: r.id, title: r.label, body: r.memo, documentId: null, updatedAt: r.updated_at }),
  );
  on<{ id: string; quote: string; label: string; memo: string; document_id: string; updated_at: number }>(
    'coding',
    `SELECT c.id, c.quote, k.label, c.memo, c.document_id, c.updated_at FROM codings c JOIN codes k ON k.id = c.code_id
     JOIN documents d ON d.id = c.document_id WHERE trim(c.memo) <> '' ORDER BY d.sort_order, d.created_at, c.start`,
    (r) => ({ id: r.id, title: `${r.label}: “${shorten(r.quote)}”`, body: r.memo, documentId: r.document_id, updatedAt: r.updated_at }),
  );
  on<{ id: string; label: string; memo: string }>(
    'informant',
    "SELECT id, label, memo FROM informants WHERE trim(memo) <> '' ORDER BY sort_order, created_at",
    (r) => ({ id: r.id, title: r.label, body: r.memo, documentId: null, updatedAt: null }),
  );
  on<{ id: string; name: string; memo: string }>(
    'case',
    "SELECT id, name, memo FROM cases WHERE trim(memo) <> '' ORDER BY sort_order, created_at",
    (r) => ({ id: r.id, title: r.name, body: r.memo, documentId: null, updatedAt: null }),
  );
  return entries;
}

export const memosHandlers = {
  'memos.list': (_args, { backend }) => listMemos(backend.project().db),
  'memos.create': ({ title, body }, { backend }) => {
    const project = backend.project();
    const id = randomUUID();
    project.step(`New memo “${title}”`, () => {
      const now = Date.now();
      project.db
        .prepare('INSERT INTO memos (id, title, body, coder_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, title, body ?? '', project.coderIdIfKnown(), now, now);
    });
    return toEntry(getMemo(project.db, id));
  },
  'memos.update': ({ id, title, body }, { backend }) => {
    const project = backend.project();
    const db = project.db;
    const own = projectMemo(db);
    if (id === own.uuid) {
      if (title !== undefined && title !== own.name) {
        throw new AppError('VALIDATION', 'The project memo takes its title from the project; rename the project instead');
      }
      if (body !== undefined && body !== own.memo) project.step('Edit the project memo', () => db.prepare('UPDATE project SET memo = ? WHERE id = 1').run(body));
      const after = projectMemo(db);
      return { kind: 'project', id: after.uuid, title: after.name, body: after.memo, documentId: null, updatedAt: null };
    }
    const before = getMemo(db, id);
    const columns: [string, string][] = [];
    if (title !== undefined && title !== before.title) columns.push(['title', title]);
    if (body !== undefined && body !== before.body) columns.push(['body', body]);
    if (columns.length > 0) {
      project.step(`Edit memo “${title ?? before.title}”`, () => {
        db.prepare(`UPDATE memos SET ${columns.map(([c]) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...columns.map(([, v]) => v), Date.now(), id);
      });
    }
    return toEntry(getMemo(db, id));
  },
  'memos.delete': ({ id }, { backend }) => {
    const project = backend.project();
    const db = project.db;
    const own = projectMemo(db);
    if (id === own.uuid) {
      if (own.memo) project.step('Clear the project memo', () => db.prepare("UPDATE project SET memo = '' WHERE id = 1").run());
      return null;
    }
    const memo = getMemo(db, id);
    project.step(`Delete memo “${memo.title}”`, () => db.prepare('DELETE FROM memos WHERE id = ?').run(id));
    return null;
  },
} satisfies HandlersOf<typeof memosMethods>;
