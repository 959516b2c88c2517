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
   * canonical text). Each query word matches words that begin with it, and a hit covers whole
   * words ("innovasjon" finds "innovasjonen"). `phrase`: the words in this order with any
   * whitespace (and punctuation or emoji beside it) between (default), or all words anywhere in a
   * document (every occurrence is a hit). `fold` (default on) folds letters, so "sok" finds "søk", "barum" and "baerum" find
   * "Bærum", "aerlig" finds "ærlig" (ø→o, æ→ae or a, å→a, é→e, ü→u, ß→ss …); off: exact up to
   * case. Hits come in document order with ~60 characters of context; `limit` defaults to 1000.
   * Errors: NO_PROJECT, VALIDATION.
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
