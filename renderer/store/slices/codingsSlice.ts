import type { CodeTarget } from '../../../shared/api/methods/codings';
import type { Code, Coding } from '../../../shared/model/types';
import type { z } from 'zod';
import type { SliceContext } from '../createAppStore';
import { newCoding } from '../../../shared/model/newCoding';
import { afterPaint, nextPaint } from '../../afterPaint';

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


/** Prefix of the id a coding has on screen until the backend has saved it. */
export const PENDING_PREFIX = 'pending:';

/** The concept a coding target names, when it already exists (its colour shows at once). */
function knownConcept(codes: Readonly<Record<string, Code>>, target: z.input<typeof CodeTarget>): string {
  if ('id' in target) return target.id;
  if (target.theme || target.dimension) return '';
  const label = target.concept.trim().toLocaleLowerCase();
  return Object.values(codes).find((c) => c.level === 1 && c.label.toLocaleLowerCase() === label)?.id ?? '';
}

export function createCodingsSlice({ set, get, api }: SliceContext): CodingsSlice {
  let pendingCount = 0;
  /** The saved id of each coding still being saved, by its pending id. */
  const pendingSaves = new Map<string, Promise<string | undefined>>();
  /** A coding's saved id (waiting for the save when it is still pending); undefined if it failed. */
  const savedId = async (id: string): Promise<string | undefined> => (id.startsWith(PENDING_PREFIX) ? pendingSaves.get(id) : id);
  let listsTimer: ReturnType<typeof setTimeout> | undefined;
  /** Reload the document list and the codebook (their counts) 300 ms after the last coding of a burst. */
  const refreshListsSoon = () => {
    clearTimeout(listsTimer);
    listsTimer = setTimeout(() => {
      void get().loadDocuments();
      void get().loadCodes();
    }, 300);
  };
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
      // The highlight shows at once (optimistic, under a pending id, in the concept's colour when
      // it exists); the saved coding replaces it when the backend answers, a failure removes it.
      const pendingId = `${PENDING_PREFIX}${(pendingCount += 1)}`;
      const pending = newCoding({
        id: pendingId,
        documentId: document.id,
        codeId: knownConcept(get().codes, target),
        start: selection.start,
        end: selection.end,
        // The user's coder, when known: blind coding and the coder filter show only that coder's.
        coderId: get().teamStatus?.me.id ?? '',
        quote: document.text.slice(selection.start, selection.end),
        createdAt: Date.now(),
      });
      set((s) => ({ codings: { ...s.codings, [pendingId]: pending }, selection: null, paletteOpen: false }));
      // The request is sent once the highlight has been painted, so that frame does not wait for it.
      const saving = nextPaint().then(() => get().guard(() => api.call('codings.create', { documentId: document.id, start: selection.start, end: selection.end, code: target })));
      pendingSaves.set(pendingId, saving.then((r) => r?.coding.id));
      const result = await saving;
      pendingSaves.delete(pendingId);
      if (!result) {
        set((s) => ({ codings: without(s.codings, pendingId), selection: s.selection ?? (s.openDocument?.id === document.id ? selection : null) }));
        return undefined;
      }
      const { coding, createdCodes } = result;
      set((s) => ({
        codings: s.openDocument?.id === coding.documentId ? { ...without(s.codings, pendingId), [coding.id]: coding } : without(s.codings, pendingId),
        codes: createdCodes.length ? { ...s.codes, ...Object.fromEntries(createdCodes.map((c) => [c.id, c])) } : s.codes,
        recentConceptIds: [coding.codeId, ...s.recentConceptIds.filter((id) => id !== coding.codeId)].slice(0, 9),
        selectedCodingId: s.selectedCodingId === pendingId ? coding.id : s.selectedCodingId,
      }));
      // History follows once the highlight has been painted; the counts and lists (heavier on a
      // large project) once a burst of coding pauses, so their requests do not queue before the next.
      afterPaint(() => {
        void get().refreshHistory();
        if (!get().coders.some((c) => c.id === coding.coderId)) void get().loadPeople();
      });
      refreshListsSoon();
      return coding;
    },
    async uncode(pendingOrId) {
      const id = await savedId(pendingOrId);
      if (!id) return;
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
    async recode(pendingOrId, codeId) {
      const id = await savedId(pendingOrId);
      if (!id) return;
      await get().guard(async () => {
        const coding = await api.call('codings.update', { id, codeId });
        set((s) => ({ codings: s.codings[id] ? { ...s.codings, [id]: coding } : s.codings, paletteOpen: false, recodingId: null }));
        void get().refreshHistory();
        void get().loadCodes();
      });
    },
    async setRepresentative(pendingOrId, representative) {
      const id = await savedId(pendingOrId);
      if (!id) return;
      await get().guard(async () => {
        const coding = await api.call('codings.update', { id, representative });
        set((s) => ({ codings: s.codings[id] ? { ...s.codings, [id]: coding } : s.codings }));
        void get().refreshHistory();
        if (get().segmentsCodeId) void get().reloadSegments();
      });
    },
  };
}

function without(codings: Readonly<Record<string, Coding>>, id: string): Readonly<Record<string, Coding>> {
  const { [id]: _removed, ...rest } = codings;
  return rest;
}
