import type Database from 'better-sqlite3';

/**
 * Every user table's rows in primary-key order, for "identical database content" checks. Virtual
 * tables (the full-text index) and their shadow tables are derived data whose internal layout
 * differs after undo; tests check them by searching instead.
 */
export function dumpProject(db: Database.Database): Record<string, unknown[]> {
  const rows = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'history_%' ORDER BY name")
    .all() as { name: string; sql: string }[];
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql)).map((r) => r.name);
  const tables = rows.map((r) => r.name).filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    const keys = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[])
      .filter((c) => c.pk > 0)
      .map((c) => `"${c.name}"`);
    dump[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY ${keys.join(', ') || 'rowid'}`).all();
  }
  return dump;
}
