import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvField, writeCsv } from '../../../../../electron/backend/exports/writers/csv';
import { escapeHtml, writeHtml } from '../../../../../electron/backend/exports/writers/html';
import { escapeLatex, writeLatex } from '../../../../../electron/backend/exports/writers/latex';
import { writeMarkdown } from '../../../../../electron/backend/exports/writers/markdown';
import { cell, tableShapeProblem, type ExportDoc } from '../../../../../shared/exports/document';
import { tempDir } from '../../../../support/temp';

const TRICKY = 'Hun sa "nei", men\nså: «ja» – 100 % & <b>';

const doc: ExportDoc = {
  title: 'Test & co',
  tables: [
    {
      heading: 'Oversikt',
      caption: { text: 'Tabell 3: Prøve', before: 'Tabell ', number: 3, after: ': Prøve' },
      captionLabel: 'Tabell',
      header: ['A', 'B "b"', 'C'],
      widths: [1, 1, 2],
      rows: [
        { kind: 'body', cells: [cell('æ', { rowSpan: 2 }), cell(TRICKY), { paragraphs: [{ inlines: [{ kind: 'text', text: 'sitat' }, { kind: 'footnote', text: 'Inger, Bærum' }] }], rowSpan: 1, colSpan: 1 }] },
        { kind: 'body', cells: [null, cell('x'), cell(['p1', 'p2'])] },
        { kind: 'total', cells: [cell('Totalt 4 timer', { colSpan: 3, bold: true }), null, null] },
      ],
    },
  ],
};

describe('writers', () => {
  it('use a table whose spans tile the grid', () => {
    expect(tableShapeProblem(doc.tables[0]!)).toBeNull();
    expect(tableShapeProblem({ ...doc.tables[0]!, rows: [{ kind: 'body', cells: [cell('a', { rowSpan: 2 }), cell('b'), cell('c')] }] })).toMatch(/leaves the table/);
  });

  it('escape every LaTeX special character', () => {
    expect(escapeLatex('& % $ # _ { } ~ ^ \\')).toBe('\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
    const tex = new TextDecoder().decode(writeLatex(doc));
    expect(tex).toContain('\\caption{Prøve}\\label{tab:stige-3}\\\\');
    expect(tex).toContain('\\footnote{Inger, Bærum}');
    expect(tex).toContain('\\multicolumn{3}{@{}p{\\linewidth}@{}}{\\textbf{Totalt 4 timer}}');
    expect(tex).toContain('Hun sa "nei", men\\newline så: «ja» – 100 \\% \\& <b>');
  });

  it('write RFC 4180 CSV that a CSV reader gives back field for field', async () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('si "ja"')).toBe('"si ""ja"""');
    expect(csvField('plain')).toBe('plain');
    const file = path.join(tempDir(), 't.csv');
    fs.writeFileSync(file, writeCsv(doc));
    const sheet = await new ExcelJS.Workbook().csv.readFile(file);
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1).map((v) => String(v ?? '')));
    expect(rows).toEqual([
      ['A', 'B "b"', 'C'],
      ['æ', TRICKY, 'sitat (Inger, Bærum)'],
      ['æ', 'x', 'p1\np2'],
      ['Totalt 4 timer'],
    ]);
  });

  it('write Markdown with footnotes and escaped pipes, and HTML with escaped markup', () => {
    const md = new TextDecoder().decode(writeMarkdown({ ...doc, tables: [{ ...doc.tables[0]!, header: ['A|B', 'C', 'D'] }] }));
    expect(md).toContain('| A\\|B | C | D |');
    expect(md).toContain('sitat[^1]');
    expect(md).toContain('[^1]: Inger, Bærum');
    expect(md).toContain('Hun sa "nei", men<br>så');
    const html = new TextDecoder().decode(writeHtml(doc));
    expect(escapeHtml('<&">')).toBe('&lt;&amp;&quot;&gt;');
    expect(html).toContain('100 % &amp; &lt;b&gt;');
    expect(html).toContain('<sup>1</sup>');
    expect(html).toMatch(/<td colspan="3" style="[^"]*;font-weight:bold">/);
    expect(html).toContain('<h2>Oversikt</h2>');
  });
});
