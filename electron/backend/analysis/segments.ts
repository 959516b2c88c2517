import type Database from 'better-sqlite3';
import type { CodedSegment } from '../../../shared/api/methods/codings';
import { caseLabel } from '../../../shared/analysis/data';
import { CODING_COLUMNS, toCoding, type CodingRow } from '../rows';
import { informantsOfCodings } from './attribution';

/** Characters of context shown before and after a passage. */
const CONTEXT = 150;

function isLowSurrogate(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Up to CONTEXT code units before `start` and after `end`, never splitting a surrogate pair. */
function contextAround(text: string, start: number, end: number): { before: string; after: string } {
  let from = Math.max(0, start - CONTEXT);
  if (from > 0 && isLowSurrogate(text, from)) from += 1;
  let to = Math.min(text.length, end + CONTEXT);
  if (to < text.length && isLowSurrogate(text, to)) to -= 1;
  return { before: text.slice(from, start), after: text.slice(end, to) };
}

/**
 * Codings as coded segments for drill-down lists (quote, context, code, document, coder, and the
 * informants and cases it is attributed to), in the order of `codingIds`; unknown ids are skipped.
 */
export function segmentsOf(db: Database.Database, codingIds: readonly string[]): CodedSegment[] {
  if (codingIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT ${CODING_COLUMNS.split(', ').map((c) => `c.${c}`).join(', ')}, co.label AS code_label, d.title AS document_title, d.case_id AS document_case,
              cd.name AS coder_name
       FROM codings c JOIN codes co ON co.id = c.code_id JOIN documents d ON d.id = c.document_id JOIN coders cd ON cd.id = c.coder_id
       WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(codingIds)) as (CodingRow & { code_label: string; document_title: string; document_case: string | null; coder_name: string })[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const people = informantsOfCodings(db, codingIds);
  const informants = new Map(
    (db.prepare('SELECT id, label, case_id FROM informants').all() as { id: string; label: string; case_id: string | null }[]).map((i) => [i.id, i]),
  );
  const cases = new Map((db.prepare('SELECT id, name, code FROM cases').all() as { id: string; name: string; code: string }[]).map((c) => [c.id, c]));
  const texts = new Map<string, string>();
  const textOf = (documentId: string) => {
    let text = texts.get(documentId);
    if (text === undefined) {
      text = (db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string }).text;
      texts.set(documentId, text);
    }
    return text;
  };
  const out: CodedSegment[] = [];
  for (const id of codingIds) {
    const row = byId.get(id);
    if (!row) continue;
    const who = (people.get(id) ?? []).map((p) => informants.get(p)!).filter(Boolean);
    const caseIds = new Set<string>();
    for (const p of who) if (p.case_id ?? row.document_case) caseIds.add((p.case_id ?? row.document_case)!);
    if (who.length === 0 && row.document_case) caseIds.add(row.document_case);
    out.push({
      coding: toCoding(row),
      codeLabel: row.code_label,
      documentTitle: row.document_title,
      informants: who.map((p) => ({ id: p.id, label: p.label })),
      cases: [...caseIds].map((c) => cases.get(c)).filter((c) => !!c).map((c) => caseLabel(c!)),
      coderName: row.coder_name,
      ...contextAround(textOf(row.document_id), row.start, row.end),
    });
  }
  return out;
}
