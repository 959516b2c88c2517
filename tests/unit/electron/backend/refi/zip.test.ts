import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/api/errors';
import { openZip, writeZip, zipDirectory, ZIP_LIMITS } from '../../../../../electron/backend/refi/zip';

async function zipOf(files: Record<string, Uint8Array | string>): Promise<Uint8Array> {
  return writeZip(new Map(Object.entries(files)));
}

function expectImportError(fn: () => unknown, message: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IMPORT');
    expect((error as AppError).message).toMatch(message);
    return;
  }
  throw new Error('expected an IMPORT error');
}

describe('zip safety', () => {
  it('lists entries from the central directory and reads them back', async () => {
    const bytes = await zipOf({ 'project.qde': '<Project/>', 'sources/a.txt': 'Æøå 👍' });
    expect(zipDirectory(bytes, 'x.qdpx').map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['project.qde', 10],
      ['sources/a.txt', Buffer.byteLength('Æøå 👍')],
    ]);
    const zip = await openZip(bytes, 'x.qdpx');
    expect(new TextDecoder().decode((await zip.read('sources/a.txt'))!)).toBe('Æøå 👍');
    expect(await zip.read('missing.txt')).toBeNull();
  });

  it('refuses a zip bomb before inflating anything: a 64 MB entry packed into a few kilobytes', async () => {
    const bytes = await zipOf({ 'project.qde': new Uint8Array(64 * 1024 * 1024) });
    expect(bytes.byteLength).toBeLessThan(1024 * 1024);
    expectImportError(() => zipDirectory(bytes, 'bomb.qdpx'), /bomb\.qdpx: project\.qde would unpack to 64 MB .*zip bomb/);
  });

  it('refuses archives that would unpack to more than the limits allow', async () => {
    const bytes = await zipOf({ 'a.txt': 'x'.repeat(2000), 'b.txt': 'y'.repeat(2000) });
    expectImportError(() => zipDirectory(bytes, 'big.qdpx', { ...ZIP_LIMITS, totalBytes: 3000 }), /more than 0\.0 MB/);
    expectImportError(() => zipDirectory(bytes, 'many.qdpx', { ...ZIP_LIMITS, entries: 1 }), /holds 2 files/);
  });

  it('stops inflating an entry that is larger than its central directory says (a lying archive)', async () => {
    const zip = new JSZip();
    zip.file('project.qde', 'a'.repeat(5000), { compression: 'DEFLATE' });
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // Patch the declared uncompressed size (local header offset 22, central directory offset 24) to 100.
    const view = new DataView(bytes.buffer);
    view.setUint32(22, 100, true);
    const central = bytes.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 100, true);
    const opened = await openZip(bytes, 'liar.qdpx');
    await expect(opened.read('project.qde')).rejects.toThrow(/more than the 100 bytes its zip directory declares|cannot be unpacked/);
  });

  it('refuses files that are not zips, and truncated zips, naming them', async () => {
    expectImportError(() => zipDirectory(new TextEncoder().encode('<Project/>'), 'plain.qdpx'), /plain\.qdpx is not a zip archive/);
    const bytes = await zipOf({ 'project.qde': 'x'.repeat(100) });
    expectImportError(() => zipDirectory(bytes.subarray(0, bytes.length - 30), 'cut.qdpx'), /cut\.qdpx is a damaged zip archive/);
  });

  it('writes the same bytes for the same content', async () => {
    const files = { 'project.qde': '<Project/>', 'sources/a.txt': 'a' };
    expect(Buffer.from(await zipOf(files)).equals(Buffer.from(await zipOf(files)))).toBe(true);
  });
});
