import { z } from 'zod';
import { checkTemplate, TemplateError, type TemplateKind } from './templates';

// Export settings: kept in the project (project.settings.exports) so every export of a thesis uses
// the same house style, language and anonymity rules. Every export call may override any of them.

/** How much of an informant's identity an attribution reveals, from most to least. */
export const ANONYMITY_LEVELS = ['pseudonym', 'role', 'case', 'anonymous'] as const;
/** One of ANONYMITY_LEVELS. */
export type AnonymityLevel = (typeof ANONYMITY_LEVELS)[number];

/**
 * How quotes are attributed: by pseudonym «…» (Inger), role label «…» (Informant KS), case «…»
 * (Informant fra Bærum), anonymously «…» (Informant), with a numbered footnote naming the
 * informant (DOCX; other formats list the notes after the table), or by a custom template.
 */
export const ATTRIBUTION_STYLES = ['pseudonym', 'role', 'case', 'anonymous', 'footnote', 'custom'] as const;
/** One of ATTRIBUTION_STYLES. */
export type AttributionStyle = (typeof ATTRIBUTION_STYLES)[number];

/** Quotation marks: « » (Norwegian, French), “ ” (English), " " (plain). */
export const QUOTE_MARKS = ['guillemets', 'curly', 'straight'] as const;
/** One of QUOTE_MARKS. */
export type QuoteMarks = (typeof QUOTE_MARKS)[number];

/** One table per aggregate dimension, per second-order theme, or one combined table. */
export const TABLE_SPLITS = ['dimension', 'theme', 'all'] as const;
/** One of TABLE_SPLITS. */
export type TableSplit = (typeof TABLE_SPLITS)[number];

/** The file formats of every export. */
export const EXPORT_FORMATS = ['docx', 'xlsx', 'csv', 'md', 'tex', 'html', 'json'] as const;
/** One of EXPORT_FORMATS. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Opening and closing marks, and the inner pair used for a quotation inside a quote. */
export const MARKS: Readonly<Record<QuoteMarks, { readonly open: string; readonly close: string; readonly innerOpen: string; readonly innerClose: string }>> = {
  guillemets: { open: '«', close: '»', innerOpen: '“', innerClose: '”' },
  curly: { open: '“', close: '”', innerOpen: '‘', innerClose: '’' },
  straight: { open: '"', close: '"', innerOpen: "'", innerClose: "'" },
};

/** Settings of the representative-quotes tables. */
export interface QuoteTableSettings {
  readonly per: TableSplit;
  /** Starred (representative) codings in their manual order, or every coding. */
  readonly selection: 'representative' | 'all';
  /** At most this many quotes per theme (null: no limit). */
  readonly capPerTheme: number | null;
  /** Add a column for the first-order concept of each quote. */
  readonly conceptColumn: boolean;
  /** Quote the publication excerpt when there is one, or always the raw passage. */
  readonly source: 'excerpt' | 'passage';
  readonly marks: QuoteMarks;
  readonly attribution: AttributionStyle;
  /** What a footnote names, with the footnote style. */
  readonly footnoteLevel: AnonymityLevel;
  /** The custom style's template, e.g. `«{quote}» – {case}`. */
  readonly customTemplate: string;
  /** The text printed for each anonymity level (and for quotes from documents rather than people). */
  readonly names: { readonly pseudonym: string; readonly role: string; readonly case: string; readonly anonymous: string; readonly document: string };
  /** Column titles; empty = the project's level name. */
  readonly columns: { readonly dimension: string; readonly theme: string; readonly concept: string; readonly quote: string };
  readonly caption: string;
  /** A heading before each table; empty = none. */
  readonly heading: string;
  /** The number of the first table. */
  readonly startNumber: number;
}

