import type { ExportDoc } from '../../../../shared/exports/document';
import type { ExportFormat } from '../../../../shared/exports/settings';
import { writeCsv } from './csv';
import { writeDocx } from './docx';
import { writeHtml } from './html';
import { writeLatex } from './latex';
import { writeMarkdown } from './markdown';
import { writeXlsx } from './xlsx';

/** File extensions of the formats. */
export const FORMAT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  docx: '.docx',
  xlsx: '.xlsx',
  csv: '.csv',
  md: '.md',
  tex: '.tex',
  html: '.html',
  json: '.json',
};

/** MIME types of the formats, for downloads. */
export const FORMAT_TYPES: Readonly<Record<ExportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  tex: 'application/x-tex; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Whether a format has real footnotes (the others list the notes after the table or inline). */
export function hasNativeFootnotes(format: ExportFormat): boolean {
  return format === 'docx' || format === 'tex';
}

/** Render a document in `format`; JSON is the caller's own model, given as `json`. */
export async function renderDocument(doc: ExportDoc, format: ExportFormat, json: unknown): Promise<Uint8Array> {
  switch (format) {
    case 'docx':
      return writeDocx(doc);
    case 'xlsx':
      return writeXlsx(doc);
    case 'csv':
      return writeCsv(doc);
    case 'md':
      return writeMarkdown(doc);
    case 'tex':
      return writeLatex(doc);
    case 'html':
      return writeHtml(doc);
    case 'json':
      return new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`);
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}
