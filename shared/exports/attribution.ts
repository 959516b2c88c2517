import { MARKS, type AnonymityLevel, type QuoteMarks, type QuoteTableSettings } from './settings';
import type { ExportCase, ExportDocument, ExportInformant } from './source';
import { placeholdersOf, renderTemplate } from './templates';

/** A piece of a printed quote line: text, or a footnote (numbered by the writer) carrying `text`. */
export type LinePart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'footnote'; readonly text: string };

/** Problems met while attributing one quote (each becomes a warning). */
export type AttributionProblem = 'missing-case' | 'missing-role' | 'no-informant';

/** How one quote is printed. */
export interface QuoteAttribution {
  /** The anonymity level used in the end (after an override or a fallback); 'document' for quotes from documents, 'custom' for the custom template. */
  readonly level: AnonymityLevel | 'document' | 'custom';
  /** The attribution as readers see it: "Inger", "Informant fra Bærum", the footnote's text, or what the custom template adds. */
  readonly attribution: string;
  /** The printed line. */
  readonly parts: readonly LinePart[];
  /** The line as plain text, footnotes inline in parentheses (for previews, JSON and the export log). */
  readonly display: string;
  readonly problems: readonly AttributionProblem[];
}

/** What is known about one quote's source. */
export interface QuoteFacts {
  readonly text: string;
  readonly informants: readonly ExportInformant[];
  readonly cases: ReadonlyMap<string, ExportCase>;
  readonly document: Pick<ExportDocument, 'title' | 'kind'>;
  readonly page: number | null;
  readonly concept: string;
  readonly theme: string;
  readonly dimension: string;
  /** The quote's own anonymity level, overriding the project's. */
  readonly override: AnonymityLevel | null;
}

/**
 * Wrap a quote in quotation marks; marks of the same kind inside it become the inner pair, so a
 * quotation inside a quote reads «… “…” …».
 */
export function markQuote(text: string, marks: QuoteMarks): string {
  const m = MARKS[marks];
  let inner = text;
  if (m.open === m.close) {
    inner = inner.replaceAll(m.open, m.innerOpen);
  } else {
    inner = inner.replaceAll(m.open, m.innerOpen).replaceAll(m.close, m.innerClose);
  }
  return `${m.open}${inner}${m.close}`;
}

/** Decide how one quote is attributed and printed under `settings`. */
export function attributeQuote(facts: QuoteFacts, settings: QuoteTableSettings): QuoteAttribution {
  const problems: AttributionProblem[] = [];
  const values = factValues(facts);
  const marked = markQuote(facts.text, settings.marks);
  const footnote = settings.attribution === 'footnote';

  const nameFor = (level: AnonymityLevel): { level: AnonymityLevel | 'document'; name: string } => {
    if (facts.informants.length === 0) {
      if (facts.document.kind !== 'interview') return { level: 'document', name: renderTemplate(settings.names.document, values) };
      problems.push('no-informant');
      return { level: 'anonymous', name: renderTemplate(settings.names.anonymous, values) };
    }
    const template = settings.names[level];
    const missing = missingFacts(placeholdersOf(template), values);
    if (missing.length > 0) {
      problems.push(...missing);
      return { level: 'anonymous', name: renderTemplate(settings.names.anonymous, values) };
    }
    return { level, name: renderTemplate(template, values) };
  };
  const line = (name: string): LinePart[] =>
    footnote ? [{ kind: 'text', text: marked }, { kind: 'footnote', text: name }] : [{ kind: 'text', text: `${marked} (${name})` }];

  let result: Omit<QuoteAttribution, 'display' | 'problems'>;
  if (facts.override || settings.attribution !== 'custom') {
    const wanted: AnonymityLevel = facts.override ?? (settings.attribution === 'footnote' || settings.attribution === 'custom' ? settings.footnoteLevel : settings.attribution);
    const { level, name } = nameFor(wanted);
    result = { level, attribution: name, parts: line(name) };
  } else {
    const needed = placeholdersOf(settings.customTemplate);
    const missing = facts.informants.length === 0 && facts.document.kind === 'interview' ? (['no-informant'] as const) : missingFacts(needed, values);
    if (missing.length > 0) {
      problems.push(...missing);
      const name = renderTemplate(settings.names.anonymous, values);
      result = { level: 'anonymous', attribution: name, parts: line(name) };
    } else {
      const text = renderTemplate(settings.customTemplate, { ...values, quote: facts.text });
      result = { level: 'custom', attribution: customAttribution(settings.customTemplate, values), parts: [{ kind: 'text', text }] };
    }
  }
  return { ...result, display: displayOf(result.parts), problems: [...new Set(problems)] };
}

/** A line's parts as plain text, footnotes in parentheses. */
export function displayOf(parts: readonly LinePart[]): string {
  return parts.map((p) => (p.kind === 'text' ? p.text : ` (${p.text})`)).join('');
}

function factValues(facts: QuoteFacts): Record<string, string> {
  const join = (values: readonly (string | null)[]) => (values.some((v) => !v) ? '' : [...new Set(values)].join(', '));
  return {
    label: [...new Set(facts.informants.map((i) => i.label))].join(', '),
    case: join(facts.informants.map((i) => (i.caseId ? (facts.cases.get(i.caseId)?.name ?? null) : null))),
    role: join(facts.informants.map((i) => i.roleLabel.trim() || null)),
    document: facts.document.title,
    page: facts.page === null ? '' : String(facts.page),
    concept: facts.concept,
    theme: facts.theme,
    dimension: facts.dimension,
  };
}

function missingFacts(placeholders: readonly string[], values: Readonly<Record<string, string>>): AttributionProblem[] {
  const missing: AttributionProblem[] = [];
  if (placeholders.includes('case') && !values.case) missing.push('missing-case');
  if (placeholders.includes('role') && !values.role) missing.push('missing-role');
  return missing;
}

/** What a custom template prints besides the quote: `«{quote}» – {case}` → "Bærum". */
function customAttribution(template: string, values: Readonly<Record<string, string>>): string {
  const rest = renderTemplate(template, { ...values, quote: '\u0000' });
  return rest
    .replace(/[«“"„‘'‹]?\u0000[»”"“’'›]?/u, ' ')
    .replace(/^[\s–—\-:;,.()[\]]+|[\s–—\-:;,.()[\]]+$/gu, '')
    .trim();
}
