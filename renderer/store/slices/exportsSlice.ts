import { isAppError } from '../../../shared/api/errors';
import type { ExportResult, QuotePreview } from '../../../shared/api/methods/exports';
import type { DraftReport } from '../../../shared/exports/draftCheck';
import type { InformantQuoteList } from '../../../shared/exports/informantQuotes';
import type { Overview, OverviewTable } from '../../../shared/exports/overview';
import type {
  ExportFormat,
  ExportSettings,
  ExportSettingsPatch,
  InformantQuoteSettingsPatch,
  OverviewSettingsPatch,
  QuoteSettingsPatch,
} from '../../../shared/exports/settings';
import { chooseExportDestination } from '../../api/exportFiles';
import type { SliceContext } from '../createAppStore';
import { latestWins } from '../latestWins';
import { fileStem } from './figureSlice';

/** The formats of thesis exports, as the dialogs offer them. */
export const EXPORT_FORMAT_INFO: Readonly<Record<ExportFormat, { readonly label: string; readonly extension: string; readonly filter: string }>> = {
  docx: { label: 'Word (.docx)', extension: 'docx', filter: 'Word document' },
  xlsx: { label: 'Excel (.xlsx)', extension: 'xlsx', filter: 'Excel workbook' },
  csv: { label: 'CSV', extension: 'csv', filter: 'CSV file' },
  md: { label: 'Markdown', extension: 'md', filter: 'Markdown' },
  tex: { label: 'LaTeX', extension: 'tex', filter: 'LaTeX' },
  html: { label: 'HTML (pastes into Word, Google Docs)', extension: 'html', filter: 'Web page' },
  json: { label: 'JSON (for scripts)', extension: 'json', filter: 'JSON' },
};

/** What a preview call brings back: the value, or the reason it could not be made (shown in place). */
export type PreviewState<T> = { readonly status: 'idle' } | { readonly status: 'ready'; readonly value: T } | { readonly status: 'error'; readonly message: string };

/** Where the file of an export went: a path (Electron), or a browser download. */
export type ExportOutcome = ExportResult & { readonly savedAs: string };

/** State and actions of the exports feature (its components call these, never the API directly). */
export interface ExportsSlice {
  /** The project's export settings (house style, language, anonymity), null until loaded. */
  exportSettings: ExportSettings | null;
  quotePreview: PreviewState<QuotePreview>;
  /** The last draft check's report and the file it read. */
  draftReport: { readonly fileName: string; readonly report: DraftReport } | null;
  /** The names of the project's informant attributes (columns the informants overview may add). */
  exportAttributes: readonly string[];
  loadExportSettings(): Promise<void>;
  loadExportAttributes(): Promise<void>;
  /** Keep export settings in the project (one undoable step), so the next export starts from them. */
  saveExportSettings(patch: ExportSettingsPatch): Promise<void>;
  /** Ask for a fresh quote-table preview with `options` over the project's settings (latest call wins). */
  previewQuotes(options: QuoteSettingsPatch, format: ExportFormat): Promise<void>;
  /** Remember `options` in the project and write the quote tables. Null when the save dialog was cancelled. */
  exportQuotes(format: ExportFormat, options: QuoteSettingsPatch): Promise<ExportOutcome | null | undefined>;
  previewOverview(table: OverviewTable, options: OverviewSettingsPatch): Promise<Overview | undefined>;
  /** Remember `options` in the project and write the overview table. Null when the save dialog was cancelled. */
  exportOverview(table: OverviewTable, format: ExportFormat, options: OverviewSettingsPatch): Promise<ExportOutcome | null | undefined>;
  previewInformantQuotes(informantId: string, options: InformantQuoteSettingsPatch): Promise<InformantQuoteList | undefined>;
  exportInformantQuotes(informantId: string, format: ExportFormat, options: InformantQuoteSettingsPatch): Promise<ExportOutcome | null | undefined>;
  /** Upload (browser) or point to (Electron) a .docx draft and check it against the material. */
  checkDraft(file: File): Promise<void>;
  clearDraftReport(): void;
}

