import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { rosterMethods } from '../../../shared/api/methods/roster';
import type { Case, Informant } from '../../../shared/model/types';
import { coderFilter, codingInformantsSelect } from '../analysis/attribution';
import type { HandlersOf } from '../handlerTypes';
import { CASE_COLUMNS, INFORMANT_COLUMNS, toCase, toInformant, type CaseRow, type InformantRow } from '../rows';

function informantById(db: Database.Database, id: string): Informant {
  const row = db.prepare(`SELECT ${INFORMANT_COLUMNS} FROM informants WHERE id = ?`).get(id) as InformantRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no informant with id ${id}`);
  return toInformant(row);
}

function caseById(db: Database.Database, id: string): Case {
  const row = db.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ?`).get(id) as CaseRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no case with id ${id}`);
  return toCase(row);
}

function count(db: Database.Database, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number }).n;
}

/** True when `candidate` is `caseId` or lies inside it (following parents up from `candidate`). */
function isInside(db: Database.Database, candidate: string, caseId: string): boolean {
  const row = db
    .prepare(
      `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT cases.parent_id FROM cases JOIN up ON cases.id = up.id WHERE cases.parent_id IS NOT NULL)
       SELECT 1 FROM up WHERE id = ?`,
    )
    .get(candidate, caseId);
  return !!row;
}

export const rosterHandlers = {
  'informants.delete': ({ id, dryRun }, { backend }) => {
    const project = backend.project();
    const db = project.db;
    const informant = informantById(db, id);
    const live = coderFilter();
    const impact = {
      informant,
      speakers: count(db, 'SELECT count(*) AS n FROM speakers WHERE informant_id = ?', id),
      documents: count(db, 'SELECT count(DISTINCT document_id) AS n FROM speakers WHERE informant_id = ?', id),
      codings: count(db, `SELECT count(*) AS n FROM (${codingInformantsSelect(`(${live.sql})`)}) WHERE informant_id = ?`, ...live.params, id),
      values: count(db, 'SELECT count(*) AS n FROM informant_values WHERE informant_id = ?', id),
    };
    if (!dryRun) {
      project.step(`Delete ${informant.role === 'interviewer' ? 'interviewer' : 'informant'} “${informant.label}”`, () => {
        db.prepare('DELETE FROM informants WHERE id = ?').run(id);
      });
    }
    return { ...impact, deleted: !dryRun };
  },
  'cases.update': (args, { backend }) => {
    const project = backend.project();
    const db = project.db;
    const before = caseById(db, args.id);
    if (args.parentId) {
      const parent = caseById(db, args.parentId);
      if (isInside(db, parent.id, before.id)) {
        throw new AppError('CONFLICT', parent.id === before.id ? `“${before.name}” cannot be inside itself` : `“${before.name}” cannot go inside “${parent.name}”, which is inside it`);
      }
    }
    const columns: [string, unknown][] = [];
    if (args.name !== undefined && args.name !== before.name) columns.push(['name', args.name]);
    if (args.code !== undefined && args.code !== before.code) columns.push(['code', args.code]);
    if (args.memo !== undefined && args.memo !== before.memo) columns.push(['memo', args.memo]);
    if (args.parentId !== undefined && args.parentId !== before.parentId) {
      columns.push(['parent_id', args.parentId]);
      const siblings = count(db, 'SELECT coalesce(max(sort_order), -1) + 1 AS n FROM cases WHERE parent_id IS ?', args.parentId);
      columns.push(['sort_order', siblings]);
    }
    if (columns.length > 0) {
      project.step(`Edit case “${before.name}”`, () => {
        db.prepare(`UPDATE cases SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map(([, v]) => v), before.id);
      });
    }
    return caseById(db, before.id);
  },
  'cases.delete': ({ id, dryRun }, { backend }) => {
    const project = backend.project();
    const db = project.db;
    const removed = caseById(db, id);
    const impact = {
      case: removed,
      children: count(db, 'SELECT count(*) AS n FROM cases WHERE parent_id = ?', id),
      informants: count(db, 'SELECT count(*) AS n FROM informants WHERE case_id = ?', id),
      documents: count(db, 'SELECT count(*) AS n FROM documents WHERE case_id = ?', id),
      values: count(db, 'SELECT count(*) AS n FROM case_values WHERE case_id = ?', id),
    };
    if (!dryRun) {
      project.step(`Delete case “${removed.name}”`, () => {
        // What was in the case moves up one level rather than losing its place altogether.
        db.prepare('UPDATE cases SET parent_id = ? WHERE parent_id = ?').run(removed.parentId, id);
        db.prepare('UPDATE informants SET case_id = ? WHERE case_id = ?').run(removed.parentId, id);
        db.prepare('UPDATE documents SET case_id = ? WHERE case_id = ?').run(removed.parentId, id);
        db.prepare('DELETE FROM cases WHERE id = ?').run(id);
      });
    }
    return { ...impact, deleted: !dryRun };
  },
} satisfies HandlersOf<typeof rosterMethods>;
