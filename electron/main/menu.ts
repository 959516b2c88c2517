import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/bridge';

/**
 * The native menu: File / Edit / View / Help with the usual shortcuts. Commands the renderer carries
 * out are sent to it; clipboard and window items use Electron's roles.
 */
export function menuTemplate(
  send: (command: MenuCommand) => void,
  isMac: boolean,
  history: { undo: string | null; redo: string | null } = { undo: null, redo: null },
): MenuItemConstructorOptions[] {
  const short = (label: string) => (label.length > 60 ? `${label.slice(0, 59)}…` : label);
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => send('newProject') },
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => send('openProject') },
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: () => send('importFiles') },
        { type: 'separator' },
        { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: () => send('settings') },
        { label: 'Close Project', accelerator: 'CmdOrCtrl+W', click: () => send('closeProject') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { label: history.undo ? `Undo ${short(history.undo)}` : 'Undo', enabled: history.undo !== null, accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
        {
          label: history.redo ? `Redo ${short(history.redo)}` : 'Redo',
          enabled: history.redo !== null,
          accelerator: isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y',
          click: () => send('redo'),
        },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }, { role: 'toggleDevTools' }],
    },
    { role: 'help', submenu: [{ label: 'About Stige', role: 'about' }] },
  ];
}
