import { z } from 'zod';
import { FilePath } from './limits';

/**
 * Where an export goes: a file path (Electron's save dialog, the CLI; over HTTP a path inside the
 * projects folder), or `inline` to get the bytes back as base64 (browser mode downloads them).
 */
export const ExportDestination = z.union([z.strictObject({ path: FilePath }), z.strictObject({ inline: z.literal(true) })]);

/** One file an export produced. */
export interface ExportedFile {
  /** File name (with extension). */
  readonly name: string;
  readonly mime: string;
  /** Size in bytes. */
  readonly bytes: number;
  /** Where it was written, or null when returned inline. */
  readonly path: string | null;
  /** The bytes as base64 when returned inline, else null. */
  readonly data: string | null;
}

/** What an export produced (several files when a figure is split into one file per dimension). */
export interface ExportResult {
  readonly files: readonly ExportedFile[];
  readonly warnings: readonly string[];
}
