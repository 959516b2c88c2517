import PDFDocument from 'pdfkit';
import type { StructurePage } from '../../../shared/layout/pages';
import { A4_TEXT_BLOCK, PT_PER_CM } from '../../../shared/layout/options';
import type { StructureLayout } from '../../../shared/layout/structureLayout';
import { figureFontFile } from './fonts';

const MARGIN = 2.5 * PT_PER_CM;
const A4 = { width: 21 * PT_PER_CM, height: 29.7 * PT_PER_CM };

function drawLayout(doc: PDFKit.PDFDocument, layout: StructureLayout, x0: number, y0: number): void {
  doc.save();
  doc.translate(x0, y0);
  for (const path of layout.paths) {
    doc.path(path.d);
    if (path.fill && path.stroke) doc.lineWidth(path.strokeWidth).fillAndStroke(path.fill, path.stroke);
    else if (path.fill) doc.fill(path.fill);
    else if (path.stroke) doc.lineWidth(path.strokeWidth).stroke(path.stroke);
  }
  for (const box of layout.boxes) {
    if (box.fill || box.stroke) {
      doc.rect(box.x, box.y, box.width, box.height);
      if (box.fill && box.stroke) doc.lineWidth(box.strokeWidth).fillAndStroke(box.fill, box.stroke);
      else if (box.fill) doc.fill(box.fill);
      else if (box.stroke) doc.lineWidth(box.strokeWidth).stroke(box.stroke);
    }
    for (const line of box.lines) {
      const x = line.anchor === 'middle' ? line.x - line.width / 2 : line.x;
      doc
        .font(line.face)
        .fontSize(line.size)
        .fillColor(line.color)
        // Positioned by baseline, one line at a time, without kerning or ligatures: exactly as laid out.
        .text(line.text, x, line.y, { lineBreak: false, baseline: 'alphabetic', features: [] });
    }
  }
  doc.restore();
}

/**
 * The figure as a PDF: one A4 page per part (portrait or landscape as laid out), the figure at
 * the text block's width between 2.5 cm margins, the Source Sans 3 faces embedded (subset). A part
 * taller than the page gets a taller page rather than being cut.
 */
export function renderPdf(pages: readonly StructurePage[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { Title: title, Creator: 'Stige', Producer: 'Stige' }, compress: true });
  doc.registerFont('regular', figureFontFile('regular'));
  doc.registerFont('semibold', figureFontFile('semibold'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const page of pages) {
    const portrait = page.orientation === 'portrait';
    const width = portrait ? A4.width : A4.height;
    const height = Math.max(portrait ? A4.height : A4.width, page.layout.height + 2 * MARGIN);
    doc.addPage({ size: [width, height], margin: MARGIN });
    const textWidth = A4_TEXT_BLOCK[page.orientation].width;
    drawLayout(doc, page.layout, MARGIN + (textWidth - page.layout.width) / 2, MARGIN);
  }
  doc.end();
  return done;
}
