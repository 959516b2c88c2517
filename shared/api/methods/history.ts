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
  /** Redo the last undone step. Errors: NO_PROJECT. */
  'history.redo': method(NoArgs).returns<HistoryMove>(),
};
