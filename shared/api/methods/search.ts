import { z } from 'zod';
import { method } from '../define';
import { Id } from '../limits';

/** One place a search matched, in canonical offsets, with context. */
export interface SearchHit {
  readonly documentId: string;
  readonly documentTitle: string;
  readonly start: number;
  readonly end: number;
  readonly before: string;
  readonly match: string;
  readonly after: string;
}

/** Search results; `truncated` when more hits exist than `limit`. */
export interface SearchResult {
  readonly hits: readonly SearchHit[];
  readonly total: number;
  readonly truncated: boolean;
}

export const searchMethods = {
  /**
   * Full-text search over every document (SQLite FTS5 finds the documents, hits are located in the
   * canonical text). `phrase`: the words in this order (default) or all words anywhere. `fold`
   * (default on) folds letters, so "sok" finds "søk" and "barum" finds "Bærum" (ø→o, æ→ae, å→a,
   * é→e, ü→u …). Errors: NO_PROJECT, VALIDATION.
   */
  'search.text': method(
    z.strictObject({
      query: z.string().trim().min(1).max(500),
      phrase: z.boolean().optional(),
      fold: z.boolean().optional(),
      documentIds: z.array(Id).max(10_000).optional(),
      limit: z.number().int().min(1).max(20_000).optional(),
    }),
  ).returns<SearchResult>(),
};
