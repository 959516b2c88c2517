import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppMode } from '../../shared/api/methods/app';
import { AppError, type Envelope } from '../../shared/api/errors';
import type { BackendEvent } from '../../shared/api/events';
import { createProjectFile, openProjectFile, PROJECT_EXTENSION, type NewProject, type OpenOptions } from './db/projectFile';
import { dispatch, type ErrorLog } from './dispatch';
import { DownloadStore } from './downloads';
import type { Transport } from './handlerTypes';
import { OpenProject } from './openProject';
import { UploadStore } from './uploads';
import { UserSettingsStore } from './userSettings';

/** The client whose call is being handled, carried through async handlers. */
const callOrigin = new AsyncLocalStorage<string | null>();

/** How a backend is set up by its host (Electron main, devhost, CLI, tests). */
export interface BackendOptions {
  readonly mode: AppMode;
  readonly version: string;
  /** The projects folder for browser mode; HTTP callers are confined to it. */
  readonly dataDir: string | null;
  /** Where user settings (coder name, recent files) are kept. */
  readonly settingsDir: string;
  /** Overrides for opening files (tests shorten backup intervals). */
  readonly openOptions?: OpenOptions;
  /** Whether opened projects join the recent list (not for one-shot CLI commands). */
  readonly rememberRecent?: boolean;
  readonly log?: ErrorLog;
}

/**
 * One backend: at most one open project, the user's settings, uploads waiting to be imported, and
 * listeners for events. Every transport calls `dispatch`.
 */
export class Backend {
  readonly mode: AppMode;
  readonly version: string;
  readonly dataDir: string | null;
  readonly settings: UserSettingsStore;
  readonly uploads: UploadStore;
  /** Files made for a browser to download (exports in browser mode). */
  readonly downloads = new DownloadStore();
  private readonly openOptions: OpenOptions;
  private readonly log: ErrorLog | undefined;
  private readonly rememberRecent: boolean;
  private current: OpenProject | null = null;
  private readonly listeners = new Set<(event: BackendEvent) => void>();

  constructor(options: BackendOptions) {
    this.mode = options.mode;
    this.version = options.version;
    this.dataDir = options.dataDir ? path.resolve(options.dataDir) : null;
    this.settings = new UserSettingsStore(options.settingsDir);
    this.uploads = new UploadStore(path.join(os.tmpdir(), `stige-uploads-${process.pid}-${Math.random().toString(36).slice(2)}`));
    this.openOptions = options.openOptions ?? {};
    this.log = options.log;
    this.rememberRecent = options.rememberRecent ?? true;
  }

  /**
   * Validate and run a call; always resolves to an envelope. `origin` names the calling client
   * (a window, a browser tab) so change events can tell it which changes were its own.
   */
  dispatch(method: unknown, args: unknown, transport: Transport = 'direct', origin: string | null = null): Promise<Envelope<unknown>> {
    return callOrigin.run(typeof origin === 'string' ? origin.slice(0, 100) : null, () =>
      dispatch(method, args, { backend: this, transport }, this.log),
    );
  }

  /** The client of the call being handled (for change events). */
  origin(): string | null {
    return callOrigin.getStore() ?? null;
  }

  /** Listen to backend events; returns the unsubscribe function. */
  onEvent(listener: (event: BackendEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: BackendEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.log?.('event listener failed', err);
      }
    }
  }

  /** The open project; NO_PROJECT when none is open. */
  project(): OpenProject {
    if (!this.current) throw new AppError('NO_PROJECT', 'No project is open; open or create one first');
    return this.current;
  }

  /** The open project or null. */
  projectOrNull(): OpenProject | null {
    return this.current;
  }

  /** Create a project file and make it the open project. */
  createProject(file: string, init: Omit<NewProject, 'appVersion'>): OpenProject {
    const created = createProjectFile(file, { ...init, appVersion: this.version });
    return this.adopt(created);
  }

  /** Open a project file (closing the current one) and make it the open project. */
  openProject(file: string): OpenProject {
    if (this.current && path.resolve(this.current.path) === path.resolve(file)) return this.current;
    const opened = openProjectFile(file, this.openOptions);
    return this.adopt(opened);
  }

  /** Close the open project, if any, leaving a single self-contained file. */
  closeProject(): void {
    if (!this.current) return;
    this.current.close();
    this.current = null;
    this.emit({ type: 'project', open: false });
  }

  /** Close everything (the host is quitting). */
  close(): void {
    this.closeProject();
    this.uploads.clear();
    this.downloads.clear();
  }

  /**
   * Turn a caller's path into an absolute one. Over HTTP the path is relative to the data folder
   * and may not leave it (a browser page must not reach arbitrary files).
   */
  resolvePath(p: string, transport: Transport): string {
    if (transport !== 'http') return path.resolve(p);
    if (!this.dataDir) throw new AppError('FORBIDDEN', 'This server has no projects folder');
    const resolved = path.resolve(this.dataDir, p);
    const relative = path.relative(this.dataDir, resolved);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new AppError('FORBIDDEN', `${p} is outside the projects folder ${this.dataDir}`);
    }
    return resolved;
  }

  /** A project path with the `.stige` extension added when missing. */
  static withExtension(file: string): string {
    return file.toLowerCase().endsWith(PROJECT_EXTENSION) ? file : `${file}${PROJECT_EXTENSION}`;
  }

  /** Ensure the data folder exists (browser mode lists it). */
  ensureDataDir(): string | null {
    if (this.dataDir) fs.mkdirSync(this.dataDir, { recursive: true });
    return this.dataDir;
  }

  private adopt(file: OpenProject['file']): OpenProject {
    this.closeProject();
    this.current = new OpenProject(
      file,
      () => this.settings.get().coderName,
      (event) => this.emit(event),
      () => this.origin(),
    );
    if (this.rememberRecent) this.settings.touchRecent(path.resolve(file.path));
    this.emit({ type: 'project', open: true });
    return this.current;
  }
}
