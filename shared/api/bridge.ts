import type { MethodName } from './contract';
import type { Envelope } from './errors';
import type { BackendEvent } from './events';
import type { OpenFileRequest, SaveFileRequest } from './fileDialogs';

/**
 * Native dialogs the Electron main process offers the renderer. `saveFile` asks where to save an
 * export and takes a SaveFileRequest (checked by the main process with `parseSaveFileRequest`);
 * `openFile` picks one file of given types and takes an OpenFileRequest (`parseOpenFileRequest`).
 */
export type DialogKind = 'openProject' | 'newProject' | 'importFiles' | 'openFile' | 'saveFile';

/** Commands from the native menu that the renderer carries out. */
export type MenuCommand = 'newProject' | 'openProject' | 'closeProject' | 'importFiles' | 'undo' | 'redo' | 'settings';

/**
 * What the Electron preload exposes as `window.stige` (contextBridge). The renderer uses it when
 * present, and HTTP to the devhost otherwise.
 */
export interface StigeBridge {
  /** `origin` names this window so change events can be told apart from other clients'. */
  invoke(method: MethodName, args: unknown, origin?: string): Promise<Envelope<unknown>>;
  onEvent(listener: (event: BackendEvent) => void): () => void;
  onMenu(listener: (command: MenuCommand) => void): () => void;
  /** Show a native dialog; resolves to the chosen paths (empty when cancelled). */
  dialog(kind: DialogKind, request?: SaveFileRequest | OpenFileRequest): Promise<string[]>;
  /** Show what Undo and Redo will do in the native Edit menu (null: nothing to undo/redo). */
  setHistoryLabels(undo: string | null, redo: string | null): void;
  /** The file-system path of a dropped file (Electron's webUtils.getPathForFile). */
  pathForFile(file: unknown): string;
}
