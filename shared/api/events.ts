/**
 * Events the backend pushes to the UI (IPC `stige:event`, SSE over HTTP).
 * - changed: a step changed these tables (a UI refreshes what shows them unless it made the change).
 * - project: a project was opened or closed.
 * - import.progress: progress of one file of an import.
 */
export type BackendEvent =
  | {
      readonly type: 'changed';
      readonly tables: readonly string[];
      readonly label: string;
      /** The client whose call made the change (null: the CLI, a sample, another tool). */
      readonly origin: string | null;
    }
  | { readonly type: 'project'; readonly open: boolean }
  | {
      readonly type: 'import.progress';
      readonly index: number;
      readonly total: number;
      readonly name: string;
      readonly phase: 'reading' | 'parsing' | 'saving' | 'done' | 'failed' | 'skipped';
    };
