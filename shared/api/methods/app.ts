import { z } from 'zod';
import { method } from '../define';
import { Label, NoArgs } from '../limits';
import type { Project } from '../../model/types';

/** How the backend is reached; decides whether native file dialogs exist. */
export type AppMode = 'electron' | 'browser' | 'cli';

/** What the UI needs at start. */
export interface AppStatus {
  readonly mode: AppMode;
  readonly version: string;
  /** The projects folder browsed in browser mode (null in Electron, which uses native dialogs). */
  readonly dataDir: string | null;
  /** The user's name as coder, asked once; null until given. */
  readonly coderName: string | null;
  readonly project: Project | null;
}

export const appMethods = {
  /** The running mode, the user's coder name and the open project, if any. Errors: none. */
  'app.status': method(NoArgs).returns<AppStatus>(),
  /**
   * Set the user's name as coder (kept in the user's settings, not in a project). New codings are
   * recorded under this name. Errors: VALIDATION.
   */
  'app.setCoderName': method(z.strictObject({ name: Label })).returns<AppStatus>(),
};
