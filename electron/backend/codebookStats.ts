import type Database from 'better-sqlite3';
import type { CodeSupport } from '../../shared/layout/structureTree';
import { liveCodingsWithInformants } from './analysis/attribution';

// How much material supports each code. Counted over codings that are not orphaned, in documents
// used in the analysis; a theme or dimension counts everything below it too (distinct codings and
// distinct informants). A coding's informants are those speaking in the turns it overlaps
// (shared/text/README.md, rule 5); interviewers never count.

/**
 * Support per code id (codes without codings are absent: use NO_SUPPORT). With `coderId`, only that
 * coder's codings count (blind coding, the coder filter).
 *
 * Each coding's informants come from `liveCodingsWithInformants` (the attribution rule's one
 * place); they are added to the coding's code and every code above it. One SQL statement joining
 * codings × ancestors × overlapping turns did the same in over a second on 15,000 codings.
 */
export function codeSupport(db: Database.Database, coderId: string | null = null): ReadonlyMap<string, CodeSupport> {
  // The codebook, the figure and the coder filter ask for it after every change, often several
  // times for one change: computed once per state of the database and coder. Not inside a
  // transaction, which may still roll back.
  if (db.inTransaction) return computeSupport(db, coderId);
  const key = revision(db);
  let byCoder = supportCache.get(db);
  if (!byCoder || byCoder.key !== key) supportCache.set(db, (byCoder = { key, support: new Map() }));
  let support = byCoder.support.get(coderId);
  if (!support) byCoder.support.set(coderId, (support = computeSupport(db, coderId)));
  return support;
}

const supportCache = new WeakMap<Database.Database, { key: string; support: Map<string | null, ReadonlyMap<string, CodeSupport>> }>();

/**
 * The state of a database as a key: every row this connection changes (in a step, an undo, a
 * rolled-back attempt) moves total_changes(); a commit by another connection moves data_version.
 */
function revision(db: Database.Database): string {
  const { n } = db.prepare('SELECT total_changes() AS n').get() as { n: number };
  return `${n}:${String(db.pragma('data_version', { simple: true }))}`;
}

function computeSupport(db: Database.Database, coderId: string | null): ReadonlyMap<string, CodeSupport> {
  const parents = new Map((db.prepare('SELECT id, parent_id AS parentId FROM codes').all() as { id: string; parentId: string | null }[]).map((c) => [c.id, c.parentId]));
  const ancestry = new Map<string, string[]>();
  const totals = new Map<string, { codings: number; representative: number; informants: Set<string> }>();
  for (const coding of liveCodingsWithInformants(db, coderId ? [coderId] : undefined)) {
    let codeIds = ancestry.get(coding.codeId);
    if (!codeIds) ancestry.set(coding.codeId, (codeIds = selfAndAncestors(parents, coding.codeId)));
    for (const codeId of codeIds) {
      let total = totals.get(codeId);
      if (!total) totals.set(codeId, (total = { codings: 0, representative: 0, informants: new Set() }));
      total.codings += 1;
      if (coding.representative) total.representative += 1;
      for (const informant of coding.informantIds) total.informants.add(informant);
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
