import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { parseHtml } from '../../../shared/import/html';
import { parsePlainText } from '../../../shared/import/plainText';
import { NoCuesError, parseSubRip, parseWebVtt } from '../../../shared/import/subtitles';
import { NotATranscriptError, parseDelimited, parseTranscriptRows } from '../../../shared/import/tabular';
import type { ParsedDocument } from '../../../shared/import/transcript';
import { decodeText } from './decode';
import { parseDocx } from './docx';
import { parseOdt, readOdsRows } from './odf';
import { parsePdf } from './pdf';
import { sniff } from './sniff';
import { readXlsxRows } from './xlsx';
import { openZip } from './zip';

/** The format families Stige reads, by what they are (not by file name). */
type Family = 'text' | 'vtt' | 'srt' | 'delimited' | 'html' | 'docx' | 'odt' | 'ods' | 'xlsx' | 'pdf' | 'rtf';

const FAMILY_NAMES: Readonly<Record<Family, string>> = {
  text: 'plain text',
  vtt: 'WebVTT subtitles',
  srt: 'SubRip subtitles',
  delimited: 'a CSV/TSV table',
  html: 'HTML',
  docx: 'a Word document',
  odt: 'an OpenDocument text',
  ods: 'an OpenDocument spreadsheet',
  xlsx: 'an Excel workbook',
  pdf: 'a PDF',
  rtf: 'Rich Text (RTF)',
};

/** Transcript and document formats by lower-case extension. */
export const TRANSCRIPT_EXTENSIONS: Readonly<Record<string, Family>> = {
  '.txt': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.text': 'text',
  '.vtt': 'vtt',
  '.webvtt': 'vtt',
  '.srt': 'srt',
  '.csv': 'delimited',
  '.tsv': 'delimited',
  '.tab': 'delimited',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.odt': 'odt',
  '.ods': 'ods',
  '.xlsx': 'xlsx',
  '.pdf': 'pdf',
  '.rtf': 'rtf',
};

const ZIP_FAMILIES: ReadonlySet<Family> = new Set(['docx', 'odt', 'ods', 'xlsx']);

function importError(fileName: string, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('IMPORT', `${fileName} ${message}`, { file: fileName, ...details });
}

/** Which zip-based format an archive is, from its entries. */
async function zipFamily(bytes: Uint8Array, fileName: string): Promise<Family | null> {
  const { zip, entries } = await openZip(bytes, fileName, 'document');
  const names = new Set(entries.map((e) => e.name));
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  const mimetype = (await zip.file('mimetype')?.async('string'))?.trim() ?? '';
  if (mimetype.startsWith('application/vnd.oasis.opendocument.text')) return 'odt';
  if (mimetype.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  return null;
}

/** What a text file's content says it is, when that is clear. */
function textFamily(text: string): Family | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(head)) return 'vtt';
  if (/^\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2},\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2},\d{1,3}/.test(head)) return 'srt';
  if (/^\s*(?:<!DOCTYPE\s+html|<html[\s>])/i.test(head)) return 'html';
  return null;
}

/**
 * Decide a file's format from its extension AND its content. Content wins where it is certain
 * (a Word document named .txt is read as Word, with a warning); a file whose content contradicts
 * its name in a way that cannot be read (an image named .docx, a .docx that is not a zip) is
 * refused with a message saying what the file is.
 */
