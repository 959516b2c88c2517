import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { DEFAULT_LEVEL_NAMES } from '../../../shared/model/levels';
import { History } from './history';
import { MIGRATIONS, type Migration } from './migrations';
import { backupBeforeMigration, rollingBackup } from './backups';
import { openSearchIndex } from './searchIndex';

/** The file extension of project files. */
export const PROJECT_EXTENSION = '.stige';

const SQLITE_HEADER = 'SQLite format 3\0';

let nativeBinding: string | undefined;

/**
 * Use a better-sqlite3 binary built for another runtime: Electron's ABI differs from Node's, and
 * node_modules holds the Node build that tests and the CLI use (see scripts/start.mjs).
 */
export function setSqliteBinding(file: string | undefined): void {
  nativeBinding = file || undefined;
}

function connect(file: string, options: Database.Options = {}): Database.Database {
  return new Database(file, nativeBinding ? { ...options, nativeBinding } : options);
}

/** An open project file: the connection, its undo history and how to close it cleanly. */
export interface ProjectFile {
  readonly path: string;
  readonly db: Database.Database;
  readonly history: History;
  close(): void;
}

/** What a new project starts with. */
export interface NewProject {
  readonly name: string;
  readonly levels?: readonly [string, string, string];
  readonly appVersion: string;
  /** The schema steps to apply (tests pass their own). */
  readonly migrations?: readonly Migration[];
}

/**
 * Create a new project file at `file` (which must not exist) and open it.
 * Throws CONFLICT when the file exists.
 */
export function createProjectFile(file: string, init: NewProject): ProjectFile {
  if (fs.existsSync(file)) throw new AppError('CONFLICT', `${file} already exists; open it instead, or choose another name`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = connect(file);
  try {
    configure(db);
    migrate(db, 0, init.migrations ?? MIGRATIONS);
    const levels = init.levels ?? DEFAULT_LEVEL_NAMES;
    db.prepare(
      `INSERT INTO project (id, uuid, name, level1_name, level2_name, level3_name, created_at, created_with)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(randomUUID(), init.name, levels[0], levels[1], levels[2], Date.now(), init.appVersion);
  } catch (err) {
    db.close();
    fs.rmSync(file, { force: true });
    throw err;
  }
  return wrap(file, db);
}

/** Options for opening an existing project file. */
export interface OpenOptions {
  /** Take a rolling backup when the newest is older than this (ms); default one hour. */
  readonly backupEvery?: number;
  /** How many rolling backups to keep; default 5. */
  readonly keepBackups?: number;
  /** The schema steps this build knows (tests pass their own). */
  readonly migrations?: readonly Migration[];
}

/**
 * Open an existing project file. Refuses files that are not Stige projects (NOT_A_PROJECT) and
 * files from a newer Stige (NEWER_VERSION) without writing to them; backs up and migrates older
 * files; takes a rolling backup when the last is older than an hour.
 */
export function openProjectFile(file: string, options: OpenOptions = {}): ProjectFile {
  assertSqliteFile(file);
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]!.version;
  const db = connect(file, { fileMustExist: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasProject = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'project'").get();
    if (version === 0 || !hasProject) {
      throw new AppError('NOT_A_PROJECT', `${file} is an SQLite database, but not a Stige project`);
    }
    if (version > latest) {
      throw new AppError(
        'NEWER_VERSION',
        `${path.basename(file)} was saved by a newer version of Stige (project format ${version}; this version reads up to ${latest}). ` +
          'Update Stige to open it. The file was not changed.',
        { fileVersion: version, supportedVersion: latest },
      );
    }
    if (version < latest) {
      backupBeforeMigration(db, file, version);
    }
    configure(db);
    if (version < latest) migrate(db, version, migrations);
    rollingBackup(db, file, { every: options.backupEvery ?? 60 * 60 * 1000, keep: options.keepBackups ?? 5 });
  } catch (err) {
    db.close();
    throw err;
  }
  return wrap(file, db);
}

/**
 * Open another project file read-only, to read from it (a coder's copy being merged). Refuses
 * what is not a Stige project (NOT_A_PROJECT) and files from a newer Stige (NEWER_VERSION); never
 * writes to or migrates the file. Older schema versions open as they are.
 */
export function openProjectReadOnly(file: string, migrations: readonly Migration[] = MIGRATIONS): Database.Database {
  assertSqliteFile(file);
  const latest = migrations[migrations.length - 1]!.version;
  const db = connect(file, { readonly: true, fileMustExist: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasProject = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'project'").get();
    if (version === 0 || !hasProject) throw new AppError('NOT_A_PROJECT', `${file} is an SQLite database, but not a Stige project`);
    if (version > latest) {
      throw new AppError(
        'NEWER_VERSION',
        `${path.basename(file)} was saved by a newer version of Stige (project format ${version}; this version reads up to ${latest}). ` +
          'Update Stige to merge it. Neither file was changed.',
        { fileVersion: version, supportedVersion: latest },
      );
    }
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * A plain connection to a project file without the undo history's triggers, for writing a file
 * that is not the open project (a hand-out copy being prepared).
 */
export function openProjectUntracked(file: string): Database.Database {
  assertSqliteFile(file);
  const db = connect(file, { fileMustExist: true });
  configure(db);
  return db;
}

/** The schema version of a project file, read without opening it for writing. */
export function readSchemaVersion(file: string): number {
  assertSqliteFile(file);
  const db = connect(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

function assertSqliteFile(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `There is no project file at ${file}`);
    throw new AppError('NOT_A_PROJECT', `${file} cannot be read (${code ?? 'unknown error'})`);
  }
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    if (read < 16 || header.toString('latin1') !== SQLITE_HEADER) {
      throw new AppError('NOT_A_PROJECT', `${file} is not a Stige project (it is not an SQLite database)`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // WAL makes NORMAL durable against application crashes; a power cut can lose at most the last
  // transaction, never corrupt the file.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function migrate(db: Database.Database, from: number, migrations: readonly Migration[]): void {
  const pending = migrations.filter((m) => m.version > from);
  // Foreign keys cannot be switched inside a transaction; migrations that rebuild tables need them off.
  db.pragma('foreign_keys = OFF');
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    const problems = db.pragma('foreign_key_check') as unknown[];
    if (problems.length > 0) throw new AppError('INTERNAL', `migration left ${problems.length} broken references`);
  })();
  db.pragma('foreign_keys = ON');
}

function wrap(file: string, db: Database.Database): ProjectFile {
  try {
    openSearchIndex(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const history = new History(db);
  let open = true;
  return {
    path: file,
    db,
    history,
    close() {
      if (!open) return;
      open = false;
      try {
        // Leave one self-contained file: fold the WAL back in and return to a rollback journal,
        // so the file can be copied, mailed or synced alone. Another connection (a CLI run while
        // the app is open) makes this fail harmlessly; the last one to close does it.
        db.pragma('journal_mode = DELETE');
      } catch {
        /* another connection still has the file open */
      }
      db.close();
    },
  };
}
