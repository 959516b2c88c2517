import type Database from 'better-sqlite3';
import { SpanIndex } from '../../shared/analysis/turnIndex';
import type { CodeSupport } from '../../shared/layout/structureTree';

// How much material supports each code. Counted over codings that are not orphaned, in documents
// used in the analysis; a theme or dimension counts everything below it too (distinct codings and
// distinct informants). A coding's informants are those speaking in the turns it overlaps
// (shared/text/README.md, rule 5); interviewers never count.

interface LiveCoding {
  readonly codeId: string;
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
  readonly representative: number;
}

interface InformantTurn {
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
  readonly informantId: string;
}

/**
 * Support per code id (codes without codings are absent: use NO_SUPPORT). With `coderId`, only that
 * coder's codings count (blind coding, the coder filter).
 *
 * Two flat queries and a sweep in memory: each coding's informants are found once (by an index
 * of its document's turns), then added to the coding's code and every code above it. The
 * same count as one SQL join of codings × ancestors × overlapping turns, which took over a second
 * on 15,000 codings because SQLite cannot bound an overlap join by the index.
 */
export function codeSupport(db: Database.Database, coderId: string | null = null): ReadonlyMap<string, CodeSupport> {
  // The codebook, the figure and the coder filter ask for it after every change, often several
  // times for one change: computed once per state of the database and coder.
  const key = `${revision(db)}|${coderId ?? ''}`;
  const cached = supportCache.get(db);
  if (cached?.key === key) return cached.support;
  const support = computeSupport(db, coderId);
  supportCache.set(db, { key, support });
  return support;
}

const supportCache = new WeakMap<Database.Database, { key: string; support: ReadonlyMap<string, CodeSupport> }>();

/**
 * The state of a database as a key: every row this connection changes (in a step, an undo, a
 * rolled-back attempt) moves total_changes(); a commit by another connection moves data_version.
 */
function revision(db: Database.Database): string {
  const { n } = db.prepare('SELECT total_changes() AS n').get() as { n: number };
  return `${n}:${String(db.pragma('data_version', { simple: true }))}`;
}

function computeSupport(db: Database.Database, coderId: string | null): ReadonlyMap<string, CodeSupport> {
  const codings = db
    .prepare(
      // The documents used are looked up once: joining each coding to its document would read
      // the document's row up to used_in_analysis, which lies past the whole text in the record.
      `SELECT cg.code_id AS codeId, cg.document_id AS documentId, cg.start, cg.end, cg.representative
       FROM codings cg
       WHERE cg.status != 'orphaned' AND cg.document_id IN (SELECT id FROM documents WHERE used_in_analysis = 1)
         AND (@coder IS NULL OR cg.coder_id = @coder)`,
    )
    .all({ coder: coderId }) as LiveCoding[];
  const turns = db
    .prepare(
      `SELECT t.document_id AS documentId, t.start, t.end, i.id AS informantId
       FROM turns t JOIN speakers s ON s.id = t.speaker_id JOIN informants i ON i.id = s.informant_id
       WHERE i.role = 'informant' AND (s.role IS NULL OR s.role = 'informant')`,
    )
    .all() as InformantTurn[];
  const parents = new Map((db.prepare('SELECT id, parent_id AS parentId FROM codes').all() as { id: string; parentId: string | null }[]).map((c) => [c.id, c.parentId]));
  const informantsOf = overlappingInformants(turns);
  const totals = new Map<string, { codings: number; representative: number; informants: Set<string> }>();
  for (const coding of codings) {
    const informants = informantsOf(coding);
    for (const codeId of selfAndAncestors(parents, coding.codeId)) {
      let total = totals.get(codeId);
      if (!total) totals.set(codeId, (total = { codings: 0, representative: 0, informants: new Set() }));
      total.codings += 1;
      if (coding.representative === 1) total.representative += 1;
      for (const informant of informants) total.informants.add(informant);
    }
  }
  return new Map([...totals].map(([id, t]) => [id, { codings: t.codings, informants: t.informants.size, representative: t.representative }]));
}

/** A code and the codes above it (a cycle, which the schema should never hold, ends the walk). */
function selfAndAncestors(parents: ReadonlyMap<string, string | null>, codeId: string): string[] {
  const out: string[] = [];
  for (let id: string | null | undefined = codeId; id && parents.has(id) && !out.includes(id); id = parents.get(id)) out.push(id);
  return out;
}

/** The informants speaking in the turns a range overlaps (rule 5), by an index of each document's turns. */
function overlappingInformants(turns: readonly InformantTurn[]): (range: { documentId: string; start: number; end: number }) => Set<string> {
  const byDocument = new Map<string, InformantTurn[]>();
  for (const turn of turns) {
    const list = byDocument.get(turn.documentId);
    if (list) list.push(turn);
    else byDocument.set(turn.documentId, [turn]);
  }
  const indexes = new Map([...byDocument].map(([documentId, list]) => [documentId, new SpanIndex(list)]));
  return ({ documentId, start, end }) => {
    const found = new Set<string>();
    indexes.get(documentId)?.forEachOverlapping(start, end, (turn) => found.add(turn.informantId));
    return found;
  };
}

/** Informants (not interviewers) who speak in at least one document used in the analysis. */
export function informantTotal(db: Database.Database): number {
  return (
    db
      .prepare(
        `SELECT count(DISTINCT i.id) AS n FROM informants i
         JOIN speakers s ON s.informant_id = i.id JOIN documents d ON d.id = s.document_id
         WHERE i.role = 'informant' AND d.used_in_analysis = 1 AND (s.role IS NULL OR s.role = 'informant')`,
      )
      .get() as { n: number }
  ).n;
}
