import { attributeQuote } from './attribution';
import { captionLabelOf, cell, para, type DocCell, type DocRow, type ExportDoc } from './document';
import { flattenPassage, type Caption, type Ref } from './quoteTable';
import type { InformantQuoteSettings, QuoteTableSettings } from './settings';
import { pageAt, type ExportCode, type ExportSource } from './source';
import { renderTemplate, splitTemplateAt } from './templates';

/** One passage of an informant's quote list. */
export interface InformantQuoteEntry {
  readonly documentId: string;
  readonly document: string;
  readonly start: number;
  readonly end: number;
  /** The quote as the tables print it (the excerpt where there is one). */
  readonly text: string;
  /** The passage as spoken. */
  readonly passage: string;
  /** The paragraphs around it. */
  readonly context: string;
  /** Every code on this passage: "concept › theme › dimension". */
  readonly codes: readonly string[];
  readonly codingIds: readonly string[];
  readonly representative: boolean;
  /** How the quote tables attribute it under the current settings. */
  readonly attribution: string;
}

/** Everything quoted from one informant, for member checking. */
export interface InformantQuoteList {
  readonly informant: Ref & { readonly case: string | null; readonly role: string };
  readonly caption: Caption;
  readonly entries: readonly InformantQuoteEntry[];
}

/**
 * The quote list of one informant: every coding (or only starred ones) that the informant speaks
 * in, one entry per passage with all its codes, in the documents' order, with the surrounding
 * paragraphs (`contexts`, by coding id) and the attribution the tables print.
 */
export function buildInformantQuoteList(
  source: ExportSource,
  informantId: string,
  contexts: ReadonlyMap<string, string>,
  settings: InformantQuoteSettings,
  quoteSettings: QuoteTableSettings,
): InformantQuoteList {
  const person = source.informants.find((i) => i.id === informantId);
  if (!person) throw new Error(`unknown informant ${informantId}`);
  const codes = new Map(source.codes.map((c) => [c.id, c]));
  const cases = new Map(source.cases.map((c) => [c.id, c]));
  const documents = new Map(source.documents.map((d) => [d.id, d]));
  const informants = new Map(source.informants.map((i) => [i.id, i]));
  const pathOf = (code: ExportCode | undefined): string => {
    const labels: string[] = [];
    for (let c = code; c && labels.length < 10; c = c.parentId ? codes.get(c.parentId) : undefined) labels.push(c.label);
    return labels.join(' › ');
  };
  const mine = source.codings
    .filter((c) => c.informantIds.includes(informantId) && c.status !== 'orphaned' && c.end > c.start && documents.has(c.documentId))
    .filter((c) => settings.selection === 'all' || c.representative)
    .sort(
      (a, b) =>
        documents.get(a.documentId)!.sortOrder - documents.get(b.documentId)!.sortOrder ||
        a.documentId.localeCompare(b.documentId) ||
        a.start - b.start ||
        a.end - b.end,
    );
  const entries: InformantQuoteEntry[] = [];
  for (const coding of mine) {
    const last = entries[entries.length - 1];
    const code = codes.get(coding.codeId);
    if (last && last.documentId === coding.documentId && last.start === coding.start && last.end === coding.end) {
      entries[entries.length - 1] = {
        ...last,
        codes: last.codes.includes(pathOf(code)) ? last.codes : [...last.codes, pathOf(code)],
        codingIds: [...last.codingIds, coding.id],
        representative: last.representative || coding.representative,
      };
      continue;
    }
    const document = documents.get(coding.documentId)!;
    const useExcerpt = quoteSettings.source === 'excerpt' && coding.excerpt !== null && coding.excerpt.trim() !== '';
    const text = flattenPassage(useExcerpt ? coding.excerpt! : coding.passage);
    const theme = code?.level === 2 ? code : code?.parentId ? codes.get(code.parentId) : undefined;
    const dimension = theme?.parentId ? codes.get(theme.parentId) : undefined;
    const printed = attributeQuote(
      {
        text,
        informants: coding.informantIds.map((id) => informants.get(id)).filter((i) => i !== undefined),
        cases,
        document,
        page: pageAt(document.pages, coding.start),
        concept: code?.level === 1 ? code.label : '',
        theme: theme?.label ?? '',
        dimension: dimension?.label ?? '',
        override: coding.attribution,
      },
      quoteSettings,
    );
    entries.push({
      documentId: coding.documentId,
      document: document.title,
      start: coding.start,
      end: coding.end,
      text,
      passage: coding.passage,
      context: contexts.get(coding.id) ?? coding.passage,
      codes: [pathOf(code)],
      codingIds: [coding.id],
      representative: coding.representative,
      attribution: printed.attribution,
    });
  }
  const caseName = person.caseId ? (cases.get(person.caseId)?.name ?? null) : null;
  const values = { label: person.label, case: caseName ?? '', role: person.roleLabel, count: entries.length };
  const split = splitTemplateAt(settings.caption, 'n', values);
  return {
    informant: { id: person.id, label: person.label, case: caseName, role: person.roleLabel },
    caption: { text: renderTemplate(settings.caption, values), before: split.before, number: null, after: split.after },
    entries,
  };
}

/** A quote list as a document table: the document cell merged over its passages. */
export function informantQuotesToDoc(list: InformantQuoteList, settings: InformantQuoteSettings, title: string): ExportDoc {
  const c = settings.columns;
  const header = [c.document, c.quote, c.context, c.codes, c.attribution];
  const rows: DocRow[] = list.entries.map((entry, index) => {
    const first = index === 0 || list.entries[index - 1]!.documentId !== entry.documentId;
    let span = 1;
    while (first && index + span < list.entries.length && list.entries[index + span]!.documentId === entry.documentId) span += 1;
    const cells: (DocCell | null)[] = [
      first ? cell(entry.document, { rowSpan: span }) : null,
      cell(entry.text),
      cell(entry.context.split('\n').filter((p) => p.trim()).map((p) => para(p))),
      cell(entry.codes),
      cell(entry.attribution),
    ];
    return { kind: 'body', cells };
  });
  return { title, tables: [{ heading: null, caption: list.caption, captionLabel: captionLabelOf(list.caption), header, widths: [2, 4, 5, 3, 2], rows }] };
}
