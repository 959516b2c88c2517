import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { openProjectReadOnly } from '../db/projectFile';
import { readSnapshot, type Snapshot } from './snapshot';

// Where the other side of a merge comes from. A `.stige` copy is read directly (read-only). A
// `.qdpx` needs the REFI-QDA reader (branch `refi`): the seam is `openQdpxSource` below.

type Row = Record<string, unknown>;

/** Everything needed to copy one document of the other file in. */
export interface DocumentCopy {
  /** The `documents` row (every column the other file has). */
  readonly row: Row;
  readonly speakers: readonly Row[];
  readonly turns: readonly Row[];
  /** Rows of other tables that belong to the document (e.g. pages), by table. */
  readonly children: readonly { readonly table: string; readonly rows: readonly Row[] }[];
  /** The original file's bytes, when the other file has them. */
  readonly blob: { readonly hash: string; readonly bytes: Buffer; readonly size: number } | null;
}

/** The other side of a merge. */
export interface MergeSource {
  readonly path: string;
  readonly format: 'stige' | 'qdpx';
  readonly snapshot: Snapshot;
  /** A document's canonical text. */
  text(documentId: string): string;
  /** A document with everything that belongs to it, to insert here. */
  document(documentId: string): DocumentCopy;
  close(): void;
}

/** Open `file` as the other side of a merge, by the extension of its `name` (an upload's file has none). */
export function openMergeSource(file: string, name = path.basename(file)): MergeSource {
  const ext = path.extname(name).toLowerCase();
  switch (ext) {
    case '.stige':
      return openStigeSource(file);
    case '.qdpx':
      return openQdpxSource(file);
    default:
      throw new AppError('UNSUPPORTED', `Cannot merge ${name}: merge a .stige copy of this project (or a .qdpx export)`);
  }
}

/** Tables whose rows belong to a document but are copied by the merge itself or not at all. */
const HANDLED_DOCUMENT_TABLES = new Set(['documents', 'codings', 'speakers', 'turns', 'team_discussions']);

function openStigeSource(file: string): MergeSource {
  const db = openProjectReadOnly(file);
  let snapshot: Snapshot;
  try {
    snapshot = readSnapshot(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const childTables = documentChildTables(db);
  return {
    path: file,
    format: 'stige',
    snapshot,
    text(documentId) {
      const row = db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string } | undefined;
      if (!row) throw new AppError('NOT_FOUND', `${path.basename(file)} has no document ${documentId}`);
      return row.text;
    },
    document(documentId) {
      const row = db.prepare('SELECT * FROM documents WHERE id = ?').get(documentId) as Row | undefined;
      if (!row) throw new AppError('NOT_FOUND', `${path.basename(file)} has no document ${documentId}`);
      const hash = typeof row.source_hash === 'string' ? row.source_hash : null;
      const blob = hash && hasTable(db, 'blobs') ? (db.prepare('SELECT hash, bytes, size FROM blobs WHERE hash = ?').get(hash) as DocumentCopy['blob'] | undefined) : undefined;
      return {
        row,
        speakers: db.prepare('SELECT * FROM speakers WHERE document_id = ? ORDER BY sort_order').all(documentId) as Row[],
        turns: db.prepare('SELECT * FROM turns WHERE document_id = ? ORDER BY start').all(documentId) as Row[],
        children: childTables.map((table) => ({ table, rows: db.prepare(`SELECT * FROM "${table}" WHERE document_id = ?`).all(documentId) as Row[] })),
        blob: blob ?? null,
      };
    },
    close() {
      db.close();
    },
  };
}

function hasTable(db: Database.Database, table: string): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
}

/** Tables with a `document_id` column other than the ones the merge handles itself. */
export function documentChildTables(db: Database.Database): string[] {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
  return tables.filter(
    (t) =>
      !HANDLED_DOCUMENT_TABLES.has(t) &&
      !t.startsWith('team_') &&
      !t.startsWith('history_') &&
      (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).some((c) => c.name === 'document_id'),
  );
}

/**
 * The seam for merging a `.qdpx` (REFI-QDA) export of a coder's project. The REFI-QDA reader is
 * built on branch `refi` (shared/refi/parse.ts → RefiFile, electron/backend/refi/readInput.ts for
 * the zip). Once it is here, this function builds a `Snapshot` from the parsed file:
 * - users → coders (GUID as id, name);
 * - sources with text → documents (GUID as id, text_hash of the normalised text, so a project's own
 *   export matches by id and a foreign one by content), their text for `text()`, and `document()`
 *   for copying new ones in (speaker turns from the "Stige data" note when present);
 * - the code tree → codes (GUID as id; level and heading from the "Stige data" note, else by depth
 *   as the REFI importer's level mapping does), codes' notes → memo;
 * - selections × codings → codings (offsets converted from code points, or UTF-16 where the
 *   importer detects NVivo's units; creatingUser → coder), quote = the selected text;
 * - cases → cases, notes → memos.
 * A .qdpx carries no ancestor (`base: null`, `origin: null`), so every codebook difference becomes
 * a conflict and nothing is deleted by the merge.
 */
function openQdpxSource(file: string): MergeSource {
  throw new AppError(
    'UNSUPPORTED',
    `Merging a REFI-QDA file (${path.basename(file)}) needs the REFI-QDA reader, which this build does not include yet. ` +
      'Merge the coder’s .stige copy instead, or import the .qdpx into a new project.',
  );
}
