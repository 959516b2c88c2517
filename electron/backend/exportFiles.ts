import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/errors';
import type { ExportedFile } from '../../shared/api/exportTarget';
import type { ParsedArgsOf } from '../../shared/api/contract';
import type { HandlerContext } from './handlerTypes';

/** An export's destination as validated by the contract. */
export type Destination = ParsedArgsOf<'structure.export'>['destination'];

/** One produced file before it is delivered: `part` numbers the files of a split export. */
export interface ProducedFile {
  readonly part: number | null;
  readonly extension: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

/** The file name for a part: `name.ext`, or `name-2.ext` for part 2 of a split export. */
function partName(base: string, extension: string, part: number | null): string {
  const given = path.extname(base);
  const stem = given ? base.slice(0, -given.length) : base;
  const ext = given || extension;
  return part === null ? `${stem}${ext}` : `${stem}-${part}${ext}`;
}

/**
 * Write produced files to the destination path (each written to a temporary name and renamed, so
 * a failed export never leaves half a file), or return them inline as base64. Over HTTP the path
 * must be inside the projects folder. `defaultName` names inline files.
 */
export function deliver(ctx: HandlerContext, destination: Destination, defaultName: string, files: readonly ProducedFile[]): ExportedFile[] {
  if ('inline' in destination) {
    return files.map((f) => ({
      name: partName(defaultName, f.extension, f.part),
      mime: f.mime,
      bytes: f.bytes.byteLength,
      path: null,
      data: Buffer.from(f.bytes).toString('base64'),
    }));
  }
  const target = ctx.backend.resolvePath(destination.path, ctx.transport);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new AppError('NOT_FOUND', `The folder ${dir} does not exist`);
  return files.map((f) => {
    const file = path.join(dir, partName(path.basename(target), f.extension, f.part));
    const temp = `${file}.tmp-${process.pid}`;
    try {
      fs.writeFileSync(temp, f.bytes);
      fs.renameSync(temp, file);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw new AppError('VALIDATION', `Cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { name: path.basename(file), mime: f.mime, bytes: f.bytes.byteLength, path: file, data: null };
  });
}
