import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { HistoryState } from '../../../shared/model/types';

/**
 * Tables whose changes are not undoable: the history itself, content-addressed blobs, the export
 * log (undoing an edit does not unpublish a table), and the team tables that describe the file
 * rather than the user's work (its identity and hand-out ancestor, and the log of hand-outs and
 * merges, which must survive an undo of the merge it records).
 */
export const UNTRACKED: ReadonlySet<string> = new Set([
  'history_steps',
  'history_ops',
  'blobs',
  'sqlite_sequence',
  'exports',
  'export_quotes',
  'team_file',
  'team_base_codes',
  'team_base_codings',
  'team_base_memos',
  'team_log',
]);

/** How many steps are kept; older ones are pruned when a new step is recorded. */
export const HISTORY_LIMIT = 500;

const UNDO = 0;
const REDO = 1;

/**
 * Persistent global undo/redo for every write to the project file.
 *
 * Every user action runs inside `step(label, fn)`: one transaction, one history step. Temporary
 * triggers (created per connection, never stored in the file) record, for each row a statement
 * changes, the SQL that changes it back — the technique of sqlite.org's "Automatic Undo/Redo Using
 * SQLite". Undoing a step runs its inverse statements in reverse order; the triggers record those
 * statements' own inverses as the step's redo. So every mutation kind, present and future, is
 * undoable without per-handler code, and the history survives a restart because it lives in the file.
 */
export class History {
  private readonly db: Database.Database;
  private depth = 0;

  constructor(db: Database.Database) {
    this.db = db;
    db.exec('CREATE TEMP TABLE IF NOT EXISTS history_cursor (step_id INTEGER NOT NULL, direction INTEGER NOT NULL)');
    for (const table of trackedTables(db)) this.installTriggers(table);
  }

  /**
   * Run `fn` as one undoable step in one transaction. Nested calls join the outer step. A step
   * that changed nothing leaves no trace. Any throw rolls everything back.
   */
  step<T>(label: string, coderId: string | null, fn: () => T): T {
    if (this.depth > 0) return fn();
    const run = this.db.transaction(() => {
      this.db.prepare('DELETE FROM history_steps WHERE undone = 1').run();
      const stepId = Number(
        this.db
          .prepare('INSERT INTO history_steps (label, coder_id, created_at) VALUES (?, ?, ?)')
          .run(label, coderId, Date.now()).lastInsertRowid,
      );
      const result = this.withCursor(stepId, UNDO, fn);
      const recorded = this.db.prepare('SELECT 1 FROM history_ops WHERE step_id = ? LIMIT 1').get(stepId);
      if (!recorded) this.db.prepare('DELETE FROM history_steps WHERE id = ?').run(stepId);
      else this.prune();
      return result;
    });
    return run();
  }

  /** True while a step is running (a nested `step` joins it). */
  isInStep(): boolean {
    return this.depth > 0;
  }

  /** Undo the latest step; returns the tables it touched, or null when there is nothing to undo. */
  undo(): { label: string; tables: string[] } | null {
    const step = this.db
      .prepare('SELECT id, label FROM history_steps WHERE undone = 0 ORDER BY id DESC LIMIT 1')
      .get() as { id: number; label: string } | undefined;
    if (!step) return null;
    const tables = this.replay(step.id, UNDO, REDO);
    this.db.prepare('UPDATE history_steps SET undone = 1 WHERE id = ?').run(step.id);
    return { label: step.label, tables };
  }

  /** Redo the earliest undone step; returns the tables it touched, or null when there is nothing to redo. */
  redo(): { label: string; tables: string[] } | null {
    const step = this.db
      .prepare('SELECT id, label FROM history_steps WHERE undone = 1 ORDER BY id ASC LIMIT 1')
      .get() as { id: number; label: string } | undefined;
    if (!step) return null;
    const tables = this.replay(step.id, REDO, UNDO);
    this.db.prepare('UPDATE history_steps SET undone = 0 WHERE id = ?').run(step.id);
    return { label: step.label, tables };
  }

  /** Forget every step (the old text of edits and names in labels go with them), and reclaim the space. */
  clear(): void {
    this.db.prepare('DELETE FROM history_steps').run();
  }

  /** Labels for the Edit menu. */
  state(): HistoryState {
    const undo = this.db
      .prepare('SELECT label FROM history_steps WHERE undone = 0 ORDER BY id DESC LIMIT 1')
      .get() as { label: string } | undefined;
    const redo = this.db
      .prepare('SELECT label FROM history_steps WHERE undone = 1 ORDER BY id ASC LIMIT 1')
      .get() as { label: string } | undefined;
    return { canUndo: !!undo, undoLabel: undo?.label ?? null, canRedo: !!redo, redoLabel: redo?.label ?? null };
  }

  /** Tables a write touched, from the ops recorded for the latest step (for change events). */
  tablesOfLatestStep(): string[] {
    const rows = this.db
      .prepare(
        'SELECT DISTINCT table_name FROM history_ops WHERE step_id = (SELECT max(id) FROM history_steps WHERE undone = 0)',
      )
      .all() as { table_name: string }[];
    return rows.map((r) => r.table_name);
  }