/** Settings of the overview tables (interviews, documents, informants). */
export interface OverviewSettings {
  readonly captions: { readonly interviews: string; readonly documents: string; readonly informants: string };
  /** Each table's number (a thesis numbers them apart: "Table 1: Interviews", "Table 4: Informants"). */
  readonly numbers: { readonly interviews: number; readonly documents: number; readonly informants: number };
  readonly columns: {
    readonly case: string;
    readonly interview: string;
    readonly informants: string;
    readonly date: string;
    readonly length: string;
    readonly pages: string;
    readonly words: string;
    readonly documents: string;
    readonly label: string;
    readonly role: string;
  };
  /** Transcript size in pages (real pages of paged sources, else estimated) or in words. */
  readonly measure: 'pages' | 'words';
  /** Words per page for estimating the pages of transcripts without pages. */
  readonly wordsPerPage: number;
  /** Length with hours ({h}, {m}) and without ({m}). */
  readonly duration: string;
  readonly durationMinutes: string;
  /** The total row of each case: {case} {count} {duration} {pages} {words}. */
  readonly total: string;
  /** The same when sizes are counted in words. */
  readonly totalWords: string;
  /** The total row of each case in the documents table. */
  readonly documentsTotal: string;
  /** The heading of the block of interviews not used in the analysis. */
  readonly notUsed: string;
  /** The name shown for interviews and informants without a case. */
  readonly noCase: string;
  /** Informant attributes (by name) added as columns of the informants table, in this order. */
  readonly informantAttributes: readonly string[];
}

/** Settings of the per-informant quote list (for member checking). */
export interface InformantQuoteSettings {
  readonly caption: string;
  readonly selection: 'representative' | 'all';
  readonly columns: { readonly document: string; readonly quote: string; readonly context: string; readonly codes: string; readonly attribution: string };
}

/** Every export setting of a project. */
export interface ExportSettings {
  readonly quotes: QuoteTableSettings;
  readonly overview: OverviewSettings;
  readonly informantQuotes: InformantQuoteSettings;
}

/** The defaults, in English. */
export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  quotes: {
    per: 'dimension',
    selection: 'representative',
    capPerTheme: null,
    conceptColumn: false,
    source: 'excerpt',
    marks: 'curly',
    attribution: 'pseudonym',
    footnoteLevel: 'pseudonym',
    customTemplate: '“{quote}” – {label}',
    names: { pseudonym: '{label}', role: '{role}', case: 'Informant from {case}', anonymous: 'Informant', document: '{document}' },
    columns: { dimension: '', theme: '', concept: '', quote: 'Representative quotes' },
    caption: 'Table {n}: Representative quotes for {dimension}',
    heading: '',
    startNumber: 1,
  },
  overview: {
    captions: { interviews: 'Table {n}: Interviews', documents: 'Table {n}: Documents per case', informants: 'Table {n}: Informants' },
    numbers: { interviews: 1, documents: 1, informants: 1 },
    columns: {
      case: 'Case',
      interview: 'Interview',
      informants: 'Informants',
      date: 'Date',
      length: 'Length',
      pages: 'Pages',
      words: 'Words',
      documents: 'Documents',
      label: 'Informant',
      role: 'Role',
    },
    measure: 'pages',
    wordsPerPage: 500,
    duration: '{h} h {m} min',
    durationMinutes: '{m} min',
    total: 'Total {duration}, {pages} pages',
    totalWords: 'Total {duration}, {words} words',
    documentsTotal: 'Total {count} documents, {pages} pages',
    notUsed: 'Interviews not used in the analysis',
    noCase: 'No case',
    informantAttributes: [],
  },
  informantQuotes: {
    caption: 'Quotes from {label}',
    selection: 'all',
    columns: { document: 'Interview', quote: 'Quote', context: 'Context', codes: 'Codes', attribution: 'Attributed as' },
  },
};

/** Ready-made languages for the settings (the user edits any text afterwards). */
export const EXPORT_SETTINGS_PRESETS: Readonly<Record<'en' | 'nb', ExportSettings>> = {
  en: DEFAULT_EXPORT_SETTINGS,
  nb: {
    quotes: {
      ...DEFAULT_EXPORT_SETTINGS.quotes,
      marks: 'guillemets',
      customTemplate: '«{quote}» – {label}',
      names: { pseudonym: '{label}', role: '{role}', case: 'Informant fra {case}', anonymous: 'Informant', document: '{document}' },
      columns: { dimension: '', theme: '', concept: '', quote: 'Sitat' },
      caption: 'Tabell {n}: Representative sitater knyttet til {dimension}. Kilde: Egenprodusert.',
    },
    overview: {
      ...DEFAULT_EXPORT_SETTINGS.overview,
      captions: { interviews: 'Tabell {n}: Oversikt over intervjuene', documents: 'Tabell {n}: Dokumenter per case', informants: 'Tabell {n}: Informanter' },
      columns: {
        case: 'Case',
        interview: 'Intervju',
        informants: 'Informanter',
        date: 'Dato',
        length: 'Lengde',
        pages: 'Sider',
        words: 'Ord',
        documents: 'Dokumenter',
        label: 'Informant',
        role: 'Rolle',
      },
      duration: '{h} timer {m} min.',
      durationMinutes: '{m} min.',
      total: 'Totalt {duration}, {pages} sider',
      totalWords: 'Totalt {duration}, {words} ord',
      documentsTotal: 'Totalt {count} dokumenter, {pages} sider',
      notUsed: 'Intervjuer som ikke er brukt i analysen',
      noCase: 'Uten case',
    },
    informantQuotes: {
      caption: 'Sitater fra {label}',
      selection: 'all',
      columns: { document: 'Intervju', quote: 'Sitat', context: 'Sammenheng', codes: 'Koder', attribution: 'Oppgitt som' },
    },
  },
};

