// Electron's main process, kept thin: lifecycle, the window, the menu, native dialogs and the IPC
// wiring to the same backend every other transport uses.
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } from 'electron';
import type { DialogKind, MenuCommand } from '../../shared/api/bridge';
import { AppError } from '../../shared/api/errors';
import { parseOpenFileRequest, parseSaveFileRequest } from '../../shared/api/fileDialogs';
import { Backend } from '../backend/backend';
import { setSqliteBinding } from '../backend/db/projectFile';
import { menuTemplate } from './menu';
import { APP_ORIGIN, APP_SCHEME, appResponseHeaders, applyWindowPolicy, isTrustedSender, secureWebPreferences } from './windowPolicy';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.resolve(here, '../renderer');
const DIALOG_KINDS: readonly DialogKind[] = ['openProject', 'newProject', 'importFiles', 'openFile', 'saveFile'];

setSqliteBinding(process.env.STIGE_SQLITE_BINDING);
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const backends = new Map<number, Backend>();

function projectFromArgv(argv: readonly string[]): string | null {
  return argv.slice(1).find((arg) => arg.toLowerCase().endsWith('.stige')) ?? null;
}

function createWindow(projectFile: string | null): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Stige',
    show: false,
    webPreferences: secureWebPreferences(path.join(here, 'preload.cjs')),
  });
  applyWindowPolicy(win.webContents);
  const backend = new Backend({
    mode: 'electron',
    version: app.getVersion(),
    dataDir: path.join(os.homedir(), 'Stige'),
    settingsDir: app.getPath('userData'),
  });
  const id = win.webContents.id;
  backends.set(id, backend);
  const unsubscribe = backend.onEvent((event) => {
    if (!win.isDestroyed()) win.webContents.send('stige:event', event);
  });
  if (projectFile) {
    try {
      backend.openProject(path.resolve(projectFile));
    } catch (error) {
      dialog.showErrorBox('Stige', error instanceof Error ? error.message : String(error));
    }
  }
  win.on('closed', () => {
    unsubscribe();
    backend.close();
    backends.delete(id);
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function send(command: MenuCommand): void {
  BrowserWindow.getFocusedWindow()?.webContents.send('stige:menu', command);
}

async function showDialog(win: BrowserWindow, kind: DialogKind, request: unknown): Promise<string[]> {
  const projects = [{ name: 'Stige project', extensions: ['stige'] }];
  switch (kind) {
    case 'openProject': {
      const result = await dialog.showOpenDialog(win, { title: 'Open project', properties: ['openFile'], filters: projects });
      return result.canceled ? [] : result.filePaths;
    }
    case 'newProject': {
      const result = await dialog.showSaveDialog(win, { title: 'New project', defaultPath: 'My project.stige', filters: projects });
      return result.canceled || !result.filePath ? [] : [result.filePath];
    }
    case 'importFiles': {
      const result = await dialog.showOpenDialog(win, { title: 'Import files', properties: ['openFile', 'multiSelections'] });
      return result.canceled ? [] : result.filePaths;
    }
    case 'openFile': {
      const open = parseOpenFileRequest(request);
      if (!open) return [];
      const filters = open.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] }));
      const result = await dialog.showOpenDialog(win, { title: open.title, properties: ['openFile'], filters });
      return result.canceled ? [] : result.filePaths;
    }
    case 'saveFile': {
      // The renderer proposes only a bare name and file types; the folder is the user's choice.
      const save = parseSaveFileRequest(request);
      if (!save) return [];
      const result = await dialog.showSaveDialog(win, {
        title: 'Export',
        defaultPath: path.join(app.getPath('documents'), save.defaultName),
        filters: save.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
      });
      return result.canceled || !result.filePath ? [] : [result.filePath];
    }
    default: {
      const never: never = kind;
      throw new Error(`unknown dialog ${String(never)}`);
    }
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const file = projectFromArgv(argv);
    if (file) createWindow(file);
    else BrowserWindow.getAllWindows()[0]?.focus();
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (app.isReady()) createWindow(file);
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, async (request) => {
      const url = new URL(request.url);
      const file = path.resolve(rendererRoot, `.${decodeURIComponent(url.pathname)}`);
      if (path.relative(rendererRoot, file).startsWith('..')) return new Response('Forbidden', { status: 403 });
      const response = await net.fetch(pathToFileURL(file).href);
      const type = response.headers.get('content-type') ?? (file.endsWith('.js') ? 'text/javascript' : 'text/html');
      return new Response(response.body, { status: response.status, headers: appResponseHeaders(type) });
    });
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    ipcMain.handle('stige:invoke', (event, method: unknown, args: unknown, origin: unknown) => {
      const backend = backends.get(event.sender.id);
      if (!backend || !isTrustedSender(event.senderFrame?.url)) {
        return { ok: false, error: new AppError('FORBIDDEN', 'Calls are accepted from the app window only').toBody() };
      }
      return backend.dispatch(method, args, 'ipc', typeof origin === 'string' ? origin : null);
    });
    ipcMain.handle('stige:dialog', (event, kind: unknown, request: unknown) => {
      const win = BrowserWindow.fromWebContents(event.sender);
      if (!win || !isTrustedSender(event.senderFrame?.url) || !DIALOG_KINDS.includes(kind as DialogKind)) return [];
      return showDialog(win, kind as DialogKind, request);
    });
    const setMenu = (history?: { undo: string | null; redo: string | null }) =>
      Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, process.platform === 'darwin', history)));
    setMenu();
    ipcMain.on('stige:historyLabels', (event, undo: unknown, redo: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url)) return;
      const label = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : null);
      setMenu({ undo: label(undo), redo: label(redo) });
    });
    createWindow(projectFromArgv(process.argv));
  });
}
