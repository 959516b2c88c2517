import { z } from 'zod';
import { method } from '../define';
import { FilePath, Id } from '../limits';
import { ImportSource } from './documents';

/** How imported code-tree depths become Gioia levels (see shared/refi/levels.ts). */
export const LevelMappingSchema = z.union([
  z.strictObject({ kind: z.literal('auto') }),
  z.strictObject({ kind: z.literal('unplaced') }),
  z.strictObject({
    kind: z.literal('depths'),
    dimension: z.number().int().min(1).max(100).nullable(),
    theme: z.number().int().min(1).max(100).nullable(),
    concept: z.number().int().min(1).max(100).nullable(),
  }),
]);

/** Who wins when an object with the same GUID differs: the project as it is ('keep') or the file ('replace'). */
export const ConflictChoice = z.enum(['keep', 'replace']);

const ImportOptions = {
  /** Default `{kind: 'auto'}`. */
  levels: LevelMappingSchema.optional(),
  /** Default 'keep': conflicts are resolved in favour of the existing project. */
  onConflict: ConflictChoice.optional(),
  /** Per-GUID choices that override `onConflict` (from the preview's conflict list). */
  resolve: z.record(Id, ConflictChoice).optional(),
};

/** What kinds of objects an import counts. */
export interface RefiCounts {
  readonly users: number;
  readonly codes: number;
  readonly documents: number;
  readonly codings: number;
  readonly informants: number;
  readonly cases: number;
  readonly memos: number;
}

/** An object in the file whose GUID the project already has, with different content. */
export interface RefiConflict {
  readonly kind: 'code' | 'document' | 'coding' | 'informant' | 'case' | 'memo' | 'user' | 'project';
  readonly guid: string;
  /** The object as the project names it. */
  readonly label: string;
  /** Which fields differ ("label", "text", "memo", ...). */
  readonly fields: readonly string[];
  readonly resolution: 'kept' | 'replaced';
}

/** Something in the file that was not imported, how much of it, and why. */
export interface RefiLoss {
  readonly kind: string;
  readonly count: number;
  readonly reason: string;
  /** A few names or positions, to find them in the other tool. */
  readonly examples: readonly string[];
}

/** What happened to one text source, including how its positions were read. */
export interface RefiSourceReport {
  readonly guid: string;
  readonly name: string;
  readonly status: 'imported' | 'matched' | 'missing' | 'kept' | 'replaced';
  readonly documentId: string | null;
  readonly textFrom: 'txt' | 'docx' | 'inline' | null;
  /** How the file's positions were read, e.g. "UTF-16 code units, line breaks as written". */
  readonly offsets: string | null;
  readonly offsetUnit: 'codepoint' | 'utf16' | null;
  readonly lineBreaks: 'as-written' | 'crlf-as-one' | null;
  /** Share of selection boundaries on word boundaries under that reading (0..1), null without selections. */
  readonly offsetScore: number | null;
  readonly selections: number;
  readonly codings: number;
  /** Speaker labels moved from the text into turns. */
  readonly speakerLabels: readonly string[];
  readonly note: string | null;
}

/** The result (or, from `refi.inspect`, the preview) of a REFI-QDA import. */
export interface RefiImportReport {
  readonly file: string;
  readonly format: 'qdpx' | 'qde' | 'qdc';
  readonly origin: string;
  /** True when the file is a Stige export whose own data (levels, turns, quotes) was used. */
  readonly stigeData: boolean;
  readonly dryRun: boolean;
  readonly levels: {
    readonly rule: string;
    readonly depth: number;
    /** Codes per depth of the file's tree, depth 1 first. */
    readonly perDepth: readonly number[];
    /** A few code names per depth (for the level-mapping dialog). */
    readonly examples: readonly (readonly string[])[];
    readonly placed: { readonly dimension: number; readonly theme: number; readonly concept: number; readonly unplaced: number };
    /** Codes lifted out of their original parent because the Gioia rules did not allow it (original_path keeps where they were). */
    readonly detached: number;
  };
  /** New objects added. */
  readonly imported: RefiCounts;
  /** Objects already in the project (same GUID, or same text / name) that were matched. */
  readonly matched: RefiCounts;
  readonly conflicts: readonly RefiConflict[];
  readonly sources: readonly RefiSourceReport[];
  readonly notImported: readonly RefiLoss[];
  readonly warnings: readonly string[];
  /** The undo step's label ("Import “x.qdpx”"), null for a preview or when nothing changed. */
  readonly undoLabel: string | null;
}

/** What an export wrote. */
export interface RefiExportResult {
  /** Where the file was written (absolute), or null for a download. */
  readonly path: string | null;
  /** For `download: true`: GET this URL (with the usual token) to fetch the file once. */
  readonly downloadUrl: string | null;
  readonly fileName: string;
  readonly bytes: number;
  readonly counts: {
    readonly users: number;
    readonly codes: number;
    readonly documents: number;
    readonly selections: number;
    readonly codings: number;
    readonly notes: number;
    readonly cases: number;
    readonly originals: number;
  };
  readonly warnings: readonly string[];
}

const ExportTarget = z.union([
  z.strictObject({ path: FilePath, overwrite: z.boolean().optional(), includeRealNames: z.boolean().optional() }),
  z.strictObject({ download: z.literal(true), fileName: z.string().min(1).max(200).optional(), includeRealNames: z.boolean().optional() }),
]);

export const refiMethods = {
  /**
   * Read a .qdpx, .qde or .qdc and report what importing it would do (counts, code-tree depths for
   * the level mapping, conflicts with the open project, what cannot be imported), changing nothing.
   * An upload is not consumed. Errors: NO_PROJECT, IMPORT (not a REFI file, damaged, zip bomb), NOT_FOUND, FORBIDDEN.
   */
  'refi.inspect': method(z.strictObject({ source: ImportSource, ...ImportOptions })).returns<RefiImportReport>(),
  /**
   * Import a REFI-QDA project (.qdpx, bare .qde) or codebook (.qdc) into the open project as one
   * undoable step, merging by GUID. Errors: NO_PROJECT, IMPORT (nothing changed), VALIDATION, NOT_FOUND, FORBIDDEN.
   */
  'refi.import': method(z.strictObject({ source: ImportSource, ...ImportOptions })).returns<RefiImportReport>(),
  /**
   * Export the open project as a .qdpx (QDA-XML 1.0, valid against Project-mrt2019.xsd) to `path`
   * (over HTTP: inside the projects folder), or, with `download: true`, for one download. Errors:
   * NO_PROJECT, FORBIDDEN, CONFLICT (the file exists and `overwrite` is not set), VALIDATION.
   */
  'refi.exportProject': method(ExportTarget).returns<RefiExportResult>(),
  /**
   * Export the open project's codebook as a .qdc (valid against Codebook.xsd), levels as sets.
   * Errors: NO_PROJECT, FORBIDDEN, CONFLICT (no codes, or the file exists), VALIDATION.
   */
  'refi.exportCodebook': method(ExportTarget).returns<RefiExportResult>(),
};
