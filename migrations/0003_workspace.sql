-- 0003_workspace: full-text search over documents, and codings that may share a range once an
-- edit has flagged them for review.

-- Text edits can bring two codings of the same code and coder onto the same range (the words
-- between them deleted), or orphan two at the same point. Both are kept for review, so the range
-- is unique only among codings in good standing ('ok'). SQLite cannot drop a UNIQUE constraint,
-- so the table is rebuilt (same columns, same checks, same order).
CREATE TABLE codings_new (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  code_id TEXT NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  start INTEGER NOT NULL CHECK (start >= 0),
  end INTEGER NOT NULL,
  coder_id TEXT NOT NULL REFERENCES coders(id),
  quote TEXT NOT NULL,
  memo TEXT NOT NULL DEFAULT '',
  representative INTEGER NOT NULL DEFAULT 0 CHECK (representative IN (0, 1)),
  rep_order INTEGER NOT NULL DEFAULT 0,
  excerpt TEXT,
  status TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'changed', 'orphaned')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (end > start OR (status = 'orphaned' AND end = start))
) STRICT;
INSERT INTO codings_new (id, document_id, code_id, start, end, coder_id, quote, memo, representative, rep_order, excerpt, status, created_at, updated_at)
  SELECT id, document_id, code_id, start, end, coder_id, quote, memo, representative, rep_order, excerpt, status, created_at, updated_at FROM codings;
DROP TABLE codings;
ALTER TABLE codings_new RENAME TO codings;
CREATE INDEX codings_document ON codings(document_id, start);
CREATE INDEX codings_code ON codings(code_id);
CREATE UNIQUE INDEX codings_unique_ok ON codings(document_id, code_id, coder_id, start, end) WHERE status = 'ok';
CREATE INDEX codings_status ON codings(status) WHERE status <> 'ok';

-- The search index: one row per document holding its text folded for search (lower case, no
-- diacritics, æ → a, ø → o, å → a: shared/text/fold.ts). Contentless (the folded text is not
-- stored twice); `document_id` and `text_hash` are kept to find the row and to tell whether it is
-- in step with documents.text. It is derived data: not part of the undo history, maintained by
-- temporary triggers that call stige_fold() on each connection, and rebuilt at open when it is
-- missing or out of step (electron/backend/db/searchIndex.ts). The migration leaves it empty; the
-- first open fills it.
CREATE VIRTUAL TABLE documents_fts USING fts5(
  folded,
  document_id UNINDEXED,
  text_hash UNINDEXED,
  content = '',
  contentless_delete = 1,
  contentless_unindexed = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
