import { excerptProblem } from '../text/excerpt';
import { attributeQuote, type AttributionProblem, type LinePart } from './attribution';
import type { AnonymityLevel, QuoteTableSettings, TableSplit } from './settings';
import { pageAt, type ExportCode, type ExportCoding, type ExportInformant, type ExportSource } from './source';
import { placeholdersOf, renderTemplate, splitTemplateAt } from './templates';
import { warning, type ExportWarning } from './warnings';

/** An object named in a table: its id and label. */
export interface Ref {
  readonly id: string;
  readonly label: string;
}

/** One quote of a quote table. */
export interface QuoteEntry {
  readonly codingId: string;
  readonly documentId: string;
  /** The document's title. */
  readonly document: string;
  readonly start: number;
  readonly end: number;
  /** The page, for quotes from paged sources. */
  readonly page: number | null;
  /** The quoted words without marks: the excerpt, or the passage with its line breaks as spaces. */
  readonly text: string;
  readonly concept: Ref | null;
  readonly informants: readonly Ref[];
  readonly level: AnonymityLevel | 'document' | 'custom';
  /** The attribution as readers see it ("Inger", "Informant fra Bærum"). */
  readonly attribution: string;
  /** The printed line (quote, marks, attribution or footnote). */
  readonly parts: readonly LinePart[];
  /** The printed line as plain text. */
  readonly display: string;
}

/** One theme's row group: the theme cell merged over its quotes. */
export interface QuoteRow {
  readonly dimension: Ref | null;
  readonly theme: Ref;
  readonly quotes: readonly QuoteEntry[];
}

/** A caption split around its number, so DOCX can write the number as a SEQ field. */
export interface Caption {
  /** The caption as text. */
  readonly text: string;
  readonly before: string;
  /** The table number, or null when the template has no {n}. */
  readonly number: number | null;
  readonly after: string;
}

/** One quote table. */
export interface QuoteTable {
  readonly n: number;
  readonly caption: Caption;
  readonly heading: string | null;
  /** The table's dimension (null for a combined table or a theme outside any dimension). */
  readonly dimension: Ref | null;
  /** The table's theme, for one table per theme. */
  readonly theme: Ref | null;
  readonly rows: readonly QuoteRow[];
}

/** The column titles of quote tables. */
export interface QuoteColumns {
  readonly dimension: string;
  readonly theme: string;
  /** Null without a concept column. */
  readonly concept: string | null;
  readonly quote: string;
}

/** Every quote table of an export, with the warnings found while building them. */
export interface QuoteTablesModel {
  readonly per: TableSplit;
  readonly columns: QuoteColumns;
  readonly tables: readonly QuoteTable[];
  readonly quoteCount: number;
  readonly warnings: readonly ExportWarning[];
}

/** Turn a coding's passage into one line of quoted text. */
export function flattenPassage(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[ \t]+/g, ' ').trim();
}

interface Placed {
  readonly coding: ExportCoding;
  readonly concept: ExportCode | null;
  readonly theme: ExportCode;
  readonly dimension: ExportCode | null;
}

/**
 * Build the representative-quotes tables: themes in the codebook's order under their dimensions,
 * each with its quotes (starred codings in their manual order by default, or every coding up to a
 * cap), attributed under the settings and per-quote overrides. Pure; the warnings it returns are
 * those the project data alone shows (earlier exports are checked by `attributionConflicts`).
 */
