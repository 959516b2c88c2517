import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { CoderSummary, TeamLogEntry, TeamStatus } from '../../../shared/api/methods/team';
import type { Backend } from '../backend';
import { stepState } from '../merge/bases';
import { readTeamIdentity } from '../merge/snapshot';
import type { OpenProject } from '../openProject';

// Coders of a project: who did what, renaming and folding two names of one person together, the
// blind-coding setting and the team status.

/** A coder's name, or NOT_FOUND. */
export function coderName(db: Database.Database, id: string): string {
  const row = db.prepare('SELECT name FROM coders WHERE id = ?').get(id) as { name: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no coder with id ${id}`);
  return row.name;
}

/** Every coder with counts; `isMe` marks the user's own coder. */
export function coderSummaries(backend: Backend): CoderSummary[] {
  const db = backend.project().db;
  const me = backend.settings.get().coderName;
  // One pass over the codings grouped by coder (a subquery per coder and figure scanned them all each time).
  const rows = db
    .prepare(
      `WITH coded AS (
         SELECT coder_id, count(*) AS codings, count(DISTINCT document_id) AS documents, max(created_at) AS last_coded_at FROM codings GROUP BY coder_id
       ),
       created AS (SELECT created_by, count(*) AS n FROM codes WHERE created_by IS NOT NULL GROUP BY created_by),
       written AS (SELECT coder_id, count(*) AS n FROM memos WHERE coder_id IS NOT NULL GROUP BY coder_id)
       SELECT c.id, c.name, coalesce(coded.codings, 0) AS codings, coalesce(coded.documents, 0) AS documents,
              coalesce(created.n, 0) AS codes_created, coalesce(written.n, 0) AS memos, coded.last_coded_at
       FROM coders c
       LEFT JOIN coded ON coded.coder_id = c.id
       LEFT JOIN created ON created.created_by = c.id
       LEFT JOIN written ON written.coder_id = c.id
       ORDER BY c.created_at, c.name`,
    )
    .all() as { id: string; name: string; codings: number; documents: number; codes_created: number; memos: number; last_coded_at: number | null }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    isMe: r.name === me,
    codings: r.codings,
    documents: r.documents,
    codesCreated: r.codes_created,
    memos: r.memos,
    lastCodedAt: r.last_coded_at,
  }));
}

/** Rename a coder; the user's own coder takes the user's name along. */
export function renameCoder(backend: Backend, id: string, name: string): void {
  const project = backend.project();
  const before = coderName(project.db, id);
  if (before === name) return;
  const other = project.db.prepare('SELECT id FROM coders WHERE name = ? AND id != ?').get(name, id) as { id: string } | undefined;
  if (other) throw new AppError('CONFLICT', `Another coder is already called “${name}”; merge the two coders instead`, { coderId: other.id });
  const wasMe = backend.settings.get().coderName === before;
  project.step(`Rename coder “${before}” to “${name}”`, () => {
    project.db.prepare('UPDATE coders SET name = ? WHERE id = ?').run(name, id);
  });
  if (wasMe) backend.settings.setCoderName(name);
}

/** Fold coder `fromId` into `intoId`: codings (except duplicates), codes, memos and discussions move over. */
export function mergeCoders(project: OpenProject, fromId: string, intoId: string): void {
  if (fromId === intoId) throw new AppError('VALIDATION', 'A coder cannot be merged into itself');
  const from = coderName(project.db, fromId);
  const into = coderName(project.db, intoId);
  const db = project.db;
  project.step(`Merge coder “${from}” into “${into}”`, () => {
    db.prepare(
      `DELETE FROM codings WHERE coder_id = ? AND EXISTS (
         SELECT 1 FROM codings o WHERE o.coder_id = ? AND o.document_id = codings.document_id AND o.code_id = codings.code_id
           AND o.start = codings.start AND o.end = codings.end)`,
    ).run(fromId, intoId);
    db.prepare('UPDATE codings SET coder_id = ? WHERE coder_id = ?').run(intoId, fromId);
    db.prepare('UPDATE codes SET created_by = ? WHERE created_by = ?').run(intoId, fromId);
    db.prepare('UPDATE codes SET updated_by = ? WHERE updated_by = ?').run(intoId, fromId);
    db.prepare('UPDATE memos SET coder_id = ? WHERE coder_id = ?').run(intoId, fromId);
    db.prepare('UPDATE team_discussions SET created_by = ? WHERE created_by = ?').run(intoId, fromId);
    db.prepare(
      `UPDATE team_discussions SET coder_ids = (SELECT json_group_array(DISTINCT CASE WHEN value = ? THEN ? ELSE value END) FROM json_each(team_discussions.coder_ids))
       WHERE EXISTS (SELECT 1 FROM json_each(team_discussions.coder_ids) WHERE value = ?)`,
    ).run(fromId, intoId, fromId);
    db.prepare('DELETE FROM coders WHERE id = ?').run(fromId);
  });
}

/** The coder blind coding is on for, or null. */
export function blindCoder(db: Database.Database): { id: string; name: string } | null {
  const row = db
    .prepare("SELECT c.id, c.name FROM project p JOIN coders c ON c.id = json_extract(p.settings, '$.team.blindCoder') WHERE p.id = 1")
    .get() as { id: string; name: string } | undefined;
  return row ?? null;
}

/** CONFLICT while blind coding is on: comparing coders would show the blind coder the others' work. */
export function assertNotBlind(db: Database.Database): void {
  const blind = blindCoder(db);
  if (blind) {
    throw new AppError('CONFLICT', `Blind coding is on for ${blind.name}: end it (team.setBlind with no coder) to compare coders`, { coderId: blind.id });
  }
}

/** The team status of the open project. */
export function teamStatus(backend: Backend): TeamStatus {
  const project = backend.project();
  const db = project.db;
  const identity = readTeamIdentity(db);
  const me = backend.settings.get().coderName;
  const meId = me ? ((db.prepare('SELECT id FROM coders WHERE name = ?').get(me) as { id: string } | undefined)?.id ?? null) : null;
  const log = db
    .prepare('SELECT id, kind, at, coder_name, file_name, step_id, step_created_at, summary FROM team_log ORDER BY id DESC LIMIT 200')
    .all() as { id: number; kind: TeamLogEntry['kind']; at: number; coder_name: string | null; file_name: string; step_id: number | null; step_created_at: number | null; summary: string }[];
  return {
    replicaId: identity.replicaId ?? '',
    origin: identity.origin,
    blindCoder: blindCoder(db),
    me: { id: meId, name: me },
    log: log.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at,
      coderName: e.coder_name,
      fileName: e.file_name,
      summary: e.summary,
      state: e.kind === 'handout' ? 'done' : stepState(db, e.step_id, e.step_created_at),
    })),
  };
}

/** Turn blind coding on for a coder, or off (null); one undoable step. */
export function setBlind(project: OpenProject, coderId: string | null): void {
  const db = project.db;
  if (coderId === null) {
    const current = blindCoder(db);
    if (!current) return;
    project.step(`End blind coding for ${current.name}`, () => {
      db.prepare("UPDATE project SET settings = json_remove(settings, '$.team.blindCoder') WHERE id = 1").run();
    });
    return;
  }
  const name = coderName(db, coderId);
  project.step(`Blind coding for ${name}`, () => {
    db.prepare("UPDATE project SET settings = json_set(settings, '$.team.blindCoder', ?) WHERE id = 1").run(coderId);
  });
}

/** Turn blind coding on for the user, creating their coder if they have not coded yet; one undoable step. */
export function setBlindForMe(project: OpenProject, name: string | null): void {
  if (!name) throw new AppError('VALIDATION', 'Tell Stige your name as coder first: blind coding shows only your own codings');
  project.step(`Blind coding for ${name}`, () => {
    project.db.prepare("UPDATE project SET settings = json_set(settings, '$.team.blindCoder', ?) WHERE id = 1").run(project.coderId(name));
  });
}
