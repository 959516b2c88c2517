// The preload: the only bridge between the sandboxed renderer and the main process. It exposes a
// handful of functions, never ipcRenderer itself (Electron's security checklist).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { DialogKind, MenuCommand, StigeBridge } from '../../shared/api/bridge';
import type { MethodName } from '../../shared/api/contract';
import type { OpenFileRequest, SaveFileRequest } from '../../shared/api/fileDialogs';
import type { BackendEvent } from '../../shared/api/events';

function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  const handler = (_event: unknown, value: T) => listener(value);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

const bridge: StigeBridge = {
  invoke: (method: MethodName, args: unknown, origin?: string) => ipcRenderer.invoke('stige:invoke', method, args, origin),
  onEvent: (listener: (event: BackendEvent) => void) => subscribe('stige:event', listener),
  onMenu: (listener: (command: MenuCommand) => void) => subscribe('stige:menu', listener),
  dialog: (kind: DialogKind, request?: SaveFileRequest | OpenFileRequest) => ipcRenderer.invoke('stige:dialog', kind, request),
  setHistoryLabels: (undo: string | null, redo: string | null) => ipcRenderer.send('stige:historyLabels', undo, redo),
  pathForFile: (file: unknown) => webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]),
};

contextBridge.exposeInMainWorld('stige', bridge);
