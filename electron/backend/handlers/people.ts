import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { peopleMethods } from '../../../shared/api/methods/people';
import type { Case, Coder, Informant, Speaker } from '../../../shared/model/types';
import type { HandlersOf } from '../handlerTypes';
import { ensureInformant } from '../people';
import {
  CASE_COLUMNS,
  INFORMANT_COLUMNS,
  SPEAKER_COLUMNS,
  toCase,
  toInformant,
  toSpeaker,
  type CaseRow,
  type InformantRow,
  type SpeakerRow,
} from '../rows';

function getInformant(db: Database.Database, id: string): Informant {
  const row = db.prepare(`SELECT ${INFORMANT_COLUMNS} FROM informants WHERE id = ?`).get(id) as InformantRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no informant with id ${id}`);
  return toInformant(row);
}

function getCase(db: Database.Database, id: string): Case {
  const row = db.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ?`).get(id) as CaseRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no case with id ${id}`);
  return toCase(row);
}

function getSpeaker(db: Database.Database, id: string): Speaker {
  const row = db.prepare(`SELECT ${SPEAKER_COLUMNS} FROM speakers WHERE id = ?`).get(id) as SpeakerRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no speaker with id ${id}`);
  return toSpeaker(row);
}

function nextOrder(db: Database.Database, table: 'informants' | 'cases'): number {
  return (db.prepare(`SELECT coalesce(max(sort_order), -1) + 1 AS n FROM ${table}`).get() as { n: number }).n;
}

export const peopleHandlers = {
  'coders.list': (_args, { backend }) => backend.project().db.prepare('SELECT id, name FROM coders ORDER BY created_at').all() as Coder[],
  'informants.list': (_args, { backend }) =>
    (backend.project().db.prepare(`SELECT ${INFORMANT_COLUMNS} FROM informants ORDER BY sort_order, created_at`).all() as InformantRow[]).map(toInformant),
  'informants.create': (args, { backend }) => {
    const project = backend.project();
    if (args.caseId) getCase(project.db, args.caseId);
    const id = randomUUID();
    project.step(`Add informant “${args.label}”`, () => {
      project.db
        .prepare('INSERT INTO informants (id, label, real_name, role, case_id, role_label, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, args.label, args.realName ?? '', args.role ?? 'informant', args.caseId ?? null, args.roleLabel ?? '', nextOrder(project.db, 'informants'), Date.now());
    });
    return getInformant(project.db, id);
  },
  'informants.update': (args, { backend }) => {
    const project = backend.project();
    const before = getInformant(project.db, args.id);
    if (args.caseId) getCase(project.db, args.caseId);
    const columns: [string, unknown][] = [];
    if (args.label !== undefined) columns.push(['label', args.label]);
    if (args.role !== undefined) columns.push(['role', args.role]);
    if (args.caseId !== undefined) columns.push(['case_id', args.caseId]);
    if (args.realName !== undefined) columns.push(['real_name', args.realName]);
    if (args.roleLabel !== undefined) columns.push(['role_label', args.roleLabel]);
    if (args.memo !== undefined) columns.push(['memo', args.memo]);
    if (columns.length > 0) {
      project.step(`Edit informant “${before.label}”`, () => {
        project.db.prepare(`UPDATE informants SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map(([, v]) => v), args.id);
        // The voices mapped to a person speak in the person's role (attribution reads both).
        if (args.role !== undefined) project.db.prepare('UPDATE speakers SET role = ? WHERE informant_id = ? AND role IS NOT ?').run(args.role, args.id, args.role);
      });
    }
    return getInformant(project.db, args.id);
  },
  'cases.list': (_args, { backend }) =>
    (backend.project().db.prepare(`SELECT ${CASE_COLUMNS} FROM cases ORDER BY sort_order, created_at`).all() as CaseRow[]).map(toCase),
  'cases.create': (args, { backend }) => {
    const project = backend.project();
    if (args.parentId) getCase(project.db, args.parentId);
    const id = randomUUID();
    project.step(`Add case “${args.name}”`, () => {
      project.db
        .prepare('INSERT INTO cases (id, parent_id, name, code, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, args.parentId ?? null, args.name, args.code ?? '', nextOrder(project.db, 'cases'), Date.now());
    });
    return getCase(project.db, id);
  },
  'speakers.update': (args, { backend }) => {
    const project = backend.project();
    const before = getSpeaker(project.db, args.id);
    if (args.informantId) getInformant(project.db, args.informantId);
    if (args.informantLabel !== undefined && args.informantId !== undefined) {
      throw new AppError('VALIDATION', 'Give either informantId or informantLabel, not both');
    }
    if (args.informantLabel !== undefined) {
      const label = args.informantLabel;
      project.step(`Map speaker “${before.label}” to “${label}”`, () => {
        const { case_id: caseId } = project.db.prepare('SELECT case_id FROM documents WHERE id = ?').get(before.documentId) as { case_id: string | null };
        const informantId = ensureInformant(project.db, label, { caseId, ...(args.role ? { role: args.role } : {}) });
        const role = args.role ?? (project.db.prepare('SELECT role FROM informants WHERE id = ?').get(informantId) as { role: string }).role;
        project.db.prepare('UPDATE speakers SET informant_id = ?, role = ?, label = coalesce(?, label) WHERE id = ?').run(informantId, role, args.label ?? null, args.id);
      });
      return getSpeaker(project.db, args.id);
    }
    const columns: [string, unknown][] = [];
    if (args.label !== undefined) columns.push(['label', args.label]);
    if (args.informantId !== undefined) columns.push(['informant_id', args.informantId]);
    if (args.role !== undefined) columns.push(['role', args.role]);
    if (args.informantId && args.role === undefined) {
      columns.push(['role', (project.db.prepare('SELECT role FROM informants WHERE id = ?').get(args.informantId) as { role: string }).role]);
    }
    if (columns.length > 0) {
      project.step(`Edit speaker “${before.label}”`, () => {
        project.db.prepare(`UPDATE speakers SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map(([, v]) => v), args.id);
      });
    }
    return getSpeaker(project.db, args.id);
  },
} satisfies HandlersOf<typeof peopleMethods>;
