import { captionLabelOf, cell, type DocCell, type DocRow, type DocTable, type ExportDoc } from './document';
import type { Caption, Ref } from './quoteTable';
import type { OverviewSettings } from './settings';
import type { ExportCase, ExportInformant } from './source';
import { renderTemplate, splitTemplateAt } from './templates';

/** The overview tables. */
export const OVERVIEW_TABLES = ['interviews', 'documents', 'informants'] as const;
/** One of OVERVIEW_TABLES. */
export type OverviewTable = (typeof OVERVIEW_TABLES)[number];

/** A document as the overview tables need it. */
export interface OverviewDocument {
  readonly id: string;
  readonly title: string;
  readonly kind: 'interview' | 'document' | 'note';
  readonly caseId: string | null;
  readonly date: string | null;
  readonly durationMs: number | null;
  readonly usedInAnalysis: boolean;
  readonly words: number;
  /** Real pages (paged sources); null when the source had none. */
  readonly pageCount: number | null;
  /** The informants speaking in it, in order. */
  readonly informantIds: readonly string[];
}

/** An informant attribute with each informant's value (canonical text; no entry = no value). */
export interface OverviewAttribute {
  readonly id: string;
  readonly name: string;
  readonly values: Readonly<Record<string, string>>;
}

/** What the overview tables are built from. */
export interface OverviewSource {
  readonly documents: readonly OverviewDocument[];
  readonly informants: readonly ExportInformant[];
  readonly cases: readonly ExportCase[];
  /** The project's informant attributes, in their order (none when left out). */
  readonly attributes?: readonly OverviewAttribute[];
}

/** An interview row. */
export interface InterviewRow {
  readonly id: string;
  readonly title: string;
  readonly informants: readonly string[];
  readonly date: string | null;
  readonly durationMs: number | null;
  /** Pages: real ones, or estimated from the words. */
  readonly pages: number;
  readonly pagesEstimated: boolean;
  readonly words: number;
}

/** Sums over a group of interviews or documents. */
export interface OverviewTotal {
  readonly count: number;
  readonly durationMs: number;
  readonly pages: number;
  readonly words: number;
  /** The total row as printed, from the template. */
  readonly text: string;
}

/** The interviews of one case with their total. */
export interface InterviewBlock {
  /** Null: interviews without a case. */
  readonly case: Ref | null;
  readonly interviews: readonly InterviewRow[];
  readonly total: OverviewTotal;
}

/** The interview overview: used interviews grouped by case, then those not used in the analysis. */
export interface InterviewsOverview {
  readonly table: 'interviews';
  readonly caption: Caption;
  readonly blocks: readonly InterviewBlock[];
  readonly notUsed: readonly InterviewBlock[];
}

/** Documents (secondary data) per case. */
export interface DocumentsOverview {
  readonly table: 'documents';
  readonly caption: Caption;
  readonly cases: readonly { readonly case: Ref | null; readonly documents: number; readonly pages: number; readonly words: number }[];
  readonly total: OverviewTotal;
}

/** Informants with case, role and the chosen attributes. */
export interface InformantsOverview {
  readonly table: 'informants';
  readonly caption: Caption;
  /** The chosen attributes' names (extra columns), in the order chosen. */
  readonly attributes: readonly string[];
  readonly informants: readonly {
    readonly id: string;
    readonly label: string;
    readonly case: string | null;
    readonly role: string;
    /** One value per attribute column; '' when the informant has none. */
    readonly values: readonly string[];
  }[];
}

/** Any overview. */
export type Overview = InterviewsOverview | DocumentsOverview | InformantsOverview;

/** Count the words of a text (runs of letters, digits and joining marks). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-]*/gu)?.length ?? 0;
}

/** A length as the settings print it: "4 timer 31 min.", "45 min"; '' when unknown. */
export function formatDuration(ms: number | null, settings: Pick<OverviewSettings, 'duration' | 'durationMinutes'>): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '';
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? renderTemplate(settings.duration, { h, m }) : renderTemplate(settings.durationMinutes, { h, m });
}

function captionOf(template: string, n: number): Caption {
  const split = splitTemplateAt(template, 'n', { n });
  return { text: renderTemplate(template, { n }), before: split.before, number: split.found ? n : null, after: split.after };
}

function pagesOf(doc: OverviewDocument, settings: OverviewSettings): { pages: number; estimated: boolean } {
  if (doc.pageCount !== null) return { pages: doc.pageCount, estimated: false };
  return { pages: doc.words === 0 ? 0 : Math.max(1, Math.ceil(doc.words / settings.wordsPerPage)), estimated: true };
}

