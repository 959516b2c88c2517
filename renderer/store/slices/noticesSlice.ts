import type { SliceContext } from '../createAppStore';

/** A message shown to the user until dismissed (errors stay; information fades). */
export interface Notice {
  readonly id: number;
  readonly kind: 'error' | 'info';
  readonly message: string;
}

export interface NoticesSlice {
  notices: readonly Notice[];
  notify(kind: Notice['kind'], message: string): void;
  dismissNotice(id: number): void;
  /** Run an action; a failure becomes a visible error notice instead of vanishing. */
  guard<T>(action: () => Promise<T>): Promise<T | undefined>;
}

let nextId = 1;

export function createNoticesSlice({ set, get }: SliceContext): NoticesSlice {
  return {
    notices: [],
    notify(kind, message) {
      const notice = { id: nextId++, kind, message };
      // A new confirmation replaces the previous one; errors stay until dismissed (the last three).
      set((s) => ({ notices: [...s.notices.filter((n) => n.kind === 'error').slice(-2), notice] }));
      if (kind === 'info') setTimeout(() => get().dismissNotice(notice.id), 3500);
    },
    dismissNotice(id) {
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
    async guard(action) {
      try {
        return await action();
      } catch (error) {
        get().notify('error', error instanceof Error ? error.message : String(error));
        return undefined;
      }
    },
  };
}
