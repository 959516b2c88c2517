import type { ExportResult } from '../../../shared/api/exportTarget';
import type { StructureFormatName } from '../../../shared/api/methods/structure';
import type { StructureOptions } from '../../../shared/layout/options';
import type { StructureFigure } from '../../../shared/layout/pages';
import { chooseExportDestination, downloadInlineFiles } from '../../api/exportFiles';
import type { SliceContext } from '../createAppStore';
import { latestWins } from '../latestWins';

/** Changes to the figure options (any subset). */
export type FigureOptionsPatch = Partial<StructureOptions>;

/** What the user sees in a save dialog for each figure format. */
export const FIGURE_FORMATS: Readonly<Record<StructureFormatName, { readonly label: string; readonly short: string; readonly filter: string }>> = {
  svg: { label: 'SVG (vector, real text)', short: 'SVG', filter: 'SVG image' },
  png: { label: 'PNG (300 dpi)', short: 'PNG', filter: 'PNG image' },
  pdf: { label: 'PDF (A4, font embedded)', short: 'PDF', filter: 'PDF document' },
  docx: { label: 'Word (.docx, figure with caption)', short: 'Word', filter: 'Word document' },
  json: { label: 'JSON (the computed layout)', short: 'JSON', filter: 'JSON file' },
};

/** The data-structure figure: its saved options, the computed layout, preview and export. */
export interface FigureSlice {
  figureOptions: StructureOptions | null;
  figure: StructureFigure | null;
  /** Reload options and layout; overlapping calls coalesce so the newest state wins. */
  refreshFigure(): Promise<void>;
  /** Save option changes in the project (one undoable step) and redraw. */
  setFigureOptions(patch: FigureOptionsPatch): Promise<void>;
  /**
   * Export the figure (with `patch` over the saved options): to a file chosen in Electron's save
   * dialog, or as browser downloads. Null when the user cancelled the save dialog.
   */
  exportFigure(format: StructureFormatName, patch?: FigureOptionsPatch): Promise<ExportResult | null | undefined>;
}

/** A project name as the start of a file name. */
export function fileStem(name: string): string {
  return name.replace(/[\\/:*?"<>|\0]+/g, '_').trim() || 'Stige';
}

export function createFigureSlice({ set, get, api, transport }: SliceContext): FigureSlice {
  const reload = latestWins(async () => {
    if (!get().project) return;
    await get().guard(async () => {
      // While blind coding is on the figure counts only the blind coder's codings, like every other count.
      const blind = get().blindCoderId;
      const [figureOptions, figure] = await Promise.all([api.call('structure.options', {}), api.call('structure.layout', blind ? { coderId: blind } : {})]);
      if (get().project) set({ figureOptions, figure });
    });
  });
  return {
    figureOptions: null,
    figure: null,
    refreshFigure: reload,
    async setFigureOptions(patch) {
      const before = get().figureOptions;
      // Show the choice at once; the saved options come back with the new layout.
      if (before) set({ figureOptions: { ...before, ...patch } });
      await get().guard(async () => {
        await api.call('structure.setOptions', { ...patch });
        await Promise.all([reload(), get().refreshHistory()]);
      });
    },
    async exportFigure(format, patch) {
      const project = get().project;
      if (!project) return undefined;
      return get().guard(async () => {
        const destination = await chooseExportDestination(transport, {
          defaultName: `${fileStem(project.name)} – data structure.${format}`,
          filters: [{ name: FIGURE_FORMATS[format].filter, extensions: [format] }],
        });
        if (!destination) return null;
        const blind = get().blindCoderId;
        const result = await api.call('structure.export', {
          format,
          destination,
          ...(patch && Object.keys(patch).length ? { options: { ...patch } } : {}),
          ...(blind ? { coderId: blind } : {}),
        });
        downloadInlineFiles(result.files);
        return result;
      });
    },
  };
}
