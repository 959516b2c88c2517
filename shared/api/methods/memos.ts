import { z } from 'zod';
import { method } from '../define';
import { Id, Label, NoArgs, ShortText } from '../limits';

/** What a memo is written on. */
export type MemoTarget = 'project' | 'document' | 'code' | 'coding' | 'informant' | 'case';

/**
 * One memo in the index of all memos. Project memos are free-standing (`id` is the memo's); the
 * project's own memo (`project.memo`) is listed among them under the project's id, and
 * `memos.update` (body) and `memos.delete` (clears it) accept that id too.
 */
export interface MemoEntry {
  readonly kind: MemoTarget;
  /** The memo's id for project memos; the target's id otherwise. */
  readonly id: string;
  /** What the memo is on, for display ("Interview Inger", a code label, a quote). */
  readonly title: string;
  readonly body: string;
  /** For coding memos: the coding's document, to jump to it. */
  readonly documentId: string | null;
  readonly updatedAt: number | null;
}

export const memosMethods = {
  /** Every non-empty memo in the project: free memos first, then by kind. Errors: NO_PROJECT. */
  'memos.list': method(NoArgs).returns<readonly MemoEntry[]>(),
  /** Write a free-standing project memo. Errors: NO_PROJECT, VALIDATION. */
  'memos.create': method(z.strictObject({ title: Label, body: ShortText.optional() })).returns<MemoEntry>(),
  /** Edit a project memo. Errors: NO_PROJECT, NOT_FOUND, VALIDATION. */
  'memos.update': method(z.strictObject({ id: Id, title: Label.optional(), body: ShortText.optional() })).returns<MemoEntry>(),
  /** Delete a project memo (undoable). Errors: NO_PROJECT, NOT_FOUND. */
  'memos.delete': method(z.strictObject({ id: Id })).returns<null>(),
};
