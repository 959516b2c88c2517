import { z } from 'zod';
import { method } from '../define';
import { FilePath, Id, Label, LIMITS, NoArgs, Offset, ShortText } from '../limits';
import type { DocumentFull, DocumentSummary } from '../../model/types';

/** Where an imported file's bytes come from: a path (Electron, CLI) or an upload (browser mode). */
export const ImportSource = z.union([
  z.strictObject({ path: FilePath }),
  z.strictObject({ uploadId: z.string().regex(/^[a-f0-9]{32}$/, 'is not an upload id') }),
]);

/** The document kinds. */
export const DocumentKindSchema = z.enum(['interview', 'document', 'note']);

/** Mapping of a detected speaker label: an informant's label, or "@interviewer". */
export const SpeakerMapping = z.record(z.string().min(1).max(LIMITS.label), Label);

/** What happened to one file of an import. */
export interface ImportFileResult {
  readonly name: string;
  readonly status: 'imported' | 'skipped' | 'failed';
  readonly documentId: string | null;
  /** Why it was skipped or failed, naming the file and, where known, the line. */
  readonly reason: string | null;
  readonly format: string | null;
  readonly warnings: readonly string[];
  readonly speakers: readonly { readonly id: string; readonly label: string; readonly turns: number; readonly sample: string }[];
}

/** The result of importing several files; each file was its own transaction. */
export interface ImportReport {
  readonly files: readonly ImportFileResult[];
}

/** One change to a canonical text: replace `[start, end)` with `text`. */
export const TextEdit = z.strictObject({ start: Offset, end: Offset, text: z.string().max(LIMITS.shortText) });

/** Where a find-and-replace would change text. */
export interface ReplaceMatch {
  readonly documentId: string;
  readonly documentTitle: string;
  readonly start: number;
  readonly end: number;
  readonly before: string;
  readonly after: string;
}

/**
 * Arguments of pseudonymisation (find and replace across documents). `wholeWord` (default on: "Per"
 * does not touch "Persson" or "Perø"; letters of any alphabet count as word letters) and
 * `caseSensitive` (default on: "Per" does not touch the word "per").
 */
export const ReplaceArgs = z.strictObject({
  find: z.string().min(1).max(LIMITS.label),
  replace: z.string().max(LIMITS.label),
  wholeWord: z.boolean().optional(),
  caseSensitive: z.boolean().optional(),
  documentIds: z.array(Id).max(10_000).optional(),
});

export const documentsMethods = {
  /** Every document without its text, in the user's order. Errors: NO_PROJECT. */
  'documents.list': method(NoArgs).returns<readonly DocumentSummary[]>(),
  /** One document with its canonical text, speakers and turns. Errors: NO_PROJECT, NOT_FOUND. */
  'documents.get': method(z.strictObject({ id: Id })).returns<DocumentFull>(),
  /**
   * Import files as documents, each in its own transaction and undo step; one bad file never
   * affects the others. `informant` links a single-speaker document (or the whole text) to that
   * informant, created if missing, in `case` (created if missing); `speakers` maps detected labels.
   * Errors: NO_PROJECT, VALIDATION; per-file failures are in the report, not thrown.
   */
  'documents.import': method(
    z.strictObject({
      sources: z.array(ImportSource).min(1).max(1000),
      kind: DocumentKindSchema.optional(),
      title: Label.optional(),
      informant: Label.optional(),
      case: Label.optional(),
      speakers: SpeakerMapping.optional(),
    }),
  ).returns<ImportReport>(),
  /** Change a document's title, kind, date, duration, case, memo or "used in analysis". Errors: NO_PROJECT, NOT_FOUND, VALIDATION. */
  'documents.update': method(
    z.strictObject({
      id: Id,
      title: Label.optional(),
      kind: DocumentKindSchema.optional(),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2024-03-01').nullable().optional(),
      caseId: Id.nullable().optional(),
      usedInAnalysis: z.boolean().optional(),
      /** The recording's length (imported from timestamps where the source had them). */
      durationMs: z.number().int().min(0).max(1000 * 60 * 60 * 24 * 7).nullable().optional(),
      memo: ShortText.optional(),
    }),
  ).returns<DocumentSummary>(),
  /**
   * Fix the text (edit mode): apply non-overlapping edits (offsets of the current text, in any
   * order) as one undoable step. Codings and turns are remapped through the edits; a coding whose
   * own text changed is flagged 'changed' (its quote keeps the old text), one whose text was
   * deleted entirely becomes 'orphaned' — never dropped. Text typed exactly at a coding's start or
   * end stays outside it. Turns keep covering whole paragraphs: where a line break between two
   * turns is deleted, the merged paragraph belongs to the earlier turn, and a turn left without
   * text is removed. `changed`/`orphaned` count the codings this edit flagged.
   * Errors: NO_PROJECT, NOT_FOUND, VALIDATION (overlapping, out-of-range or emoji-splitting edits,
   * two insertions at one offset, a result that is not canonical text).
   */
  'documents.editText': method(z.strictObject({ id: Id, edits: z.array(TextEdit).min(1).max(10_000) })).returns<{
    readonly document: DocumentFull;
    readonly changed: number;
    readonly orphaned: number;
  }>(),
  /** Where `find` occurs (pseudonymisation preview) and how many codings it touches. Errors: NO_PROJECT, NOT_FOUND, VALIDATION. */
  'documents.replacePreview': method(ReplaceArgs).returns<{ readonly matches: readonly ReplaceMatch[]; readonly codingsAffected: number }>(),
  /**
   * Replace `find` with `replace` in every document (or those listed) as one undoable edit, codings
   * remapped as in editText (a coding on exactly the name covers the replacement and is flagged
   * for review). `changed` counts the codings flagged. Errors: NO_PROJECT, NOT_FOUND, VALIDATION.
   */
  'documents.replaceAll': method(ReplaceArgs).returns<{ readonly replaced: number; readonly documents: number; readonly changed: number }>(),
  /** Delete a document with its turns and codings (undoable). Errors: NO_PROJECT, NOT_FOUND. */
  'documents.delete': method(z.strictObject({ id: Id })).returns<null>(),
};
