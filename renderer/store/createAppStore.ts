import { createStore, type StoreApi } from 'zustand/vanilla';
import { createClient, type ApiClient } from '../../shared/api/client';
import type { BackendEvent } from '../../shared/api/events';
import type { Transport } from '../api/transport';
import { createAppSlice, type AppSlice } from './slices/appSlice';
import { createCodebookSlice, type CodebookSlice } from './slices/codebookSlice';
import { createCodingsSlice, type CodingsSlice } from './slices/codingsSlice';
import { createDocumentsSlice, type DocumentsSlice } from './slices/documentsSlice';
import { createFigureSlice, type FigureSlice } from './slices/figureSlice';
import { createNoticesSlice, type NoticesSlice } from './slices/noticesSlice';
import { createPeopleSlice, type PeopleSlice } from './slices/peopleSlice';
import { createSpeakersSlice, type SpeakersSlice } from './slices/speakersSlice';
import { createExportsSlice, type ExportsSlice } from './slices/exportsSlice';
import { createCompareSlice, type CompareSlice } from './slices/compareSlice';
import { createTeamSlice, type TeamSlice } from './slices/teamSlice';
import { createRefiSlice, type RefiSlice } from './slices/refiSlice';
import { createUiSlice, type UiSlice } from './slices/uiSlice';
import { createWorkspaceSlice, type WorkspaceSlice } from './slices/workspaceSlice';

/** The whole renderer state: data normalised by id, plus UI state; actions are the only API callers. */
export type AppState = AppSlice & DocumentsSlice & CodebookSlice & CodingsSlice & PeopleSlice & UiSlice & NoticesSlice & WorkspaceSlice & SpeakersSlice & FigureSlice & ExportsSlice & CompareSlice & TeamSlice & RefiSlice;

/** What every slice gets: zustand's set/get and the API. */
export interface SliceContext {
  readonly set: StoreApi<AppState>['setState'];
  readonly get: StoreApi<AppState>['getState'];
  readonly api: ApiClient;
  readonly transport: Transport;
}

/** A store and how to stop listening to the backend. */
export interface AppStore extends StoreApi<AppState> {
  dispose(): void;
}

/**
 * Build the store from its slices. Tests make a fresh one over any transport (a real backend over
 * the direct transport). Changes made by other clients (another window, the CLI over the devhost)
 * arrive as events and refresh the affected slices.
 */
export function createAppStore(deps: { transport: Transport }): AppStore {
  const api = createClient(deps.transport.invoke);
  const store = createStore<AppState>()((set, get) => {
    const ctx: SliceContext = { set, get, api, transport: deps.transport };
    return {
      ...createAppSlice(ctx),
      ...createDocumentsSlice(ctx),
      ...createCodebookSlice(ctx),
      ...createCodingsSlice(ctx),
      ...createPeopleSlice(ctx),
      ...createUiSlice(ctx),
      ...createNoticesSlice(ctx),
      ...createWorkspaceSlice(ctx),
      ...createSpeakersSlice(ctx),
      ...createFigureSlice(ctx),
      ...createExportsSlice(ctx),
      ...createCompareSlice(ctx),
      ...createTeamSlice(ctx),
      ...createRefiSlice(ctx),
    };
  });
  const off = deps.transport.onEvent((event) => onBackendEvent(store.getState(), event, deps.transport.clientId));
  return Object.assign(store, { dispose: off });
}

function onBackendEvent(state: AppState, event: BackendEvent, clientId: string): void {
  switch (event.type) {
    case 'changed':
      if (event.origin !== clientId) void state.refreshTables(event.tables);
      return;
    case 'project':
      return;
    case 'import.progress':
      state.onImportProgress(event);
      return;
    default: {
      const never: never = event;
      return never;
    }
  }
}
