import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { SpeakerOverview, speakersMethods } from '../../../shared/api/methods/speakers';
import type { PersonRole, Speaker, Turn } from '../../../shared/model/types';
import type { HandlersOf } from '../handlerTypes';
import { SPEAKER_COLUMNS, toSpeaker, toTurn, TURN_COLUMNS, type SpeakerRow, type TurnRow } from '../rows';

function getSpeaker(db: Database.Database, id: string): Speaker {
  const row = db.prepare(`SELECT ${SPEAKER_COLUMNS} FROM speakers WHERE id = ?`).get(id) as SpeakerRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no speaker with id ${id}`);
  return toSpeaker(row);
}

function getTurn(db: Database.Database, id: string): Turn & { documentId: string } {
  const row = db.prepare(`SELECT ${TURN_COLUMNS}, document_id FROM turns WHERE id = ?`).get(id) as (TurnRow & { document_id: string }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no turn with id ${id}`);
  return { ...toTurn(row), documentId: row.document_id };
}

function documentTitle(db: Database.Database, id: string): string {
  const row = db.prepare('SELECT title FROM documents WHERE id = ?').get(id) as { title: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no document with id ${id}`);
  return row.title;
}

/** The role a speaker takes: as given, else the mapped informant's, else none. */
function roleFor(db: Database.Database, informantId: string | null | undefined, role: PersonRole | null | undefined): PersonRole | null {
  if (role !== undefined && role !== null) return role;
  if (!informantId) return null;
  const row = db.prepare('SELECT role FROM informants WHERE id = ?').get(informantId) as { role: PersonRole } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no informant with id ${informantId}`);
  return row.role;
}

/** Insert a speaker at the end of its document's list (call inside a step). */
function insertSpeaker(db: Database.Database, documentId: string, label: string, informantId: string | null, role: PersonRole | null): string {
  const id = randomUUID();
  const order = (db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM speakers WHERE document_id = ?').get(documentId) as { n: number }).n;
  db.prepare('INSERT INTO speakers (id, document_id, label, informant_id, role, sort_order) VALUES (?, ?, ?, ?, ?, ?)').run(id, documentId, label, informantId, role, order);
  return id;
}

/** The "Speakers" step's list for one document. */
export function speakerOverview(db: Database.Database, documentId: string): SpeakerOverview[] {
  documentTitle(db, documentId);
  const { text } = db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string };
  const rows = db
    .prepare(
      `SELECT ${SPEAKER_COLUMNS.split(', ').map((c) => `s.${c}`).join(', ')}, i.label AS informant_label,
              (SELECT count(*) FROM turns t WHERE t.speaker_id = s.id) AS turn_count,
              f.id AS first_id, f.start AS first_start, f.end AS first_end, f.time_start_ms AS first_time
       FROM speakers s
       LEFT JOIN informants i ON i.id = s.informant_id
       LEFT JOIN turns f ON f.id = (SELECT t.id FROM turns t WHERE t.speaker_id = s.id ORDER BY t.start LIMIT 1)
       WHERE s.document_id = ?
       ORDER BY coalesce(f.start, 1e18), s.sort_order`,
    )
    .all(documentId) as (SpeakerRow & {
    informant_label: string | null;
    turn_count: number;
    first_id: string | null;
    first_start: number | null;
    first_end: number | null;
    first_time: number | null;
  })[];
  return rows.map((r) => ({
    speaker: toSpeaker(r),
    informantLabel: r.informant_label,
    turnCount: r.turn_count,
    sample: r.first_start === null || r.first_end === null ? '' : text.slice(r.first_start, Math.min(r.first_end, r.first_start + 160)),
    firstTurnId: r.first_id,
    firstTimeMs: r.first_time,
  }));
}

