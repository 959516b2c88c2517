import { AlignmentType, Document, ImageRun, Packer, PageOrientation, Paragraph, SimpleField, TextRun, type ISectionOptions } from 'docx';
import type { StructurePage } from '../../../shared/layout/pages';
import { A4_TEXT_BLOCK } from '../../../shared/layout/options';
import { renderPng } from './png';

const CM_TWIPS = 1440 / 2.54;
/** docx sizes images in pixels at 96 per inch. */
const PX_PER_PT = 96 / 72;

/**
 * Caption runs: a leading "Figur 5:" / "Figure 5." / "Fig. 5" becomes the label, a SEQ field
 * (so Word renumbers figures and lists them in a table of figures) and the rest as text.
 */
export function captionRuns(caption: string): (TextRun | SimpleField)[] {
  const match = /^(Figur|Figure|Fig\.|Abbildung|Figura)\s+(\d+)(.*)$/su.exec(caption);
  if (!match) return [new TextRun(caption)];
  const [, label, number, rest] = match;
  const sequence = label!.replace(/\.$/, '');
  return [new TextRun(`${label} `), new SimpleField(`SEQ ${sequence} \\* ARABIC`, number), new TextRun(rest!)];
}

/**
 * A Word document holding the figure as a 300 dpi picture at the text block's width (A4, 2.5 cm
 * margins; a landscape section for a landscape part), each followed by its caption in Word's own
 * Caption style. The caption is text in the document, not in the picture.
 */
export async function renderDocx(pages: readonly StructurePage[], captions: readonly string[], title: string): Promise<Buffer> {
  const sections: ISectionOptions[] = pages.map((page, i) => {
    const png = renderPng(page.layout);
    const textWidth = A4_TEXT_BLOCK[page.orientation].width;
    const textHeight = A4_TEXT_BLOCK[page.orientation].height - 40;
    // At text width, unless that is taller than the page: then fit the height (and say so upstream).
    const scale = Math.min(1, textHeight / ((page.layout.height * textWidth) / page.layout.width));
    const width = textWidth * scale * PX_PER_PT;
    const height = ((page.layout.height * textWidth) / page.layout.width) * scale * PX_PER_PT;
    const children: Paragraph[] = [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [new ImageRun({ type: 'png', data: png, transformation: { width, height }, altText: { name: 'Data structure', title, description: `Data structure figure${page.dimension ? `: ${page.dimension}` : ''}` } })],
      }),
    ];
    const caption = captions[i] ?? '';
    if (caption) children.push(new Paragraph({ style: 'Caption', children: captionRuns(caption) }));
    return {
      properties: {
        page: {
          size: { width: 21 * CM_TWIPS, height: 29.7 * CM_TWIPS, orientation: page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: 2.5 * CM_TWIPS, bottom: 2.5 * CM_TWIPS, left: 2.5 * CM_TWIPS, right: 2.5 * CM_TWIPS },
        },
      },
      children,
    };
  });
  const doc = new Document({
    title,
    creator: 'Stige',
    styles: {
      paragraphStyles: [
        { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, size: 18, color: '44546A' }, paragraph: { spacing: { after: 200 } } },
      ],
    },
    sections,
  });
  return Packer.toBuffer(doc);
}