export function buildQuoteTables(source: ExportSource, settings: QuoteTableSettings): QuoteTablesModel {
  const codes = new Map(source.codes.map((c) => [c.id, c]));
  const documents = new Map(source.documents.map((d) => [d.id, d]));
  const informants = new Map(source.informants.map((i) => [i.id, i]));
  const cases = new Map(source.cases.map((c) => [c.id, c]));
  const warnings: ExportWarning[] = [];
  const bySort = (a: ExportCode, b: ExportCode) => a.sortOrder - b.sortOrder || a.label.localeCompare(b.label);
  const dimensions = source.codes.filter((c) => c.level === 3).sort(bySort);
  const themesOf = (dimensionId: string | null) =>
    source.codes.filter((c) => c.level === 2 && (dimensionId === null ? !c.parentId || codes.get(c.parentId)?.level !== 3 : c.parentId === dimensionId)).sort(bySort);

  // Place every selected coding under its theme.
  const placed = new Map<string, Placed[]>();
  for (const coding of source.codings) {
    if (settings.selection === 'representative' && !coding.representative) continue;
    if (coding.status === 'orphaned' || coding.end <= coding.start) continue;
    const code = codes.get(coding.codeId);
    if (!code || !documents.has(coding.documentId)) continue;
    const concept = code.level === 1 ? code : null;
    const theme = code.level === 2 ? code : concept?.parentId ? codes.get(concept.parentId) : undefined;
    if (!theme || theme.level !== 2) continue;
    const parent = theme.parentId ? codes.get(theme.parentId) : undefined;
    const list = placed.get(theme.id) ?? [];
    list.push({ coding, concept, theme, dimension: parent?.level === 3 ? parent : null });
    placed.set(theme.id, list);
  }

  const docOrder = (id: string) => documents.get(id)?.sortOrder ?? 0;
  const problems = new Map<string, ProblemBucket>();
  const rowFor = (theme: ExportCode, dimension: ExportCode | null): QuoteRow | null => {
    const entries = [...(placed.get(theme.id) ?? [])].sort((a, b) => {
      if (settings.conceptColumn) {
        const ca = a.concept ? a.concept.sortOrder : -1;
        const cb = b.concept ? b.concept.sortOrder : -1;
        if (ca !== cb) return ca - cb;
      }
      const ra = a.coding.representative ? 0 : 1;
      const rb = b.coding.representative ? 0 : 1;
      return (
        ra - rb ||
        (ra === 0 ? a.coding.repOrder - b.coding.repOrder : 0) ||
        docOrder(a.coding.documentId) - docOrder(b.coding.documentId) ||
        a.coding.start - b.coding.start ||
        a.coding.end - b.coding.end ||
        a.coding.createdAt - b.coding.createdAt
      );
    });
    const seen = new Set<string>();
    const quotes: QuoteEntry[] = [];
    for (const entry of entries) {
      const key = `${entry.coding.documentId}:${entry.coding.start}:${entry.coding.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (settings.capPerTheme !== null && quotes.length >= settings.capPerTheme) break;
      quotes.push(quoteOf(entry, dimension));
    }
    return quotes.length > 0 ? { dimension: dimension ? ref(dimension) : null, theme: ref(theme), quotes } : null;
  };

  const quoteOf = (entry: Placed, dimension: ExportCode | null): QuoteEntry => {
    const { coding } = entry;
    const document = documents.get(coding.documentId)!;
    const people = coding.informantIds.map((id) => informants.get(id)).filter((i): i is ExportInformant => !!i);
    const useExcerpt = settings.source === 'excerpt' && coding.excerpt !== null && coding.excerpt.trim() !== '';
    const text = useExcerpt ? flattenPassage(coding.excerpt!) : flattenPassage(coding.passage);
    const page = pageAt(document.pages, coding.start);
    const printed = attributeQuote(
      {
        text,
        informants: people,
        cases,
        document,
        page,
        concept: entry.concept?.label ?? '',
        theme: entry.theme.label,
        dimension: dimension?.label ?? '',
        override: coding.attribution,
      },
      settings,
    );
    for (const kind of printed.problems) {
      const key = kind === 'no-informant' ? `${kind}:${coding.documentId}` : `${kind}:${people.map((p) => p.id).join(',')}`;
      const bucket = problems.get(key) ?? { kind, informantIds: new Set<string>(), codingIds: [], document: document.title };
      for (const p of people) bucket.informantIds.add(p.id);
      bucket.codingIds.push(coding.id);
      problems.set(key, bucket);
    }
    return {
      codingId: coding.id,
      documentId: coding.documentId,
      document: document.title,
      start: coding.start,
      end: coding.end,
      page,
      text,
      concept: entry.concept ? ref(entry.concept) : null,
      informants: people.map(ref),
      level: printed.level,
      attribution: printed.attribution,
      parts: printed.parts,
      display: printed.display,
    };
  };

  // Group rows into tables.
  const groups: { dimension: ExportCode | null; theme: ExportCode | null; rows: QuoteRow[] }[] = [];
  const emptyThemes: ExportCode[] = [];
  const collect = (dimension: ExportCode | null): QuoteRow[] => {
    const rows: QuoteRow[] = [];
    for (const theme of themesOf(dimension?.id ?? null)) {
      const row = rowFor(theme, dimension);
      if (row) rows.push(row);
      else if (dimension) emptyThemes.push(theme);
    }
    return rows;
  };
  const perDimension = dimensions.map((d) => ({ dimension: d, rows: collect(d) }));
  const loose = collect(null);
  switch (settings.per) {
    case 'dimension':
      for (const { dimension, rows } of perDimension) if (rows.length > 0) groups.push({ dimension, theme: null, rows });
      if (loose.length > 0) {
        warnings.push(
          warning(
            'no-dimension',
            `${listLabels(loose.map((r) => r.theme.label))} ${loose.length === 1 ? 'is' : 'are'} not under any aggregate dimension (“${source.levels[2]}”), so ${loose.length === 1 ? 'its' : 'their'} quotes are not in the per-dimension tables`,
            { codeIds: loose.map((r) => r.theme.id) },
          ),
        );
      }
      break;
    case 'theme':
      for (const { dimension, rows } of perDimension) for (const row of rows) groups.push({ dimension, theme: codes.get(row.theme.id)!, rows: [row] });
      for (const row of loose) groups.push({ dimension: null, theme: codes.get(row.theme.id)!, rows: [row] });
      break;
    case 'all': {
      const rows = [...perDimension.flatMap((p) => p.rows), ...loose];
      if (rows.length > 0) groups.push({ dimension: null, theme: null, rows });
      break;
    }
    default: {
      const never: never = settings.per;
      throw new Error(`unknown split ${String(never)}`);
    }
  }
  if (emptyThemes.length > 0) {
    const what = settings.selection === 'representative' ? 'representative quotes (starred codings)' : 'coded quotes';
    warnings.push(
      warning('no-quotes', `${listLabels(emptyThemes.map((t) => t.label))} ${emptyThemes.length === 1 ? 'has' : 'have'} no ${what}, so ${emptyThemes.length === 1 ? 'it is' : 'they are'} not in the tables`, {
        codeIds: emptyThemes.map((t) => t.id),
      }),
    );
  }

  const tables: QuoteTable[] = groups.map((group, index) => {
    const n = settings.startNumber + index;
    const dimensionLabel = group.dimension?.label ?? [...new Set(group.rows.map((r) => r.dimension?.label).filter((l): l is string => !!l))].join(', ');
    const values = { n, dimension: dimensionLabel, theme: group.theme?.label ?? '' };
    const split = splitTemplateAt(settings.caption, 'n', values);
    const heading = settings.heading.trim() ? renderTemplate(settings.heading, values) : null;
    return {
      n,
      caption: { text: renderTemplate(settings.caption, values), before: split.before, number: split.found ? n : null, after: split.after },
      heading,
      dimension: group.dimension ? ref(group.dimension) : null,
      theme: group.theme ? ref(group.theme) : null,
      rows: group.rows,
    };
  });

  const quotes = tables.flatMap((t) => t.rows.flatMap((r) => r.quotes));
  warnings.push(...problemWarnings(problems, informants, settings));
  warnings.push(...excerptWarnings(quotes, source.codings, settings));
  warnings.push(...sharedLabelWarnings(quotes, settings));
  return {
    per: settings.per,
    columns: {
      dimension: settings.columns.dimension.trim() || source.levels[2],
      theme: settings.columns.theme.trim() || source.levels[1],
      concept: settings.conceptColumn ? settings.columns.concept.trim() || source.levels[0] : null,
      quote: settings.columns.quote.trim() || 'Quotes',
    },
    tables,
    quoteCount: quotes.length,
    warnings,
  };
}

function ref(code: { readonly id: string; readonly label: string }): Ref {
  return { id: code.id, label: code.label };
}

/** “A”, “A” and “B”, “A”, “B” and 2 more. */
export function listLabels(labels: readonly string[], max = 4): string {
  const quoted = labels.map((l) => `“${l}”`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length <= max) return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
  return `${quoted.slice(0, max).join(', ')} and ${quoted.length - max} more`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

interface ProblemBucket {
  readonly kind: AttributionProblem;
  readonly informantIds: Set<string>;
  readonly codingIds: string[];
  readonly document: string;
}

function problemWarnings(
  problems: ReadonlyMap<string, ProblemBucket>,
  informants: ReadonlyMap<string, ExportInformant>,
  settings: QuoteTableSettings,
): ExportWarning[] {
  const out: ExportWarning[] = [];
  const anonymous = renderTemplate(settings.names.anonymous, {});
  for (const bucket of problems.values()) {
    const people = [...bucket.informantIds].map((id) => informants.get(id)?.label ?? id);
    const count = plural(bucket.codingIds.length, 'quote');
    switch (bucket.kind) {
      case 'missing-case':
        out.push(
          warning('missing-case', `${listLabels(people)} ${people.length === 1 ? 'has' : 'have'} no case, but the attribution names the case; ${count} attributed “${anonymous}” instead`, {
            informantIds: [...bucket.informantIds],
            codingIds: bucket.codingIds,
          }),
        );
        break;
      case 'missing-role':
        out.push(
          warning('missing-role', `${listLabels(people)} ${people.length === 1 ? 'has' : 'have'} no role label, but the attribution names the role; ${count} attributed “${anonymous}” instead`, {
            informantIds: [...bucket.informantIds],
            codingIds: bucket.codingIds,
          }),
        );
        break;
      case 'no-informant':
        out.push(
          warning('no-informant', `${count} in “${bucket.document}” ${bucket.codingIds.length === 1 ? 'is' : 'are'} spoken by no known informant (map the speaker to an informant); attributed “${anonymous}”`, {
            codingIds: bucket.codingIds,
          }),
        );
        break;
      default: {
        const never: never = bucket.kind;
        throw new Error(String(never));
      }
    }
  }
  return out;
}

function excerptWarnings(quotes: readonly QuoteEntry[], codings: readonly ExportCoding[], settings: QuoteTableSettings): ExportWarning[] {
  const byId = new Map(codings.map((c) => [c.id, c]));
  const out: ExportWarning[] = [];
  for (const quote of quotes) {
    const coding = byId.get(quote.codingId);
    if (!coding) continue;
    if (coding.status === 'changed') {
      out.push(
        warning('passage-changed', `The text of the quote “${short(quote.text)}” (${quote.document}) changed after it was coded; check the quote`, {
          codingIds: [coding.id],
        }),
      );
    }
    if (settings.source === 'excerpt' && coding.excerpt !== null && coding.excerpt.trim() !== '') {
      const problem = excerptProblem(coding.passage, coding.excerpt);
      if (problem) {
        out.push(
          warning('excerpt-mismatch', `The excerpt “${short(coding.excerpt)}” (${quote.document}) no longer matches its passage: ${problem}`, {
            codingIds: [coding.id],
          }),
        );
      }
    }
  }
  return out;
}

function sharedLabelWarnings(quotes: readonly QuoteEntry[], settings: QuoteTableSettings): ExportWarning[] {
  const printsLabel = (q: QuoteEntry) =>
    q.level === 'pseudonym' || (q.level === 'custom' && placeholdersOf(settings.customTemplate).includes('label'));
  const byLabel = new Map<string, { label: string; ids: Set<string>; codings: string[] }>();
  for (const quote of quotes) {
    if (!printsLabel(quote)) continue;
    for (const person of quote.informants) {
      const key = person.label.trim().toLocaleLowerCase();
      const entry = byLabel.get(key) ?? { label: person.label, ids: new Set<string>(), codings: [] };
      entry.ids.add(person.id);
      entry.codings.push(quote.codingId);
      byLabel.set(key, entry);
    }
  }
  const out: ExportWarning[] = [];
  for (const entry of byLabel.values()) {
    if (entry.ids.size < 2) continue;
    out.push(
      warning('shared-label', `${entry.ids.size} different informants are printed as “${entry.label}”; readers will take them for one person`, {
        informantIds: [...entry.ids],
        codingIds: entry.codings,
      }),
    );
  }
  return out;
}

/** A quote shortened for messages. */
export function short(text: string, max = 48): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
