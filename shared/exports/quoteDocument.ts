import type { LinePart } from './attribution';
import { captionLabelOf, cell, type DocCell, type DocParagraph, type DocRow, type DocTable, type ExportDoc } from './document';
import type { QuoteEntry, QuoteTablesModel } from './quoteTable';

/** A quote line as a paragraph: the quote with its attribution or footnote. */
export function quoteParagraph(parts: readonly LinePart[]): DocParagraph {
  return { inlines: parts.map((p) => (p.kind === 'text' ? { kind: 'text' as const, text: p.text } : { kind: 'footnote' as const, text: p.text })) };
}

/**
 * Lay quote tables out as document tables: one row per quote, each quote its own paragraph; the
 * dimension cell merged down over all its rows (the whole table, with one table per dimension),
 * each theme cell over its quotes, and with a concept column each concept cell over its quotes.
 */
export function quoteTablesToDoc(model: QuoteTablesModel, title: string): ExportDoc {
  const withConcept = model.columns.concept !== null;
  const header = [model.columns.dimension, model.columns.theme, ...(withConcept ? [model.columns.concept!] : []), model.columns.quote];
  const widths = withConcept ? [2, 2, 2, 5] : [2, 2.5, 6];
  const tables: DocTable[] = model.tables.map((table) => {
    const rows: DocRow[] = [];
    const flat = table.rows.flatMap((row) => row.quotes.map((quote, index) => ({ row, quote, index })));
    for (const [i, { row, quote, index }] of flat.entries()) {
      const cells: (DocCell | null)[] = [];
      // The dimension cell spans the consecutive quotes of the same dimension.
      const dimensionId = row.dimension?.id ?? null;
      const firstOfDimension = i === 0 || (flat[i - 1]!.row.dimension?.id ?? null) !== dimensionId;
      if (firstOfDimension) {
        let span = 0;
        while (i + span < flat.length && (flat[i + span]!.row.dimension?.id ?? null) === dimensionId) span += 1;
        cells.push(cell(row.dimension?.label ?? '', { rowSpan: span }));
      } else cells.push(null);
      cells.push(index === 0 ? cell(row.theme.label, { rowSpan: row.quotes.length }) : null);
      if (withConcept) cells.push(conceptCell(row.quotes, index));
      cells.push({ paragraphs: [quoteParagraph(quote.parts)], rowSpan: 1, colSpan: 1 });
      rows.push({ kind: 'body', cells });
    }
    return { heading: table.heading, caption: table.caption, captionLabel: captionLabelOf(table.caption), header, widths, rows };
  });
  return { title, tables };
}

function conceptCell(quotes: readonly QuoteEntry[], index: number): DocCell | null {
  const id = quotes[index]!.concept?.id ?? null;
  if (index > 0 && (quotes[index - 1]!.concept?.id ?? null) === id) return null;
  let span = 1;
  while (index + span < quotes.length && (quotes[index + span]!.concept?.id ?? null) === id) span += 1;
  return cell(quotes[index]!.concept?.label ?? '', { rowSpan: span });
}
