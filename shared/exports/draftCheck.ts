import { matchExcerpt, OMISSION } from '../text/excerpt';
import { normalizeAttribution } from './checks';
import { findQuotations, type DraftParagraph, type DraftQuotation } from './quotations';
import { short } from './quoteTable';
import type { QuoteTableSettings } from './settings';
import type { ExportCase, ExportInformant } from './source';
import { renderTemplate } from './templates';

/** What one informant (or a document) said in one document: their turns' text joined by "\n". */
export interface Speech {
  /** Null for the text of a document that is nobody's speech (a strategy, minutes). */
  readonly informantId: string | null;
  readonly documentId: string;
  readonly text: string;
  /** Where each joined piece starts in `text` and in the document. */
  readonly pieces: readonly { readonly at: number; readonly start: number; readonly length: number }[];
}

/** A quote as the tables print it (from the export log, or the current settings). */
export interface TableQuote {
  readonly codingId: string;
  readonly documentId: string;
  /** The quoted passage's range in the document. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly attribution: string;
  readonly informantIds: readonly string[];
  /** Where it was printed, for messages: "table 5 of “quotes.docx”". */
  readonly where: string;
}

/** Everything the draft check compares the draft with. */
export interface DraftSource {
  readonly informants: readonly ExportInformant[];
  readonly cases: readonly ExportCase[];
  readonly documents: readonly { readonly id: string; readonly title: string }[];
  readonly speech: readonly Speech[];
  readonly tableQuotes: readonly TableQuote[];
  /** The attribution names, to recognise "Informant fra Bærum" and "Informant". */
  readonly names: QuoteTableSettings['names'];
}

/**
 * What the draft check reports.
 * - no-match: the quote matches no passage of the informant it is attributed to (nor anyone's).
 * - wrong-informant: the words are another informant's.
 * - differs-from-table: the quote differs from the table version by one or more words.
 * - attribution-differs: attributed one way in the text and another in the tables.
 * - pseudonym-with-case: a pseudonym next to the name of the informant's case, which reveals them.
 * - wrong-case: a pseudonym next to a case that is not the informant's.
 * - unknown-attribution: an attribution naming no informant, role or case, on an informant's words.
 */
export const DRAFT_FINDING_KINDS = [
  'no-match',
  'wrong-informant',
  'differs-from-table',
  'attribution-differs',
  'pseudonym-with-case',
  'wrong-case',
  'unknown-attribution',
] as const;
/** One of DRAFT_FINDING_KINDS. */
export type DraftFindingKind = (typeof DRAFT_FINDING_KINDS)[number];

/** One finding, located by paragraph (1-based, as the user counts). */
export interface DraftFinding {
  readonly kind: DraftFindingKind;
  readonly message: string;
  readonly paragraph: number;
  readonly quote: string | null;
  readonly informantIds: readonly string[];
  readonly codingIds: readonly string[];
}

/** A quotation of the draft with what the check made of it. */
export interface DraftQuoteResult {
  readonly paragraph: number;
  readonly text: string;
  readonly block: boolean;
  readonly attribution: string | null;
  /** The informants the attribution names (several for "Informant" or a shared label). */
  readonly informantIds: readonly string[];
  /** Where its words are in the material, when found. */
  readonly source: { readonly documentId: string; readonly start: number; readonly end: number; readonly informantId: string | null } | null;
  /** The table quote it corresponds to. */
  readonly codingId: string | null;
}

/** The draft check's result. */
export interface DraftReport {
  readonly paragraphs: number;
  readonly quotes: readonly DraftQuoteResult[];
  readonly findings: readonly DraftFinding[];
}

type Resolved =
  | { readonly kind: 'citation' | 'unknown' | 'none' }
  | { readonly kind: 'people'; readonly informantIds: readonly string[]; readonly how: 'label' | 'role' | 'case' | 'anonymous' }
  | { readonly kind: 'document'; readonly documentIds: readonly string[] };

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;

