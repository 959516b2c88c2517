import type { DocParagraph, ExportDoc } from '../../../../shared/exports/document';

function escape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/**
 * The tables as Markdown (GitHub-flavoured): the caption as a paragraph above each table, merged
 * cells written once in their first row and left empty below (as printed tables show them),
 * footnotes as `[^n]` with their text after the table.
 */
export function writeMarkdown(doc: ExportDoc): Uint8Array {
  const out: string[] = [];
  let note = 1;
  for (const table of doc.tables) {
    const notes: string[] = [];
    const render = (p: DocParagraph, rowBold = false) =>
      p.inlines
        .map((i) => {
          if (i.kind === 'footnote') {
            notes.push(`[^${note}]: ${escape(i.text)}`);
            return `[^${note++}]`;
          }
          const text = escape(i.text);
          if (!text.trim()) return text;
          return i.bold || rowBold ? `**${text}**` : i.italic ? `*${text}*` : text;
        })
        .join('');
    if (table.heading) out.push(`## ${escape(table.heading)}`, '');
    if (table.caption) out.push(`*${escape(table.caption.text)}*`, '');
    out.push(`| ${table.header.map(escape).join(' | ')} |`);
    out.push(`|${table.header.map(() => '---').join('|')}|`);
    for (const row of table.rows) {
      const cells = row.cells.map((slot) => {
        if (!slot) return '';
        return slot.paragraphs.map((p) => render(p, row.kind !== 'body')).join('<br>');
      });
      out.push(`| ${cells.join(' | ')} |`);
    }
    out.push('');
    if (notes.length > 0) out.push(...notes, '');
  }
  return new TextEncoder().encode(out.join('\n'));
}
