import type { QuoteTablesModel, Ref } from './quoteTable';

/** One quote in the JSON export. */
export interface QuoteJson {
  readonly text: string;
  readonly attribution: string;
  /** Display labels of the informants speaking. */
  readonly informants: readonly string[];
  /** The document's title. */
  readonly document: string;
  readonly start: number;
  readonly end: number;
  /** Only with a concept column. */
  readonly concept?: Ref | null;
}

/** One theme's quotes in the JSON export. */
export interface QuoteRowJson {
  readonly theme: Ref;
  /** Only in a combined table (`per: all`), where rows of several dimensions meet. */
  readonly dimension?: Ref | null;
  readonly quotes: readonly QuoteJson[];
}

/** The JSON export: `{"tables":[{"caption","dimension":{"id","label"},"rows":[{"theme","quotes":[…]}]}]}`. */
export interface QuoteTablesJson {
  readonly tables: readonly { readonly caption: string; readonly dimension: Ref | null; readonly rows: readonly QuoteRowJson[] }[];
}

/**
 * The quote tables as the JSON scripts read: exactly the documented keys; a combined table adds
 * `dimension` to each row, a concept column adds `concept` to each quote.
 */
export function quoteTablesJson(model: QuoteTablesModel): QuoteTablesJson {
  const combined = model.per === 'all';
  const withConcept = model.columns.concept !== null;
  return {
    tables: model.tables.map((table) => ({
      caption: table.caption.text,
      dimension: table.dimension ?? (combined ? null : (table.rows[0]?.dimension ?? null)),
      rows: table.rows.map((row) => ({
        theme: row.theme,
        ...(combined ? { dimension: row.dimension } : {}),
        quotes: row.quotes.map((q) => ({
          text: q.text,
          attribution: q.attribution,
          informants: q.informants.map((i) => i.label),
          document: q.document,
          start: q.start,
          end: q.end,
          ...(withConcept ? { concept: q.concept } : {}),
        })),
      })),
    })),
  };
}
