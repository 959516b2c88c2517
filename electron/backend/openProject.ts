import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import type { BackendEvent } from '../../shared/api/events';
import type { ProjectFile } from './db/projectFile';

/**
 * The project a backend has open. Handlers write only through `step`, so every user action is one
 * transaction and one undo step, and the UI hears which tables changed.
 */
export class OpenProject {
  readonly file: ProjectFile;
  private readonly userCoderName: () => string | null;
  private readonly emit: (event: BackendEvent) => void;
  private readonly origin: () => string | null;

  constructor(
    file: ProjectFile,
    userCoderName: () => string | null,
    emit: (event: BackendEvent) => void,
    origin: () => string | null = () => null,
  ) {
    this.file = file;
    this.userCoderName = userCoderName;
    this.emit = emit;
    this.origin = origin;
  }

  get db(): Database.Database {
    return this.file.db;
  }

  get path(): string {
    return this.file.path;
  }

  /** Run `fn` as one transaction and one undo step named `label`, then announce what changed. */
  step<T>(label: string, fn: () => T): T {
    const nested = this.file.history.isInStep();
    const result = this.file.history.step(label, this.existingCoderId(this.userCoderName()), fn);
    if (!nested) {
      const tables = this.file.history.tablesOfLatestStep();
      if (tables.length > 0) this.emit({ type: 'changed', tables, label, origin: this.origin() });
    }
    return result;
  }

  /**
   * The id of coder `name` (default: the user's name), created if missing. Must be called inside
   * `step`. Throws VALIDATION when no name is known (the UI asks for it first; the CLI passes one).
   */
  coderId(name?: string): string {
    const wanted = name ?? this.userCoderName();
    if (!wanted) throw new AppError('VALIDATION', 'Tell Stige your name as coder first (settings, or --coder NAME)');
    const existing = this.existingCoderId(wanted);
    if (existing) return existing;
    const id = randomUUID();
    this.db.prepare('INSERT INTO coders (id, name, created_at) VALUES (?, ?, ?)').run(id, wanted, Date.now());
    return id;
  }

  /** Like `coderId()`, but null instead of an error when the user has not given a name. */
  coderIdIfKnown(): string | null {
    return this.userCoderName() ? this.coderId() : null;
  }

  private existingCoderId(name: string | null): string | null {
    if (!name) return null;
    const row = this.db.prepare('SELECT id FROM coders WHERE name = ?').get(name) as { id: string } | undefined;
    return row?.id ?? null;
  }

  close(): void {
    this.file.close();
  }
}
