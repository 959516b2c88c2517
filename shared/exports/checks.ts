import { short, type QuoteTablesModel } from './quoteTable';
import { warning, type ExportWarning } from './warnings';

/** A quote as an export printed it (from the export log), or as the export being made prints it. */
export interface PrintedQuote {
  /** The export it was printed in; null for the export being made. */
  readonly exportId: string | null;
  readonly fileName: string | null;
  readonly exportedAt: number | null;
  readonly codingId: string;
  readonly documentId: string;
  readonly document: string;
  readonly start: number;
  readonly end: number;
  readonly informantIds: readonly string[];
  readonly text: string;
  readonly attribution: string;
  /** The table number it was printed in. */
  readonly table: number | null;
}

/** The quotes of a quote-table model as printed quotes of the export being made. */
export function printedQuotes(model: QuoteTablesModel): PrintedQuote[] {
  return model.tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      row.quotes.map((q) => ({
        exportId: null,
        fileName: null,
        exportedAt: null,
        codingId: q.codingId,
        documentId: q.documentId,
        document: q.document,
        start: q.start,
        end: q.end,
        informantIds: q.informants.map((i) => i.id),
        text: q.text,
        attribution: q.attribution,
        table: table.n,
      })),
    ),
  );
}

/** Attributions compared as readers would: case, spacing and surrounding punctuation ignored. */
export function normalizeAttribution(attribution: string): string {
  return attribution
    .replace(/\s+/g, ' ')
    .replace(/^[\s(–—-]+|[\s).,;:]+$/g, '')
    .trim()
    .toLocaleLowerCase();
}

/**
 * The same passage, or overlapping passages of one informant, attributed in two different ways —
 * within the export being made (`current`) or against any earlier export (`earlier`). Each
 * conflict is reported once; conflicts among earlier exports alone are not this export's doing and
 * are left out.
 */
export function attributionConflicts(current: readonly PrintedQuote[], earlier: readonly PrintedQuote[]): ExportWarning[] {
  const byDocument = new Map<string, PrintedQuote[]>();
  for (const q of [...current, ...earlier]) {
    if (q.end <= q.start) continue;
    const list = byDocument.get(q.documentId) ?? [];
    list.push(q);
    byDocument.set(q.documentId, list);
  }
  const out: ExportWarning[] = [];
  const reported = new Set<string>();
  for (const list of byDocument.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    const active: PrintedQuote[] = [];
    for (const q of list) {
      for (let i = active.length - 1; i >= 0; i -= 1) if (active[i]!.end <= q.start) active.splice(i, 1);
      for (const other of active) {
        if (q.exportId !== null && other.exportId !== null) continue;
        if (normalizeAttribution(q.attribution) === normalizeAttribution(other.attribution)) continue;
        const shared = q.informantIds.filter((id) => other.informantIds.includes(id));
        if (shared.length === 0 && (q.informantIds.length > 0 || other.informantIds.length > 0)) continue;
        const [a, b] = q.exportId === null ? [q, other] : [other, q];
        const key = [a.documentId, ...[normalizeAttribution(a.attribution), normalizeAttribution(b.attribution)].sort(), ...[a.codingId, b.codingId].sort()].join('\u0000');
        if (reported.has(key)) continue;
        reported.add(key);
        out.push(
          warning(
            'attribution-conflict',
            `“${short(a.text)}” (${a.document}) is attributed “${a.attribution}”${where(a)}, but the same passage is attributed “${b.attribution}”${where(b)}: readers can link the two attributions`,
            {
              codingIds: [...new Set([a.codingId, b.codingId])],
              informantIds: shared,
              exportIds: [a.exportId, b.exportId].filter((id): id is string => id !== null),
            },
          ),
        );
      }
      active.push(q);
    }
  }
  return out;
}

function where(q: PrintedQuote): string {
  const table = q.table !== null ? ` in table ${q.table}` : '';
  if (q.exportId === null) return `${table} of this export`;
  const date = q.exportedAt !== null ? ` on ${new Date(q.exportedAt).toISOString().slice(0, 10)}` : '';
  return `${table} of ${q.fileName ? `“${q.fileName}”` : 'an earlier export'}${date}`;
}