function caseOrder(source: OverviewSource): (caseId: string | null) => number {
  const order = new Map(source.cases.map((c) => [c.id, c.sortOrder]));
  return (caseId) => (caseId === null ? Number.MAX_SAFE_INTEGER : (order.get(caseId) ?? Number.MAX_SAFE_INTEGER - 1));
}

function caseRef(source: OverviewSource, caseId: string | null): Ref | null {
  const found = caseId ? source.cases.find((c) => c.id === caseId) : undefined;
  return found ? { id: found.id, label: found.name } : null;
}

/** Group documents by case in the cases' order, documents in their given order; no case last. */
function byCase<T extends { caseId: string | null }>(source: OverviewSource, items: readonly T[]): [string | null, T[]][] {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const key = item.caseId && source.cases.some((c) => c.id === item.caseId) ? item.caseId : null;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const order = caseOrder(source);
  return [...groups.entries()].sort((a, b) => order(a[0]) - order(b[0]));
}

/** The interview overview. */
export function buildInterviewsOverview(source: OverviewSource, settings: OverviewSettings): InterviewsOverview {
  const labels = new Map(source.informants.map((i) => [i.id, i.label]));
  const interviews = source.documents.filter((d) => d.kind === 'interview');
  const blocksOf = (docs: readonly OverviewDocument[]): InterviewBlock[] =>
    byCase(source, docs).map(([caseId, list]) => {
      const ref = caseRef(source, caseId);
      const rows = list.map((doc): InterviewRow => {
        const { pages, estimated } = pagesOf(doc, settings);
        return {
          id: doc.id,
          title: doc.title,
          informants: doc.informantIds.map((id) => labels.get(id) ?? id),
          date: doc.date,
          durationMs: doc.durationMs,
          pages,
          pagesEstimated: estimated,
          words: doc.words,
        };
      });
      const sum = {
        count: rows.length,
        durationMs: rows.reduce((s, r) => s + (r.durationMs ?? 0), 0),
        pages: rows.reduce((s, r) => s + r.pages, 0),
        words: rows.reduce((s, r) => s + r.words, 0),
      };
      // Without any known length the template's {duration} goes, with the punctuation after it.
      const chosen = settings.measure === 'words' ? settings.totalWords : settings.total;
      const template = rows.some((r) => r.durationMs !== null) ? chosen : chosen.replace(/\{duration\}[\s,;.]*/u, '');
      const text = renderTemplate(template, {
        case: ref?.label ?? settings.noCase,
        count: sum.count,
        duration: formatDuration(sum.durationMs, settings),
        pages: sum.pages,
        words: sum.words,
      });
      return { case: ref, interviews: rows, total: { ...sum, text } };
    });
  return {
    table: 'interviews',
    caption: captionOf(settings.captions.interviews, settings.numbers.interviews),
    blocks: blocksOf(interviews.filter((d) => d.usedInAnalysis)),
    notUsed: blocksOf(interviews.filter((d) => !d.usedInAnalysis)),
  };
}

/** The documents-per-case overview (documents of kind "document": strategies, minutes, reports). */
export function buildDocumentsOverview(source: OverviewSource, settings: OverviewSettings): DocumentsOverview {
  const documents = source.documents.filter((d) => d.kind === 'document');
  const cases = byCase(source, documents).map(([caseId, list]) => ({
    case: caseRef(source, caseId),
    documents: list.length,
    pages: list.reduce((s, d) => s + pagesOf(d, settings).pages, 0),
    words: list.reduce((s, d) => s + d.words, 0),
  }));
  const sum = {
    count: documents.length,
    durationMs: 0,
    pages: cases.reduce((s, c) => s + c.pages, 0),
    words: cases.reduce((s, c) => s + c.words, 0),
  };
  const text = renderTemplate(settings.documentsTotal, { case: '', count: sum.count, duration: '', pages: sum.pages, words: sum.words });
  return { table: 'documents', caption: captionOf(settings.captions.documents, settings.numbers.documents), cases, total: { ...sum, text } };
}

/** The attribute called `name` (ignoring case and surrounding spaces), if the project has one. */
function attributeNamed(source: OverviewSource, name: string): OverviewAttribute | undefined {
  const wanted = name.trim().toLocaleLowerCase();
  return source.attributes?.find((a) => a.name.trim().toLocaleLowerCase() === wanted);
}

/**
 * Why `names` cannot be informant-table columns (names the project has no attribute for, and the
 * ones it has), or null when every one exists.
 */
