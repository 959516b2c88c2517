import type { StigeBridge } from '../../shared/api/bridge';
import { newClientId, type Transport } from './transport';

/** Electron: the preload's bridge (window.stige). Files are passed by path, never uploaded. */
export function ipcTransport(bridge: StigeBridge): Transport {
  const clientId = newClientId();
  return {
    kind: 'ipc',
    clientId,
    invoke: (method, args) => bridge.invoke(method, args, clientId),
    onEvent: (listener) => bridge.onEvent(listener),
    fileSource: async (file) => ({ path: bridge.pathForFile(file) }),
    onMenu: (listener) => bridge.onMenu(listener),
  };
}

/** The bridge when running inside Electron, else null. */
export function electronBridge(): StigeBridge | null {
  const candidate = (globalThis as { stige?: StigeBridge }).stige;
  return candidate && typeof candidate.invoke === 'function' ? candidate : null;
}
