import iconv from 'iconv-lite';
import { AppError } from '../../../shared/api/errors';

/** The text encodings Stige reads, as detected. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Decode a text file's bytes: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and, when the
 * bytes are not valid UTF-8, Windows-1252 (what Word and Notepad on Norwegian Windows wrote for
 * years). Refuses binary files with a message naming the file.
 */
export function decodeText(bytes: Uint8Array, fileName: string): { text: string; encoding: TextEncoding } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let decoded: { text: string; encoding: TextEncoding };
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    decoded = { text: buffer.subarray(3).toString('utf8'), encoding: 'utf-8' };
  } else if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    decoded = { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  } else if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    decoded = { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  } else {
    const utf16 = bomlessUtf16(buffer);
    if (utf16) decoded = { text: iconv.decode(buffer, utf16), encoding: utf16 };
    else {
      try {
        decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
      } catch {
        decoded = { text: iconv.decode(buffer, 'windows-1252'), encoding: 'windows-1252' };
      }
    }
  }
  assertLooksLikeText(decoded.text, fileName);
  return decoded;
}

/** UTF-16 without a BOM shows as a NUL in every other byte of ASCII text. */
function bomlessUtf16(buffer: Buffer): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(buffer.length - (buffer.length % 2), 4096);
  if (sample < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (buffer[i] === 0) evenNul += 1;
    if (buffer[i + 1] === 0) oddNul += 1;
  }
  const pairs = sample / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Refuse text with NULs or many control characters: a binary file given a text name. */
export function assertLooksLikeText(text: string, fileName: string): void {
  if (text.trim().length === 0) throw new AppError('IMPORT', `${fileName} is empty`, { file: fileName });
  const sample = text.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const c = sample.charCodeAt(i);
    if (c === 0) throw new AppError('IMPORT', `${fileName} is not a text file (it contains binary data)`, { file: fileName });
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control += 1;
  }
  if (control > sample.length * 0.02 + 2) {
    throw new AppError('IMPORT', `${fileName} is not a text file (it contains binary data)`, { file: fileName });
  }
}