  /** Run a step's `from` ops backwards, recording their inverses as its `to` ops. */
  private replay(stepId: number, from: number, to: number): string[] {
    const run = this.db.transaction(() => {
      // Rows come back in reverse order of their changes, so a child may return before its parent;
      // the keys are checked at commit instead.
      this.db.pragma('defer_foreign_keys = ON');
      const ops = this.db
        .prepare('SELECT id, table_name, sql FROM history_ops WHERE step_id = ? AND direction = ? ORDER BY id DESC')
        .all(stepId, from) as { id: number; table_name: string; sql: string }[];
      this.db.prepare('DELETE FROM history_ops WHERE step_id = ?').run(stepId);
      this.withCursor(stepId, to, () => {
        for (const op of ops) this.db.exec(op.sql);
      });
      return [...new Set(ops.map((op) => op.table_name))];
    });
    return run();
  }

  private withCursor<T>(stepId: number, direction: number, fn: () => T): T {
    this.db.prepare('DELETE FROM temp.history_cursor').run();
    this.db.prepare('INSERT INTO temp.history_cursor (step_id, direction) VALUES (?, ?)').run(stepId, direction);
    this.depth += 1;
    try {
      return fn();
    } finally {
      this.depth -= 1;
      this.db.prepare('DELETE FROM temp.history_cursor').run();
    }
  }

  private prune(): void {
    this.db
      .prepare('DELETE FROM history_steps WHERE id <= (SELECT max(id) FROM history_steps) - ?')
      .run(HISTORY_LIMIT);
  }

  private installTriggers(table: string): void {
    const columns = (this.db.prepare(`PRAGMA main.table_info(${quoteIdent(table)})`).all() as { name: string; pk: number }[]);
    const keys = columns.filter((c) => c.pk > 0).map((c) => c.name);
    if (keys.length === 0) throw new AppError('INTERNAL', `table ${table} has no primary key; the undo history needs one`);
    const t = quoteIdent(table);
    const where = (row: 'old' | 'new') =>
      keys.map((k, i) => `'${i ? ' AND ' : ' WHERE '}${quoteIdent(k).replaceAll("'", "''")}=' || quote(${row}.${quoteIdent(k)})`).join(' || ');
    const record = (sql: string) =>
      `INSERT INTO main.history_ops (step_id, direction, table_name, sql)
       SELECT step_id, direction, '${table.replaceAll("'", "''")}', ${sql} FROM temp.history_cursor;
       SELECT RAISE(ABORT, 'Stige: a write outside an undo step') WHERE NOT EXISTS (SELECT 1 FROM temp.history_cursor);`;
    const names = columns.map((c) => quoteIdent(c.name)).join(', ').replaceAll("'", "''");
    const values = columns.map((c) => `quote(old.${quoteIdent(c.name)})`).join(` || ',' || `);
    const changed = columns.map((c) => `old.${quoteIdent(c.name)} IS NOT new.${quoteIdent(c.name)}`).join(' OR ');
    const sets = columns
      .map(
        (c) =>
          `CASE WHEN old.${quoteIdent(c.name)} IS NOT new.${quoteIdent(c.name)} THEN ',${quoteIdent(c.name).replaceAll("'", "''")}=' || quote(old.${quoteIdent(c.name)}) ELSE '' END`,
      )
      .join(' || ');
    this.db.exec(`
      DROP TRIGGER IF EXISTS temp.${quoteIdent(`history_${table}_insert`)};
      DROP TRIGGER IF EXISTS temp.${quoteIdent(`history_${table}_update`)};
      DROP TRIGGER IF EXISTS temp.${quoteIdent(`history_${table}_delete`)};
      CREATE TEMP TRIGGER ${quoteIdent(`history_${table}_insert`)} AFTER INSERT ON main.${t} BEGIN
        ${record(`'DELETE FROM ${t.replaceAll("'", "''")}' || ${where('new')}`)}
      END;
      CREATE TEMP TRIGGER ${quoteIdent(`history_${table}_update`)} AFTER UPDATE ON main.${t} WHEN ${changed} BEGIN
        ${record(`'UPDATE ${t.replaceAll("'", "''")} SET ' || substr(${sets}, 2) || ${where('old')}`)}
      END;
      CREATE TEMP TRIGGER ${quoteIdent(`history_${table}_delete`)} AFTER DELETE ON main.${t} BEGIN
        ${record(`'INSERT INTO ${t.replaceAll("'", "''")} (${names}) VALUES (' || ${values} || ')'`)}
      END;
    `);
  }
}

/** The tables the history records: every user table of the main schema except UNTRACKED and FTS shadows. */
function trackedTables(db: Database.Database): string[] {
  const rows = db
    .prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string; sql: string }[];
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql)).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((name) => !UNTRACKED.has(name) && !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
