import { useEffect } from 'react';
import type { MenuCommand } from '../shared/api/bridge';
import { electronBridge } from './api/ipcTransport';
import { useAppStore } from './store/StoreContext';

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT' || element.isContentEditable && element.getAttribute('contenteditable') === 'true');
}

/**
 * Global shortcuts: undo/redo (Ctrl/Cmd+Z, Ctrl+Shift+Z, Ctrl+Y) in browser mode; in Electron the
 * native menu owns those accelerators and sends its commands here instead.
 */
export function useShortcuts(): void {
  const store = useAppStore();
  useEffect(() => {
    const run = (command: MenuCommand) => {
      const state = store.getState();
      switch (command) {
        case 'undo':
          if (state.project) void state.undo();
          return;
        case 'redo':
          if (state.project) void state.redo();
          return;
        case 'settings':
          state.openDialog('settings');
          return;
        case 'closeProject':
          if (state.project) void state.closeProject();
          return;
        case 'newProject':
          state.openDialog('newProject');
          return;
        case 'openProject':
          void electronBridge()?.dialog('openProject').then((paths) => (paths[0] ? state.openProject(paths[0]) : undefined));
          return;
        case 'importFiles':
          void electronBridge()?.dialog('importFiles').then((paths) => (paths.length && state.project ? state.importPaths(paths) : undefined));
          return;
        default: {
          const never: never = command;
          return never;
        }
      }
    };
    const bridge = electronBridge();
    if (bridge) {
      // The native Edit menu says what Undo and Redo will do.
      const offHistory = store.subscribe((state, previous) => {
        if (state.history !== previous.history) bridge.setHistoryLabels(state.history.undoLabel, state.history.redoLabel);
      });
      const offMenu = bridge.onMenu(run);
      return () => {
        offHistory();
        offMenu();
      };
    }
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target) || !(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        run('undo');
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        run('redo');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
