import { z } from 'zod';
import { method } from '../define';
import { FilePath, Id, Label, LIMITS, NoArgs, Offset, ShortText } from '../limits';
import { LevelSchema } from './codes';
import { ImportSource } from './documents';
import type { ExportedFile } from '../exportTarget';
import type { Level } from '../../model/levels';
import type { CodeStats } from './codes';
import type { ReportTable } from '../../team/reportTable';

// Teams without a server: coders, hand-out copies, merging a coder's copy back, inter-coder
// agreement, and reconciling disagreements. See electron/backend/merge/ and electron/backend/team/.

/** A coder with what they have done in this project. */
export interface CoderSummary {
  readonly id: string;
  readonly name: string;
  /** True for the coder the user's name (settings) points at: new codings are theirs. */
  readonly isMe: boolean;
  readonly codings: number;
  /** Documents in which they coded anything. */
  readonly documents: number;
  readonly codesCreated: number;
  readonly memos: number;
  /** When they last coded (ms), null if never. */
  readonly lastCodedAt: number | null;
}

/** Where a hand-out copy came from (null in a file that is not a hand-out). */
export interface HandoutOrigin {
  readonly handoutId: string;
  readonly coderId: string | null;
  readonly coderName: string | null;
  readonly blind: boolean;
  readonly handedOutAt: number;
  /** The replica id of the file it was made from. */
  readonly sourceReplicaId: string;
}

/** One entry of the team log. A merge whose undo step was taken back shows as 'undone'. */
export interface TeamLogEntry {
  readonly id: number;
  readonly kind: 'handout' | 'merge' | 'resolve';
  readonly at: number;
  readonly coderName: string | null;
  readonly fileName: string;
  readonly summary: string;
  readonly state: 'done' | 'undone';
}

/** The team state of the open project. */
export interface TeamStatus {
  /** This file's identity among the copies of the project. */
  readonly replicaId: string;
  readonly origin: HandoutOrigin | null;
  /** While set, this coder sees only their own codings (the UI filters; comparisons are refused). */
  readonly blindCoder: { readonly id: string; readonly name: string } | null;
  /** The user's coder in this project (null until they coded or no name is set). */
  readonly me: { readonly id: string | null; readonly name: string | null };
  readonly log: readonly TeamLogEntry[];
}

/** The counts the workspace shows, over one coder's codings only (blind coding, the coder filter). */
export interface CoderCounts {
  readonly coderId: string;
  /** The coder's codings directly on each code (like `Code.codingCount`); codes without any are absent. */
  readonly codes: Readonly<Record<string, number>>;
  /** The coder's codings in each document (like `DocumentSummary.codingCount`); documents without any are absent. */
  readonly documents: Readonly<Record<string, number>>;
  /** Support per code (as `codes.stats`) over the coder's codings; codes without any are absent. */
  readonly stats: readonly CodeStats[];
}

/** What a hand-out wrote. */
export interface HandoutResult {
  readonly path: string;
  readonly handoutId: string;
  readonly coder: string;
  readonly blind: boolean;
  readonly codings: number;
  /** Other coders' codings left out (blind hand-outs). */
  readonly omittedCodings: number;
  readonly omittedMemos: number;
  /** With `download`: the copy's bytes (base64) for the browser to download; otherwise absent. */
  readonly file?: ExportedFile;
}

/** The kinds of merge conflicts: things both sides changed differently since they diverged. */
export type MergeConflictKind =
  | 'code.rename'
  | 'code.move'
  | 'code.edit'
  | 'code.deleted'
  | 'coding.edit'
  | 'coding.deleted'
  | 'memo.edit'
  | 'memo.deleted'
  | 'project.levels';

/** One side of a conflict, described for people. */
export interface MergeConflictSide {
  /** e.g. "renamed to “Tillit”", "moved under “Ledelse”", "deleted it", "used it in 3 codings". */
  readonly summary: string;
  /** The changed values, for a detailed view (label, parent label, level, fields…). */
  readonly values: Readonly<Record<string, string | number | null>>;
}

/** A conflict: nothing is chosen silently; `resolution` is what the merge will do unless told otherwise. */
export interface MergeConflict {
  /** Stable between preview and apply: pass it in `theirs` to take the other file's side. */
  readonly id: string;
  readonly kind: MergeConflictKind;
  /** What it is about: "Code “Tillit” (theme)", "Coding “Vi prøver…” in Interview Inger". */
  readonly subject: string;
  readonly ours: MergeConflictSide;
  readonly theirs: MergeConflictSide;
  readonly resolution: 'ours' | 'theirs';
  /** True when the same conflict was resolved in an earlier merge of this copy (that choice is the default). */
  readonly previouslyResolved: boolean;
}

