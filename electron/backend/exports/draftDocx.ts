import mammoth from 'mammoth';
import { AppError } from '../../../shared/api/errors';
import type { DraftParagraph } from '../../../shared/exports/quotations';

/** The subset of mammoth's document model the draft reader walks. */
interface MammothNode {
  type: string;
  children?: MammothNode[];
  value?: string;
  styleName?: string | null;
  numbering?: unknown;
  indent?: { start?: string | null; hanging?: string | null };
  noteType?: string;
  noteId?: string;
  body?: MammothNode[];
}

interface MammothNotes {
  resolve(reference: MammothNode): { body: MammothNode[] } | null;
}

function twips(value: string | null | undefined): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

/**
 * Read a thesis draft (.docx) into paragraphs with their style, indent and footnotes, using
 * mammoth's document model (the same reader as the Word import). Tables are read cell by cell.
 * Throws IMPORT naming the file when it is not a Word document.
 */
export async function readDraftDocx(bytes: Uint8Array, fileName: string): Promise<DraftParagraph[]> {
  const paragraphs: DraftParagraph[] = [];
  let notes: MammothNotes | null = null;

  const textOf = (nodes: readonly MammothNode[]): string => nodes.map((n) => (n.type === 'text' ? (n.value ?? '') : n.type === 'tab' ? '\t' : n.type === 'break' ? '\n' : textOf(n.children ?? []))).join('');

  const readParagraph = (node: MammothNode) => {
    let text = '';
    const found: { at: number; text: string }[] = [];
    const walk = (nodes: readonly MammothNode[]) => {
      for (const n of nodes) {
        if (n.type === 'text') text += n.value ?? '';
        else if (n.type === 'tab') text += '\t';
        else if (n.type === 'break') text += '\n';
        else if (n.type === 'noteReference') {
          const note = notes?.resolve(n);
          if (note) found.push({ at: text.length, text: note.body.map((b) => textOf(b.children ?? [])).join(' ').trim() });
        } else if (n.children) walk(n.children);
      }
    };
    walk(node.children ?? []);
    paragraphs.push({
      text,
      style: node.styleName ?? null,
      indent: twips(node.indent?.start),
      hanging: twips(node.indent?.hanging),
      numbered: !!node.numbering,
      notes: found,
    });
  };

  const visit = (node: MammothNode) => {
    if (node.type === 'paragraph') readParagraph(node);
    else for (const child of node.children ?? []) visit(child);
  };

  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        transformDocument: (document: MammothNode & { notes: MammothNotes }) => {
          notes = document.notes;
          visit(document);
          return document;
        },
      },
    );
  } catch (error) {
    throw new AppError('IMPORT', `${fileName} cannot be read as a Word document (.docx): ${error instanceof Error ? error.message : String(error)}`, {
      file: fileName,
    });
  }
  return paragraphs;
}
