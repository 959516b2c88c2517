import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import type { ExportDestination, ExportedFile } from '../../shared/api/exportTarget';
import type { HandlerContext } from './handlerTypes';

// Delivering an export's bytes: to a file (written to a temporary name and renamed, so a failed
// export never leaves half a file; over HTTP only inside the projects folder), or inline as base64
// for browser-mode downloads. (The same rules as the figure's exporter; they can share one module.)

/** An export destination as the contract validated it. */
export type Destination = z.output<typeof ExportDestination>;

/** MIME types of the table formats. */
export const TABLE_MIME = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** A name safe on every file system, from a title. */
export function safeFileName(title: string, fallback: string): string {
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 120) || fallback;
}

/** Write `bytes` to the destination, or return them inline named `defaultName` + `extension`. */
export function deliverFile(ctx: HandlerContext, destination: Destination, defaultName: string, extension: string, mime: string, bytes: Uint8Array): ExportedFile {
  if ('inline' in destination) {
    return { name: `${defaultName}${extension}`, mime, bytes: bytes.byteLength, path: null, data: Buffer.from(bytes).toString('base64') };
  }
  const target = ctx.backend.resolvePath(destination.path, ctx.transport);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new AppError('NOT_FOUND', `The folder ${dir} does not exist`);
  const temp = `${target}.tmp-${process.pid}`;
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new AppError('VALIDATION', `Cannot write ${target}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { name: path.basename(target), mime, bytes: bytes.byteLength, path: target, data: null };
}
