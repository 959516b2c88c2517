import { z } from 'zod';
import { method } from '../define';
import { ExportDestination, type ExportResult } from '../exportTarget';
import type { CodebookFormat } from '../../codebook/model';
import { ImportSource } from './documents';

/** What happened to one codebook file. */
export interface CodebookImportFile {
  readonly name: string;
  readonly status: 'imported' | 'failed';
  readonly format: CodebookFormat | null;
  /** Codes created, per level. */
  readonly created: { readonly concept: number; readonly theme: number; readonly dimension: number };
  /** Codes that already existed (same label, same level) and were reused. */
  readonly reused: number;
  readonly warnings: readonly string[];
  /** Why it failed (naming the file and, where known, the line), else null. */
  readonly reason: string | null;
}

export const codebookMethods = {
  /**
   * Whether a file is a codebook, judged by its content: Gioia JSON, a CSV/TSV/XLSX table whose
   * header names the levels, or QualCoder's plain `category>>code` format; null format when not
   * (e.g. a transcript). Errors: NO_PROJECT, NOT_FOUND, FORBIDDEN.
   */
  'codebook.detect': method(z.strictObject({ source: ImportSource })).returns<{ readonly format: CodebookFormat | null }>(),
  /**
   * Import codebook files, each as its own transaction and undo step: dimensions, themes and
   * concepts with definitions (and, from Gioia JSON, informant terms and example quotes in the
   * memo). A label already on the same level is reused (and linked if it had no group); a label on
   * another level fails that file, changing nothing. `explicit` (the user said these are codebooks)
   * also accepts a headerless CSV (dimension, theme, concept, definition) and a flat code list.
   * Errors: NO_PROJECT, VALIDATION; per-file failures are in the report.
   */
  'codebook.import': method(z.strictObject({ sources: z.array(ImportSource).min(1).max(100), explicit: z.boolean().optional() })).returns<{
    readonly files: readonly CodebookImportFile[];
  }>(),
  /**
   * Export the codebook with definitions and counts (codings, informants, representative quotes):
   * CSV (UTF-8 with BOM), XLSX, Markdown or Word (.docx table); columns named with the project's
   * level names, so the CSV/XLSX reads back through `codebook.import`.
   * Errors: NO_PROJECT, FORBIDDEN, NOT_FOUND (folder).
   */
  'codebook.export': method(z.strictObject({ format: z.enum(['csv', 'xlsx', 'md', 'docx']), destination: ExportDestination })).returns<ExportResult>(),
};
