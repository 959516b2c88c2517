import type { Level } from '../../../shared/model/levels';
import type { Code } from '../../../shared/model/types';
import type { SliceContext } from '../createAppStore';

export interface CodebookSlice {
  codes: Readonly<Record<string, Code>>;
  loadCodes(): Promise<void>;
  createCode(label: string, level: Level, parentId?: string | null): Promise<Code | undefined>;
  updateCode(id: string, changes: { label?: string; color?: string; description?: string }): Promise<void>;
  moveCodes(ids: readonly string[], parentId: string | null, beforeId?: string | null): Promise<void>;
  deleteCode(id: string): Promise<void>;
}

export function createCodebookSlice({ set, get, api }: SliceContext): CodebookSlice {
  const upsert = (list: readonly Code[]) => set((s) => ({ codes: { ...s.codes, ...Object.fromEntries(list.map((c) => [c.id, c])) } }));
  return {
    codes: {},
    async loadCodes() {
      await get().guard(async () => {
        const list = await api.call('codes.list', {});
        set({ codes: Object.fromEntries(list.map((c) => [c.id, c])) });
      });
    },
    async createCode(label, level, parentId = null) {
      return get().guard(async () => {
        const code = await api.call('codes.create', { label, level, parentId });
        upsert([code]);
        await get().refreshHistory();
        return code;
      });
    },
    async updateCode(id, changes) {
      await get().guard(async () => {
        upsert([await api.call('codes.update', { id, ...changes })]);
        await get().refreshHistory();
      });
    },
    async moveCodes(ids, parentId, beforeId = null) {
      await get().guard(async () => {
        await api.call('codes.move', { ids: [...ids], parentId, beforeId });
        // Siblings were renumbered too: reload the (small) codebook.
        await Promise.all([get().loadCodes(), get().refreshHistory()]);
      });
    },
    async deleteCode(id) {
      await get().guard(async () => {
        await api.call('codes.delete', { id });
        const open = get().openDocument;
        await Promise.all([get().loadCodes(), get().loadDocuments(), get().refreshHistory(), open ? get().loadCodings(open.id) : Promise.resolve()]);
      });
    },
  };
}
