import { z } from 'zod';
import { method } from '../define';
import { ANONYMITY_LEVELS } from '../../exports/settings';
import { Id, Label, LIMITS, Offset, ShortText } from '../limits';
import type { Code, Coding } from '../../model/types';

/** Which code to apply: an existing one, or a concept (with theme and dimension) by label, created if missing. */
export const CodeTarget = z.union([
  z.strictObject({ id: Id }),
  z.strictObject({ concept: Label, theme: Label.optional(), dimension: Label.optional() }),
]);

/** A coded segment as the retrieval panel lists it. */
export interface CodedSegment {
  readonly coding: Coding;
  readonly codeLabel: string;
  readonly documentTitle: string;
  readonly informants: readonly { readonly id: string; readonly label: string }[];
  readonly cases: readonly string[];
  readonly coderName: string;
  /** Up to ~150 characters of text before and after the passage. */
  readonly before: string;
  readonly after: string;
}

/** A coding flagged after an edit, for review. */
export interface CodingReview {
  readonly coding: Coding;
  readonly codeLabel: string;
  readonly documentTitle: string;
  /** The passage's text now (empty for orphaned codings). */
  readonly currentText: string;
}

export const codingsMethods = {
  /** Codings of one document, of one code, or all. Errors: NO_PROJECT. */
  'codings.list': method(z.strictObject({ documentId: Id.optional(), codeId: Id.optional() })).returns<readonly Coding[]>(),
  /**
   * Code `[start, end)` of a document. With labels, missing codes are created and linked
   * concept → theme → dimension; all in one undoable step. `coder` defaults to the user.
   * Errors: NO_PROJECT, NOT_FOUND, VALIDATION (range), CONFLICT (a label on another level, a
   * concept already under another theme, the same coding exists).
   */
  'codings.create': method(
    z.strictObject({
      documentId: Id,
      start: Offset,
      end: Offset,
      code: CodeTarget,
      coder: Label.optional(),
      representative: z.boolean().optional(),
    }),
  ).returns<{ readonly coding: Coding; readonly createdCodes: readonly Code[] }>(),
  /**
   * Recode, star, write a memo, set the publication excerpt (null or blank = quote the passage as
   * is), the quote's own anonymity level in exports (null: the project's), or move the range
   * (`start` and/or `end`; the quote snapshot follows and the coding counts as reviewed: status
   * 'ok'). An excerpt may only leave words out ("(…)", also "(...)", "[…]" mark omissions;
   * whitespace may differ): every kept fragment must appear, whole words, in order, in the passage;
   * moving the range must keep an existing excerpt valid.
   * Errors: NO_PROJECT, NOT_FOUND, CONFLICT (same coding exists; an excerpt that adds or changes
   * words, naming them; excerpt on an orphaned coding), VALIDATION (range).
   */
  'codings.update': method(
    z.strictObject({
      id: Id,
      codeId: Id.optional(),
      representative: z.boolean().optional(),
      memo: ShortText.optional(),
      excerpt: z.string().max(LIMITS.shortText).nullable().optional(),
      attribution: z.enum(ANONYMITY_LEVELS).nullable().optional(),
      start: Offset.optional(),
      end: Offset.optional(),
    }),
  ).returns<Coding>(),
  /**
   * Code many ranges with one code as one undoable step (auto-coding search hits). Ranges already
   * coded with that code by this coder, and repeats within the request, are skipped (`skipped`).
   * Every range is checked first: one bad range (VALIDATION/NOT_FOUND, naming it) changes nothing.
   * Errors: NO_PROJECT, NOT_FOUND, VALIDATION, CONFLICT.
   */
  'codings.createMany': method(
    z.strictObject({
      code: CodeTarget,
      ranges: z.array(z.strictObject({ documentId: Id, start: Offset, end: Offset })).min(1).max(20_000),
      coder: Label.optional(),
    }),
  ).returns<{ readonly codings: readonly Coding[]; readonly createdCodes: readonly Code[]; readonly skipped: number }>(),
  /**
   * The coded segments of a code and (by default) every code under it — a theme shows its
   * concepts' codings — in document order, with document, informants (of the speakers of every
   * turn the passage overlaps), cases (of those informants, and the document's), coder and context.
   * Errors: NO_PROJECT, NOT_FOUND.
   */
  'codings.segments': method(z.strictObject({ codeId: Id, descendants: z.boolean().optional() })).returns<readonly CodedSegment[]>(),
  /**
   * Put starred (representative) codings in this order (the order quote tables use): the listed
   * codings get positions 0, 1, 2 …; send a theme's whole list. Newly starred codings go last.
   * Errors: NO_PROJECT, NOT_FOUND, VALIDATION (not starred, listed twice).
   */
  'codings.reorderRepresentative': method(z.strictObject({ ids: z.array(Id).min(1).max(10_000) })).returns<null>(),
  /** Codings flagged after text edits ('changed' or 'orphaned'), with their old and current text. Errors: NO_PROJECT. */
  'codings.needingReview': method(z.strictObject({ documentId: Id.optional() })).returns<readonly CodingReview[]>(),
  /**
   * Accept a changed coding's new text as its quote (it becomes 'ok'; an 'ok' coding is returned as
   * is). Errors: NO_PROJECT, NOT_FOUND, CONFLICT (orphaned; an identical 'ok' coding exists; its
   * excerpt does not fit the new text).
   */
  'codings.acceptReview': method(z.strictObject({ id: Id })).returns<Coding>(),
  /** Remove a coding (undoable). Errors: NO_PROJECT, NOT_FOUND. */
  'codings.delete': method(z.strictObject({ id: Id })).returns<null>(),
};
