import type Database from 'better-sqlite3';
import { SpanIndex } from '../../../shared/analysis/turnIndex';

// "Informants of codings": the one place that says which informants a coding is attributed to.
// Every view that counts informants (matrices, grounding, figure counts, quote attributions) should
// use these, so the rule is the same everywhere:
//
// - a coding's informants are the informants speaking in the turns its range overlaps
//   (shared/text/README.md, rule 5): turn.start < coding.end AND turn.end > coding.start, so a
//   coding across two speakers' turns belongs to both;
// - interviewers never count: a speaker marked 'interviewer', or mapped to a person whose role is
//   'interviewer', is left out; an unmapped speaker has no informant;
// - the analysis covers codings that are not orphaned, in documents used in the analysis.

/**
 * SQL of the codings the analysis covers, as a subquery with columns
 * `id, code_id, document_id, start, end, coder_id, representative`. A join, not
 * `document_id IN (SELECT …)`: inside the matrix's joins the IN form made SQLite's plan 5× slower.
 */
export const LIVE_CODINGS_SQL = `SELECT cg.id, cg.code_id, cg.document_id, cg.start, cg.end, cg.coder_id, cg.representative
  FROM codings cg JOIN documents d ON d.id = cg.document_id
  WHERE cg.status != 'orphaned' AND d.used_in_analysis = 1`;

/** The speaker is an informant: never an interviewer, by the speaker's role or the person's. */
const SPEAKS_AS_INFORMANT = `i.role = 'informant' AND (s.role IS NULL OR s.role = 'informant')`;

/** Each document's longest turn: how far before a coding a turn overlapping it can start. */
const TURN_REACH = '(SELECT document_id, max(end - start) AS reach FROM turns GROUP BY document_id)';

/**
 * Turn `t` overlaps coding `c` (half-open ranges). Turns are found through the index on
 * `turns(document_id, start)`: a turn overlapping a coding starts before the coding ends, and no
 * earlier than the coding's start minus the document's longest turn (`reach`), which keeps the
 * index range short without assuming turns never overlap each other.
 */
function overlaps(c: string, reach: string): string {
  return `t.document_id = ${c}.document_id AND t.start < ${c}.end AND t.start >= ${c}.start - ${reach} AND t.end > ${c}.start`;
}

/**
 * A SELECT of `(coding_id, informant_id)` pairs, each pair once, for the codings of `codings` — any
 * table name, CTE name or parenthesised subquery with `id, document_id, start, end` columns.
 */
export function codingInformantsSelect(codings: string): string {
  return `SELECT DISTINCT cx.id AS coding_id, s.informant_id AS informant_id
  FROM ${codings} AS cx
  JOIN ${TURN_REACH} AS tl ON tl.document_id = cx.document_id
  JOIN turns t ON ${overlaps('cx', 'tl.reach')}
  JOIN speakers s ON s.id = t.speaker_id
  JOIN informants i ON i.id = s.informant_id
  WHERE ${SPEAKS_AS_INFORMANT}`;
}

/** One coding's attribution. */
export interface CodingInformant {
  readonly codingId: string;
  readonly informantId: string;
}

/** The informant pairs of every coding the analysis covers (optionally only those by some coders). */
export function liveCodingInformants(db: Database.Database, coderIds?: readonly string[]): CodingInformant[] {
  const live = coderFilter(coderIds);
  const rows = db.prepare(codingInformantsSelect(`(${live.sql})`)).all(...live.params) as { coding_id: string; informant_id: string }[];
  return rows.map((r) => ({ codingId: r.coding_id, informantId: r.informant_id }));
}

/** A coding the analysis covers, with its informants (ids, unordered). */
export interface LiveCoding {
  readonly id: string;
  readonly codeId: string;
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
  /** Starred as a representative quote. */
  readonly representative: boolean;
  readonly informantIds: string[];
}

/**
 * Every coding the analysis covers (optionally only some coders'), each with its informants. The
 * same rule as `codingInformantsSelect`, computed in two plain reads: each analysed turn with the
 * informant speaking in it (the role rule, in SQL), then the overlaps per document with a sorted
 * index — about twice as fast as the join on large projects, which the matrix needs.
 * tests/unit/electron/backend/analysis/attribution.test.ts checks the two agree.
 */
