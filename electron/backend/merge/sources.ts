import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { openProjectReadOnly } from '../db/projectFile';
import { readSnapshot, type Snapshot } from './snapshot';

// Where the other side of a merge comes from. A `.stige` copy is read directly (read-only); a
// `.qdpx` through a temporary project the REFI-QDA importer made of it (`openQdpxSource` below).

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
 * A `.qdpx` reaches the merge already read into a temporary Stige project by the REFI-QDA importer
 * (`qdpxAsProject` in qdpxSource.ts, called by the merge handlers, since reading a zip is
 * asynchronous): it is read like a copy, and reported as the .qdpx it came from.
 */
function openQdpxSource(file: string): MergeSource {
  if (looksLikeZipFile(file)) {
    throw new AppError('UNSUPPORTED', `${path.basename(file)} must be read with the REFI-QDA importer first (qdpxAsProject) before it is merged`);
  }
  return { ...openStigeSource(file), format: 'qdpx' };
}

function looksLikeZipFile(file: string): boolean {
  const head = Buffer.alloc(4);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false; // missing: opening it as a project says so
  }
  try {
    return fs.readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50;
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}
