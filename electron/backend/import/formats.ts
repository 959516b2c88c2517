import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { parsePlainText } from '../../../shared/import/plainText';
import type { ParsedDocument } from '../../../shared/import/transcript';
import { decodeText } from './decode';

/** Reads one file format into a parsed document. Throws AppError('IMPORT') with a specific message. */
export type FormatParser = (bytes: Uint8Array, fileName: string) => ParsedDocument | Promise<ParsedDocument>;

const parseText: FormatParser = (bytes, fileName) => {
  const { text } = decodeText(bytes, fileName);
  return parsePlainText(text, path.extname(fileName).slice(1).toLowerCase() || 'txt');
};

/** Transcript and document formats by lower-case extension. */
export const TRANSCRIPT_FORMATS: Readonly<Record<string, FormatParser>> = {
  '.txt': parseText,
  '.md': parseText,
  '.text': parseText,
};

/** The parser for `fileName`, or an UNSUPPORTED error listing what is supported. */
export function parserFor(fileName: string): FormatParser {
  const ext = path.extname(fileName).toLowerCase();
  const parser = TRANSCRIPT_FORMATS[ext];
  if (!parser) {
    throw new AppError(
      'UNSUPPORTED',
      `${fileName}: ${ext ? `“${ext}” files` : 'files without an extension'} cannot be imported as transcripts (supported: ${Object.keys(TRANSCRIPT_FORMATS).join(', ')})`,
      { file: fileName },
    );
  }
  return parser;
}
