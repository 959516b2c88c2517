import type Database from 'better-sqlite3';
import type { CodeSupport } from '../../shared/layout/structureTree';

// How much material supports each code. Counted over codings that are not orphaned, in documents
// used in the analysis; a theme or dimension counts everything below it too (distinct codings and
// distinct informants). A coding's informants are those speaking in the turns it overlaps
// (shared/text/README.md, rule 5); interviewers never count.

const TREE = `WITH RECURSIVE tree(ancestor, id) AS (
    SELECT id, id FROM codes
    UNION SELECT tree.ancestor, c.id FROM codes c JOIN tree ON c.parent_id = tree.id
  ),
  live AS (
    SELECT cg.id, cg.code_id, cg.document_id, cg.start, cg.end, cg.representative
    FROM codings cg JOIN documents d ON d.id = cg.document_id
    WHERE cg.status != 'orphaned' AND d.used_in_analysis = 1 AND (@coder IS NULL OR cg.coder_id = @coder)
  )`;

/**
 * Support per code id (codes without codings are absent: use NO_SUPPORT). With `coderId`, only that
 * coder's codings count (blind coding, the coder filter).
 */
export function codeSupport(db: Database.Database, coderId: string | null = null): Map<string, CodeSupport> {
  const counts = db
    .prepare(
      `${TREE}
       SELECT tree.ancestor AS code_id, count(DISTINCT live.id) AS codings,
              count(DISTINCT CASE WHEN live.representative = 1 THEN live.id END) AS representative
       FROM tree JOIN live ON live.code_id = tree.id GROUP BY tree.ancestor`,
    )
    .all({ coder: coderId }) as { code_id: string; codings: number; representative: number }[];
  const informants = db
    .prepare(
      `${TREE}
       SELECT tree.ancestor AS code_id, count(DISTINCT i.id) AS informants
       FROM tree JOIN live ON live.code_id = tree.id
       JOIN turns t ON t.document_id = live.document_id AND t.start < live.end AND t.end > live.start
       JOIN speakers s ON s.id = t.speaker_id
       JOIN informants i ON i.id = s.informant_id
       WHERE i.role = 'informant' AND (s.role IS NULL OR s.role = 'informant')
       GROUP BY tree.ancestor`,
    )
    .all({ coder: coderId }) as { code_id: string; informants: number }[];
  const byInformants = new Map(informants.map((r) => [r.code_id, r.informants]));
  return new Map(counts.map((r) => [r.code_id, { codings: r.codings, informants: byInformants.get(r.code_id) ?? 0, representative: r.representative }]));
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