/** Lower-case words of a text, "(…)" and punctuation left out. */
export function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLocaleLowerCase().replace(/’/g, "'"));
}

/**
 * Check a thesis draft against the project: every quotation (with its attribution) must be the
 * attributed informant's words (allowing "(…)" omissions and spacing), read like the table
 * version, and be attributed as in the tables; pseudonyms must not stand next to case names.
 */
export function checkDraft(paragraphs: readonly DraftParagraph[], source: DraftSource): DraftReport {
  const findings: DraftFinding[] = [];
  const quotes: DraftQuoteResult[] = [];
  const informantsById = new Map(source.informants.map((i) => [i.id, i]));
  const tables = indexTableQuotes(source.tableQuotes);
  const speechWords = source.speech.map((s) => ({ speech: s, words: wordSpans(s.text) }));
  const speechIndex = trigramIndex(speechWords.map((s) => s.words.map((w) => w.word)));
  const labelOf = (id: string) => informantsById.get(id)?.label ?? id;

  for (const quotation of findQuotations(paragraphs)) {
    const text = asExcerpt(quotation.text);
    const qWords = wordsOf(text);
    if (qWords.length === 0) continue;
    const resolved = resolveAttribution(quotation.attribution, source);
    if (resolved.kind === 'citation') continue;
    const paragraph = quotation.paragraph + 1;
    const attributed = resolved.kind === 'people' ? resolved.informantIds : [];
    const own = source.speech.filter((s) =>
      resolved.kind === 'people' ? s.informantId !== null && attributed.includes(s.informantId) : resolved.kind === 'document' ? s.informantId === null && resolved.documentIds.includes(s.documentId) : false,
    );
    const found = locate(own, text) ?? null;
    const elsewhere = found ? null : locate(source.speech, text);
    const isInterviewQuote = resolved.kind === 'people' || resolved.kind === 'document' || (elsewhere !== null && (quotation.block || qWords.length >= 6));
    if (!isInterviewQuote) continue;

    const match = found ?? elsewhere;
    const table = bestTableQuote(tables, qWords, match);
    quotes.push({
      paragraph,
      text: quotation.text,
      block: quotation.block,
      attribution: quotation.attribution,
      informantIds: attributed,
      source: match,
      codingId: table?.quote.codingId ?? null,
    });
    const base = { paragraph, quote: quotation.text };

    if (resolved.kind === 'unknown' || resolved.kind === 'none') {
      if (resolved.kind === 'unknown' && match) {
        findings.push({
          ...base,
          kind: 'unknown-attribution',
          message: `Paragraph ${paragraph}: “${short(quotation.text)}” is attributed to “${quotation.attribution}”, which names no informant, role or case; the words are ${match.informantId ? labelOf(match.informantId) : titleOf(source, match.documentId)}'s (${titleOf(source, match.documentId)})`,
          informantIds: match.informantId ? [match.informantId] : [],
          codingIds: [],
        });
      }
    } else if (!found) {
      const who = resolved.kind === 'document' ? listOf(resolved.documentIds.map((id) => titleOf(source, id))) : listOf(attributed.map(labelOf));
      if (elsewhere) {
        const speaker = elsewhere.informantId ? labelOf(elsewhere.informantId) : titleOf(source, elsewhere.documentId);
        findings.push({
          ...base,
          kind: 'wrong-informant',
          message: `Paragraph ${paragraph}: “${short(quotation.text)}” is attributed to “${quotation.attribution}”, but these are ${speaker}'s words (${titleOf(source, elsewhere.documentId)}), not ${who}'s`,
          informantIds: [...attributed, ...(elsewhere.informantId ? [elsewhere.informantId] : [])],
          codingIds: [],
        });
      } else {
        const near = nearest(speechWords, speechIndex, qWords, own.length > 0 ? own : source.speech);
        const hint = near ? `; the nearest passage (${titleOf(source, near.speech.documentId)}) reads “${short(near.text, 80)}”${diffText(near.diff)}` : '';
        findings.push({
          ...base,
          kind: 'no-match',
          message: `Paragraph ${paragraph}: “${short(quotation.text)}” matches no passage of ${who}${hint}`,
          informantIds: attributed,
          codingIds: [],
        });
      }
    }

    if (table) {
      // Words changed inside the quote count (left out ones only without an omission marker); a
      // quote may begin or end elsewhere in the passage than the table's.
      const diff = wordDiff(table.words, qWords, { ignoreEnds: true });
      const omitted = /\(\s*(?:…|\.\.\.)\s*\)/u.test(text);
      const relevant = { added: diff.added, removed: omitted ? [] : diff.removed };
      if (relevant.added.length > 0 || relevant.removed.length > 0) {
        findings.push({
          ...base,
          kind: 'differs-from-table',
          message: `Paragraph ${paragraph}: “${short(quotation.text)}” differs from the table version in ${table.quote.where} (“${short(table.quote.text, 80)}”)${diffText(relevant)}`,
          informantIds: table.quote.informantIds,
          codingIds: [table.quote.codingId],
        });
      }
      if (quotation.attribution && normalizeAttribution(quotation.attribution) !== normalizeAttribution(table.quote.attribution)) {
        findings.push({
          ...base,
          kind: 'attribution-differs',
          message: `Paragraph ${paragraph}: “${short(quotation.text)}” is attributed “${quotation.attribution}” in the text but “${table.quote.attribution}” in ${table.quote.where}: readers can link the two`,
          informantIds: table.quote.informantIds,
          codingIds: [table.quote.codingId],
        });
      }
    }
  }

  findings.push(...pseudonymFindings(paragraphs, source));
  findings.sort((a, b) => a.paragraph - b.paragraph);
  return { paragraphs: paragraphs.length, quotes, findings };
}

