import { z } from 'zod';
import { method } from '../define';
import { Id, Label } from '../limits';
import { CodeTarget } from './codings';

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

/**
 * One page of search results: `hits` are hits `offset` … `offset + hits.length - 1` of `total`, in
 * document order; `truncated` when hits exist beyond this page.
 */
export interface SearchResult {
  readonly hits: readonly SearchHit[];
  readonly total: number;
  readonly offset: number;
  readonly truncated: boolean;
}

/** What a query matches (the arguments `search.text` and `search.codeAll` share). */
const SearchQuery = {
  query: z.string().trim().min(1).max(500),
  phrase: z.boolean().optional(),
  fold: z.boolean().optional(),
  documentIds: z.array(Id).max(10_000).optional(),
};

export const searchMethods = {
  /**
   * Full-text search over every document (SQLite FTS5 finds the documents, hits are located in the
   * canonical text). Each query word matches words that begin with it, and a hit covers whole
   * words ("innovasjon" finds "innovasjonen"). `phrase`: the words in this order with any
   * whitespace (and punctuation or emoji beside it) between (default), or all words anywhere in a
   * document (every occurrence is a hit). `fold` (default on) folds letters, so "sok" finds "søk", "barum" and "baerum" find
   * "Bærum", "aerlig" finds "ærlig" (ø→o, æ→ae or a, å→a, é→e, ü→u, ß→ss …); off: exact up to
   * case. Hits come in document order with ~60 characters of context, a page at a time: `limit`
   * hits (default 500) from hit number `offset` (default 0); `total` counts them all.
   * Errors: NO_PROJECT, VALIDATION.
   */
  'search.text': method(
    z.strictObject({
      ...SearchQuery,
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(20_000).optional(),
    }),
  ).returns<SearchResult>(),
  /**
   * Code every hit of a search (all of them, not one page) with one concept, as one undoable step,
   * as `codings.createMany` would; hits already coded so are skipped. Returns how many were coded.
   * Errors: NO_PROJECT, NOT_FOUND (code), VALIDATION (no hits; more than 20,000).
   */
  'search.codeAll': method(z.strictObject({ ...SearchQuery, code: CodeTarget, coder: Label.optional() })).returns<{
    readonly total: number;
    readonly coded: number;
    readonly skipped: number;
    readonly undoLabel: string;
  }>(),
};