/** Fetch a file the devhost keeps for this browser and hand it over as a download. */
function downloadFromDevhost(downloadId: string, fileName: string): void {
  // Without a document (the store in unit tests) there is nowhere to download to.
  if (typeof document === 'undefined') return;
  const link = document.createElement('a');
  link.href = `/api/download/${downloadId}`;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

export function createExportsSlice({ set, get, api, transport }: SliceContext): ExportsSlice {
  let pendingPreview: { options: QuoteSettingsPatch; format: ExportFormat } | null = null;
  const runPreview = latestWins(async () => {
    const args = pendingPreview;
    if (!args || !get().project) return;
    try {
      const value = await api.call('exports.quotePreview', args);
      // A newer request came in meanwhile: its run follows and shows the fresh state.
      if (pendingPreview === args) set({ quotePreview: { status: 'ready', value } });
    } catch (error) {
      // Previews run as the user types: a problem belongs next to the preview, not in a notice.
      if (pendingPreview === args) set({ quotePreview: { status: 'error', message: isAppError(error) ? error.message : String(error) } });
    }
  });

  /** Ask where to save (Electron) and run the export there, or as a browser download. */
  async function deliver(
    name: string,
    format: ExportFormat,
    run: (target: { path?: string; fileName?: string }) => Promise<ExportResult>,
  ): Promise<ExportOutcome | null | undefined> {
    const project = get().project;
    if (!project) return undefined;
    return get().guard(async () => {
      const info = EXPORT_FORMAT_INFO[format];
      const defaultName = `${fileStem(project.name)} – ${name}.${info.extension}`;
      const destination = await chooseExportDestination(transport, { defaultName, filters: [{ name: info.filter, extensions: [info.extension] }] });
      if (!destination) return null;
      const result = await run('path' in destination ? { path: destination.path } : { fileName: defaultName });
      if (result.downloadId) downloadFromDevhost(result.downloadId, result.fileName);
      return { ...result, savedAs: result.path ?? result.fileName };
    });
  }

  return {
    exportSettings: null,
    quotePreview: { status: 'idle' },
    draftReport: null,
    exportAttributes: [],
    async loadExportAttributes() {
      if (!get().project) return;
      await get().guard(async () => set({ exportAttributes: (await api.call('attributes.list', { scope: 'informant' })).map((a) => a.name) }));
    },
    async loadExportSettings() {
      if (!get().project) return;
      await get().guard(async () => set({ exportSettings: await api.call('exports.settings', {}) }));
    },
    async saveExportSettings(patch) {
      await get().guard(async () => {
        const saved = await api.call('exports.updateSettings', patch);
        set({ exportSettings: saved });
        await get().refreshHistory();
      });
    },
    async previewQuotes(options, format) {
      pendingPreview = { options, format };
      await runPreview();
    },
    async exportQuotes(format, options) {
      const outcome = await deliver('representative quotes', format, async (target) => {
        // The user's choices become the project's, so the next export (and the CLI) starts from them.
        set({ exportSettings: await api.call('exports.updateSettings', { quotes: options }) });
        return api.call('exports.quoteTable', { format, options, ...target });
      });
      await get().refreshHistory();
      return outcome;
    },
    async previewOverview(table, options) {
      return get().guard(() => api.call('exports.overviewPreview', { table, options }));
    },
    async exportOverview(table, format, options) {
      const outcome = await deliver(`${table} overview`, format, async (target) => {
        // As with the quote tables: the wording and columns chosen become the project's.
        set({ exportSettings: await api.call('exports.updateSettings', { overview: options }) });
        return api.call('exports.overview', { table, format, options, ...target });
      });
      await get().refreshHistory();
      return outcome;
    },
    async previewInformantQuotes(informantId, options) {
      return get().guard(() => api.call('exports.informantQuotesPreview', { informantId, options }));
    },
    async exportInformantQuotes(informantId, format, options) {
      const label = get().informants.find((i) => i.id === informantId)?.label ?? 'informant';
      const outcome = await deliver(`quotes from ${label}`, format, async (target) => {
        set({ exportSettings: await api.call('exports.updateSettings', { informantQuotes: options }) });
        return api.call('exports.informantQuotes', { informantId, format, options, ...target });
      });
      await get().refreshHistory();
      return outcome;
    },
    async checkDraft(file) {
      await get().guard(async () => {
        const source = await transport.fileSource(file);
        const report = await api.call('exports.checkDraft', { source });
        set({ draftReport: { fileName: file.name, report } });
      });
    },
    clearDraftReport() {
      set({ draftReport: null });
    },
  };
}
