import { fold, type FoldedText } from '../../shared/text/fold';

/** A document's text as search and retrieval need it, and (once folded) its folded copy for search. */
export interface CachedText {
  readonly text: string;
  folded: FoldedText | null;
}

/**
 * Texts and their folded copies by text hash (`documents.text_hash`, which every Stige writer keeps
 * in step with the text: content-addressed, so an edited text is simply another entry and nothing
 * needs invalidating), most recently used last, bounded by an estimate of their memory. Reading a
 * long text out of SQLite (UTF-8 to a JavaScript string) costs more than searching it; this lets
 * repeated searches and retrievals skip that, and the folding.
 */
export class TextCache {
  private readonly entries = new Map<string, CachedText>();
  private bytes = 0;
  constructor(private readonly budget: number) {}

  private static size(entry: CachedText): number {
    // UTF-16 text; for the folded copy, its text and its Int32 offset map.
    return entry.text.length * 2 + (entry.folded ? entry.folded.folded.length * 6 : 0);
  }

  /** The text with hash `hash` (read with `read` when not cached), folded too when asked. */
  get(hash: string, read: () => string, options: { readonly folded?: boolean } = {}): CachedText {
    let entry = this.entries.get(hash);
    if (entry) this.entries.delete(hash);
    else {
      entry = { text: read(), folded: null };
      this.bytes += TextCache.size(entry);
    }
    if (options.folded && !entry.folded) {
      this.bytes -= TextCache.size(entry);
      entry.folded = fold(entry.text, { ae: 'keep' });
      this.bytes += TextCache.size(entry);
    }
    this.entries.set(hash, entry);
    for (const [key, value] of this.entries) {
      if (this.bytes <= this.budget || this.entries.size <= 1) break;
      this.entries.delete(key);
      this.bytes -= TextCache.size(value);
    }
    return entry;
  }
}

/** The backend's cache (shared by every open project: entries are keyed by content). */
export const textCache = new TextCache(64 * 1024 * 1024);