/** A change from the other file taken without conflict (changed there only), listed so nothing is silent. */
export interface MergeChange {
  readonly kind: 'code.added' | 'code.renamed' | 'code.moved' | 'code.edited' | 'code.deleted' | 'coding.edited' | 'coding.deleted' | 'memo.added' | 'memo.edited' | 'memo.deleted';
  readonly subject: string;
  readonly summary: string;
}

/** Counts of what a merge adds, matches and skips. */
export interface MergeCounts {
  readonly coders: { readonly added: number; readonly matched: number };
  readonly cases: { readonly added: number; readonly matched: number };
  readonly informants: { readonly added: number; readonly matched: number };
  readonly documents: { readonly added: number; readonly matchedById: number; readonly matchedByContent: number; readonly textDiffers: number };
  readonly codes: { readonly added: number; readonly matchedById: number; readonly matchedByLabel: number; readonly changed: number; readonly deleted: number };
  readonly codings: {
    readonly added: number;
    /** Same document, code, coder and range as one already here. */
    readonly duplicates: number;
    readonly changed: number;
    readonly deleted: number;
    /** On a code this project deleted (kept deleted) or a passage that no longer exists. */
    readonly dropped: number;
    /** Already here before and deleted here since. */
    readonly deletedHere: number;
  };
  readonly memos: { readonly added: number; readonly changed: number; readonly deleted: number };
}

/** How changes on both sides were told apart. */
export type MergeBase = 'handout' | 'previous-merge' | 'siblings' | 'none';

/** What merging a file would do (or did). */
export interface MergePreview {
  readonly path: string;
  readonly format: 'stige' | 'qdpx';
  readonly theirs: {
    readonly projectName: string;
    readonly schemaVersion: number;
    readonly replicaId: string | null;
    readonly origin: HandoutOrigin | null;
    readonly sameProject: boolean;
  };
  /** 'handout': the copy's stored ancestor; 'previous-merge': the state after the last merge of this copy; 'none': no common ancestor, every codebook difference is a conflict. */
  readonly base: MergeBase;
  readonly counts: MergeCounts;
  readonly changes: readonly MergeChange[];
  readonly conflicts: readonly MergeConflict[];
  readonly warnings: readonly string[];
}

/** What a merge did. */
export interface MergeResult extends MergePreview {
  /** The team log entry. */
  readonly logId: number;
  /** The undo label ("Merge “kari.stige”"). */
  readonly label: string;
}

/** Units of agreement: characters, speaker turns, or paragraphs. */
export const AgreementUnit = z.enum(['char', 'turn', 'paragraph']);

/** What agreement is computed over. */
export const AgreementArgs = z.strictObject({
  /** Two or more coders. */
  coderIds: z.array(Id).min(2).max(50),
  /** Default: every document used in the analysis. */
  documentIds: z.array(Id).min(1).max(LIMITS.list).optional(),
  /** Codes at any level; default: every code at `level`. */
  codeIds: z.array(Id).min(1).max(10_000).optional(),
  /** Used when `codeIds` is absent; default 1 (concepts). */
  level: LevelSchema.optional(),
  /** Default 'char'. */
  unit: AgreementUnit.optional(),
  /** Leave out units no coder coded with any of the codes. Default false. */
  excludeUncoded: z.boolean().optional(),
});

/** One row of the agreement report. */
export interface AgreementRow {
  /** Null for the pooled and mean rows. */
  readonly codeId: string | null;
  readonly label: string;
  readonly level: Level | null;
  /** The codes above it, outermost first ("Dimension › Theme"). */
  readonly path: string;
  readonly units: number;
  readonly percent: number | null;
  readonly kappa: number | null;
  readonly alpha: number | null;
  /** Units each coder applied the code to, in `coders` order. */
  readonly coded: readonly number[];
}

/** The agreement report: rows per code, the pooled row, the mean row, and the table model exports use. */
export interface AgreementReport {
  readonly unit: 'char' | 'turn' | 'paragraph';
  readonly excludeUncoded: boolean;
  readonly coders: readonly { readonly id: string; readonly name: string }[];
  readonly documents: readonly { readonly id: string; readonly title: string; readonly units: number; readonly coderIds: readonly string[] }[];
  readonly rows: readonly AgreementRow[];
  readonly overall: AgreementRow;
  readonly mean: { readonly percent: number | null; readonly kappa: number | null; readonly alpha: number | null };
  readonly table: ReportTable;
  readonly computedAt: number;
}

