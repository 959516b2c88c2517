import { originOf, type DocParagraph, type ExportDoc } from '../../../../shared/exports/document';

/** One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function inlineText(p: DocParagraph): string {
  return p.inlines.map((i) => (i.kind === 'text' ? i.text : ` (${i.text})`)).join('');
}

/**
 * The tables as one CSV (RFC 4180: CRLF line ends, quoted fields; UTF-8 with a byte-order mark so
 * Excel reads æ ø å). Merged cells are repeated on each row they cover, so every row stands on its
 * own; with several tables a first column names the table. Rows spanning the width (totals,
 * sections) put their text in the first column.
 */
export function writeCsv(doc: ExportDoc): Uint8Array {
  const several = doc.tables.length > 1;
  const lines: string[] = [];
  const header = doc.tables[0]?.header ?? [];
  lines.push([...(several ? ['Table'] : []), ...header].map(csvField).join(','));
  for (const table of doc.tables) {
    const name = table.caption?.text ?? table.heading ?? '';
    table.rows.forEach((row, r) => {
      const fields = row.cells.map((slot, c) => {
        if (row.kind !== 'body' && c > 0) return '';
        const origin = slot ? { cell: slot } : originOf(table, r, c);
        if (!origin) return '';
        if (!slot && origin.cell.colSpan > 1 && row.kind !== 'body') return '';
        return origin.cell.paragraphs.map(inlineText).join('\n');
      });
      lines.push([...(several ? [name] : []), ...fields].map(csvField).join(','));
    });
  }
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