export function unknownAttributesProblem(source: OverviewSource, names: readonly string[]): string | null {
  const unknown = names.filter((n) => !attributeNamed(source, n));
  if (unknown.length === 0) return null;
  const known = source.attributes ?? [];
  const list = unknown.map((n) => `“${n}”`).join(', ');
  return `The project has no informant attribute ${list}; ${known.length > 0 ? `its informant attributes are ${known.map((a) => `“${a.name}”`).join(', ')}` : 'it has no informant attributes yet'}`;
}

/**
 * The informants overview (interviewers left out), by case, with a column per chosen attribute.
 * Chosen names the project no longer has (an attribute deleted since they were saved) are left out;
 * callers check names given for one export with unknownAttributesProblem.
 */
export function buildInformantsOverview(source: OverviewSource, settings: OverviewSettings): InformantsOverview {
  const people = source.informants.filter((i) => i.role === 'informant');
  const chosen = settings.informantAttributes.flatMap((name) => attributeNamed(source, name) ?? []);
  const rows = byCase(source, people).flatMap(([caseId, list]) =>
    list.map((i) => ({
      id: i.id,
      label: i.label,
      case: caseRef(source, caseId)?.label ?? null,
      role: i.roleLabel,
      values: chosen.map((a) => a.values[i.id] ?? ''),
    })),
  );
  return {
    table: 'informants',
    caption: captionOf(settings.captions.informants, settings.numbers.informants),
    attributes: chosen.map((a) => a.name),
    informants: rows,
  };
}

/** Build the overview named by `table`. */
export function buildOverview(table: OverviewTable, source: OverviewSource, settings: OverviewSettings): Overview {
  switch (table) {
    case 'interviews':
      return buildInterviewsOverview(source, settings);
    case 'documents':
      return buildDocumentsOverview(source, settings);
    case 'informants':
      return buildInformantsOverview(source, settings);
    default: {
      const never: never = table;
      throw new Error(`unknown overview ${String(never)}`);
    }
  }
}

function fullRow(text: string, cols: number, kind: 'total' | 'section'): DocRow {
  return { kind, cells: [cell(text, { colSpan: cols, bold: true }), ...new Array<null>(cols - 1).fill(null)] };
}

/** An overview as a document table. */
export function overviewToDoc(overview: Overview, settings: OverviewSettings, title: string): ExportDoc {
  const c = settings.columns;
  const size = (pages: number, words: number) => String(settings.measure === 'pages' ? pages : words);
  let table: Omit<DocTable, 'caption' | 'captionLabel' | 'heading'>;
  switch (overview.table) {
    case 'interviews': {
      const header = [c.case, c.interview, c.informants, c.date, c.length, settings.measure === 'pages' ? c.pages : c.words];
      const rows: DocRow[] = [];
      const blockRows = (block: InterviewBlock, withTotal: boolean) => {
        block.interviews.forEach((row, index) => {
          const cells: (DocCell | null)[] = [
            index === 0 ? cell(block.case?.label ?? settings.noCase, { rowSpan: block.interviews.length }) : null,
            cell(row.title),
            cell(row.informants.join(', ')),
            cell(row.date ?? ''),
            cell(formatDuration(row.durationMs, settings)),
            cell(size(row.pages, row.words)),
          ];
          rows.push({ kind: 'body', cells });
        });
        if (withTotal) rows.push(fullRow(block.total.text, header.length, 'total'));
      };
      for (const block of overview.blocks) blockRows(block, true);
      if (overview.notUsed.length > 0) {
        rows.push(fullRow(settings.notUsed, header.length, 'section'));
        for (const block of overview.notUsed) blockRows(block, false);
      }
      table = { header, widths: [2, 3, 3, 2, 2, 1.2], rows };
      break;
    }
    case 'documents': {
      const header = [c.case, c.documents, settings.measure === 'pages' ? c.pages : c.words];
      const rows: DocRow[] = overview.cases.map((row) => ({
        kind: 'body',
        cells: [cell(row.case?.label ?? settings.noCase), cell(String(row.documents)), cell(size(row.pages, row.words))],
      }));
      rows.push(fullRow(overview.total.text, header.length, 'total'));
      table = { header, widths: [3, 2, 2], rows };
      break;
    }
    case 'informants': {
      const header = [c.label, c.case, c.role, ...overview.attributes];
      const rows: DocRow[] = overview.informants.map((i) => ({
        kind: 'body',
        cells: [cell(i.label), cell(i.case ?? settings.noCase), cell(i.role), ...i.values.map((v) => cell(v))],
      }));
      table = { header, widths: [3, 3, 3, ...overview.attributes.map(() => 2)], rows };
      break;
    }
    default: {
      const never: never = overview;
      throw new Error(`unknown overview ${String(never)}`);
    }
  }
  return { title, tables: [{ ...table, heading: null, caption: overview.caption, captionLabel: captionLabelOf(overview.caption) }] };
}
