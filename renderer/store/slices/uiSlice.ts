import type { TextRange } from '../../../shared/text/offsets';
import type { SliceContext } from '../createAppStore';

/** Dialogs that can be open over the workspace or start screen. */
export type DialogName =
  | 'settings'
  | 'newProject'
  | 'openProject'
  | 'pseudonymise'
  | 'speakers'
  | 'documentDetails'
  | 'exportQuotes'
  | 'exportOverview'
  | 'exportStructure'
  | 'exportCodebook'
  | 'exportRefi'
  | 'importCodebook'
  | 'importRefi'
  | 'checkDraft'
  | 'codeDetails'
  | 'mergeCodes'
  | 'splitCode'
  | 'deleteCodes'
  | 'moveCodes'
  | 'releaseChildren'
  | null;

/** What the main area shows: the transcript for coding, the data-structure figure, comparisons, teamwork. */
export type MainView = 'coding' | 'structure' | 'compare' | 'team';

/** The tabs of the right-hand column. */
export type SideTab = 'codebook' | 'segments' | 'search' | 'memos' | 'review';

/** What the transcript shows: every coding, or those of one code (any level) and/or one coder. */
export interface CodingFilter {
  readonly codeId: string | null;
  readonly coderId: string | null;
}

/** A request to scroll the transcript to a passage and flash it (the nonce makes repeats count). */
export interface JumpRequest {
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
  readonly nonce: number;
}

export interface UiSlice {
  /** The selected passage of the open document, in canonical offsets. */
  selection: TextRange | null;
  selectedCodingId: string | null;
  paletteOpen: boolean;
  /** The palette recodes this coding instead of coding the selection. */
  recodingId: string | null;
  dialog: DialogName;
  /** Extra data for the open dialog (e.g. the document whose speakers are edited). */
  dialogTarget: string | null;
  mainView: MainView;
  sideTab: SideTab;
  filter: CodingFilter;
  editMode: boolean;
  jumpTo: JumpRequest | null;
  setSelection(selection: TextRange | null): void;
  selectCoding(id: string | null): void;
  openPalette(open: boolean, recodingId?: string | null): void;
  openDialog(dialog: DialogName, target?: string | null): void;
  setMainView(view: MainView): void;
  setSideTab(tab: SideTab): void;
  setFilter(filter: Partial<CodingFilter>): void;
  setEditMode(on: boolean): void;
  /** Open the document if needed and scroll to a passage. */
  jump(documentId: string, start: number, end: number): Promise<void>;
}

let jumps = 0;

export function createUiSlice({ set, get }: SliceContext): UiSlice {
  return {
    selection: null,
    selectedCodingId: null,
    paletteOpen: false,
    recodingId: null,
    dialog: null,
    dialogTarget: null,
    mainView: 'coding',
    sideTab: 'codebook',
    filter: { codeId: null, coderId: null },
    editMode: false,
    jumpTo: null,
    setSelection(selection) {
      set({ selection });
    },
    selectCoding(id) {
      set({ selectedCodingId: id });
    },
    openPalette(open, recodingId = null) {
      set({ paletteOpen: open, recodingId: open ? recodingId : null });
    },
    openDialog(dialog, target = null) {
      set({ dialog, dialogTarget: target });
    },
    setMainView(mainView) {
      set({ mainView });
    },
    setSideTab(sideTab) {
      set({ sideTab });
    },
    setFilter(filter) {
      set((s) => ({ filter: { ...s.filter, ...filter } }));
    },
    setEditMode(editMode) {
      set({ editMode, selection: null, selectedCodingId: null });
    },
    async jump(documentId, start, end) {
      if (get().openDocument?.id !== documentId) await get().openDocumentById(documentId);
      jumps += 1;
      set({ jumpTo: { documentId, start, end, nonce: jumps } });
    },
  };
}
