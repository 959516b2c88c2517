import { AppError } from '../api/errors';
import { isGioiaJson, parseGioiaJson } from './gioiaJson';
import type { ImportedCodebook } from './model';
import { looksLikeQualCoderPlain, parseQualCoderPlain } from './qualcoderPlain';
import { findHeader, parseCodebookCsv, parseDelimited } from './table';

/** Extensions a codebook may have. */
export const CODEBOOK_EXTENSIONS = ['.json', '.csv', '.tsv', '.txt', '.xlsx'] as const;

function extension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot >= 0 ? fileName.slice(dot).toLowerCase() : '';
}

/**
 * What kind of codebook a text file is, judged by its content (the extension only says where to
 * look): Gioia JSON, a table with a header naming levels, or QualCoder's plain format; null when
 * it is not a codebook (a transcript, say). Spreadsheets are judged by the backend from their rows
 * with `findHeader`.
 */
export function detectCodebookText(fileName: string, text: string): 'gioia-json' | 'table' | 'qualcoder-plain' | null {
  const ext = extension(fileName);
  const trimmed = text.trimStart();
  if (ext === '.json' || trimmed.startsWith('{')) {
    try {
      if (isGioiaJson(JSON.parse(text))) return 'gioia-json';
    } catch {
      // not JSON: fall through to the other shapes
    }
    if (ext === '.json') return null;
  }
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
    const rows = parseDelimited(text.split('\n').slice(0, 12).join('\n'));
    if (rows.some((r) => r.length >= 2) && findHeader(rows)) return 'table';
  }
  if (ext === '.txt' && looksLikeQualCoderPlain(text)) return 'qualcoder-plain';
  return null;
}

/**
 * Parse a text codebook. With `explicit` (the user said it is a codebook), a `.txt` without `>>`
 * paths is read as a flat QualCoder list and a CSV without a header as dimension, theme, concept,
 * definition columns. IMPORT errors name the file and line; UNSUPPORTED for other extensions.
 */
export function parseCodebookText(fileName: string, text: string, explicit: boolean): ImportedCodebook {
  const detected = detectCodebookText(fileName, text);
  const ext = extension(fileName);
  switch (detected) {
    case 'gioia-json':
      return parseGioiaJson(text, fileName);
    case 'table':
      return parseCodebookCsv(text, fileName);
    case 'qualcoder-plain':
      return parseQualCoderPlain(text, fileName);
    case null:
      break;
    default: {
      const never: never = detected;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
  if (explicit) {
    if (ext === '.json') return parseGioiaJson(text, fileName);
    if (ext === '.csv' || ext === '.tsv') return parseCodebookCsv(text, fileName, { positional: true });
    if (ext === '.txt') return parseQualCoderPlain(text, fileName, { requirePath: false });
  }
  if (!(CODEBOOK_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new AppError('UNSUPPORTED', `${fileName}: “${ext || 'no extension'}” is not a codebook format (supported: Gioia JSON, CSV/TSV/XLSX with dimension, theme, concept, definition columns, QualCoder plain .txt)`, { file: fileName });
  }
  throw new AppError('IMPORT', `${fileName} does not look like a codebook: expected Gioia JSON (“aggregate_dimensions”), a table whose header names the levels, or QualCoder’s “category>>code” lines`, { file: fileName });
}
