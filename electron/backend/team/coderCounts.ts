import type Database from 'better-sqlite3';
import type { CoderCounts } from '../../../shared/api/methods/team';
import { codeSupport } from '../codebookStats';
import { coderName } from './coders';

// The numbers the codebook, the documents list and the code details show, counted over one coder's
// codings only: while blind coding is on (or the coder filter is set) nothing may reveal how much
// the other coders coded.

/** One coder's codings per code and per document, and code support over their codings alone. */
export function coderCounts(db: Database.Database, coderId: string): CoderCounts {
  coderName(db, coderId); // NOT_FOUND for an unknown coder
  const perCode = db.prepare('SELECT code_id AS id, count(*) AS n FROM codings WHERE coder_id = ? GROUP BY code_id').all(coderId) as { id: string; n: number }[];
  const perDocument = db.prepare('SELECT document_id AS id, count(*) AS n FROM codings WHERE coder_id = ? GROUP BY document_id').all(coderId) as { id: string; n: number }[];
  const support = codeSupport(db, coderId);
  return {
    coderId,
    codes: Object.fromEntries(perCode.map((r) => [r.id, r.n])),
    documents: Object.fromEntries(perDocument.map((r) => [r.id, r.n])),
    stats: [...support].map(([codeId, s]) => ({ codeId, ...s })),
  };
}
