import mammoth from 'mammoth';
import { AppError } from '../../../shared/api/errors';
import { parseRefiXml } from '../../../shared/refi/parse';
import type { RefiFile, RefiTextSource } from '../../../shared/refi/types';
import { decodeText } from '../import/decode';
import { openZip, looksLikeZip, type SafeZip } from './zip';

/** Where a source's text came from. */
export type TextOrigin = 'txt' | 'docx' | 'inline';

/** The text of one source as read from the exchange file, or why there is none. */
export interface SourceText {
  /** The plain text as written (line endings kept), without a byte-order mark; null when missing. */
  readonly raw: string | null;
  readonly hadBom: boolean;
  readonly from: TextOrigin | null;
  /** The original file (the .docx, .pdf, else the .txt) to keep with the document. */
  readonly original: { readonly bytes: Uint8Array; readonly name: string; readonly format: string } | null;
  /** Why there is no text, naming the file that was looked for. */
  readonly missing: string | null;
}

/** A REFI-QDA file, read and checked, with every text it carries. */
export interface LoadedRefi {
  readonly fileName: string;
  readonly format: 'qdpx' | 'qde' | 'qdc';
  readonly file: RefiFile;
  readonly texts: ReadonlyMap<string, SourceText>;
  /** Note texts kept in files (`plainTextPath` on a note), by note GUID. */
  readonly noteTexts: ReadonlyMap<string, string>;
}

/**
 * Read a .qdpx (zip with project.qde and sources/), a bare .qde or a .qdc. The format comes from
 * the content (a zip is a .qdpx whatever its name). Throws IMPORT with a specific message for a
 * file that is none of these or is damaged; nothing is written anywhere.
 */
export async function readRefiInput(bytes: Uint8Array, fileName: string): Promise<LoadedRefi> {
  if (looksLikeZip(bytes)) return readQdpx(bytes, fileName);
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.qdpx')) throw new AppError('IMPORT', `${fileName} is not a zip archive, so it is not a .qdpx file (it may be damaged or renamed)`, { file: fileName });
  const xml = decodeXml(bytes, fileName);
  const file = parseRefiXml(xml, fileName);
  const format = file.kind === 'codebook' ? 'qdc' : 'qde';
  const texts = new Map<string, SourceText>();
  for (const source of file.textSources) texts.set(source.guid, inlineOnly(source, 'a bare .qde carries no source files'));
  return { fileName, format, file, texts, noteTexts: new Map() };
}

