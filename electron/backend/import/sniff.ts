import { looksLikeZip } from './zip';

/** What a file's first bytes say it is, whatever its name. */
export type Sniffed =
  | { readonly kind: 'zip' }
  | { readonly kind: 'pdf' }
  | { readonly kind: 'rtf' }
  | { readonly kind: 'ole' }
  | { readonly kind: 'media'; readonly what: string }
  | { readonly kind: 'text' };

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** Images, audio and video: never transcripts, named so the message can say what the file is. */
const MEDIA: readonly { readonly what: string; readonly test: (b: Uint8Array) => boolean }[] = [
  { what: 'a PNG image', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { what: 'a JPEG image', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { what: 'a GIF image', test: (b) => ascii(b, 0, 4) === 'GIF8' },
  { what: 'a WebP image', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP' },
  { what: 'a WAV recording', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WAVE' },
  { what: 'an AVI video', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'AVI ' },
  { what: 'a BMP image', test: (b) => ascii(b, 0, 2) === 'BM' && b.length > 26 && b[14]! >= 12 && b[15] === 0 && b[6] === 0 && b[7] === 0 },
  { what: 'a TIFF image', test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { what: 'an HEIC image', test: (b) => ascii(b, 4, 4) === 'ftyp' && /^(heic|heix|mif1|msf1|avif)$/.test(ascii(b, 8, 4)) },
  { what: 'an MP4/M4A recording', test: (b) => ascii(b, 4, 4) === 'ftyp' },
  { what: 'an MP3 recording', test: (b) => ascii(b, 0, 3) === 'ID3' || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0 && b.length > 3 && (b[1]! & 0x06) !== 0) },
  { what: 'an Ogg recording', test: (b) => ascii(b, 0, 4) === 'OggS' },
  { what: 'a FLAC recording', test: (b) => ascii(b, 0, 4) === 'fLaC' },
  { what: 'a WebM/Matroska video', test: (b) => startsWith(b, [0x1a, 0x45, 0xdf, 0xa3]) },
  { what: 'a gzip archive', test: (b) => startsWith(b, [0x1f, 0x8b]) },
  { what: 'a 7-Zip archive', test: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { what: 'a RAR archive', test: (b) => ascii(b, 0, 4) === 'Rar!' },
  { what: 'an SQLite database', test: (b) => ascii(b, 0, 15) === 'SQLite format 3' },
  { what: 'a program', test: (b) => ascii(b, 0, 2) === 'MZ' || startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) },
];

/** Identify a file by its first bytes. */
export function sniff(bytes: Uint8Array): Sniffed {
  // Byte-order marks first: UTF-16 LE text starts FF FE, which would otherwise pass for MP3 sync bits.
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { kind: 'text' };
  if (looksLikeZip(bytes)) return { kind: 'zip' };
  // A PDF may have a few bytes of junk before its header (the spec allows 1024).
  if (/^[^]{0,1024}?%PDF-\d/.test(ascii(bytes, 0, Math.min(bytes.length, 1030)))) return { kind: 'pdf' };
  if (ascii(bytes, 0, 5) === '{\\rtf') return { kind: 'rtf' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole' };
  for (const media of MEDIA) if (media.test(bytes)) return { kind: 'media', what: media.what };
  return { kind: 'text' };
}
