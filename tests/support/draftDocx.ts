import { Document, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx';

/** One paragraph of a draft to generate: plain, a "Quote"-styled block, or indented; optionally with a footnote after its text. */
export interface DraftLine {
  readonly text: string;
  readonly style?: 'Quote';
  readonly indentTwips?: number;
  readonly footnote?: string;
}

/** A thesis draft as Word would save it, made with the docx library. */
export async function makeDraftDocx(lines: readonly DraftLine[]): Promise<Buffer> {
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let next = 1;
  const children = lines.map((line) => {
    const runs: (TextRun | FootnoteReferenceRun)[] = [new TextRun(line.text)];
    if (line.footnote) {
      footnotes[next] = { children: [new Paragraph(line.footnote)] };
      runs.push(new FootnoteReferenceRun(next));
      next += 1;
    }
    return new Paragraph({
      children: runs,
      ...(line.style ? { style: line.style } : {}),
      ...(line.indentTwips ? { indent: { left: line.indentTwips } } : {}),
    });
  });
  const document = new Document({
    styles: { paragraphStyles: [{ id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 720, right: 720 } }, run: { italics: true } }] },
    footnotes,
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
