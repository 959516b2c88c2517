import type { CodeStats } from '../../shared/api/methods/codes';
import type { Code, DocumentSummary } from '../../shared/model/types';
import type { AppState } from './createAppStore';

// Whose codings the counts show. While blind coding is on only the blind coder's codings may be
// counted anywhere (a count of the others' work is a hint of it); with the coder filter set, the
// counts follow the filter so the codebook and the transcript tell the same story. Until the
// coder's counts have loaded nothing is shown rather than everyone's numbers.

/** The coder whose codings the counts cover: the blind coder, else the filtered coder, else null (everyone). */
export const selectCountedCoderId = (s: AppState): string | null => s.blindCoderId ?? s.filter.coderId;

/** The loaded counts of the counted coder; null when everyone counts; 'pending' until they arrive. */
function coderCountsOf(s: AppState) {
  const coderId = selectCountedCoderId(s);
  if (!coderId) return null;
  return s.coderCounts?.coderId === coderId ? s.coderCounts : 'pending';
}

/** Codings directly on a code, as the codebook counts them (`Code.codingCount`), for the counted coder. */
export function selectCodeCodingCount(s: AppState, code: Code): number {
  const counts = coderCountsOf(s);
  if (counts === null) return code.codingCount;
  return counts === 'pending' ? 0 : (counts.codes[code.id] ?? 0);
}

/** A code's support (codings, informants, starred quotes with everything under it) for the counted coder. */
export function selectCodeStats(s: AppState, codeId: string): CodeStats | undefined {
  const counts = coderCountsOf(s);
  if (counts === null) return s.codeStats[codeId];
  if (counts === 'pending') return undefined;
  return counts.stats[codeId] ?? noSupport(codeId);
}

const NO_SUPPORT = new Map<string, CodeStats>();
/** The same zero object per code, so selectors return a stable value. */
function noSupport(codeId: string): CodeStats {
  let stats = NO_SUPPORT.get(codeId);
  if (!stats) NO_SUPPORT.set(codeId, (stats = { codeId, codings: 0, informants: 0, representative: 0 }));
  return stats;
}

/** Codings in a document for the counted coder. */
export function selectDocumentCodingCount(s: AppState, doc: DocumentSummary): number {
  const counts = coderCountsOf(s);
  if (counts === null) return doc.codingCount;
  return counts === 'pending' ? 0 : (counts.documents[doc.id] ?? 0);
}

let lastReviewInput: [AppState['review'], string | null] | null = null;
let lastReview: AppState['review'] = null;

/** The codings to review the counted coder may see (all of them when no coder is counted); memoised. */
export function selectReviewShown(s: AppState): AppState['review'] {
  const input: [AppState['review'], string | null] = [s.review, selectCountedCoderId(s)];
  if (lastReviewInput && input[0] === lastReviewInput[0] && input[1] === lastReviewInput[1]) return lastReview;
  const [review, coderId] = input;
  lastReview = review && coderId ? review.filter((item) => item.coding.coderId === coderId) : review;
  lastReviewInput = input;
  return lastReview;
}
