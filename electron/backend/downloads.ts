import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/errors';

/**
 * Files the backend made for a browser to download (a browser cannot be handed a path). Each is a
 * temporary file under a random id, served once by the devhost's GET /api/download/<id>.
 */
export class DownloadStore {
  private readonly dir: string;
  private readonly names = new Map<string, string>();

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Keep `bytes` for one download as `name`; returns the id. */
  put(name: string, bytes: Uint8Array): string {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const id = randomBytes(16).toString('hex');
    fs.writeFileSync(path.join(this.dir, id), bytes, { mode: 0o600 });
    this.names.set(id, path.basename(name).slice(0, 200) || 'download');
    return id;
  }

  /** Take download `id` (it can be fetched once): its bytes and file name; NOT_FOUND when unknown or already taken. */
  take(id: string): { bytes: Buffer; name: string } {
    const name = /^[a-f0-9]{32}$/.test(id) ? this.names.get(id) : undefined;
    if (!name) throw new AppError('NOT_FOUND', `Download ${id.slice(0, 40)} is unknown or was already fetched`);
    const file = path.join(this.dir, id);
    const bytes = fs.readFileSync(file);
    this.names.delete(id);
    fs.rmSync(file, { force: true });
    return { bytes, name };
  }

  /** Delete every pending download (the backend is closing). */
  clear(): void {
    this.names.clear();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
