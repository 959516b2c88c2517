import type { AppStore } from '../../store/createAppStore';
import { inVivoLabel } from './domSelection';

/** Code the selection with a new concept named after it (in vivo), or the concept of that name. */
export async function codeInVivo(store: AppStore): Promise<void> {
  const { openDocument, selection } = store.getState();
  if (!openDocument || !selection) return;
  const label = inVivoLabel(openDocument.text.slice(selection.start, selection.end));
  if (label) await store.getState().codeSelection({ concept: label });
}
