import JSZip from 'jszip';
import { AppError } from '../../../shared/api/errors';

/** Limits on what a zip-based document (docx, odt, ods, xlsx) may unpack to. */
export const ZIP_LIMITS = {
  /** All entries together, uncompressed. */
  totalBytes: 512 * 1024 * 1024,
  /** One entry, uncompressed. */
  entryBytes: 256 * 1024 * 1024,
  entries: 20_000,
  /** Compression ratio above which a large entry is taken for a zip bomb (text compresses ~10×). */
  ratio: 200,
  /** Entries smaller than this are never judged by their ratio. */
  ratioFloor: 4 * 1024 * 1024,
} as const;

/** One entry as the central directory describes it. */
export interface ZipEntryInfo {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;

/** True when the bytes start like a zip archive (local file header or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/**
 * Read a zip's central directory without unpacking anything: the entries with their declared
 * sizes (zip64 included). Throws IMPORT when the archive is truncated or damaged.
 */
export function readCentralDirectory(bytes: Uint8Array, fileName: string): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (why: string) => new AppError('IMPORT', `${fileName} is a damaged zip archive (${why})`, { file: fileName });
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i -= 1) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('no end of central directory; the file may be truncated');
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === EOCD64_LOCATOR) {
    const at = Number(view.getBigUint64(eocd - 20 + 8, true));
    if (at + 56 > bytes.length || view.getUint32(at, true) !== EOCD64) throw damaged('bad zip64 directory');
    count = Number(view.getBigUint64(at + 32, true));
    size = Number(view.getBigUint64(at + 40, true));
    offset = Number(view.getBigUint64(at + 48, true));
  }
  if (count > ZIP_LIMITS.entries) {
    throw new AppError('IMPORT', `${fileName} holds ${count} files; a document holds far fewer (refused as a possible zip bomb)`, { file: fileName });
  }
  if (offset + size > bytes.length) throw damaged('the central directory lies outside the file');
  const entries: ZipEntryInfo[] = [];
  let at = offset;
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw damaged(`entry ${n + 1} of the central directory is unreadable`);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // zip64: sizes that do not fit in 32 bits are in extra field 0x0001, uncompressed first.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd && extraEnd <= bytes.length) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        if (uncompressedSize === 0xffffffff && field + 8 <= extraEnd) {
          uncompressedSize = Number(view.getBigUint64(field, true));
          field += 8;
        }
        if (compressedSize === 0xffffffff && field + 8 <= extraEnd) compressedSize = Number(view.getBigUint64(field, true));
      }
      extra += 4 + length;
    }
    entries.push({ name, compressedSize, uncompressedSize });
    at = extraEnd + commentLength;
  }
  return entries;
}

/**
 * Refuse archives that would unpack to too much: checked in the central directory before anything
 * is decompressed (a zip bomb declares its sizes there, or lies and is caught while reading).
 */
export function assertSafeZip(bytes: Uint8Array, fileName: string): ZipEntryInfo[] {
  const entries = readCentralDirectory(bytes, fileName);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > ZIP_LIMITS.entryBytes || (entry.uncompressedSize > ZIP_LIMITS.ratioFloor && ratio > ZIP_LIMITS.ratio)) {
      throw new AppError(
        'IMPORT',
        `${fileName} would unpack “${entry.name}” to ${megabytes(entry.uncompressedSize)} from ${megabytes(entry.compressedSize)} (refused as a possible zip bomb)`,
        { file: fileName, entry: entry.name },
      );
    }
  }
  if (total > ZIP_LIMITS.totalBytes) {
    throw new AppError('IMPORT', `${fileName} would unpack to ${megabytes(total)} (refused as a possible zip bomb)`, { file: fileName });
  }
  return entries;
}

function megabytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(0)} MB` : `${Math.ceil(n / 1024)} kB`;
}

/** Check an archive and open it with JSZip (which decompresses entries only when read). */
export async function openZip(bytes: Uint8Array, fileName: string, what: string): Promise<{ zip: JSZip; entries: ZipEntryInfo[] }> {
  if (!looksLikeZip(bytes)) {
    throw new AppError('IMPORT', `${fileName} is not a ${what}: it is not a zip archive (it may be damaged, or another kind of file renamed)`, { file: fileName });
  }
  const entries = assertSafeZip(bytes, fileName);
  try {
    return { zip: await JSZip.loadAsync(bytes, { checkCRC32: false }), entries };
  } catch (error) {
    throw new AppError('IMPORT', `${fileName} is a damaged zip archive (${error instanceof Error ? error.message : String(error)})`, { file: fileName });
  }
}

/**
 * The text of one entry, decompressed with a running count so an entry that lies about its size
 * is stopped at the limit.
 */
export async function readZipText(zip: JSZip, entry: string, fileName: string, declared: readonly ZipEntryInfo[]): Promise<string | null> {
  const file = zip.file(entry);
  if (!file) return null;
  const limit = Math.min(ZIP_LIMITS.entryBytes, (declared.find((e) => e.name === entry)?.uncompressedSize ?? ZIP_LIMITS.entryBytes) + 1024);
  const chunks: Uint8Array[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const stream = file.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.pause();
        stream.destroy?.();
        reject(new AppError('IMPORT', `${fileName}: “${entry}” unpacks to more than its declared size (refused as a possible zip bomb)`, { file: fileName }));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (error: Error) => reject(new AppError('IMPORT', `${fileName}: “${entry}” cannot be unpacked (${error.message})`, { file: fileName })));
    stream.on('end', () => resolve());
  });
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}
