import fs from 'node:fs/promises';
import { AppError } from '../../../shared/api/errors';
import { LIMITS } from '../../../shared/api/limits';
import type { ParsedDocument } from '../../../shared/import/transcript';
import { parseFile } from './formats';
import { sha256 } from './hash';

/** What parsing one file yields: the document, the file's bytes (kept in the project) and both hashes. */
export interface ParseJobResult {
  readonly parsed: ParsedDocument;
  readonly bytes: Uint8Array;
  readonly sourceHash: string;
  readonly textHash: string;
}


/**
 * Read (with the size limit), parse and hash one file. Runs in a worker thread, so that nothing of
 * it — reading, decompressing, parsing, hashing — holds up the thread that answers API calls.
 */
export async function runParseJob(file: string, name: string): Promise<ParseJobResult> {
  let size: number;
  try {
    size = (await fs.stat(file)).size;
  } catch {
    throw new AppError('IMPORT', `${name}: the file cannot be found or read`, { file: name });
  }
  if (size > LIMITS.uploadBytes) {
    throw new AppError('IMPORT', `${name} is ${(size / 1024 / 1024).toFixed(0)} MB; files over ${LIMITS.uploadBytes / 1024 / 1024} MB cannot be imported`, { file: name });
  }
  if (size === 0) throw new AppError('IMPORT', `${name} is empty`, { file: name });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
  } catch {
    throw new AppError('IMPORT', `${name}: the file cannot be read`, { file: name });
  }
  const parsed = await parseFile(bytes, name);
  return { parsed, bytes, sourceHash: sha256(bytes), textHash: sha256(parsed.text) };
}