// Schemas of the partial settings callers send (every field optional, templates checked).

const templateOf = (kind: TemplateKind, max = 2000) =>
  z
    .string()
    .max(max)
    .superRefine((value, ctx) => {
      try {
        checkTemplate(value, kind);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof TemplateError ? error.message : String(error) });
      }
    });
const columnTitle = z.string().max(200);
const tableNumber = z.number().int().min(0).max(100_000);

/** The overview settings a language preset sets: its words (captions, column titles, lengths, totals). */
export type OverviewWording = Pick<OverviewSettings, 'captions' | 'columns' | 'duration' | 'durationMinutes' | 'total' | 'totalWords' | 'documentsTotal' | 'notUsed' | 'noCase'>;

/**
 * The wording of a language preset for the overview tables. Choices about content (attribute
 * columns, pages or words, words per page, table numbers) are not wording and stay the user's.
 */
export function overviewWording(preset: keyof typeof EXPORT_SETTINGS_PRESETS): OverviewWording {
  const { captions, columns, duration, durationMinutes, total, totalWords, documentsTotal, notUsed, noCase } = EXPORT_SETTINGS_PRESETS[preset].overview;
  return { captions, columns, duration, durationMinutes, total, totalWords, documentsTotal, notUsed, noCase };
}

/** A partial QuoteTableSettings, validated (unknown placeholders are VALIDATION errors naming them). */
export const QuoteSettingsPatch = z.strictObject({
  per: z.enum(TABLE_SPLITS).optional(),
  selection: z.enum(['representative', 'all']).optional(),
  capPerTheme: z.number().int().min(1).max(10_000).nullable().optional(),
  conceptColumn: z.boolean().optional(),
  source: z.enum(['excerpt', 'passage']).optional(),
  marks: z.enum(QUOTE_MARKS).optional(),
  attribution: z.enum(ATTRIBUTION_STYLES).optional(),
  footnoteLevel: z.enum(ANONYMITY_LEVELS).optional(),
  customTemplate: templateOf('custom')
    .refine((t) => t.includes('{quote}'), 'The custom attribution template must contain {quote}')
    .optional(),
  names: z
    .strictObject({
      pseudonym: templateOf('name', 500).optional(),
      role: templateOf('name', 500).optional(),
      case: templateOf('name', 500).optional(),
      anonymous: templateOf('name', 500).optional(),
      document: templateOf('name', 500).optional(),
    })
    .optional(),
  columns: z
    .strictObject({ dimension: columnTitle.optional(), theme: columnTitle.optional(), concept: columnTitle.optional(), quote: columnTitle.optional() })
    .optional(),
  caption: templateOf('caption').optional(),
  heading: templateOf('heading').optional(),
  startNumber: tableNumber.optional(),
});
/** What QuoteSettingsPatch accepts. */
export type QuoteSettingsPatch = z.infer<typeof QuoteSettingsPatch>;

