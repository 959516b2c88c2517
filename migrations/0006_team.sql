-- 0006_team: several coders on copies of one project, merged back without a server.
--
-- How "changed on both sides" is detected: a hand-out copy (electron/backend/merge/handout.ts)
-- stores the state it started from — its codebook, codings and memos as they were when it was
-- handed out (team_base_*). That state is the common ancestor of the copy and the file it came
-- from, so a merge is a true three-way merge: a field changed on one side only is taken from that
-- side, a field changed differently on both sides is a conflict for the user. Timestamps were the
-- alternative; they depend on two machines' clocks and on every writer bumping updated_at, and
-- cannot tell which field of a row changed. Files without a stored ancestor (a copy made by hand,
-- a .qdpx) are compared state against state: every difference in the codebook is then a conflict.

-- This file's identity and, for a hand-out copy, where it came from. One row, written by this
-- migration (new files get a fresh replica id) and by the hand-out that creates a copy.
-- Not undoable: it describes the file, not the user's work.
CREATE TABLE team_file (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  replica_id TEXT NOT NULL,
  origin_replica_id TEXT,
  origin_handout_id TEXT,
  origin_coder_id TEXT,
  origin_coder_name TEXT,
  origin_blind INTEGER CHECK (origin_blind IN (0, 1)),
  handed_out_at INTEGER
) STRICT;
INSERT INTO team_file (id, replica_id) VALUES (1, lower(hex(randomblob(16))));

-- The ancestor a hand-out copy started from (empty in other files). Not undoable.
CREATE TABLE team_base_codes (
  id TEXT PRIMARY KEY,
  level INTEGER,
  parent_id TEXT,
  label TEXT NOT NULL,
  heading TEXT NOT NULL,
  description TEXT NOT NULL,
  color TEXT NOT NULL,
  memo TEXT NOT NULL
) STRICT;

CREATE TABLE team_base_codings (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL,
  code_id TEXT NOT NULL,
  coder_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  memo TEXT NOT NULL,
  representative INTEGER NOT NULL,
  excerpt TEXT
) STRICT;

CREATE TABLE team_base_memos (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL
) STRICT;

-- What happened between copies: hand-outs made from this file, merges into it, disagreements
-- resolved. Not undoable (an audit trail survives undo); an entry's state is read from its history
-- step: a merge whose step was undone shows as undone. `detail` is JSON (counts, resolutions, and
-- for merges the codebooks on both sides afterwards, the ancestor of the next merge of that copy).
CREATE TABLE team_log (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('handout', 'merge', 'resolve')),
  at INTEGER NOT NULL,
  coder_name TEXT,
  file_name TEXT NOT NULL DEFAULT '',
  other_replica_id TEXT,
  handout_id TEXT,
  step_id INTEGER,
  -- Step ids are reused after an undone step is dropped; the step's creation time tells them apart.
  step_created_at INTEGER,
  summary TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;
CREATE INDEX team_log_replica ON team_log(other_replica_id, id);

-- A disagreement between coders taken to discussion: the passage, the codes and coders involved,
-- and the memo where it is discussed. Undoable like any user work.
CREATE TABLE team_discussions (
  id TEXT PRIMARY KEY,
  memo_id TEXT NOT NULL REFERENCES memos(id) ON DELETE CASCADE,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start INTEGER NOT NULL CHECK (start >= 0),
  end INTEGER NOT NULL CHECK (end > start),
  code_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(code_ids)),
  coder_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(coder_ids)),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  created_by TEXT REFERENCES coders(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX team_discussions_document ON team_discussions(document_id, start);

-- Who last changed a code (rename, move, edit); created_by says who made it.
ALTER TABLE codes ADD COLUMN updated_by TEXT REFERENCES coders(id) ON DELETE SET NULL;
