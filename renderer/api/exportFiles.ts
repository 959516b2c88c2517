import type { ExportedFile } from '../../shared/api/exportTarget';
import type { SaveFileRequest } from '../../shared/api/fileDialogs';
import { electronBridge } from './ipcTransport';
import type { Transport } from './transport';

/** Where an export goes: a path the user chose (Electron), or back inline to be downloaded (browser). */
export type ExportDestinationChoice = { readonly path: string } | { readonly inline: true };

/**
 * Ask where to save an export. In Electron the native save dialog proposes `request.defaultName`
 * (null when the user cancels); in a browser the bytes come back inline and are downloaded.
 */
export async function chooseExportDestination(transport: Transport, request: SaveFileRequest): Promise<ExportDestinationChoice | null> {
  const bridge = transport.kind === 'ipc' ? electronBridge() : null;
  if (!bridge) return { inline: true };
  const [path] = await bridge.dialog('saveFile', request);
  return path ? { path } : null;
}

/** Decode base64 (as the API returns inline files) to bytes. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Hand inline files to the browser as downloads (a temporary `<a download>` per file). */
export function downloadInlineFiles(files: readonly ExportedFile[]): void {
  // Without a document (the store in unit tests) there is nowhere to download to.
  if (typeof document === 'undefined') return;
  for (const file of files) {
    if (file.data === null) continue;
    const url = URL.createObjectURL(new Blob([base64ToBytes(file.data)], { type: file.mime }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
    // The download has started from the click; the URL can go once the event loop moves on.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}

/** "12 KB", "1.4 MB": a file size for people. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
