import mammoth from 'mammoth';
import { AppError } from '../../../shared/api/errors';
import { parsePlainText } from '../../../shared/import/plainText';
import type { ParsedDocument } from '../../../shared/import/transcript';
import { openZip } from './zip';

/**
 * A Word document (.docx): its paragraphs as lines (mammoth's raw text, which ends every paragraph
 * with a blank line), then speaker detection as for plain text. The archive is checked for zip
 * bombs before mammoth unpacks it.
 */
export async function parseDocx(bytes: Uint8Array, fileName: string): Promise<ParsedDocument> {
  const { entries } = await openZip(bytes, fileName, 'Word document (.docx)');
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    const hint = entries.some((e) => e.name === 'content.xml') ? ' (it is an OpenDocument file; rename it .odt)' : '';
    throw new AppError('IMPORT', `${fileName} is not a Word document: the archive has no word/document.xml${hint}`, { file: fileName });
  }
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (error) {
    throw new AppError('IMPORT', `${fileName} could not be read as a Word document (${error instanceof Error ? error.message : String(error)})`, { file: fileName });
  }
  return parsePlainText(raw.replace(/\n\n/g, '\n'), 'docx');
}
