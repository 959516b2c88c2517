import type Database from 'better-sqlite3';
import type { CodedSegment } from '../../shared/api/methods/codings';
import { contextAround } from '../../shared/text/context';
import { CODING_COLUMNS, toCoding, type CodingRow } from './rows';
import { textCache } from './textCache';

/** How much text a retrieved segment shows before and after the passage. */
export const SEGMENT_CONTEXT = 150;

interface TurnSpeaker {
  start: number;
  end: number;
  informant_id: string | null;
}

/** The ids of `codeId` and every code under it. */
export function codeSubtree(db: Database.Database, codeId: string): string[] {
  const rows = db
    .prepare('WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT codes.id FROM codes JOIN sub ON codes.parent_id = sub.id) SELECT id FROM sub')
    .all(codeId) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * The informants speaking in the turns `[start, end)` overlaps (turns sorted by start, disjoint):
 * a passage across two turns belongs to both speakers. An empty range (an orphaned coding) belongs
 * to the turn it sits in.
 */
export function informantsOver(turns: readonly TurnSpeaker[], start: number, end: number): string[] {
  let lo = 0;
  let hi = turns.length;
  // First turn ending after start (or at it, for a point).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const t = turns[mid]!;
    if (t.end < start || (t.end === start && end > start)) lo = mid + 1;
    else hi = mid;
  }
  const ids: string[] = [];
  for (let i = lo; i < turns.length; i += 1) {
    const t = turns[i]!;
    if (end > start ? t.start >= end : t.start > start) break;
    if (t.informant_id && !ids.includes(t.informant_id)) ids.push(t.informant_id);
  }
  return ids;
}

/**
 * The coded segments of a code (and, with `descendants`, of every code under it), in document
 * order, with informants, cases, coder and context. Texts and turns are read once per document.
 */
export function codedSegments(db: Database.Database, codeId: string, descendants: boolean): CodedSegment[] {
  const codeIds = descendants ? codeSubtree(db, codeId) : [codeId];
  const rows = db
    .prepare(
      `SELECT ${CODING_COLUMNS.split(', ').map((c) => `c.${c}`).join(', ')}, k.label AS code_label, d.title AS document_title,
              d.case_id AS document_case, d.text_hash AS text_hash, coalesce(r.name, '') AS coder_name
       FROM codings c JOIN codes k ON k.id = c.code_id JOIN documents d ON d.id = c.document_id LEFT JOIN coders r ON r.id = c.coder_id
       WHERE c.code_id IN (SELECT value FROM json_each(?))
       ORDER BY d.sort_order, d.created_at, d.id, c.start, c.end, c.id`,
    )
    .all(JSON.stringify(codeIds)) as (CodingRow & { code_label: string; document_title: string; document_case: string | null; text_hash: string; coder_name: string })[];
  if (rows.length === 0) return [];
  const informants = new Map(
    (db.prepare('SELECT id, label, case_id FROM informants').all() as { id: string; label: string; case_id: string | null }[]).map((i) => [i.id, i]),
  );
  const cases = new Map((db.prepare('SELECT id, name FROM cases').all() as { id: string; name: string }[]).map((c) => [c.id, c.name]));
  const readText = db.prepare('SELECT text FROM documents WHERE id = ?');
  const readTurns = db.prepare(
    'SELECT t.start, t.end, s.informant_id FROM turns t LEFT JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? ORDER BY t.start, t.end',
  );
  let currentDoc = '';
  let text = '';
  let turns: TurnSpeaker[] = [];
  return rows.map((row) => {
    if (row.document_id !== currentDoc) {
      currentDoc = row.document_id;
      text = textCache.get(row.text_hash, () => (readText.get(row.document_id) as { text: string }).text).text;
      turns = readTurns.all(row.document_id) as TurnSpeaker[];
    }
    const people = informantsOver(turns, row.start, row.end)
      .map((id) => informants.get(id))
      .filter((i) => i !== undefined);
    const caseNames: string[] = [];
    for (const caseId of [...people.map((p) => p.case_id), row.document_case]) {
      const name = caseId ? cases.get(caseId) : undefined;
      if (name && !caseNames.includes(name)) caseNames.push(name);
    }
    const { before, after } = contextAround(text, { start: row.start, end: row.end }, SEGMENT_CONTEXT);
    return {
      coding: toCoding(row),
      codeLabel: row.code_label,
      documentTitle: row.document_title,
      informants: people.map((p) => ({ id: p.id, label: p.label })),
      cases: caseNames,
      coderName: row.coder_name,
      before,
      after,
    };
  });
}
