import JSZip from 'jszip';
import { AppError } from '../../../shared/api/errors';

/** Limits on a zip's central directory. */
export interface ZipLimits {
  readonly entries: number;
  readonly totalBytes: number;
  readonly entryBytes: number;
  readonly ratio: number;
}

/** Limits on what a .qdpx may unpack to (checked in the central directory before anything is inflated). */
export const ZIP_LIMITS: ZipLimits = {
  entries: 20_000,
  /** Total uncompressed bytes. */
  totalBytes: 2 * 1024 * 1024 * 1024,
  /** Uncompressed bytes of one entry. */
  entryBytes: 1024 * 1024 * 1024,
  /** Uncompressed / compressed size beyond which an entry is treated as a zip bomb. */
  ratio: 200,
};

/** One entry as the central directory declares it. */
export interface ZipEntryInfo {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly directory: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** True when the bytes start like a zip file (local header, or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/**
 * The entries a zip's central directory declares, read without inflating anything. Throws IMPORT
 * for a file that is not a zip, is damaged, or declares more than `limits` allow (a zip bomb).
 */
export function zipDirectory(bytes: Uint8Array, fileName: string, limits: ZipLimits = ZIP_LIMITS): ZipEntryInfo[] {
  if (!looksLikeZip(bytes)) throw new AppError('IMPORT', `${fileName} is not a zip archive, so it is not a .qdpx file`, { file: fileName });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new AppError('IMPORT', `${fileName} is a damaged zip archive (its central directory is missing; the file may be truncated)`, { file: fileName });
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    throw new AppError('IMPORT', `${fileName} is a ZIP64 archive; REFI-QDA projects of that size cannot be imported`, { file: fileName });
  }
  if (offset + size > bytes.length) throw new AppError('IMPORT', `${fileName} is a damaged zip archive (its central directory points past the end)`, { file: fileName });
  if (count > limits.entries) throw new AppError('IMPORT', `${fileName} holds ${count} files; more than ${limits.entries} is not a REFI-QDA project`, { file: fileName });
  const entries: ZipEntryInfo[] = [];
  let at = offset;
  let total = 0;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) {
      throw new AppError('IMPORT', `${fileName} is a damaged zip archive (entry ${i + 1} of its central directory is unreadable)`, { file: fileName });
    }
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) {
      throw new AppError('IMPORT', `${fileName}: ${name} is stored as ZIP64; entries that large cannot be imported`, { file: fileName });
    }
    if (uncompressedSize > limits.entryBytes) {
      throw new AppError('IMPORT', `${fileName}: ${name} would unpack to ${megabytes(uncompressedSize)}; the limit is ${megabytes(limits.entryBytes)}`, { file: fileName });
    }
    if (uncompressedSize > 1024 * 1024 && uncompressedSize > compressedSize * limits.ratio) {
      throw new AppError('IMPORT', `${fileName}: ${name} would unpack to ${megabytes(uncompressedSize)} from ${megabytes(compressedSize)} — a zip bomb, not a REFI-QDA project`, { file: fileName });
    }
    total += uncompressedSize;
    if (total > limits.totalBytes) {
      throw new AppError('IMPORT', `${fileName} would unpack to more than ${megabytes(limits.totalBytes)}; it was not opened`, { file: fileName });
    }
    entries.push({ name, compressedSize, uncompressedSize, directory: name.endsWith('/') });
  }
  return entries;
}

/** A checked, opened archive whose entries are inflated on demand, each no larger than declared. */
export interface SafeZip {
  readonly entries: readonly ZipEntryInfo[];
  /** The bytes of entry `name` (exact name), or null when there is no such entry. */
  read(name: string): Promise<Uint8Array | null>;
}

/** Check the central directory, then open the archive with JSZip. */
export async function openZip(bytes: Uint8Array, fileName: string, limits: ZipLimits = ZIP_LIMITS): Promise<SafeZip> {
  const entries = zipDirectory(bytes, fileName, limits);
  let zip: JSZip;
  try {
    // No checkCRC32: it would inflate every entry while loading, before the size guard below can stop a liar.
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new AppError('IMPORT', `${fileName} is a damaged zip archive (${error instanceof Error ? error.message : String(error)})`, { file: fileName });
  }
  const declared = new Map(entries.map((e) => [e.name, e.uncompressedSize]));
  return {
    entries,
    async read(name) {
      const file = zip.file(name);
      if (!file) return null;
      const limit = declared.get(name) ?? 0;
      return inflateWithin(file, limit, `${fileName}: ${name}`);
    },
  };
}

/** Inflate one entry, stopping as soon as it exceeds its declared size (a lying central directory). */
function inflateWithin(file: JSZip.JSZipObject, limit: number, what: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const stream = file.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
    stream.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        stream.pause();
        stream.destroy?.();
        reject(new AppError('IMPORT', `${what} unpacks to more than the ${limit} bytes its zip directory declares; the archive is damaged or hostile`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (error: Error) => {
      if (!failed) reject(new AppError('IMPORT', `${what} cannot be unpacked (${error.message})`));
      failed = true;
    });
    stream.on('end', () => {
      if (!failed) resolve(new Uint8Array(Buffer.concat(chunks)));
    });
  });
}

/** Write a zip of `files` (path → bytes or text), deflated, with a fixed date so equal content gives equal bytes. */
export async function writeZip(files: ReadonlyMap<string, Uint8Array | string>): Promise<Uint8Array> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2020, 0, 1));
  for (const [name, content] of files) zip.file(name, content, { date, createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
