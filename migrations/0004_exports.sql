-- 0004_exports: thesis exports (quote tables, overviews, quote lists) and their checks.

-- A quote's own anonymity level, overriding the project's attribution style for this quote only
-- (NULL: the project's). See shared/exports/settings.ts, ANONYMITY_LEVELS.
ALTER TABLE codings ADD COLUMN attribution TEXT CHECK (attribution IS NULL OR attribution IN ('pseudonym', 'role', 'case', 'anonymous'));

-- The role label exports print for the "role" attribution ("Informant KS", "prosjektleder");
-- two informants may share one. Empty when not given.
ALTER TABLE informants ADD COLUMN role_label TEXT NOT NULL DEFAULT '';

-- Every export, so the checks can compare the attributions printed today with those printed
-- before. Not part of the undo history (electron/backend/db/history.ts, UNTRACKED): undoing an
-- edit does not unpublish a table.
CREATE TABLE exports (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('quotes', 'overview', 'informant-quotes')),
  format TEXT NOT NULL,
  file_name TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
  coder_id TEXT,
  created_at INTEGER NOT NULL
) STRICT;

-- The quotes a quote-table export printed, with the attribution exactly as printed. Offsets are
-- those of the coding at the time; the checks prefer the coding's current range while it exists.
-- No foreign keys: the log outlives deleted codings and documents.
CREATE TABLE export_quotes (
  export_id TEXT NOT NULL REFERENCES exports(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  table_n INTEGER,
  coding_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  document_title TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  informant_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(informant_ids)),
  text TEXT NOT NULL,
  attribution TEXT NOT NULL,
  PRIMARY KEY (export_id, seq)
) STRICT;
CREATE INDEX export_quotes_document ON export_quotes(document_id, start);
CREATE INDEX export_quotes_coding ON export_quotes(coding_id);