async function familyOf(bytes: Uint8Array, fileName: string): Promise<{ family: Family; warning: string | null; text?: string }> {
  const ext = path.extname(fileName).toLowerCase();
  const named = TRANSCRIPT_EXTENSIONS[ext] ?? null;
  const sniffed = sniff(bytes);
  const renamed = (family: Family) =>
    named && named !== family ? `${fileName} is ${FAMILY_NAMES[family]}, not ${FAMILY_NAMES[named]} as its name says; it was read as ${FAMILY_NAMES[family]}` : null;
  switch (sniffed.kind) {
    case 'media':
      throw importError(fileName, `is ${sniffed.what}, not a transcript or document${named ? ` (despite its “${ext}” name)` : ''}`);
    case 'ole':
      throw importError(fileName, 'is an old Microsoft Office file (Word 97–2003 .doc or similar); open it in Word or LibreOffice and save it as .docx');
    case 'pdf':
      return { family: 'pdf', warning: renamed('pdf') };
    case 'rtf':
      return { family: 'rtf', warning: renamed('rtf') };
    case 'zip': {
      const family = await zipFamily(bytes, fileName);
      if (!family) {
        throw importError(fileName, `is a zip archive that is not a Word, OpenDocument or Excel file${named && ZIP_FAMILIES.has(named) ? ` (its name says ${FAMILY_NAMES[named]})` : ''}`);
      }
      return { family, warning: renamed(family) };
    }
    case 'text': {
      if (named && (ZIP_FAMILIES.has(named) || named === 'pdf' || named === 'rtf')) {
        const what = named === 'pdf' ? 'it does not start with %PDF' : named === 'rtf' ? 'it does not start with {\\rtf' : 'it is not a zip archive';
        throw importError(fileName, `is not ${FAMILY_NAMES[named]}: ${what} (it may be damaged, or another kind of file renamed)`);
      }
      const { text } = decodeText(bytes, fileName);
      const byContent = textFamily(text);
      if (byContent && byContent !== named && !(named === 'text' && byContent === 'html')) {
        return { family: byContent, warning: named ? renamed(byContent) : null, text };
      }
      if (!named) {
        throw new AppError(
          'UNSUPPORTED',
          `${fileName}: ${ext ? `“${ext}” files` : 'files without an extension'} cannot be imported as transcripts (supported: ${Object.keys(TRANSCRIPT_EXTENSIONS).join(', ')})`,
          { file: fileName },
        );
      }
      return { family: named, warning: null, text };
    }
    default: {
      const never: never = sniffed;
      throw new Error(`unknown sniff result ${JSON.stringify(never)}`);
    }
  }
}

function tableDocument(rows: readonly (readonly string[])[], fileName: string, format: string): ParsedDocument {
  try {
    return parseTranscriptRows(rows, format);
  } catch (error) {
    if (error instanceof NotATranscriptError) {
      if (error.kind === 'quote-export') throw importError(fileName, `was not imported: ${error.message}. Import the transcripts themselves instead`, { reason: 'quote-export', ...error.details });
      throw importError(fileName, `is not a transcript table: ${error.message}`);
    }
    throw error;
  }
}

async function parseFamily(family: Family, bytes: Uint8Array, fileName: string, known?: string): Promise<ParsedDocument> {
  const text = () => known ?? decodeText(bytes, fileName).text;
  switch (family) {
    case 'text':
      return parsePlainText(text(), path.extname(fileName).slice(1).toLowerCase() || 'txt');
    case 'vtt':
    case 'srt':
      try {
        return family === 'vtt' ? parseWebVtt(text()) : parseSubRip(text());
      } catch (error) {
        if (error instanceof NoCuesError) throw importError(fileName, `cannot be imported: ${error.message}`);
        throw error;
      }
    case 'delimited': {
      const table = parseDelimited(text(), path.extname(fileName).toLowerCase() === '.tsv' ? '\t' : undefined);
      if (!table) throw importError(fileName, 'is not a table: no delimiter (tab, semicolon, comma) splits its lines into columns');
      return { ...tableDocument(table.rows, fileName, table.delimiter === '\t' ? 'tsv' : 'csv') };
    }
    case 'html':
      return parseHtml(text());
    case 'docx':
      return parseDocx(bytes, fileName);
    case 'odt':
      return parseOdt(bytes, fileName);
    case 'ods':
      return tableDocument(await readOdsRows(bytes, fileName), fileName, 'ods');
    case 'xlsx':
      return tableDocument(await readXlsxRows(bytes, fileName), fileName, 'xlsx');
    case 'pdf':
      return parsePdf(bytes, fileName);
    case 'rtf':
      throw new AppError(
        'UNSUPPORTED',
        `${fileName}: Rich Text (.rtf) cannot be imported yet (no maintained RTF reader keeps curly quotes and emoji); open it in Word or LibreOffice and save it as .docx, .odt or .txt`,
        { file: fileName },
      );
    default: {
      const never: never = family;
      throw new Error(`unknown family ${String(never)}`);
    }
  }
}

/**
 * Parse one file into a document: format from extension and content, then that format's parser.
 * Every failure is an AppError naming the file (IMPORT, or UNSUPPORTED for formats Stige does not
 * read); a library's own exception is wrapped, never passed on.
 */
export async function parseFile(bytes: Uint8Array, fileName: string): Promise<ParsedDocument> {
  if (bytes.byteLength === 0) throw importError(fileName, 'is empty');
  try {
    const { family, warning, text } = await familyOf(bytes, fileName);
    const parsed = await parseFamily(family, bytes, fileName, text);
    if (!parsed.text.trim()) throw importError(fileName, 'has no text');
    return warning ? { ...parsed, warnings: [warning, ...parsed.warnings] } : parsed;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw importError(fileName, `could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}
