import type { TextRange } from '../../../shared/text/offsets';
import type { SliceContext } from '../createAppStore';

/** Dialogs that can be open over the workspace or start screen. */
export type DialogName = 'settings' | 'newProject' | 'openProject' | null;

export interface UiSlice {
  /** The selected passage of the open document, in canonical offsets. */
  selection: TextRange | null;
  selectedCodingId: string | null;
  paletteOpen: boolean;
  dialog: DialogName;
  setSelection(selection: TextRange | null): void;
  selectCoding(id: string | null): void;
  openPalette(open: boolean): void;
  openDialog(dialog: DialogName): void;
}

export function createUiSlice({ set }: SliceContext): UiSlice {
  return {
    selection: null,
    selectedCodingId: null,
    paletteOpen: false,
    dialog: null,
    setSelection(selection) {
      set({ selection });
    },
    selectCoding(id) {
      set({ selectedCodingId: id });
    },
    openPalette(open) {
      set({ paletteOpen: open });
    },
    openDialog(dialog) {
      set({ dialog });
    },
  };
}
