import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/errors';

/**
 * Files a browser uploaded for import (a browser has no file paths). Each upload is a temporary
 * file named by a random id; importing it consumes it.
 */
export class UploadStore {
  private readonly dir: string;
  private readonly names = new Map<string, string>();

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Keep `bytes` under a new id; `name` is the file's original name (for titles and formats). */
  put(name: string, bytes: Uint8Array): string {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const id = randomBytes(16).toString('hex');
    fs.writeFileSync(path.join(this.dir, id), bytes, { mode: 0o600 });
    this.names.set(id, path.basename(name).slice(0, 255) || 'upload');
    return id;
  }

  /** Where upload `id` is, and its original name; NOT_FOUND when unknown or already used. */
  resolve(id: string): { file: string; name: string } {
    const name = this.names.get(id);
    if (!name) throw new AppError('NOT_FOUND', `Upload ${id} is unknown or was already imported`);
    return { file: path.join(this.dir, id), name };
  }

  /** Forget an upload and delete its bytes. */
  discard(id: string): void {
    this.names.delete(id);
    fs.rmSync(path.join(this.dir, id), { force: true });
  }

  /** Delete every upload (the backend is closing). */
  clear(): void {
    this.names.clear();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
