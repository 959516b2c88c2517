-- 0001_init: the first schema of a Stige project file.
-- Conventions: STRICT tables, TEXT ids holding stable UUIDs (they become REFI-QDA GUIDs and make
-- merging possible), times as INTEGER milliseconds since the epoch, offsets as UTF-16 code units
-- of documents.text (see shared/text/README.md).
-- Every table except blobs and history_* is recorded by the undo history (electron/backend/db/history.ts).

CREATE TABLE project (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  uuid TEXT NOT NULL,
  name TEXT NOT NULL,
  level1_name TEXT NOT NULL DEFAULT 'First-order concepts',
  level2_name TEXT NOT NULL DEFAULT 'Second-order themes',
  level3_name TEXT NOT NULL DEFAULT 'Aggregate dimensions',
  memo TEXT NOT NULL DEFAULT '',
  settings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
  created_at INTEGER NOT NULL,
  created_with TEXT NOT NULL
) STRICT;

CREATE TABLE coders (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
) STRICT;

-- A case groups informants and documents (a municipality, a department); cases may nest.
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES cases(id) ON DELETE SET NULL,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  code TEXT NOT NULL DEFAULT '',
  memo TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;

-- People who speak in the material: informants and interviewers. `label` is what exports print
-- (pseudonym, role label or code); `real_name` never leaves the project unless asked for.
CREATE TABLE informants (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL CHECK (length(trim(label)) > 0),
  real_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT 'informant' CHECK (role IN ('informant', 'interviewer')),
  case_id TEXT REFERENCES cases(id) ON DELETE SET NULL,
  memo TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX informants_case ON informants(case_id);

-- `text` is the canonical text (LF, NFC, no BOM); `chars` is its length in UTF-16 code units
-- (SQLite's length() counts code points, so it is computed by the backend).
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  kind TEXT NOT NULL DEFAULT 'interview' CHECK (kind IN ('interview', 'document', 'note')),
  text TEXT NOT NULL,
  chars INTEGER NOT NULL CHECK (chars >= 0),
  text_hash TEXT NOT NULL,
  case_id TEXT REFERENCES cases(id) ON DELETE SET NULL,
  date TEXT,
  duration_ms INTEGER,
  source_name TEXT NOT NULL DEFAULT '',
  source_format TEXT NOT NULL DEFAULT '',
  source_hash TEXT,
  used_in_analysis INTEGER NOT NULL DEFAULT 1 CHECK (used_in_analysis IN (0, 1)),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  memo TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX documents_case ON documents(case_id);
CREATE INDEX documents_text_hash ON documents(text_hash);

-- The original bytes of imported files, addressed by their sha256 (documents.source_hash).
-- Not part of the undo history: a blob stays while a document or a history step refers to it.
CREATE TABLE blobs (
  hash TEXT PRIMARY KEY,
  bytes BLOB NOT NULL,
  size INTEGER NOT NULL
) STRICT;

-- A voice in one document ("S00", "Inger Hansen", "Interviewer"), mapped to a person or to the
-- interviewer role. Renaming a speaker renames it in every turn.
CREATE TABLE speakers (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  informant_id TEXT REFERENCES informants(id) ON DELETE SET NULL,
  role TEXT CHECK (role IN ('informant', 'interviewer')),
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX speakers_document ON speakers(document_id);
CREATE INDEX speakers_informant ON speakers(informant_id);

-- Speaker turns over whole paragraphs of documents.text, with times where the source had them.
CREATE TABLE turns (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  speaker_id TEXT REFERENCES speakers(id) ON DELETE SET NULL,
  start INTEGER NOT NULL CHECK (start >= 0),
  end INTEGER NOT NULL CHECK (end >= start),
  time_start_ms INTEGER,
  time_end_ms INTEGER
) STRICT;
CREATE INDEX turns_document ON turns(document_id, start);
CREATE INDEX turns_speaker ON turns(speaker_id);

-- The codebook. level 1 = first-order concept, 2 = second-order theme, 3 = aggregate dimension,
-- NULL = not yet placed (e.g. from an imported deeper tree; original_path keeps where it came from).
CREATE TABLE codes (
  id TEXT PRIMARY KEY,
  level INTEGER CHECK (level IN (1, 2, 3)),
  parent_id TEXT REFERENCES codes(id) ON DELETE SET NULL,
  label TEXT NOT NULL CHECK (length(trim(label)) > 0),
  heading TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  color TEXT NOT NULL,
  memo TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  original_path TEXT,
  created_by TEXT REFERENCES coders(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX codes_parent ON codes(parent_id);

-- The Gioia rules as a last line of defence (the backend checks first, with friendlier messages):
-- a placed code's parent is exactly one level up; an unplaced code nests only under unplaced codes.
-- Both the row's parent and its children are checked, so the order in which undo replays rows
-- does not matter.
CREATE TRIGGER codes_rules_insert BEFORE INSERT ON codes
WHEN EXISTS (SELECT 1 FROM codes p WHERE p.id = NEW.parent_id
             AND NOT ((NEW.level IS NULL AND p.level IS NULL) OR p.level = NEW.level + 1))
  OR EXISTS (SELECT 1 FROM codes c WHERE c.parent_id = NEW.id
             AND NOT ((NEW.level IS NULL AND c.level IS NULL) OR c.level = NEW.level - 1))
BEGIN
  SELECT RAISE(ABORT, 'Gioia rule: a concept belongs to a theme and a theme to a dimension');
END;

CREATE TRIGGER codes_rules_update BEFORE UPDATE OF level, parent_id ON codes
WHEN EXISTS (SELECT 1 FROM codes p WHERE p.id = NEW.parent_id
             AND NOT ((NEW.level IS NULL AND p.level IS NULL) OR p.level = NEW.level + 1))
  OR EXISTS (SELECT 1 FROM codes c WHERE c.parent_id = NEW.id
             AND NOT ((NEW.level IS NULL AND c.level IS NULL) OR c.level = NEW.level - 1))
  OR NEW.parent_id = NEW.id
  OR (NEW.level IS NULL AND NEW.parent_id IS NOT NULL AND NEW.id IN (
        WITH RECURSIVE up(id) AS (
          SELECT parent_id FROM codes WHERE id = NEW.parent_id
          UNION SELECT codes.parent_id FROM codes JOIN up ON codes.id = up.id WHERE codes.parent_id IS NOT NULL)
        SELECT id FROM up))
BEGIN
  SELECT RAISE(ABORT, 'Gioia rule: a concept belongs to a theme and a theme to a dimension, and a code cannot be inside itself');
END;

-- A coded passage. `quote` is the snapshot of the text when coded; `status` flags codings whose
-- text changed ('changed') or vanished ('orphaned', then start = end) after an edit.
CREATE TABLE codings (
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
  CHECK (end > start OR (status = 'orphaned' AND end = start)),
  UNIQUE (document_id, code_id, coder_id, start, end)
) STRICT;
CREATE INDEX codings_document ON codings(document_id, start);
CREATE INDEX codings_code ON codings(code_id);

-- Free-standing memos (project notes); memos on documents, codes, codings, informants and cases
-- live in their own `memo` columns.
CREATE TABLE memos (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  coder_id TEXT REFERENCES coders(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- Undo/redo: one step per user action; ops are the SQL that takes the step back (direction 0)
-- or forward again (direction 1), recorded by temporary triggers. Bounded by the backend.
CREATE TABLE history_steps (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  coder_id TEXT,
  created_at INTEGER NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;

CREATE TABLE history_ops (
  id INTEGER PRIMARY KEY,
  step_id INTEGER NOT NULL REFERENCES history_steps(id) ON DELETE CASCADE,
  direction INTEGER NOT NULL CHECK (direction IN (0, 1)),
  table_name TEXT NOT NULL,
  sql TEXT NOT NULL
) STRICT;
CREATE INDEX history_ops_step ON history_ops(step_id, direction);
