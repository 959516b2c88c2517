import type Database from 'better-sqlite3';
import type { SearchHit, searchMethods } from '../../../shared/api/methods/search';
import { contextAround } from '../../../shared/text/context';
import { findQuery, ftsMatchExpression } from '../../../shared/text/search';
import type { HandlersOf } from '../handlerTypes';
import { textCache } from '../textCache';

/** Characters of context on each side of a hit. */
const HIT_CONTEXT = 60;
const DEFAULT_LIMIT = 1000;

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

export const searchHandlers = {
  'search.text': ({ query, phrase, fold: folding, documentIds, limit }, { backend }) => {
    const db = backend.project().db;
    const options = { phrase: phrase ?? true, fold: folding ?? true };
    const max = limit ?? DEFAULT_LIMIT;
    const readText = db.prepare('SELECT text FROM documents WHERE id = ?');
    const hits: SearchHit[] = [];
    let total = 0;
    for (const doc of candidates(db, query, documentIds)) {
      const entry = textCache.get(doc.text_hash, () => (readText.get(doc.id) as { text: string }).text, { folded: options.fold });
      const text = entry.text;
      const folded = options.fold ? entry.folded : null;
      const ranges = folded
        ? findQuery(folded.folded, query, options).map((r) => ({ start: folded.toCanonical(r.start, 'start'), end: folded.toCanonical(r.end, 'end') }))
        : findQuery(text, query, options);
      total += ranges.length;
      for (const r of ranges) {
        if (hits.length >= max) break;
        hits.push({ documentId: doc.id, documentTitle: doc.title, start: r.start, end: r.end, match: text.slice(r.start, r.end), ...contextAround(text, r, HIT_CONTEXT) });
      }
    }
    return { hits, total, truncated: total > hits.length };
  },
} satisfies HandlersOf<typeof searchMethods>;