export function liveCodingsWithInformants(db: Database.Database, coderIds?: readonly string[]): LiveCoding[] {
  const turns = db
    .prepare(
      `SELECT t.document_id, t.start, t.end, CASE WHEN ${SPEAKS_AS_INFORMANT} THEN s.informant_id END
       FROM turns t JOIN documents d ON d.id = t.document_id
       LEFT JOIN speakers s ON s.id = t.speaker_id LEFT JOIN informants i ON i.id = s.informant_id
       WHERE d.used_in_analysis = 1`,
    )
    .raw(true)
    .all() as [string, number, number, string | null][];
  const byDocument = new Map<string, { start: number; end: number; informant: string | null }[]>();
  for (const [documentId, start, end, informant] of turns) {
    const list = byDocument.get(documentId);
    const turn = { start, end, informant };
    if (list) list.push(turn);
    else byDocument.set(documentId, [turn]);
  }
  const indices = new Map([...byDocument].map(([documentId, list]) => [documentId, new SpanIndex(list)]));
  const live = coderFilter(coderIds);
  const rows = db.prepare(`SELECT id, code_id, document_id, start, end, representative FROM (${live.sql})`).raw(true).all(...live.params) as [string, string, string, number, number, number][];
  return rows.map(([id, codeId, documentId, start, end, representative]) => {
    const informantIds: string[] = [];
    indices.get(documentId)?.forEachOverlapping(start, end, (turn) => {
      if (turn.informant !== null && !informantIds.includes(turn.informant)) informantIds.push(turn.informant);
    });
    return { id, codeId, documentId, start, end, representative: representative === 1, informantIds };
  });
}

/**
 * The informants (ids, in the user's order) of the given codings, whatever their status or
 * document: for showing who said a quote. Codings with nobody get an empty list.
 */
export function informantsOfCodings(db: Database.Database, codingIds: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>(codingIds.map((id) => [id, []]));
  if (codingIds.length === 0) return out;
  const selected = `(SELECT c.id, c.document_id, c.start, c.end FROM codings c WHERE c.id IN (SELECT value FROM json_each(?)))`;
  const rows = db
    .prepare(`SELECT a.coding_id, a.informant_id FROM (${codingInformantsSelect(selected)}) a JOIN informants i ON i.id = a.informant_id ORDER BY i.sort_order, i.created_at`)
    .all(JSON.stringify(codingIds)) as { coding_id: string; informant_id: string }[];
  for (const r of rows) out.get(r.coding_id)?.push(r.informant_id);
  return out;
}

/**
 * Informants (never interviewers) speaking in at least one document used in the analysis, with the
 * documents they speak in: the people the analysis's "of N informants" counts.
 */
export function analysedInformants(db: Database.Database): { id: string; documentIds: string[] }[] {
  const rows = db
    .prepare(
      `SELECT i.id, s.document_id FROM informants i
       JOIN speakers s ON s.informant_id = i.id
       JOIN documents d ON d.id = s.document_id
       WHERE i.role = 'informant' AND (s.role IS NULL OR s.role = 'informant') AND d.used_in_analysis = 1
         AND EXISTS (SELECT 1 FROM turns t WHERE t.speaker_id = s.id)
       GROUP BY i.id, s.document_id
       ORDER BY i.sort_order, i.created_at, d.sort_order, d.created_at`,
    )
    .all() as { id: string; document_id: string }[];
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.id);
    if (list) list.push(r.document_id);
    else out.set(r.id, [r.document_id]);
  }
  return [...out].map(([id, documentIds]) => ({ id, documentIds }));
}

/** The live-codings subquery, restricted to some coders when asked. */
export function coderFilter(coderIds?: readonly string[]): { sql: string; params: string[] } {
  if (!coderIds || coderIds.length === 0) return { sql: LIVE_CODINGS_SQL, params: [] };
  return { sql: `${LIVE_CODINGS_SQL} AND cg.coder_id IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(coderIds)] };
}