/** One coder's version of a disagreement. */
export interface DisagreementVersion {
  readonly coderId: string;
  readonly coderName: string;
  /** The chosen codes (any level) this coder applied in the passage. */
  readonly codes: readonly { readonly id: string; readonly label: string }[];
  /** Their codings touching the passage, with the concrete code and the exact range. */
  readonly codings: readonly { readonly id: string; readonly codeId: string; readonly codeLabel: string; readonly start: number; readonly end: number; readonly quote: string }[];
}

/** A passage where coders differ, for the side-by-side view. */
export interface Disagreement {
  /** `documentId:start-end`. */
  readonly id: string;
  readonly documentId: string;
  readonly documentTitle: string;
  readonly start: number;
  readonly end: number;
  /** The passage (at most ~2,000 characters; `truncated` says when cut). */
  readonly text: string;
  readonly truncated: boolean;
  /** The chosen codes on which the coders differ here. */
  readonly codes: readonly { readonly id: string; readonly label: string; readonly level: Level | null }[];
  readonly versions: readonly DisagreementVersion[];
  /** An open or resolved discussion of this passage, if any. */
  readonly discussion: { readonly id: string; readonly memoId: string; readonly status: 'open' | 'resolved' } | null;
}

/** How to resolve a disagreement. */
export const ResolveAction = z.discriminatedUnion('kind', [
  /** Every other coder's codings of the codes in the passage are reshaped to match this coder's. */
  z.strictObject({ kind: z.literal('accept'), coderId: Id }),
  /** Every coder's codings of the codes in the passage cover what any of them coded (the union). */
  z.strictObject({ kind: z.literal('merge') }),
  /** Write a discussion memo on the passage; codings stay as they are. */
  z.strictObject({ kind: z.literal('discuss'), note: ShortText.optional() }),
]);

/** What a resolution changed. */
export interface ResolveResult {
  readonly created: number;
  readonly updated: number;
  readonly deleted: number;
  readonly discussion: { readonly id: string; readonly memoId: string; readonly status: 'open' | 'resolved' } | null;
  /** The undo label. */
  readonly label: string;
}

/** Formats the agreement report is exported to. */
export const ReportFormat = z.enum(['xlsx', 'csv', 'docx']);

/** Conflicts to resolve with the other file's side (ids from the preview). */
const TakeTheirs = z.array(z.string().max(300)).max(10_000).optional();

/**
 * The coder's copy to merge: a path (Electron, CLI; over HTTP inside the projects folder), or a
 * file the browser uploaded (browser mode) with its original name, whose extension gives the format.
 */
const MergeFile = <T extends z.ZodRawShape>(extra: T) =>
  z.union([z.strictObject({ path: FilePath, ...extra }), z.strictObject({ uploadId: ImportSource.options[1].shape.uploadId, ...extra })]);

/** What an agreement export wrote, or (with `inline`) the file's bytes for a browser download. */
export interface AgreementExportResult {
  /** Where it was written; null when returned inline. */
  readonly path: string | null;
  readonly bytes: number;
  readonly file: ExportedFile;
}

