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

/** Fewer ops of one table than this in a row are replayed one by one (muting triggers costs a little). */
const BATCH_MIN = 16;
/** Rows per set-based statement (and per compact op), and the SQL size that ends a batch early. */
const BATCH_ROWS = 2000;
const BATCH_CHARS = 4_000_000;

/** What the history knows about a tracked table. */
interface TableInfo {
  readonly name: string;
  readonly columns: readonly string[];
  /** The primary key column when there is exactly one. */
  readonly key: string | null;
  /**
   * Whether a run of inserts or deletes of its rows may be carried out as one set-based statement
   * with one compact inverse: a single-column key, no foreign key pointing at the table (so no
   * cascade depends on the order of its rows) and no trigger of its own besides the history's.
   */
  readonly settable: boolean;
  /** The prefixes of the inverse statements the triggers record for one row (see installTriggers). */
  readonly deletePrefix: string;
  readonly deleteInPrefix: string;
  readonly insertPrefix: string;
}

/** One step's ops gathered for a set-based replay: the key literals to delete, or the value tuples to insert. */
type Batch = { readonly kind: 'delete' | 'insert'; readonly table: TableInfo; readonly parts: string[]; readonly next: number };

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
  private readonly tables = new Map<string, TableInfo>();
  private depth = 0;

  constructor(db: Database.Database) {
    this.db = db;
    db.exec('CREATE TEMP TABLE IF NOT EXISTS history_cursor (step_id INTEGER NOT NULL, direction INTEGER NOT NULL)');
    const tracked = trackedTables(db);
    const referenced = referencedTables(db);
    const withTriggers = new Set((db.prepare("SELECT tbl_name FROM main.sqlite_master WHERE type = 'trigger'").all() as { tbl_name: string }[]).map((r) => r.tbl_name));
    for (const table of tracked) {
      const info = tableInfo(db, table, !referenced.has(table) && !withTriggers.has(table));
      this.tables.set(table, info);
      this.installTriggers(info);
    }
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

  /**
   * Insert many rows into `table` inside the running step, recording one compact inverse (a
   * `DELETE … WHERE key IN (…)`) per few thousand rows instead of one op per row: a merge or an
   * import of thousands of codings then costs little to record, undo and redo. Returns, per row,
   * whether it was inserted (with `orIgnore`, a row the table's constraints refuse is skipped).
   * The table's history triggers are dropped meanwhile (temporary DDL), so call it while no
   * statement is being iterated.
   */
  insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], options: { orIgnore?: boolean } = {}): boolean[] {
    if (this.depth === 0) throw new AppError('INTERNAL', 'insertMany outside an undo step');
    const info = this.tables.get(table);
    const keyAt = info?.key ? columns.indexOf(info.key) : -1;
    const sql = `INSERT${options.orIgnore ? ' OR IGNORE' : ''} INTO ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    if (!info || !info.settable || keyAt < 0 || rows.length < BATCH_MIN) {
      const insert = this.db.prepare(sql);
      return rows.map((row) => insert.run(...(row as unknown[])).changes > 0);
    }
    const inserted: boolean[] = [];
    const keys: string[] = [];
    this.muted(info, () => {
      const insert = this.db.prepare(sql);
      for (const row of rows) {
        const done = insert.run(...(row as unknown[])).changes > 0;
        inserted.push(done);
        if (done) keys.push(sqlLiteral(row[keyAt]));
      }
    });
    for (let i = 0; i < keys.length; i += BATCH_ROWS) this.record(info, `${info.deleteInPrefix}${keys.slice(i, i + BATCH_ROWS).join(',')})`);
    return inserted;
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
        for (let i = 0; i < ops.length; ) {
          const batch = this.batchAt(ops, i);
          if (batch) {
            this.replayBatch(batch);
            i = batch.next;
          } else {
            this.db.exec(ops[i]!.sql);
            i += 1;
          }
        }
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

  /**
   * The run of ops from `from` that deletes (or inserts) rows of one settable table, when it is long
   * enough to be worth one set-based statement; else null. Replaying ops one by one compiles each
   * statement with the table's triggers, which costs far more than the change itself.
   */
  private batchAt(ops: readonly { table_name: string; sql: string }[], from: number): Batch | null {
    const info = this.tables.get(ops[from]!.table_name);
    if (!info?.settable) return null;
    const kind = ops[from]!.sql.startsWith('DELETE') ? 'delete' : ops[from]!.sql.startsWith('INSERT') ? 'insert' : null;
    if (!kind) return null;
    const parts: string[] = [];
    let chars = 0;
    // An op this class recorded for many rows at once (an IN list, several value tuples) is worth it alone.
    let compact = false;
    let at = from;
    for (; at < ops.length && parts.length < BATCH_ROWS && chars < BATCH_CHARS; at += 1) {
      const op = ops[at]!;
      if (op.table_name !== info.name) break;
      const part = kind === 'delete' ? deleteKeys(info, op.sql) : op.sql.startsWith(info.insertPrefix) ? op.sql.slice(info.insertPrefix.length) : null;
      if (part === null) break;
      compact ||= kind === 'delete' ? op.sql.startsWith(info.deleteInPrefix) : part.includes('),(');
      parts.push(part);
      chars += part.length;
    }
    if (parts.length < BATCH_MIN && !compact) return null;
    return { kind, table: info, parts, next: at };
  }

  /** Carry out a batch as one statement with the table's triggers muted, recording its inverse as one op. */
  private replayBatch({ kind, table, parts }: Batch): void {
    const t = quoteIdent(table.name);
    const key = quoteIdent(table.key!);
    this.muted(table, () => {
      if (kind === 'delete') {
        const list = parts.join(',');
        const tuple = table.columns.map((c) => `quote(${quoteIdent(c)})`).join(` || ',' || `);
        const inverse = this.db.prepare(`SELECT group_concat('(' || ${tuple} || ')', ',') AS v FROM ${t} WHERE ${key} IN (${list})`).get() as { v: string | null };
        if (inverse.v !== null) this.record(table, `${table.insertPrefix}${inverse.v}`);
        this.db.prepare(`DELETE FROM ${t} WHERE ${key} IN (${list})`).run();
      } else {
        const keys = this.db.prepare(`${table.insertPrefix}${parts.join(',')} RETURNING quote(${key})`).raw().all() as [string][];
        if (keys.length) this.record(table, `${table.deleteInPrefix}${keys.map((k) => k[0]).join(',')})`);
      }
    });
  }

  /** Run `fn` with the history triggers of `table` removed (the caller records the inverse itself). */
  private muted(table: TableInfo, fn: () => void): void {
    this.db.exec(dropTriggersSql(table.name));
    try {
      fn();
    } finally {
      this.installTriggers(table);
    }
  }

  /** Record one inverse op for the running step, as the triggers do. */
  private record(table: TableInfo, sql: string): void {
    this.db.prepare('INSERT INTO main.history_ops (step_id, direction, table_name, sql) SELECT step_id, direction, ?, ? FROM temp.history_cursor').run(table.name, sql);
  }

  private prune(): void {
    this.db
      .prepare('DELETE FROM history_steps WHERE id <= (SELECT max(id) FROM history_steps) - ?')
      .run(HISTORY_LIMIT);
  }

  private installTriggers(info: TableInfo): void {
    const table = info.name;
    const columns = info.columns.map((name) => ({ name }));
    const keys = info.key ? [info.key] : compositeKeys(this.db, table);
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
      ${dropTriggersSql(table)}
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

/** Tables some foreign key points at (their rows' order of deletion can matter). */
function referencedTables(db: Database.Database): Set<string> {
  const names = (db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
  const referenced = new Set<string>();
  for (const name of names) {
    for (const fk of db.prepare(`PRAGMA main.foreign_key_list(${quoteIdent(name)})`).all() as { table: string }[]) referenced.add(fk.table);
  }
  return referenced;
}

function compositeKeys(db: Database.Database, table: string): string[] {
  const columns = db.prepare(`PRAGMA main.table_info(${quoteIdent(table)})`).all() as { name: string; pk: number }[];
  return columns
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
}

function tableInfo(db: Database.Database, table: string, independent: boolean): TableInfo {
  const columns = (db.prepare(`PRAGMA main.table_info(${quoteIdent(table)})`).all() as { name: string }[]).map((c) => c.name);
  const keys = compositeKeys(db, table);
  if (keys.length === 0) throw new AppError('INTERNAL', `table ${table} has no primary key; the undo history needs one`);
  const key = keys.length === 1 ? keys[0]! : null;
  const t = quoteIdent(table);
  return {
    name: table,
    columns,
    key,
    settable: independent && key !== null,
    deletePrefix: key ? `DELETE FROM ${t} WHERE ${quoteIdent(key)}=` : '',
    deleteInPrefix: key ? `DELETE FROM ${t} WHERE ${quoteIdent(key)} IN (` : '',
    insertPrefix: `INSERT INTO ${t} (${columns.map(quoteIdent).join(', ')}) VALUES `,
  };
}

/** The key literal(s) of an op that deletes rows of `table` by key (one, or an IN list), else null. */
function deleteKeys(table: TableInfo, sql: string): string | null {
  if (sql.startsWith(table.deleteInPrefix) && sql.endsWith(')')) return sql.slice(table.deleteInPrefix.length, -1);
  if (sql.startsWith(table.deletePrefix)) return sql.slice(table.deletePrefix.length);
  return null;
}

/** A value as an SQL literal, as SQLite's quote() writes it (keys are text or integers). */
function sqlLiteral(value: unknown): string {
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new AppError('INTERNAL', `a key of type ${typeof value} cannot be recorded in the undo history`);
}

function dropTriggersSql(table: string): string {
  return ['insert', 'update', 'delete'].map((kind) => `DROP TRIGGER IF EXISTS temp.${quoteIdent(`history_${table}_${kind}`)};`).join('\n');
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
