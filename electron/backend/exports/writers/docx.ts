import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  ImportedXmlComponent,
  Paragraph,
  Run,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { DocCell, DocParagraph, DocTable, ExportDoc } from '../../../../shared/exports/document';

/** Text width of an A4 page with Word's default 2.54 cm margins, in twips. */
const TEXT_WIDTH = 9026;

/**
 * Word's built-in "Table Grid" style as Word writes it. Tables use it by name, so pasted into a
 * thesis they take on the thesis template's own table style; everything else uses Normal,
 * Caption and the footnote styles, also Word's built-ins.
 */
const TABLE_GRID_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="table" w:styleId="TableGrid">
    <w:name w:val="Table Grid"/>
    <w:basedOn w:val="TableNormal"/>
    <w:uiPriority w:val="39"/>
    <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
    <w:tblPr>
      <w:tblBorders>
        <w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>
        <w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>
        <w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>
        <w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>
        <w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>
      </w:tblBorders>
    </w:tblPr>
  </w:style>
</w:styles>`;

/**
 * A Word document of the tables: each table preceded by its heading (Heading 2) and its caption
 * (the Caption style, its number a SEQ field Word renumbers), a real table in the "Table Grid"
 * style with a header row repeated on every page, rows allowed to break across pages, merged cells
 * (vMerge down, gridSpan across) and real footnotes.
 */
export async function writeDocx(doc: ExportDoc): Promise<Uint8Array> {
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let nextNote = 1;

  const runsOf = (p: DocParagraph, bold = false): ParagraphChild[] =>
    p.inlines.flatMap((inline): ParagraphChild[] => {
      if (inline.kind === 'footnote') {
        const id = nextNote;
        nextNote += 1;
        footnotes[id] = { children: [new Paragraph({ children: [new TextRun(inline.text)] })] };
        return [new FootnoteReferenceRun(id)];
      }
      return inline.text.split('\n').map(
        (line, i) => new TextRun({ text: line, bold: bold || inline.bold || undefined, italics: inline.italic || undefined, break: i > 0 ? 1 : undefined }),
      );
    });

  const cellOf = (c: DocCell, width: number, bold: boolean) =>
    new TableCell({
      children: c.paragraphs.length > 0 ? c.paragraphs.map((p) => new Paragraph({ children: runsOf(p, bold) })) : [new Paragraph({})],
      ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
      ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.TOP,
    });

  const children: (Paragraph | Table)[] = [];
  doc.tables.forEach((table, index) => {
    if (index > 0) children.push(new Paragraph({}));
    if (table.heading) children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(table.heading)] }));
    if (table.caption) {
      const caption = table.caption;
      const parts: ParagraphChild[] = [];
      if (caption.before) parts.push(new TextRun(caption.before));
      if (caption.number !== null) parts.push(...seqField(table.captionLabel, caption.number));
      if (caption.after) parts.push(new TextRun(caption.after));
      children.push(new Paragraph({ style: 'Caption', keepNext: true, children: parts }));
    }
    children.push(tableOf(table, cellOf));
  });

  const document = new Document({
    title: doc.title,
    creator: 'Stige',
    externalStyles: TABLE_GRID_STYLES,
    footnotes,
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * A SEQ field as Word writes its captions' numbers: a complex field (begin, instruction,
 * separate, result, end) whose result is the number, so every reader shows it and Word renumbers
 * it when fields are updated. (A w:fldSimple is lost by readers such as mammoth.)
 */
function seqField(label: string, n: number): ParagraphChild[] {
  const xml = (fragment: string) => ImportedXmlComponent.fromXmlString(fragment);
  const safe = label.replace(/[^\p{L}\p{N}_]/gu, '') || 'Table';
  return [
    new Run({ children: [xml('<w:fldChar w:fldCharType="begin"/>')] }),
    new Run({ children: [xml(`<w:instrText xml:space="preserve"> SEQ ${safe} \\* ARABIC </w:instrText>`)] }),
    new Run({ children: [xml('<w:fldChar w:fldCharType="separate"/>')] }),
    new TextRun(String(n)),
    new Run({ children: [xml('<w:fldChar w:fldCharType="end"/>')] }),
  ];
}

function tableOf(table: DocTable, cellOf: (c: DocCell, width: number, bold: boolean) => TableCell): Table {
  const total = table.widths.reduce((s, w) => s + w, 0) || 1;
  const widths = table.widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((s, w) => s + w, 0);
  const header = new TableRow({
    tableHeader: true,
    children: table.header.map((title, col) => cellOf({ paragraphs: [{ inlines: [{ kind: 'text', text: title }] }], rowSpan: 1, colSpan: 1 }, widths[col]!, true)),
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        children: row.cells.flatMap((c, col) => (c ? [cellOf(c, spanWidth(col, c.colSpan), row.kind !== 'body')] : [])),
      }),
  );
  return new Table({ style: 'TableGrid', width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: [header, ...rows] });
}
