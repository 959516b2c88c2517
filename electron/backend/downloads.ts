import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/errors';

/** A file waiting for the browser to fetch it. */
export interface Download {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/**
 * Files made for a browser to download (a browser page cannot be given a path to write to): kept
 * in memory under a random id until fetched once (GET /api/download/<id> on the devhost) or until
 * they expire.
 */
export class DownloadStore {
  private readonly items = new Map<string, Download & { readonly expires: number }>();
  private readonly ttlMs: number;

  constructor(ttlMs = 10 * 60 * 1000) {
    this.ttlMs = ttlMs;
  }

  /** Keep a file; returns its id (32 hex digits). */
  put(download: Download): string {
    this.prune();
    const id = randomBytes(16).toString('hex');
    this.items.set(id, { ...download, expires: Date.now() + this.ttlMs });
    return id;
  }

  /** Take a file out (it can be fetched once); NOT_FOUND when unknown, fetched or expired. */
  take(id: string): Download {
    this.prune();
    const item = this.items.get(id);
    if (!item) throw new AppError('NOT_FOUND', `Download ${id} is unknown, expired or was already fetched`);
    this.items.delete(id);
    return item;
  }

  /** Forget every file. */
  clear(): void {
    this.items.clear();
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, item] of this.items) if (item.expires < now) this.items.delete(id);
  }
}
