import type { AnonymityLevel } from '../../../shared/exports/settings';
import type { CodeTarget, CodedSegment, CodingReview } from '../../../shared/api/methods/codings';
import type { ReplaceMatch } from '../../../shared/api/methods/documents';
import type { MemoEntry } from '../../../shared/api/methods/memos';
import type { SearchResult } from '../../../shared/api/methods/search';
import type { z } from 'zod';
import type { SliceContext } from '../createAppStore';

/** Hits fetched at a time: enough to browse, few enough to come back at once on a large project. */
export const SEARCH_PAGE = 500;

/** Options of a text search. */
export interface SearchOptions {
  readonly phrase: boolean;
  readonly fold: boolean;
}

/** Arguments of find-and-replace (pseudonymisation). */
export interface ReplaceOptions {
  readonly find: string;
  readonly replace: string;
  readonly wholeWord: boolean;
  readonly caseSensitive: boolean;
}

/** Retrieval, search, memos, review and text edits: the workspace beyond coding itself. */
export interface WorkspaceSlice {
  segmentsCodeId: string | null;
  segments: readonly CodedSegment[] | null;
  search: { query: string; options: SearchOptions; result: SearchResult | null; running: boolean };
  memos: readonly MemoEntry[] | null;
  review: readonly CodingReview[] | null;
  showSegments(codeId: string): Promise<void>;
  reloadSegments(): Promise<void>;
  runSearch(query: string, options: SearchOptions): Promise<void>;
  /** The next page of the current search's hits, after those shown. */
  loadMoreHits(): Promise<void>;
  /** Code every hit of the current search (all pages) with one code, as one undoable step. */
  codeAllHits(target: z.input<typeof CodeTarget>): Promise<void>;
  loadMemos(): Promise<void>;
  createMemo(title: string, body: string): Promise<void>;
  updateMemo(id: string, changes: { title?: string; body?: string }): Promise<void>;
  deleteMemo(id: string): Promise<void>;
  updateCoding(id: string, changes: { memo?: string; excerpt?: string | null; start?: number; end?: number; codeId?: string; attribution?: AnonymityLevel | null }): Promise<boolean>;
  setDocumentMemo(id: string, memo: string): Promise<void>;
  reorderRepresentative(ids: readonly string[]): Promise<void>;
  loadReview(): Promise<void>;
  acceptReview(id: string): Promise<void>;
  /** Apply edits made in edit mode to the open document. */
  editText(edits: readonly { start: number; end: number; text: string }[]): Promise<{ changed: number; orphaned: number } | undefined>;
  previewReplace(options: ReplaceOptions): Promise<{ matches: readonly ReplaceMatch[]; codingsAffected: number } | undefined>;
  replaceAll(options: ReplaceOptions): Promise<void>;
}