export const speakersHandlers = {
  'speakers.list': ({ documentId }, { backend }) => speakerOverview(backend.project().db, documentId),
  'speakers.create': (args, { backend }) => {
    const project = backend.project();
    const db = project.db;
    documentTitle(db, args.documentId);
    const role = roleFor(db, args.informantId, args.role);
    const id = project.step(`Add speaker “${args.label}”`, () => insertSpeaker(db, args.documentId, args.label, args.informantId ?? null, role));
    return getSpeaker(db, id);
  },
  'speakers.merge': ({ id, intoId }, { backend }) => {
    const project = backend.project();
    const db = project.db;
    const from = getSpeaker(db, id);
    const into = getSpeaker(db, intoId);
    if (from.id === into.id) throw new AppError('CONFLICT', `“${from.label}” cannot be merged into itself`);
    if (from.documentId !== into.documentId) throw new AppError('CONFLICT', `“${from.label}” and “${into.label}” speak in different documents; only speakers of one document can be merged`);
    project.step(`Merge speaker “${from.label}” into “${into.label}”`, () => {
      db.prepare('UPDATE turns SET speaker_id = ? WHERE speaker_id = ?').run(into.id, from.id);
      db.prepare('DELETE FROM speakers WHERE id = ?').run(from.id);
    });
    return getSpeaker(db, into.id);
  },
  'speakers.delete': ({ id }, { backend }) => {
    const project = backend.project();
    const speaker = getSpeaker(project.db, id);
    const { n } = project.db.prepare('SELECT count(*) AS n FROM turns WHERE speaker_id = ?').get(id) as { n: number };
    if (n > 0) throw new AppError('CONFLICT', `“${speaker.label}” still speaks in ${n} turn${n === 1 ? '' : 's'}; assign them to another speaker or merge it first`);
    project.step(`Remove speaker “${speaker.label}”`, () => project.db.prepare('DELETE FROM speakers WHERE id = ?').run(id));
    return null;
  },
  'turns.assign': (args, { backend }) => {
    const project = backend.project();
    const db = project.db;
    const hasTarget = args.speakerId !== undefined;
    if (hasTarget === (args.newSpeaker !== undefined)) {
      throw new AppError('VALIDATION', 'Say who speaks the turns: give either speakerId (null for nobody) or newSpeaker, not both');
    }
    const turns = [...new Set(args.turnIds)].map((turnId) => getTurn(db, turnId));
    const documentId = turns[0]!.documentId;
    if (turns.some((t) => t.documentId !== documentId)) throw new AppError('CONFLICT', 'The turns belong to different documents; assign the turns of one document at a time');
    let target: Speaker | null = null;
    if (args.speakerId) {
      target = getSpeaker(db, args.speakerId);
      if (target.documentId !== documentId) throw new AppError('CONFLICT', `“${target.label}” speaks in another document`);
    }
    const newSpeaker = args.newSpeaker;
    const role = newSpeaker ? roleFor(db, newSpeaker.informantId, newSpeaker.role) : null;
    const label = newSpeaker?.label ?? target?.label ?? null;
    const speakerId = project.step(
      label ? `Assign ${turns.length === 1 ? 'a turn' : `${turns.length} turns`} to “${label}”` : `Mark ${turns.length === 1 ? 'a turn' : `${turns.length} turns`} as nobody's speech`,
      () => {
        const id = newSpeaker ? insertSpeaker(db, documentId, newSpeaker.label, newSpeaker.informantId ?? null, role) : (target?.id ?? null);
        const update = db.prepare('UPDATE turns SET speaker_id = ? WHERE id = ?');
        for (const turn of turns) update.run(id, turn.id);
        return id;
      },
    );
    return { speaker: speakerId ? getSpeaker(db, speakerId) : null, turns: turns.map((t) => toTurnOnly(getTurn(db, t.id))) };
  },
  'turns.split': ({ turnId, at }, { backend }) => {
    const project = backend.project();
    const db = project.db;
    const turn = getTurn(db, turnId);
    const { text } = db.prepare('SELECT text FROM documents WHERE id = ?').get(turn.documentId) as { text: string };
    if (!(at > turn.start && at < turn.end && text[at - 1] === '\n')) {
      throw new AppError('VALIDATION', `A turn can only be split where one of its paragraphs starts (offset ${at} is not a paragraph start inside [${turn.start}, ${turn.end}))`);
    }
    const secondId = randomUUID();
    project.step('Split a turn', () => {
      db.prepare('UPDATE turns SET end = ?, time_end_ms = NULL WHERE id = ?').run(at - 1, turn.id);
      db.prepare('INSERT INTO turns (id, document_id, speaker_id, start, end, time_start_ms, time_end_ms) VALUES (?, ?, ?, ?, ?, NULL, ?)').run(
        secondId,
        turn.documentId,
        turn.speakerId,
        at,
        turn.end,
        turn.timeEndMs,
      );
    });
    return [toTurnOnly(getTurn(db, turn.id)), toTurnOnly(getTurn(db, secondId))] as const;
  },
} satisfies HandlersOf<typeof speakersMethods>;

function toTurnOnly(turn: Turn & { documentId: string }): Turn {
  const { documentId: _documentId, ...rest } = turn;
  return rest;
}
