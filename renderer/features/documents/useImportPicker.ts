import { useCallback } from 'react';
import { useApp, useAppStore } from '../../store/StoreContext';
import { electronBridge } from '../../api/ipcTransport';

/** File types offered by the import picker. */
export const IMPORT_ACCEPT = '.txt,.md,.markdown,.text,.docx,.odt,.rtf,.pdf,.vtt,.webvtt,.srt,.csv,.tsv,.tab,.xlsx,.ods,.html,.htm';

/**
 * Open the import picker: Electron's native dialog (files by path) or a browser file input
 * (files uploaded to the devhost).
 */
export function useImportPicker(): () => void {
  const store = useAppStore();
  const mode = useApp((s) => s.status?.mode);
  return useCallback(() => {
    const bridge = electronBridge();
    if (mode === 'electron' && bridge) {
      void bridge.dialog('importFiles').then((paths) => (paths.length ? store.getState().importPaths(paths) : undefined));
      return;
    }
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = IMPORT_ACCEPT;
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      if (files.length) void store.getState().importFiles(files);
    });
    input.click();
  }, [mode, store]);
}