async function readQdpx(bytes: Uint8Array, fileName: string): Promise<LoadedRefi> {
  const zip = await openZip(bytes, fileName);
  const qdeEntries = zip.entries.filter((e) => !e.directory && !e.name.includes('/') && e.name.toLowerCase().endsWith('.qde'));
  const qdeEntry = qdeEntries.find((e) => e.name.toLowerCase() === 'project.qde') ?? qdeEntries[0];
  if (!qdeEntry) throw new AppError('IMPORT', `${fileName} is a zip archive without a project.qde, so it is not a REFI-QDA project`, { file: fileName });
  const qdeBytes = await zip.read(qdeEntry.name);
  const file = parseRefiXml(decodeXml(qdeBytes!, `${fileName}: ${qdeEntry.name}`), `${fileName}: ${qdeEntry.name}`);
  if (file.kind !== 'project') throw new AppError('IMPORT', `${fileName}: ${qdeEntry.name} is a codebook, not a project`, { file: fileName });
  const byLowerName = new Map(zip.entries.filter((e) => !e.directory).map((e) => [e.name.toLowerCase(), e.name]));
  const find = (path: string | null): string | null => {
    if (!path) return null;
    const internal = /^internal:\/\//i.test(path);
    if (!internal && /^[a-z]+:\/\//i.test(path)) return null;
    const name = path.replace(/^internal:\/\//i, '').replace(/^\/+/, '');
    return byLowerName.get(`sources/${name}`.toLowerCase()) ?? byLowerName.get(name.toLowerCase()) ?? null;
  };
  const texts = new Map<string, SourceText>();
  for (const source of file.textSources) texts.set(source.guid, await readSourceText(zip, source, find, fileName));
  const noteTexts = new Map<string, string>();
  for (const note of file.notes) {
    if (note.plainTextContent !== null || !note.plainTextPath) continue;
    const entry = find(note.plainTextPath);
    const noteBytes = entry ? await zip.read(entry) : null;
    if (noteBytes) noteTexts.set(note.guid, decodeLoose(noteBytes));
  }
  return { fileName, format: 'qdpx', file, texts, noteTexts };
}

async function readSourceText(zip: SafeZip, source: RefiTextSource, find: (path: string | null) => string | null, fileName: string): Promise<SourceText> {
  const originalEntry = find(source.originalPath) ?? find(source.richTextPath);
  const originalBytes = originalEntry ? await zip.read(originalEntry) : null;
  const original = originalBytes && originalEntry ? { bytes: originalBytes, name: originalEntry.replace(/^.*\//, ''), format: originalEntry.replace(/^.*\./, '').toLowerCase() } : null;
  if (source.plainTextContent !== null && source.plainTextContent.trim()) {
    return { raw: source.plainTextContent, hadBom: false, from: 'inline', original, missing: null };
  }
  const txtEntry = find(source.plainTextPath);
  const txtBytes = txtEntry ? await zip.read(txtEntry) : null;
  if (txtBytes && txtBytes.byteLength > 0) {
    const hadBom = txtBytes[0] === 0xef && txtBytes[1] === 0xbb && txtBytes[2] === 0xbf;
    try {
      const { text } = decodeText(txtBytes, `${fileName}: ${txtEntry}`);
      return { raw: text, hadBom, from: 'txt', original: original ?? { bytes: txtBytes, name: txtEntry!.replace(/^.*\//, ''), format: 'txt' }, missing: null };
    } catch (error) {
      // An empty plain text (NVivo for Mac writes one newline) falls through to the .docx.
      if (!(error instanceof AppError) || !/is empty/.test(error.message)) throw error;
    }
  }
  let emptyDocx = false;
  if (originalBytes && original?.format === 'docx') {
    try {
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(originalBytes) });
      if (value.trim()) return { raw: value, hadBom: false, from: 'docx', original, missing: null };
      emptyDocx = true;
    } catch (error) {
      return { raw: null, hadBom: false, from: null, original, missing: `${originalEntry} cannot be read as a Word document (${error instanceof Error ? error.message : String(error)})` };
    }
  }
  const wanted = source.plainTextPath ?? source.richTextPath ?? '(no file named)';
  const external = /^(relative|absolute):\/\//i.test(wanted);
  return {
    raw: null,
    hadBom: false,
    from: null,
    original,
    missing: external
      ? `${wanted} is outside the archive and was not sent with it`
      : txtEntry
        ? `${txtEntry} is empty${emptyDocx ? ` and ${originalEntry} has no text either` : ''}`
        : `${wanted} is not in the archive`,
  };
}

function inlineOnly(source: RefiTextSource, why: string): SourceText {
  if (source.plainTextContent !== null && source.plainTextContent.trim()) return { raw: source.plainTextContent, hadBom: false, from: 'inline', original: null, missing: null };
  return { raw: null, hadBom: false, from: null, original: null, missing: `${source.plainTextPath ?? source.richTextPath ?? 'its text'}: ${why}` };
}

function decodeXml(bytes: Uint8Array, fileName: string): string {
  if (bytes.byteLength === 0) throw new AppError('IMPORT', `${fileName} is empty`, { file: fileName });
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('IMPORT', `${fileName} is not UTF-8 text, so it is not a REFI-QDA file`, { file: fileName });
  }
}

function decodeLoose(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