export function createWorkspaceSlice({ set, get, api }: SliceContext): WorkspaceSlice {
  const afterCodingChange = async () => {
    const open = get().openDocument;
    await Promise.all([get().refreshHistory(), get().loadCodes(), get().loadDocuments(), open ? get().loadCodings(open.id) : null]);
    if (get().segmentsCodeId) await get().reloadSegments();
  };
  return {
    segmentsCodeId: null,
    segments: null,
    search: { query: '', options: { phrase: true, fold: true }, result: null, running: false },
    memos: null,
    review: null,
    async showSegments(codeId) {
      set({ segmentsCodeId: codeId, segments: null, sideTab: 'segments' });
      await get().reloadSegments();
    },
    async reloadSegments() {
      const codeId = get().segmentsCodeId;
      if (!codeId) return;
      await get().guard(async () => {
        const segments = await api.call('codings.segments', { codeId });
        if (get().segmentsCodeId === codeId) set({ segments });
      });
    },
    async runSearch(query, options) {
      set((s) => ({ search: { ...s.search, query, options, running: true } }));
      try {
        await get().guard(async () => {
          const result = await api.call('search.text', { query, phrase: options.phrase, fold: options.fold, limit: SEARCH_PAGE });
          set((s) => ({ search: { ...s.search, result } }));
        });
      } finally {
        set((s) => ({ search: { ...s.search, running: false } }));
      }
    },
    async loadMoreHits() {
      const { query, options, result } = get().search;
      if (!result?.truncated) return;
      set((s) => ({ search: { ...s.search, running: true } }));
      try {
        await get().guard(async () => {
          const page = await api.call('search.text', { query, phrase: options.phrase, fold: options.fold, offset: result.hits.length, limit: SEARCH_PAGE });
          // Only if the search is still the one this page belongs to.
          if (get().search.result !== result) return;
          set((s) => ({ search: { ...s.search, result: { ...page, offset: 0, hits: [...result.hits, ...page.hits] } } }));
        });
      } finally {
        set((s) => ({ search: { ...s.search, running: false } }));
      }
    },
    async codeAllHits(target) {
      const { query, options, result } = get().search;
      if (!result || result.total === 0) return;
      await get().guard(async () => {
        // On the backend, over every hit (not only the pages shown).
        const done = await api.call('search.codeAll', { query, phrase: options.phrase, fold: options.fold, code: target });
        get().notify('info', `Coded ${done.coded} hit${done.coded === 1 ? '' : 's'}${done.skipped ? ` (${done.skipped} already coded)` : ''}`);
        await afterCodingChange();
      });
    },
    async loadMemos() {
      if (!get().project) return;
      await get().guard(async () => set({ memos: await api.call('memos.list', {}) }));
    },
    async createMemo(title, body) {
      await get().guard(async () => {
        await api.call('memos.create', { title, body });
        await Promise.all([get().loadMemos(), get().refreshHistory()]);
      });
    },
    async updateMemo(id, changes) {
      await get().guard(async () => {
        await api.call('memos.update', { id, ...changes });
        await Promise.all([get().loadMemos(), get().refreshHistory()]);
      });
    },
    async deleteMemo(id) {
      await get().guard(async () => {
        await api.call('memos.delete', { id });
        await Promise.all([get().loadMemos(), get().refreshHistory()]);
      });
    },
    async updateCoding(id, changes) {
      const done = await get().guard(async () => {
        const coding = await api.call('codings.update', { id, ...changes });
        set((s) => ({ codings: s.codings[id] ? { ...s.codings, [id]: coding } : s.codings }));
        void get().refreshHistory();
        if (changes.codeId) void get().loadCodes();
        if (get().segmentsCodeId) void get().reloadSegments();
        return true;
      });
      return done === true;
    },
    async setDocumentMemo(id, memo) {
      await get().guard(async () => {
        await api.call('documents.update', { id, memo });
        await Promise.all([get().loadDocuments(), get().refreshHistory()]);
        const open = get().openDocument;
        if (open?.id === id) set({ openDocument: { ...open, memo } });
      });
    },
    async reorderRepresentative(ids) {
      await get().guard(async () => {
        await api.call('codings.reorderRepresentative', { ids: [...ids] });
        await Promise.all([get().reloadSegments(), get().refreshHistory()]);
      });
    },
    async loadReview() {
      if (!get().project) return;
      await get().guard(async () => set({ review: await api.call('codings.needingReview', {}) }));
    },
    async acceptReview(id) {
      await get().guard(async () => {
        await api.call('codings.acceptReview', { id });
        await Promise.all([get().loadReview(), afterCodingChange()]);
      });
    },
    async editText(edits) {
      const open = get().openDocument;
      if (!open || edits.length === 0) return { changed: 0, orphaned: 0 };
      return get().guard(async () => {
        const result = await api.call('documents.editText', { id: open.id, edits: [...edits] });
        set({ openDocument: result.document });
        await Promise.all([get().loadCodings(open.id), get().refreshHistory(), get().loadDocuments(), get().loadReview()]);
        return { changed: result.changed, orphaned: result.orphaned };
      });
    },
    async previewReplace(options) {
      return get().guard(() => api.call('documents.replacePreview', { ...options }));
    },
    async replaceAll(options) {
      await get().guard(async () => {
        const result = await api.call('documents.replaceAll', { ...options });
        get().notify('info', `Replaced ${result.replaced} occurrence${result.replaced === 1 ? '' : 's'} in ${result.documents} document${result.documents === 1 ? '' : 's'}`);
        await Promise.all([get().reloadOpenDocument(), get().refreshHistory(), get().loadDocuments(), get().loadReview()]);
      });
    },
  };
}