function titleOf(source: DraftSource, documentId: string): string {
  return source.documents.find((d) => d.id === documentId)?.title ?? documentId;
}

function listOf(items: readonly string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique.join('');
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** Drafts write omissions many ways; all become "(…)" so the excerpt matcher allows them. */
function asExcerpt(text: string): string {
  return text
    .replace(/\s*(?:\(\s*(?:…|\.\.\.)\s*\)|\[\s*(?:…|\.\.\.)\s*\]|…|\.{3})\s*/gu, ` ${OMISSION} `)
    .replace(/^[\s.,;:!?]+|[\s.,;:!?]+$/gu, '')
    .trim();
}

function resolveAttribution(attribution: string | null, source: DraftSource): Resolved {
  if (!attribution) return { kind: 'none' };
  if (/\b(?:1[5-9]|20)\d{2}[a-z]?\b/u.test(attribution) || /\b(?:s|p|pp|side)\.\s*\d/iu.test(attribution)) return { kind: 'citation' };
  const wanted = normalizeAttribution(attribution);
  const people = source.informants.filter((i) => i.role === 'informant');
  const byLabel = people.filter((i) => normalizeAttribution(i.label) === wanted);
  if (byLabel.length > 0) return { kind: 'people', informantIds: byLabel.map((i) => i.id), how: 'label' };
  const byRole = people.filter((i) => i.roleLabel.trim() && normalizeAttribution(i.roleLabel) === wanted);
  if (byRole.length > 0) return { kind: 'people', informantIds: byRole.map((i) => i.id), how: 'role' };
  for (const c of source.cases) {
    if (normalizeAttribution(renderTemplate(source.names.case, { case: c.name })) === wanted) {
      return { kind: 'people', informantIds: people.filter((i) => i.caseId === c.id).map((i) => i.id), how: 'case' };
    }
  }
  if (normalizeAttribution(renderTemplate(source.names.anonymous, {})) === wanted) {
    return { kind: 'people', informantIds: people.map((i) => i.id), how: 'anonymous' };
  }
  const docs = source.documents.filter((d) => normalizeAttribution(d.title) === wanted);
  if (docs.length > 0) return { kind: 'document', documentIds: docs.map((d) => d.id) };
  // "Inger, Bærum": a label among the parts.
  const parts = attribution.split(/,|\/|;|\s[–—-]\s|\s(?:og|and|und)\s/u).map(normalizeAttribution).filter(Boolean);
  const partLabels = people.filter((i) => parts.includes(normalizeAttribution(i.label)));
  if (partLabels.length > 0) return { kind: 'people', informantIds: partLabels.map((i) => i.id), how: 'label' };
  // "Informant, Bærum kommune": a case named inside.
  const named = source.cases.filter((c) => containsWord(attribution, c.name));
  if (named.length > 0) return { kind: 'people', informantIds: people.filter((i) => named.some((c) => c.id === i.caseId)).map((i) => i.id), how: 'case' };
  return { kind: 'unknown' };
}

function locate(speech: readonly Speech[], excerpt: string): DraftQuoteResult['source'] {
  for (const s of speech) {
    const result = matchExcerpt(s.text, excerpt, { loose: true });
    if (!result.ok) continue;
    const first = result.ranges[0]!;
    const last = result.ranges[result.ranges.length - 1]!;
    return { documentId: s.documentId, start: toDocument(s, first.start), end: toDocument(s, last.end - 1) + 1, informantId: s.informantId };
  }
  return null;
}

function toDocument(s: Speech, at: number): number {
  let piece = s.pieces[0];
  for (const p of s.pieces) if (p.at <= at) piece = p;
  return piece ? piece.start + (at - piece.at) : at;
}

interface WordSpan {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

function wordSpans(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(WORD)) out.push({ word: m[0].toLocaleLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
  return out;
}

function trigrams(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= words.length; i += 1) out.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  if (words.length > 0 && words.length < 3) out.push(words.join(' '));
  return out;
}

/** trigram → [(list index, word index)] */
function trigramIndex(lists: readonly (readonly string[])[]): Map<string, [number, number][]> {
  const index = new Map<string, [number, number][]>();
  lists.forEach((words, li) => {
    trigrams(words).forEach((t, wi) => {
      const hits = index.get(t);
      if (hits) hits.push([li, wi]);
      else index.set(t, [[li, wi]]);
    });
  });
  return index;
}

interface IndexedTables {
  readonly quotes: readonly { readonly quote: TableQuote; readonly words: readonly string[] }[];
  readonly index: Map<string, [number, number][]>;
}

function indexTableQuotes(tableQuotes: readonly TableQuote[]): IndexedTables {
  const quotes = tableQuotes.map((quote) => ({ quote, words: wordsOf(quote.text) }));
  return { quotes, index: trigramIndex(quotes.map((q) => q.words)) };
}

/**
 * The table quote the draft's quotation stands for: among the table quotes of the passage the
 * quotation was found in, else among all, the one most like it (Dice coefficient over the longest
 * common word sequence ≥ 0.6).
 */
function bestTableQuote(
  tables: IndexedTables,
  words: readonly string[],
  source: DraftQuoteResult['source'],
): { quote: TableQuote; words: readonly string[] } | null {
  const score = (li: number) => {
    const candidate = tables.quotes[li]!;
    return (2 * lcsLength(candidate.words, words)) / (candidate.words.length + words.length);
  };
  if (source) {
    const here = tables.quotes
      .map((q, li) => ({ q, li }))
      .filter(({ q }) => q.quote.documentId === source.documentId && q.quote.start < source.end && source.start < q.quote.end)
      .map(({ li }) => ({ li, score: score(li) }))
      .sort((a, b) => b.score - a.score)[0];
    if (here && here.score >= 0.5) return tables.quotes[here.li]!;
  }
  const votes = new Map<number, number>();
  for (const t of trigrams(words)) for (const [li] of tables.index.get(t) ?? []) votes.set(li, (votes.get(li) ?? 0) + 1);
  let best: { quote: TableQuote; words: readonly string[]; score: number } | null = null;
  const candidates = [...votes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  for (const [li] of candidates) {
    const candidate = tables.quotes[li]!;
    const s = score(li);
    if (s >= 0.6 && (!best || s > best.score)) best = { ...candidate, score: s };
  }
  return best;
}

function nearest(
  speechWords: readonly { speech: Speech; words: readonly WordSpan[] }[],
  index: Map<string, [number, number][]>,
  words: readonly string[],
  among: readonly Speech[],
): { speech: Speech; text: string; diff: { added: string[]; removed: string[] } } | null {
  const allowed = new Set(among);
  const votes = new Map<string, number>();
  trigrams(words).forEach((t, qi) => {
    for (const [li, wi] of index.get(t) ?? []) {
      if (!allowed.has(speechWords[li]!.speech)) continue;
      const key = `${li}:${wi - qi}`;
      votes.set(key, (votes.get(key) ?? 0) + 1);
    }
  });
  const top = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!top) return null;
  const [li, offset] = top[0].split(':').map(Number) as [number, number];
  const entry = speechWords[li]!;
  const from = Math.max(0, offset);
  const span = entry.words.slice(from, Math.min(entry.words.length, offset + words.length));
  if (span.length === 0) return null;
  const text = entry.speech.text.slice(span[0]!.start, span[span.length - 1]!.end);
  return { speech: entry.speech, text, diff: wordDiff(span.map((w) => w.word), words) };
}

/**
 * Words only in `a` (removed) and only in `b` (added), by the longest common subsequence. With
 * `ignoreEnds`, words before the first or after the last common word are not counted when only
 * one side has them (one quotes a shorter or longer stretch of the same passage than the other).
 */
export function wordDiff(a: readonly string[], b: readonly string[], options: { ignoreEnds?: boolean } = {}): { added: string[]; removed: string[] } {
  const table = lcsTable(a, b);
  const ops: { op: 'same' | 'added' | 'removed'; word: string }[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && a[i - 1] === b[j - 1]) {
      ops.unshift({ op: 'same', word: a[i - 1]! });
      i -= 1;
      j -= 1;
    } else if (j > 0 && (i === 0 || table[i]![j - 1]! >= table[i - 1]![j]!)) {
      ops.unshift({ op: 'added', word: b[j - 1]! });
      j -= 1;
    } else {
      ops.unshift({ op: 'removed', word: a[i - 1]! });
      i -= 1;
    }
  }
  const first = ops.findIndex((o) => o.op === 'same');
  let last = -1;
  ops.forEach((o, k) => {
    if (o.op === 'same') last = k;
  });
  // An end where words were both dropped and added is a changed word, not a shorter or longer stretch.
  const changedEnd = (from: number, to: number) => {
    const region = ops.slice(from, to);
    return region.some((o) => o.op === 'added') && region.some((o) => o.op === 'removed');
  };
  const head = first < 0 ? ops.length : first;
  const headChanged = changedEnd(0, head);
  const tailChanged = last >= 0 && changedEnd(last + 1, ops.length);
  const inside = (k: number) => !options.ignoreEnds || (k > first && k < last && first >= 0) || (k < head && headChanged) || (last >= 0 && k > last && tailChanged);
  return {
    added: ops.flatMap((o, k) => (o.op === 'added' && inside(k) ? [o.word] : [])),
    removed: ops.flatMap((o, k) => (o.op === 'removed' && inside(k) ? [o.word] : [])),
  };
}

function lcsTable(a: readonly string[], b: readonly string[]): number[][] {
  const rows = Math.min(a.length, 2000);
  const cols = Math.min(b.length, 2000);
  const table: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  for (let i = 1; i <= rows; i += 1) {
    for (let j = 1; j <= cols; j += 1) {
      table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  return table;
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = lcsTable(a, b);
  return table[Math.min(a.length, 2000)]![Math.min(b.length, 2000)]!;
}

function diffText(diff: { added: readonly string[]; removed: readonly string[] }): string {
  const parts: string[] = [];
  if (diff.removed.length > 0) parts.push(`missing here: ${diff.removed.map((w) => `“${w}”`).join(', ')}`);
  if (diff.added.length > 0) parts.push(`not there: ${diff.added.map((w) => `“${w}”`).join(', ')}`);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordPattern(word: string, flags = 'gu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, flags);
}

function containsWord(text: string, word: string): boolean {
  return word.trim().length > 0 && wordPattern(word.trim(), 'u').test(text);
}

/**
 * Pseudonyms next to case names: within the same sentence (or an attribution or footnote), a
 * pseudonym with its informant's case reveals who it is; with another case it places the
 * informant in the wrong case.
 */
function pseudonymFindings(paragraphs: readonly DraftParagraph[], source: DraftSource): DraftFinding[] {
  const anonymous = normalizeAttribution(renderTemplate(source.names.anonymous, {}));
  const people = source.informants.filter((i) => i.role === 'informant' && normalizeAttribution(i.label) !== anonymous);
  const labelCases = new Map<string, Set<string | null>>();
  for (const p of people) {
    const key = p.label.trim();
    labelCases.set(key, (labelCases.get(key) ?? new Set()).add(p.caseId));
  }
  const casesById = new Map(source.cases.map((c) => [c.id, c]));
  const findings: DraftFinding[] = [];
  const seen = new Set<string>();
  // "Informant fra Bærum" names a case on purpose; it is not a pseudonym's neighbour.
  const caseAttributions = source.cases
    .map((c) => renderTemplate(source.names.case, { case: c.name }).trim())
    .filter((t) => t.length > 0)
    .sort((a, b) => b.length - a.length);
  const NEAR = 50;
  paragraphs.forEach((p, index) => {
    const texts = [p.text, ...p.notes.map((n) => n.text)];
    for (const raw of texts) {
      let text = raw;
      for (const phrase of caseAttributions) text = text.replace(wordPattern(phrase, 'giu'), (m) => ' '.repeat(m.length));
      for (const sentence of text.split(/(?<=[.!?])\s+(?=[\p{Lu}«“"])/u)) {
        for (const person of people) {
          const at = [...sentence.matchAll(wordPattern(person.label.trim()))].map((m) => m.index);
          if (at.length === 0) continue;
          const near = at.map((i) => sentence.slice(Math.max(0, i - NEAR), i + person.label.length + NEAR)).join(' ¶ ');
          const ownCase = person.caseId ? casesById.get(person.caseId) : undefined;
          const ambiguous = (labelCases.get(person.label.trim())?.size ?? 0) > 1;
          for (const c of source.cases) {
            if (!containsWord(near, c.name)) continue;
            const own = ownCase?.id === c.id;
            if (!own && (ambiguous || !ownCase || containsWord(near, ownCase.name))) continue;
            const key = `${index}:${person.id}:${c.id}`;
            if (seen.has(key)) continue;
            seen.add(key);
            findings.push({
              kind: own ? 'pseudonym-with-case' : 'wrong-case',
              message: own
                ? `Paragraph ${index + 1}: “${person.label}” stands next to “${c.name}”, the case the informant belongs to: readers can tell who the pseudonym is`
                : `Paragraph ${index + 1}: “${person.label}” stands next to “${c.name}”, but the informant belongs to “${ownCase!.name}”`,
              paragraph: index + 1,
              quote: null,
              informantIds: [person.id],
              codingIds: [],
            });
          }
        }
      }
    }
  });
  return findings;
}

export type { DraftParagraph, DraftQuotation };
