import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../../../shared/api/errors';
import { listBackups, rollingBackup } from '../../../../../electron/backend/db/backups';
import { LATEST_VERSION, MIGRATIONS } from '../../../../../electron/backend/db/migrations';
import { createProjectFile, openProjectFile, readSchemaVersion } from '../../../../../electron/backend/db/projectFile';
import { filesIn, tempDir, writeFile } from '../../../../support/temp';

const init = { name: 'Thesis', appVersion: 'test' };

describe('migrations', () => {
  it('lists every file in migrations/, numbered in order', () => {
    const files = fs.readdirSync(path.resolve('migrations')).filter((f) => f.endsWith('.sql')).sort();
    expect(MIGRATIONS.map((m) => `${m.name}.sql`)).toEqual(files);
    MIGRATIONS.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.name.startsWith(String(m.version).padStart(4, '0'))).toBe(true);
    });
  });

  it('creates a fresh file at the latest version with STRICT tables and foreign keys', () => {
    const file = path.join(tempDir(), 'a.stige');
    const project = createProjectFile(file, init);
    expect(project.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(project.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(project.db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = project.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
    // FTS5 tables and their shadow tables are SQLite's own and cannot be STRICT.
    const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
    expect(virtual).toEqual(['documents_fts']);
    for (const table of tables) {
      if (virtual.some((v) => table.name === v || table.name.startsWith(`${v}_`))) continue;
      expect(table.sql, table.name).toMatch(/\) STRICT$/);
    }
    project.close();
  });
});

describe('project files', () => {
  it('leaves one self-contained file after close (no -wal or -shm)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'thesis.stige');
    const project = createProjectFile(file, init);
    project.history.step('name', null, () => project.db.prepare("UPDATE project SET name = 'Masteroppgåve' WHERE id = 1").run());
    project.close();
    expect(filesIn(dir)).toEqual(['thesis.stige']);
    const reopened = openProjectFile(file);
    expect((reopened.db.prepare('SELECT name FROM project').get() as { name: string }).name).toBe('Masteroppgåve');
    reopened.close();
    expect(filesIn(dir).filter((f) => f.startsWith('thesis.stige'))).toEqual(['thesis.stige']);
  });

  it('refuses a file from a newer Stige with a clear message and does not touch it', () => {
    const file = path.join(tempDir(), 'future.stige');
    createProjectFile(file, init).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    const mtime = fs.statSync(file).mtimeMs;
    const error = (() => {
      try {
        openProjectFile(file);
      } catch (e) {
        return e as AppError;
      }
      return null;
    })();
    expect(error?.code).toBe('NEWER_VERSION');
    expect(error?.message).toMatch(/newer version of Stige/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    expect(readSchemaVersion(file)).toBe(LATEST_VERSION + 1);
  });

  it('refuses files that are not projects', () => {
    const dir = tempDir();
    const text = writeFile(dir, 'notes.stige', 'just text');
    expect(() => openProjectFile(text)).toThrow(/not a Stige project/);
    const other = path.join(dir, 'other.stige');
    new Database(other).exec('CREATE TABLE x (a)');
    expect(() => openProjectFile(other)).toThrow(/not a Stige project/);
    expect(() => openProjectFile(path.join(dir, 'missing.stige'))).toThrow(/no project file/);
  });

  it('refuses to create over an existing file', () => {
    const dir = tempDir();
    const file = writeFile(dir, 'x.stige', 'x');
    expect(() => createProjectFile(file, init)).toThrow(/already exists/);
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  it('backs up an older file before migrating it, then migrates its data', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.stige');
    const older = MIGRATIONS;
    createProjectFile(file, { ...init, migrations: older }).close();
    const next = {
      version: LATEST_VERSION + 1,
      name: 'test_upper_name',
      sql: "ALTER TABLE project ADD COLUMN shout TEXT NOT NULL DEFAULT ''; UPDATE project SET shout = upper(name);",
    };
    const project = openProjectFile(file, { migrations: [...older, next] });
    expect(project.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    expect((project.db.prepare('SELECT shout FROM project').get() as { shout: string }).shout).toBe('THESIS');
    project.close();
    const backups = fs.readdirSync(path.join(dir, 'old backups')).filter((f) => f.includes('before migration'));
    expect(backups).toHaveLength(1);
    const copy = new Database(path.join(dir, 'old backups', backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    copy.close();
  });

  it('rolls a failing migration back completely', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.stige');
    createProjectFile(file, init).close();
    const broken = { version: LATEST_VERSION + 1, name: 'broken', sql: 'ALTER TABLE project ADD COLUMN x TEXT; SELECT * FROM no_such_table;' };
    expect(() => openProjectFile(file, { migrations: [...MIGRATIONS, broken] })).toThrow(/no_such_table/);
    expect(readSchemaVersion(file)).toBe(LATEST_VERSION);
    const reopened = openProjectFile(file);
    const columns = (reopened.db.prepare('PRAGMA table_info(project)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('x');
    reopened.close();
  });

  it('takes rolling backups at most once an hour and keeps the newest five', () => {
    const dir = tempDir();
    const file = path.join(dir, 'thesis.stige');
    const project = createProjectFile(file, init);
    const hour = 60 * 60 * 1000;
    const first = rollingBackup(project.db, file, { every: hour, keep: 5, now: new Date(2026, 0, 1, 8) });
    expect(first).toMatch(/thesis backups[\\/]thesis 2026-01-01 08\.00\.00\.stige$/);
    fs.utimesSync(first!, new Date(2026, 0, 1, 8), new Date(2026, 0, 1, 8));
    for (let i = 1; i <= 7; i += 1) {
      const at = new Date(2026, 0, 1, 8 + i);
      const made = rollingBackup(project.db, file, { every: hour, keep: 5, now: at });
      expect(made).not.toBeNull();
      fs.utimesSync(made!, at, at);
    }
    expect(rollingBackup(project.db, file, { every: hour, keep: 5, now: new Date(2026, 0, 1, 15, 30) })).toBeNull();
    expect(listBackups(file)).toHaveLength(5);
    const backup = new Database(listBackups(file)[0]!.file, { readonly: true });
    expect((backup.prepare('SELECT name FROM project').get() as { name: string }).name).toBe('Thesis');
    backup.close();
    project.close();
  });

  it('takes a rolling backup when a file is opened', () => {
    const dir = tempDir();
    const file = path.join(dir, 'thesis.stige');
    createProjectFile(file, init).close();
    openProjectFile(file).close();
    expect(listBackups(file)).toHaveLength(1);
    openProjectFile(file).close();
    expect(listBackups(file)).toHaveLength(1);
  });
});
