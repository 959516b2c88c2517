import type { DocParagraph, ExportDoc } from '../../../../shared/exports/document';

/** Escape text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CELL = 'border:1px solid #000;padding:4pt 6pt;vertical-align:top;text-align:left';

/**
 * The tables as an HTML page that pastes cleanly into Word and Google Docs: inline styles only
 * (no stylesheet to lose), the caption as a paragraph above each table, merged cells as
 * rowspan/colspan, a <thead> Word repeats on each page, footnotes as numbered notes below.
 */
export function writeHtml(doc: ExportDoc): Uint8Array {
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(doc.title)}</title>`,
    '</head>',
    '<body>',
  ];
  let note = 1;
  for (const table of doc.tables) {
    const notes: string[] = [];
    const render = (p: DocParagraph) =>
      p.inlines
        .map((i) => {
          if (i.kind === 'footnote') {
            notes.push(`<p style="margin:0;font-size:9pt"><sup>${note}</sup> ${escapeHtml(i.text)}</p>`);
            return `<sup>${note++}</sup>`;
          }
          const text = escapeHtml(i.text).replace(/\r?\n/g, '<br>');
          return i.bold ? `<b>${text}</b>` : i.italic ? `<i>${text}</i>` : text;
        })
        .join('');
    if (table.heading) out.push(`<h2>${escapeHtml(table.heading)}</h2>`);
    if (table.caption) out.push(`<p style="font-style:italic;margin:12pt 0 6pt 0">${escapeHtml(table.caption.text)}</p>`);
    const total = table.widths.reduce((s, w) => s + w, 0) || 1;
    out.push('<table style="border-collapse:collapse;width:100%">');
    out.push(`<colgroup>${table.widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`).join('')}</colgroup>`);
    out.push(`<thead><tr>${table.header.map((h) => `<th style="${CELL};font-weight:bold">${escapeHtml(h)}</th>`).join('')}</tr></thead>`);
    out.push('<tbody>');
    for (const row of table.rows) {
      const cells = row.cells
        .map((slot) => {
          if (!slot) return '';
          const spans = `${slot.rowSpan > 1 ? ` rowspan="${slot.rowSpan}"` : ''}${slot.colSpan > 1 ? ` colspan="${slot.colSpan}"` : ''}`;
          const body = slot.paragraphs.map((p) => `<p style="margin:0 0 4pt 0">${render(p)}</p>`).join('');
          return `<td${spans} style="${CELL}${row.kind === 'body' ? '' : ';font-weight:bold'}">${body}</td>`;
        })
        .join('');
      out.push(`<tr>${cells}</tr>`);
    }
    out.push('</tbody>', '</table>');
    out.push(...notes);
  }
  out.push('</body>', '</html>', '');
  return new TextEncoder().encode(out.join('\n'));
}