/** A partial OverviewSettings, validated. */
export const OverviewSettingsPatch = z.strictObject({
  captions: z
    .strictObject({
      interviews: templateOf('overviewCaption').optional(),
      documents: templateOf('overviewCaption').optional(),
      informants: templateOf('overviewCaption').optional(),
    })
    .optional(),
  numbers: z.strictObject({ interviews: tableNumber.optional(), documents: tableNumber.optional(), informants: tableNumber.optional() }).optional(),
  columns: z
    .strictObject({
      case: columnTitle.optional(),
      interview: columnTitle.optional(),
      informants: columnTitle.optional(),
      date: columnTitle.optional(),
      length: columnTitle.optional(),
      pages: columnTitle.optional(),
      words: columnTitle.optional(),
      documents: columnTitle.optional(),
      label: columnTitle.optional(),
      role: columnTitle.optional(),
    })
    .optional(),
  measure: z.enum(['pages', 'words']).optional(),
  wordsPerPage: z.number().int().min(50).max(5000).optional(),
  duration: templateOf('duration', 200).optional(),
  durationMinutes: templateOf('duration', 200).optional(),
  total: templateOf('total', 500).optional(),
  totalWords: templateOf('total', 500).optional(),
  documentsTotal: templateOf('total', 500).optional(),
  notUsed: z.string().max(500).optional(),
  noCase: z.string().max(200).optional(),
  /** Names of informant attributes; whether the project has them is checked by the export (VALIDATION). */
  informantAttributes: z
    .array(z.string().trim().min(1, 'an attribute name must not be empty').max(200))
    .max(100)
    .refine((names) => new Set(names.map((n) => n.toLocaleLowerCase())).size === names.length, 'An attribute is listed twice in informantAttributes')
    .readonly()
    .optional(),
});
/** What OverviewSettingsPatch accepts. */
export type OverviewSettingsPatch = z.infer<typeof OverviewSettingsPatch>;

/** A partial InformantQuoteSettings, validated. */
export const InformantQuoteSettingsPatch = z.strictObject({
  caption: templateOf('informantCaption').optional(),
  selection: z.enum(['representative', 'all']).optional(),
  columns: z
    .strictObject({
      document: columnTitle.optional(),
      quote: columnTitle.optional(),
      context: columnTitle.optional(),
      codes: columnTitle.optional(),
      attribution: columnTitle.optional(),
    })
    .optional(),
});
/** What InformantQuoteSettingsPatch accepts. */
export type InformantQuoteSettingsPatch = z.infer<typeof InformantQuoteSettingsPatch>;

/** A partial ExportSettings, validated. */
export const ExportSettingsPatch = z.strictObject({
  quotes: QuoteSettingsPatch.optional(),
  overview: OverviewSettingsPatch.optional(),
  informantQuotes: InformantQuoteSettingsPatch.optional(),
});
/** What ExportSettingsPatch accepts. */
export type ExportSettingsPatch = z.infer<typeof ExportSettingsPatch>;

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `base` with `patch` laid over it, one level of nesting deep at a time; undefined fields of the
 * patch leave the base alone, null sets null. Returns a new object.
 */
export function mergeSettings<T>(base: T, patch: unknown): T {
  if (!isPlain(base) || !isPlain(patch)) return base;
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || !(key in base)) continue;
    const current = (base as Plain)[key];
    out[key] = isPlain(current) && isPlain(value) ? mergeSettings(current, value) : value;
  }
  return out as T;
}

/**
 * The settings stored in a project, read leniently: what is valid is kept, anything else (a
 * setting from a newer Stige, a damaged value) falls back to the default, so exports never fail
 * on old or odd project files.
 */
export function settingsFromStored(stored: unknown): ExportSettings {
  if (!isPlain(stored)) return DEFAULT_EXPORT_SETTINGS;
  let result = DEFAULT_EXPORT_SETTINGS;
  const sections = [
    ['quotes', QuoteSettingsPatch],
    ['overview', OverviewSettingsPatch],
    ['informantQuotes', InformantQuoteSettingsPatch],
  ] as const;
  for (const [key, schema] of sections) {
    const section = stored[key];
    if (!isPlain(section)) continue;
    for (const [field, value] of Object.entries(key === 'overview' ? withTableNumbers(section) : section)) {
      const parsed = schema.safeParse({ [field]: value });
      if (parsed.success) result = mergeSettings(result, { [key]: parsed.data });
    }
  }
  return result;
}

/**
 * Overview settings saved before each table had its own number held one `startNumber` for all
 * three: it becomes each table's number, so a project keeps the number its user chose.
 */
function withTableNumbers(section: Plain): Plain {
  const { startNumber, ...rest } = section;
  if (typeof startNumber !== 'number') return rest;
  // A table numbered since (settings are stored as the patches made) keeps its own number.
  return { ...rest, numbers: { interviews: startNumber, documents: startNumber, informants: startNumber, ...(isPlain(rest.numbers) ? rest.numbers : {}) } };
}
