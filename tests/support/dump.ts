import type Database from 'better-sqlite3';

/** Every user table's rows in primary-key order, for "identical database content" checks. */
export function dumpProject(db: Database.Database): Record<string, unknown[]> {
  const tables = (db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'history_%' ORDER BY name")
    .all() as { name: string }[]).map((t) => t.name);
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    const keys = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[])
      .filter((c) => c.pk > 0)
      .map((c) => `"${c.name}"`);
    dump[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY ${keys.join(', ') || 'rowid'}`).all();
  }
  return dump;
}
