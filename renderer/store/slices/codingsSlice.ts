import type { CodeTarget } from '../../../shared/api/methods/codings';
import type { Coding } from '../../../shared/model/types';
import type { z } from 'zod';
import type { SliceContext } from '../createAppStore';

/** Codings of the open document, by id. */
export interface CodingsSlice {
  codings: Readonly<Record<string, Coding>>;
  /** Concepts applied most recently, newest first (for quick re-use). */
  recentConceptIds: readonly string[];
  loadCodings(documentId: string): Promise<void>;
  /** Code the current selection of the open document; returns the new coding. */
  codeSelection(target: z.input<typeof CodeTarget>): Promise<Coding | undefined>;
  uncode(id: string): Promise<void>;
  recode(id: string, codeId: string): Promise<void>;
  setRepresentative(id: string, representative: boolean): Promise<void>;
}

/** Run `fn` after the next frame is painted (in a browser), or on the next turn (elsewhere). */
function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}

export function createCodingsSlice({ set, get, api }: SliceContext): CodingsSlice {
  return {
    codings: {},
    recentConceptIds: [],
    async loadCodings(documentId) {
      await get().guard(async () => {
        const list = await api.call('codings.list', { documentId });
        if (get().openDocument?.id === documentId) set({ codings: Object.fromEntries(list.map((c) => [c.id, c])) });
      });
    },
    async codeSelection(target) {
      const document = get().openDocument;
      const selection = get().selection;
      if (!document || !selection) return undefined;
      return get().guard(async () => {
        const { coding, createdCodes } = await api.call('codings.create', { documentId: document.id, start: selection.start, end: selection.end, code: target });
        set((s) => ({
          codings: { ...s.codings, [coding.id]: coding },
          codes: createdCodes.length ? { ...s.codes, ...Object.fromEntries(createdCodes.map((c) => [c.id, c])) } : s.codes,
          recentConceptIds: [coding.codeId, ...s.recentConceptIds.filter((id) => id !== coding.codeId)].slice(0, 9),
          selection: null,
          paletteOpen: false,
        }));
        // The counts, history and lists follow once the highlight has been painted, so their
        // requests and renders do not delay the frame the coder is waiting for.
        afterPaint(() => {
          void get().refreshHistory();
          void get().loadDocuments();
          void get().loadCodes();
          if (!get().coders.some((c) => c.id === coding.coderId)) void get().loadPeople();
        });
        return coding;
      });
    },
    async uncode(id) {
      await get().guard(async () => {
        await api.call('codings.delete', { id });
        set((s) => {
          const { [id]: _removed, ...rest } = s.codings;
          return { codings: rest, selectedCodingId: s.selectedCodingId === id ? null : s.selectedCodingId };
        });
        void get().refreshHistory();
        void get().loadDocuments();
        void get().loadCodes();
      });
    },
    async recode(id, codeId) {
      await get().guard(async () => {
        const coding = await api.call('codings.update', { id, codeId });
        set((s) => ({ codings: s.codings[id] ? { ...s.codings, [id]: coding } : s.codings, paletteOpen: false, recodingId: null }));
        void get().refreshHistory();
        void get().loadCodes();
      });
    },
    async setRepresentative(id, representative) {
      await get().guard(async () => {
        const coding = await api.call('codings.update', { id, representative });
        set((s) => ({ codings: s.codings[id] ? { ...s.codings, [id]: coding } : s.codings }));
        void get().refreshHistory();
        if (get().segmentsCodeId) void get().reloadSegments();
      });
    },
  };
}
