import { Fragment } from 'react';
import type { DocCell, DocParagraph, DocTable } from '../../../shared/exports/document';

/** Footnotes met while drawing a document, numbered in order as Word numbers them. */
class FootnoteCounter {
  readonly notes: string[] = [];
  add(text: string): number {
    this.notes.push(text);
    return this.notes.length;
  }
}

function Paragraph({ paragraph, footnotes }: { paragraph: DocParagraph; footnotes: FootnoteCounter }) {
  return (
    <p>
      {paragraph.inlines.map((inline, i) =>
        inline.kind === 'footnote' ? (
          <sup key={i} className="footnote-ref" title={inline.text}>
            {footnotes.add(inline.text)}
          </sup>
        ) : (
          <Fragment key={i}>{inline.bold ? <strong>{inline.text}</strong> : inline.italic ? <em>{inline.text}</em> : inline.text}</Fragment>
        ),
      )}
    </p>
  );
}

function Cell({ cell, footnotes }: { cell: DocCell; footnotes: FootnoteCounter }) {
  return (
    <td rowSpan={cell.rowSpan} colSpan={cell.colSpan}>
      {cell.paragraphs.map((p, i) => (
        <Paragraph key={i} paragraph={p} footnotes={footnotes} />
      ))}
    </td>
  );
}

/**
 * Document tables drawn as the DOCX writer lays them out (the same shared document model): heading,
 * caption above, header row, merged cells, each quote its own paragraph, footnotes under the table.
 */
export function DocTablesPreview({ tables, label }: { tables: readonly DocTable[]; label: string }) {
  const footnotes = new FootnoteCounter();
  return (
    <div className="doc-preview" role="region" aria-label={label}>
      {tables.map((table, t) => {
        const before = footnotes.notes.length;
        const total = table.widths.reduce((a, b) => a + b, 0);
        const body = (
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r} className={row.kind}>
                {row.cells.map((cell, c) => (cell ? <Cell key={c} cell={cell} footnotes={footnotes} /> : null))}
              </tr>
            ))}
          </tbody>
        );
        const notes = footnotes.notes.slice(before);
        return (
          <section key={t} className="doc-table">
            {table.heading && <h3>{table.heading}</h3>}
            {table.caption && <p className="doc-caption">{table.caption.text}</p>}
            <table>
              <colgroup>
                {table.widths.map((w, i) => (
                  <col key={i} style={{ width: `${(100 * w) / total}%` }} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  {table.header.map((h, i) => (
                    <th key={i} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              {body}
            </table>
            {notes.length > 0 && (
              <ol className="doc-footnotes" start={before + 1}>
                {notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
