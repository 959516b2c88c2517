import type Database from 'better-sqlite3';
import type { SearchHit, searchMethods } from '../../../shared/api/methods/search';
import { AppError } from '../../../shared/api/errors';
import { contextAround } from '../../../shared/text/context';
import type { FoldedText } from '../../../shared/text/fold';
import type { TextRange } from '../../../shared/text/offsets';
import { findQuery, ftsMatchExpression } from '../../../shared/text/search';
import { codeRanges } from '../codeRanges';
import type { HandlersOf } from '../handlerTypes';
import { textCache } from '../textCache';

/** Characters of context on each side of a hit. */
const HIT_CONTEXT = 60;
const DEFAULT_LIMIT = 500;
/** As many passages as `codings.createMany` takes in one step. */
const MAX_CODE_ALL = 20_000;

/** Documents (in the user's order) that may hold hits: those the full-text index finds, or all. */
function candidates(db: Database.Database, query: string, only: readonly string[] | undefined): { id: string; title: string; text_hash: string }[] {
  const docs = db.prepare('SELECT id, title, text_hash FROM documents ORDER BY sort_order, created_at, id').all() as {
    id: string;
    title: string;
    text_hash: string;
  }[];
  const wanted = only ? new Set(only) : null;
  const match = ftsMatchExpression(query);
  const indexed = match
    ? new Set((db.prepare('SELECT document_id FROM documents_fts WHERE documents_fts MATCH ?').all(match) as { document_id: string }[]).map((r) => r.document_id))
    : null;
  return docs.filter((d) => (!wanted || wanted.has(d.id)) && (!indexed || indexed.has(d.id)));
}

/** The hits of a query in one document, as offsets of the text the query was matched in. */
interface DocumentHits {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly folded: FoldedText | null;
  readonly ranges: readonly TextRange[];
}

/** Every hit of a query, by document in the user's order (offsets mapped back only when needed). */
function findHits(db: Database.Database, args: { query: string; phrase?: boolean | undefined; fold?: boolean | undefined; documentIds?: readonly string[] | undefined }): DocumentHits[] {
  const options = { phrase: args.phrase ?? true, fold: args.fold ?? true };
  const readText = db.prepare('SELECT text FROM documents WHERE id = ?');
  const found: DocumentHits[] = [];
  for (const doc of candidates(db, args.query, args.documentIds)) {
    const entry = textCache.get(doc.text_hash, () => (readText.get(doc.id) as { text: string }).text, { folded: options.fold });
    const folded = options.fold ? entry.folded : null;
    const ranges = findQuery(folded ? folded.folded : entry.text, args.query, options);
    if (ranges.length) found.push({ id: doc.id, title: doc.title, text: entry.text, folded, ranges });
  }
  return found;
}

/** A hit as a range of the canonical text. */
function canonical(doc: DocumentHits, range: TextRange): TextRange {
  return doc.folded ? { start: doc.folded.toCanonical(range.start, 'start'), end: doc.folded.toCanonical(range.end, 'end') } : range;
}

export const searchHandlers = {
  'search.text': ({ offset, limit, ...query }, { backend }) => {
    const from = offset ?? 0;
    const to = from + (limit ?? DEFAULT_LIMIT);
    const hits: SearchHit[] = [];
    let total = 0;
    for (const doc of findHits(backend.project().db, query)) {
      // Only the hits of the page are mapped back and given context; the rest are only counted.
      const first = Math.max(0, from - total);
      const last = Math.min(doc.ranges.length, to - total);
      for (let i = first; i < last; i += 1) {
        const r = canonical(doc, doc.ranges[i]!);
        hits.push({ documentId: doc.id, documentTitle: doc.title, start: r.start, end: r.end, match: doc.text.slice(r.start, r.end), ...contextAround(doc.text, r, HIT_CONTEXT) });
      }
      total += doc.ranges.length;
    }
    return { hits, total, offset: from, truncated: total > from + hits.length };
  },
  'search.codeAll': ({ code, coder, ...query }, { backend }) => {
    const project = backend.project();
    const ranges = findHits(project.db, query).flatMap((doc) => doc.ranges.map((r) => ({ documentId: doc.id, ...canonical(doc, r) })));
    if (ranges.length === 0) throw new AppError('VALIDATION', `“${query.query}” has no hits to code`);
    if (ranges.length > MAX_CODE_ALL) throw new AppError('VALIDATION', `“${query.query}” has ${ranges.length} hits; code at most ${MAX_CODE_ALL} at once (narrow the search)`);
    const result = codeRanges(project, code, ranges, coder);
    return { total: ranges.length, coded: result.codings.length, skipped: result.skipped, undoLabel: project.file.history.state().undoLabel ?? '' };
  },
} satisfies HandlersOf<typeof searchMethods>;
