import { useApp, useAppStore } from '../../store/StoreContext';
import { codeInVivo } from './codingActions';

/** The actions for a selected passage, shown under the transcript header (also by keyboard: C, V). */
export function SelectionToolbar({ text }: { text: string }) {
  const store = useAppStore();
  const selection = useApp((s) => s.selection);
  const openPalette = useApp((s) => s.openPalette);
  if (!selection) return null;
  const passage = text.slice(selection.start, selection.end);
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Code the selected passage">
      <span className="selection-preview" title={passage}>
        “{passage.length > 70 ? `${passage.slice(0, 69)}…` : passage}”
      </span>
      <button type="button" className="primary" onClick={() => openPalette(true)}>
        Code… <kbd>C</kbd>
      </button>
      <button type="button" onClick={() => void codeInVivo(store)}>
        In vivo <kbd>V</kbd>
      </button>
    </div>
  );
}
