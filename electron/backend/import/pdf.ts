import { AppError } from '../../../shared/api/errors';
import { paragraphTurns, type ParsedDocument, type ParsedPage } from '../../../shared/import/transcript';
import { normalizeText } from '../../../shared/text/normalize';

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
    const pages: ParsedPage[] = [];
    let text = '';
    const warnings: string[] = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is TextItem & typeof item => 'str' in item) as unknown as TextItem[];
      const pageText = normalizeText(paragraphsOf(linesOf(items)).join('\n'));
      page.cleanup();
      if (number > 1) text += '\n';
      const start = text.length;
      text += pageText;
      const label = labels?.[number - 1];
      pages.push({ page: number, start, end: text.length, ...(label && label !== String(number) ? { label } : {}) });
      if (!pageText) warnings.push(`page ${number} has no text (a scanned page?)`);
    }
    if (!text.trim()) {
      throw new AppError('IMPORT', `${fileName} has no text layer (a scanned PDF?); run it through text recognition (OCR) first`, { file: fileName });
    }
    return { format: 'pdf', text, turns: paragraphTurns(text), pages, warnings: warnings.length > 5 ? [`${warnings.length} pages have no text (scanned pages?)`] : warnings, durationMs: null };
  } finally {
    await doc.destroy();
  }
}
