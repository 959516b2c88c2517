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
   * Recode, star, write a memo, set the publication excerpt (null: quote the passage as is) or the
   * quote's own anonymity level in exports (null: the project's). An excerpt may only leave text
   * out, marked "(…)": every kept fragment must be in the passage, in order (CONFLICT otherwise,
   * naming the fragment). Errors: NO_PROJECT, NOT_FOUND, CONFLICT, VALIDATION.
   */
  'codings.update': method(
    z.strictObject({
      id: Id,
      codeId: Id.optional(),
      representative: z.boolean().optional(),
      memo: ShortText.optional(),
      excerpt: z.string().max(LIMITS.shortText).nullable().optional(),
      attribution: z.enum(ANONYMITY_LEVELS).nullable().optional(),
    }),
  ).returns<Coding>(),
  /** Remove a coding (undoable). Errors: NO_PROJECT, NOT_FOUND. */
  'codings.delete': method(z.strictObject({ id: Id })).returns<null>(),
};
