import { AppError } from '../../../shared/api/errors';
import { parsePlainText } from '../../../shared/import/plainText';
import type { ParsedDocument, ParsedPage } from '../../../shared/import/transcript';

// PDF text through pdfjs-dist's legacy build (the one that runs in Node). Text per page, lines
// joined into paragraphs by their spacing, page ranges kept so quotes can cite a page.

interface TextItem {
  readonly str: string;
  readonly hasEOL: boolean;
  readonly transform: readonly number[];
  readonly height: number;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

function linesOf(items: readonly TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    if (!current) current = { text: '', y: item.transform[5] ?? 0, height: item.height };
    current.text += item.str;
    current.height = Math.max(current.height, item.height);
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text !== '');
}

/** Lines closer than ~1.6 line heights belong to one paragraph; a hyphen at a line end is kept, with no space. */
function paragraphsOf(lines: readonly Line[]): string[] {
  const paragraphs: string[] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    const gap = previous ? previous.y - line.y : Infinity;
    const lineHeight = Math.max(previous?.height ?? 0, line.height, 1);
    if (previous && gap > 0 && gap <= lineHeight * 1.6) {
      const last = paragraphs.length - 1;
      paragraphs[last] += /\p{L}-$/u.test(paragraphs[last]!) ? line.text : ` ${line.text}`;
    } else {
      paragraphs.push(line.text);
    }
    previous = line;
  }
  return paragraphs;
}

/** A PDF's text, one page after another, with each page's range and printed label. */
export async function parsePdf(bytes: Uint8Array, fileName: string): Promise<ParsedDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    // pdf.js takes ownership of the buffer it is given: give it a copy.
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new AppError('IMPORT', `${fileName} is password-protected; save an unprotected copy and import that`, { file: fileName });
    throw new AppError('IMPORT', `${fileName} could not be read as a PDF (${error instanceof Error ? error.message : String(error)})`, { file: fileName });
  }
  try {
    const labels = await doc.getPageLabels().catch(() => null);
    const pageTexts: string[] = [];
    const warnings: string[] = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      const items = content.items.filter((item) => 'str' in item) as unknown as TextItem[];
      const pageText = paragraphsOf(linesOf(items)).join('\n').replace(/\f/g, ' ');
      page.cleanup();
      pageTexts.push(pageText);
      if (!pageText.trim()) warnings.push(`page ${number} has no text (a scanned page?)`);
    }
    if (!pageTexts.join('').trim()) {
      throw new AppError('IMPORT', `${fileName} has no text layer (a scanned PDF?); run it through text recognition (OCR) first`, { file: fileName });
    }
    // Pages are joined with form feeds, which the plain-text reader turns into page ranges (and
    // speaker labels, if the PDF is a transcript, into turns).
    const parsed = parsePlainText(pageTexts.join('\n\f\n'), 'pdf');
    const ranges = [...(parsed.pages ?? [{ page: 1, start: 0, end: parsed.text.length }])];
    // Blank pages at the end leave no break behind them in the text; they are still pages.
    while (ranges.length < pageTexts.length) ranges.push({ page: ranges.length + 1, start: parsed.text.length, end: parsed.text.length });
    const pages: ParsedPage[] = ranges.map((p) => {
      const label = labels?.[p.page - 1];
      return label && label !== String(p.page) ? { ...p, label } : p;
    });
    return { ...parsed, pages, warnings: warnings.length > 5 ? [`${warnings.length} pages have no text (scanned pages?)`] : warnings };
  } finally {
    await doc.destroy();
  }
}