export const teamMethods = {
  /** Coders with counts, and which one is the user. Errors: NO_PROJECT. */
  'team.coders': method(NoArgs).returns<readonly CoderSummary[]>(),
  /**
   * Rename a coder (one undoable step); renaming the user's own coder also updates the user's
   * name. Errors: NO_PROJECT, NOT_FOUND, CONFLICT (another coder has that name: merge them instead).
   */
  'team.renameCoder': method(z.strictObject({ id: Id, name: Label })).returns<readonly CoderSummary[]>(),
  /**
   * Fold coder `fromId` into `intoId` (the same person under two names): their codings, codes and
   * memos move over (codings `intoId` already has are dropped), then `fromId` is removed. One undoable
   * step. Errors: NO_PROJECT, NOT_FOUND, VALIDATION (the same coder).
   */
  'team.mergeCoders': method(z.strictObject({ fromId: Id, intoId: Id })).returns<readonly CoderSummary[]>(),
  /** The file's identity, hand-out origin, blind setting, the user's coder and the team log. Errors: NO_PROJECT. */
  'team.status': method(NoArgs).returns<TeamStatus>(),
  /**
   * Start blind coding for a coder (they see only their own codings; agreement and disagreements
   * are refused until it ends) or end it (null); `mine` starts it for the user, creating their coder
   * if they have not coded yet. One undoable step. Errors: NO_PROJECT, NOT_FOUND, VALIDATION (`mine`
   * without a coder name).
   */
  'team.setBlind': method(z.union([z.strictObject({ coderId: Id.nullable() }), z.strictObject({ mine: z.literal(true) })])).returns<TeamStatus>(),
  /**
   * One coder's codings per code and per document, and code support over their codings alone: what
   * the codebook and documents list show while blind coding is on or the coder filter is set.
   * Errors: NO_PROJECT, NOT_FOUND.
   */
  'team.coderCounts': method(z.strictObject({ coderId: Id })).returns<CoderCounts>(),
  /**
   * Write a copy of the open project for a coder, with its own identity and the ancestor that a
   * later merge compares against; `blind` leaves out other coders' codings and memos. The open
   * project is not changed (the hand-out is logged). With `download` the result also carries the
   * copy's bytes (browser mode). Errors: NO_PROJECT, CONFLICT (the file exists),
   * FORBIDDEN (outside the data folder over HTTP), VALIDATION.
   */
  'team.handout': method(z.strictObject({ path: FilePath, coder: Label, blind: z.boolean().optional(), download: z.boolean().optional() })).returns<HandoutResult>(),
  /**
   * What merging another copy of the project (.stige, or its .qdpx export) into the open one would
   * do: counts, changes taken from it, and conflicts with their default resolution. A .qdpx is read
   * with the REFI-QDA importer (GUIDs are ids; no common ancestor, so every codebook difference is a
   * conflict and nothing is deleted). Changes nothing. Errors: NO_PROJECT, NOT_FOUND, NOT_A_PROJECT,
   * NEWER_VERSION (the other file is from a newer Stige), CONFLICT (the open project's own file),
   * UNSUPPORTED (another kind of file), IMPORT (a damaged or foreign-format .qdpx), FORBIDDEN.
   */
  'team.mergePreview': method(MergeFile({})).returns<MergePreview>(),
  /**
   * Merge another copy into the open project as one undoable step, logged. An upload is kept
   * until it is merged (a preview does not use it up). Conflicts keep this
   * project's side unless their id is in `theirs`. Errors: as team.mergePreview, and VALIDATION
   * (an id in `theirs` that is not a conflict of this merge), CONFLICT (taking theirs would break
   * the Gioia rules).
   */
  'team.mergeApply': method(MergeFile({ theirs: TakeTheirs })).returns<MergeResult>(),
  /**
   * Agreement between coders per code, pooled and as a mean: percent agreement, Cohen's kappa (two
   * coders) and Krippendorff's alpha, by characters, turns or paragraphs. Errors: NO_PROJECT,
   * NOT_FOUND (a coder, document or code), VALIDATION, CONFLICT (blind coding is on).
   */
  'team.agreement': method(AgreementArgs).returns<AgreementReport>(),
  /**
   * Write the agreement report to a file at `path`, or return its bytes (`inline`, for a browser
   * download). Errors: as team.agreement, FORBIDDEN, VALIDATION (neither or both of path and inline).
   */
  'team.exportAgreement': method(
    AgreementArgs.extend({ path: FilePath.optional(), inline: z.literal(true).optional(), format: ReportFormat }).refine((a) => (a.path === undefined) !== (a.inline === undefined), {
      message: 'give either a path or inline: true',
    }),
  ).returns<AgreementExportResult>(),
  /**
   * Passages where the coders differ, document by document, with each coder's version.
   * Errors: as team.agreement.
   */
  'team.disagreements': method(
    AgreementArgs.omit({ excludeUncoded: true }).extend({ limit: z.number().int().min(1).max(10_000).optional() }),
  ).returns<{ readonly items: readonly Disagreement[]; readonly total: number }>(),
  /**
   * Resolve a disagreement in `[start, end)` of a document for the codes (any level) and coders
   * given: accept one coder's version, merge all versions, or discuss it in a memo. One undoable
   * step. Errors: NO_PROJECT, NOT_FOUND, VALIDATION (range, a coder not among `coderIds`).
   */
  'team.resolve': method(
    z.strictObject({
      documentId: Id,
      start: Offset,
      end: Offset,
      coderIds: z.array(Id).min(2).max(50),
      codeIds: z.array(Id).min(1).max(10_000),
      action: ResolveAction,
    }),
  ).returns<ResolveResult>(),
};
