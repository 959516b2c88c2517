import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ExportLogEntry } from '../../../shared/api/methods/exports';
import type { PrintedQuote } from '../../../shared/exports/checks';

/** The kinds of exports the log records. */
export type ExportKind = 'quotes' | 'overview' | 'informant-quotes';

/**
 * Record an export and, for quote tables, every quote with the attribution it printed. The log is
 * outside the undo history (history.ts, UNTRACKED), so it is written in its own transaction.
 */
export function logExport(
  db: Database.Database,
  entry: { kind: ExportKind; format: string; fileName: string; settings: unknown; coderId: string | null },
  quotes: readonly PrintedQuote[],
): string {
  const id = randomUUID();
  const insertQuote = db.prepare(
    `INSERT INTO export_quotes (export_id, seq, table_n, coding_id, document_id, document_title, start, end, informant_ids, text, attribution)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    db.prepare('INSERT INTO exports (id, kind, format, file_name, settings, coder_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id,
      entry.kind,
      entry.format,
      entry.fileName,
      JSON.stringify(entry.settings ?? {}),
      entry.coderId,
      Date.now(),
    );
    quotes.forEach((q, seq) =>
      insertQuote.run(id, seq, q.table, q.codingId, q.documentId, q.document, q.start, q.end, JSON.stringify(q.informantIds), q.text, q.attribution),
    );
  })();
  return id;
}

/**
 * Every quote earlier exports printed. Where the coding still exists its current range is used
 * (text edits move codings, not the log).
 */
export function earlierQuotes(db: Database.Database): PrintedQuote[] {
  const rows = db
    .prepare(
      `SELECT q.export_id, e.file_name, e.created_at, q.table_n, q.coding_id, q.document_title, q.informant_ids, q.text, q.attribution,
              coalesce(c.document_id, q.document_id) AS document_id,
              CASE WHEN c.id IS NOT NULL AND c.status != 'orphaned' THEN c.start ELSE q.start END AS start,
              CASE WHEN c.id IS NOT NULL AND c.status != 'orphaned' THEN c.end ELSE q.end END AS end
       FROM export_quotes q JOIN exports e ON e.id = q.export_id LEFT JOIN codings c ON c.id = q.coding_id
       ORDER BY e.created_at, q.seq`,
    )
    .all() as {
    export_id: string;
    file_name: string;
    created_at: number;
    table_n: number | null;
    coding_id: string;
    document_title: string;
    informant_ids: string;
    text: string;
    attribution: string;
    document_id: string;
    start: number;
    end: number;
  }[];
  return rows.map((r) => ({
    exportId: r.export_id,
    fileName: r.file_name,
    exportedAt: r.created_at,
    codingId: r.coding_id,
    documentId: r.document_id,
    document: r.document_title,
    start: r.start,
    end: r.end,
    informantIds: JSON.parse(r.informant_ids) as string[],
    text: r.text,
    attribution: r.attribution,
    table: r.table_n,
  }));
}

/** The exports made from this project, newest first. */
export function listExports(db: Database.Database): ExportLogEntry[] {
  return (
    db
      .prepare(
        `SELECT e.id, e.kind, e.format, e.file_name, e.created_at, (SELECT count(*) FROM export_quotes q WHERE q.export_id = e.id) AS quotes
         FROM exports e ORDER BY e.created_at DESC, e.rowid DESC`,
      )
      .all() as { id: string; kind: ExportKind; format: string; file_name: string; created_at: number; quotes: number }[]
  ).map((r) => ({ id: r.id, kind: r.kind, format: r.format, fileName: r.file_name, createdAt: r.created_at, quotes: r.quotes }));
}
