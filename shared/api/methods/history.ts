import { z } from 'zod';
import { method } from '../define';
import { NoArgs } from '../limits';
import type { HistoryState } from '../../model/types';

/** The result of an undo or redo: the new state, and what was done (null when nothing was). */
export interface HistoryMove {
  readonly state: HistoryState;
  readonly done: { readonly label: string; readonly tables: readonly string[] } | null;
}

export const historyMethods = {
  /** What undo and redo would do. Errors: NO_PROJECT. */
  'history.state': method(NoArgs).returns<HistoryState>(),
  /** Undo the last step (persisted in the project, so it survives a restart). Errors: NO_PROJECT. */
  'history.undo': method(NoArgs).returns<HistoryMove>(),
  /**
   * Forget the undo history (after pseudonymising, the old names would otherwise stay in it) and,
   * with `originals`, the imported files' original bytes (they still hold the names; exports then
   * carry the plain text only). The file is compacted so nothing is left in free pages. Cannot be
   * undone. Errors: NO_PROJECT.
   */
  'history.clear': method(z.strictObject({ originals: z.boolean().optional() })).returns<HistoryState>(),
  /** Redo the last undone step. Errors: NO_PROJECT. */
  'history.redo': method(NoArgs).returns<HistoryMove>(),
};
