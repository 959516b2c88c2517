import type { Case, Coder, Informant } from '../../../shared/model/types';
import type { SliceContext } from '../createAppStore';

export interface PeopleSlice {
  informants: readonly Informant[];
  cases: readonly Case[];
  coders: readonly Coder[];
  loadPeople(): Promise<void>;
}

export function createPeopleSlice({ set, get, api }: SliceContext): PeopleSlice {
  return {
    informants: [],
    cases: [],
    coders: [],
    async loadPeople() {
      if (!get().project) return;
      await get().guard(async () => {
        const [informants, cases, coders] = await Promise.all([
          api.call('informants.list', {}),
          api.call('cases.list', {}),
          api.call('coders.list', {}),
        ]);
        set({ informants, cases, coders });
      });
    },
  };
}
