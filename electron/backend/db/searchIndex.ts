import type Database from 'better-sqlite3';
import { foldString } from '../../../shared/text/fold';

/**
 * The full-text index over documents (`documents_fts`, migration 0003): each document's text folded
 * for search, kept in step with `documents.text` by temporary triggers on every connection.
 *
 * Why temporary triggers calling a JavaScript function: undo and redo replay plain SQL into
 * `documents` (db/history.ts), so the index must follow any write to the table, whoever makes it;
 * and the folding (shared/text/fold.ts) is JavaScript, registered on the connection as
 * `stige_fold(text)`. A connection without Stige (the sqlite3 shell, another tool) has neither, so
 * its writes leave the index behind: `openSearchIndex` notices at open (a row per document, each
 * stamped with the document's text hash and the folding's version) and rebuilds it.
 */

/** The schema version that has the index. */
export const SEARCH_INDEX_SCHEMA = 3;

/** Bump when the folding changes: every index row is then out of step and rebuilt at open. */
export const FOLD_VERSION = 'f1';

/** How documents are folded in the index: "æ" becomes "a" (the query also tries "ae" as "a"). */
export function indexFold(text: string): string {
  return foldString(text, { ae: 'a' });
}

const TABLE_SQL = `CREATE VIRTUAL TABLE IF NOT EXISTS main.documents_fts USING fts5(
  folded, document_id UNINDEXED, text_hash UNINDEXED,
  content = '', contentless_delete = 1, contentless_unindexed = 1,
  tokenize = 'unicode61 remove_diacritics 2')`;

/**
 * Register `stige_fold` and the triggers on this connection, and rebuild the index when it is
 * missing or out of step. Files older than the index's schema are left alone. Returns whether it rebuilt.
 */
export function openSearchIndex(db: Database.Database): boolean {
  db.function('stige_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? indexFold(text) : ''));
  if ((db.pragma('user_version', { simple: true }) as number) < SEARCH_INDEX_SCHEMA) return false;
  const exists = db.prepare("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'documents_fts'").get();
  if (!exists) {
    // Shadow tables can outlive their table (dropped by a tool that did not clean up).
    for (const shadow of ['data', 'idx', 'content', 'docsize', 'config']) db.exec(`DROP TABLE IF EXISTS main.documents_fts_${shadow}`);
    db.exec(TABLE_SQL);
  }
  db.exec(`
    DROP TRIGGER IF EXISTS temp.search_documents_insert;
    DROP TRIGGER IF EXISTS temp.search_documents_update;
    DROP TRIGGER IF EXISTS temp.search_documents_delete;
    CREATE TEMP TRIGGER search_documents_insert AFTER INSERT ON main.documents BEGIN
      INSERT INTO main.documents_fts (folded, document_id, text_hash) VALUES (stige_fold(NEW.text), NEW.id, '${FOLD_VERSION}:' || NEW.text_hash);
    END;
    CREATE TEMP TRIGGER search_documents_update AFTER UPDATE OF id, text, text_hash ON main.documents BEGIN
      DELETE FROM main.documents_fts WHERE document_id = OLD.id;
      INSERT INTO main.documents_fts (folded, document_id, text_hash) VALUES (stige_fold(NEW.text), NEW.id, '${FOLD_VERSION}:' || NEW.text_hash);
    END;
    CREATE TEMP TRIGGER search_documents_delete AFTER DELETE ON main.documents BEGIN
      DELETE FROM main.documents_fts WHERE document_id = OLD.id;
    END;
  `);
  if (!exists || searchIndexStale(db)) {
    rebuildSearchIndex(db);
    return true;
  }
  return false;
}

/** True when the index does not hold exactly one up-to-date row per document. */
export function searchIndexStale(db: Database.Database): boolean {
  const documents = db.prepare('SELECT id, text_hash FROM documents').all() as { id: string; text_hash: string }[];
  const rows = db.prepare('SELECT document_id, text_hash FROM documents_fts').all() as { document_id: string | null; text_hash: string | null }[];
  if (rows.length !== documents.length) return true;
  const indexed = new Map(rows.map((r) => [r.document_id, r.text_hash]));
  return documents.some((d) => indexed.get(d.id) !== `${FOLD_VERSION}:${d.text_hash}`);
}

/** Fill the index afresh from `documents` (derived data: not an undo step). */
export function rebuildSearchIndex(db: Database.Database): void {
  db.transaction(() => {
    db.exec("INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')");
    const insert = db.prepare('INSERT INTO documents_fts (folded, document_id, text_hash) VALUES (?, ?, ?)');
    const read = db.prepare('SELECT text, text_hash FROM documents WHERE id = ?');
    // One text at a time: a project's texts together may be large.
    for (const { id } of db.prepare('SELECT id FROM documents').all() as { id: string }[]) {
      const doc = read.get(id) as { text: string; text_hash: string };
      insert.run(indexFold(doc.text), id, `${FOLD_VERSION}:${doc.text_hash}`);
    }
  })();
}
