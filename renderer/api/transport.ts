import type { MenuCommand } from '../../shared/api/bridge';
import type { Invoke } from '../../shared/api/client';
import type { BackendEvent } from '../../shared/api/events';

/** How files chosen or dropped by the user reach the backend. */
export type FileSource = { readonly path: string } | { readonly uploadId: string };

/** What the renderer needs from wherever the backend is: calls, events, files, dialogs. */
export interface Transport {
  readonly kind: 'ipc' | 'http' | 'direct';
  /** This client's id; change events carrying it were caused by this client's own calls. */
  readonly clientId: string;
  readonly invoke: Invoke;
  onEvent(listener: (event: BackendEvent) => void): () => void;
  /** Turn a File from a picker or a drop into an import source (a path in Electron, an upload in a browser). */
  fileSource(file: File): Promise<FileSource>;
  /** Native menu commands (Electron only; browsers have none). */
  onMenu(listener: (command: MenuCommand) => void): () => void;
}

/** A random id for one client (window or tab). */
export function newClientId(): string {
  return `c${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
}
