import type { AppStatus } from '../../../shared/api/methods/app';
import type { ProjectListing } from '../../../shared/api/methods/projects';
import type { HistoryState, Project } from '../../../shared/model/types';
import type { SliceContext } from '../createAppStore';

const NO_HISTORY: HistoryState = { canUndo: false, undoLabel: null, canRedo: false, redoLabel: null };

export interface AppSlice {
  status: AppStatus | null;
  project: Project | null;
  history: HistoryState;
  listing: ProjectListing | null;
  /** Load the app status and, when a project is open, its data. */
  start(): Promise<void>;
  setCoderName(name: string): Promise<void>;
  loadListing(): Promise<void>;
  createProject(path: string, levels?: readonly [string, string, string]): Promise<void>;
  openProject(path: string): Promise<void>;
  openSample(): Promise<void>;
  closeProject(): Promise<void>;
  updateProject(changes: { name?: string; levels?: readonly [string, string, string] }): Promise<void>;
  undo(): Promise<void>;
  clearHistory(originals: boolean): Promise<void>;
  redo(): Promise<void>;
  refreshHistory(): Promise<void>;
  /** Reload whatever shows these tables (after another client's change, or an undo). */
  refreshTables(tables: readonly string[]): Promise<void>;
}

export function createAppSlice({ set, get, api }: SliceContext): AppSlice {
  async function adopt(project: Project): Promise<void> {
    set({
      project,
      history: NO_HISTORY,
      selection: null,
      selectedCodingId: null,
      openDocument: null,
      codings: {},
      segments: null,
      segmentsCodeId: null,
      memos: null,
      review: null,
      filter: { codeId: null, coderId: null },
      editMode: false,
      sideTab: 'codebook',
      mainView: 'coding',
      selectedCodeIds: [],
      selectionAnchor: null,
      codeStats: {},
      figure: null,
      figureOptions: null,
    });
    // The first transcript opens once documents and codes (its colours) are known, without waiting
    // for people and history, whose requests run meanwhile.
    const openFirst = Promise.all([get().loadDocuments(), get().loadCodes()]).then(() => {
      const first = get().documents[0];
      // Another project may have been opened meanwhile.
      return first && get().project === project ? get().openDocumentById(first.id) : undefined;
    });
    await Promise.all([openFirst, get().loadPeople(), get().refreshHistory()]);
  }

  async function move(direction: 'undo' | 'redo'): Promise<void> {
    await get().guard(async () => {
      const result = await api.call(direction === 'undo' ? 'history.undo' : 'history.redo', {});
      set({ history: result.state });
      if (result.done) {
        await get().refreshTables(result.done.tables);
        get().notify('info', `${direction === 'undo' ? 'Undid' : 'Redid'}: ${result.done.label}`);
      }
    });
  }

  return {
    status: null,
    project: null,
    history: NO_HISTORY,
    listing: null,
    async start() {
      await get().guard(async () => {
        const status = await api.call('app.status', {});
        set({ status });
        if (status.project) await adopt(status.project);
        else await get().loadListing();
      });
    },
    async setCoderName(name) {
      await get().guard(async () => {
        const status = await api.call('app.setCoderName', { name });
        set({ status });
        await get().loadPeople();
      });
    },
    async loadListing() {
      await get().guard(async () => set({ listing: await api.call('projects.list', {}) }));
    },
    async createProject(path, levels) {
      await get().guard(async () => adopt(await api.call('projects.create', { path, ...(levels ? { levels: [...levels] as [string, string, string] } : {}) })));
    },
    async openProject(path) {
      await get().guard(async () => adopt(await api.call('projects.open', { path })));
    },
    async openSample() {
      await get().guard(async () => adopt(await api.call('projects.openSample', {})));
    },
    async closeProject() {
      await get().guard(async () => {
        await api.call('projects.close', {});
        set({ project: null, documents: [], openDocument: null, codes: {}, codings: {}, informants: [], cases: [], history: NO_HISTORY, selectedCodeIds: [], codeStats: {}, figure: null, figureOptions: null });
        await get().loadListing();
      });
    },
    async updateProject(changes) {
      await get().guard(async () => {
        const project = await api.call('project.update', {
          ...(changes.name ? { name: changes.name } : {}),
          ...(changes.levels ? { levels: [...changes.levels] as [string, string, string] } : {}),
        });
        set({ project });
        await get().refreshHistory();
      });
    },
    undo: () => move('undo'),
    async clearHistory(originals) {
      await get().guard(async () => {
        set({ history: await api.call('history.clear', { originals }) });
        get().notify('info', 'The undo history was cleared.');
      });
    },
    redo: () => move('redo'),
    async refreshHistory() {
      if (!get().project) return;
      await get().guard(async () => set({ history: await api.call('history.state', {}) }));
    },
    async refreshTables(tables) {
      if (!get().project) return;
      const has = (...names: string[]) => names.some((n) => tables.includes(n));
      const work: Promise<unknown>[] = [get().refreshHistory()];
      if (has('project')) work.push(get().guard(async () => set({ project: await api.call('project.get', {}) })));
      if (has('documents', 'turns', 'speakers', 'codings')) work.push(get().loadDocuments());
      if (has('codes')) work.push(get().loadCodes());
      if (has('informants', 'cases', 'coders', 'speakers')) work.push(get().loadPeople());
      if (has('memos', 'documents', 'codes', 'codings', 'informants', 'cases', 'project') && get().memos) work.push(get().loadMemos());
      if (has('codings', 'documents') && get().review) work.push(get().loadReview());
      if (has('codings', 'codes', 'documents', 'turns', 'speakers', 'informants') && get().segmentsCodeId) work.push(get().reloadSegments());
      const open = get().openDocument;
      if (open) {
        if (has('documents', 'turns', 'speakers')) work.push(get().reloadOpenDocument());
        else if (has('codings')) work.push(get().loadCodings(open.id));
      }
      await Promise.all(work);
    },
  };
}
