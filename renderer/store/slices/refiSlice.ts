import type { RefiExportResult, RefiImportReport } from '../../../shared/api/methods/refi';
import type { LevelMapping } from '../../../shared/refi/levels';
import { chooseExportDestination } from '../../api/exportFiles';
import { downloadFromServer } from '../../api/serverDownload';
import type { FileSource } from '../../api/transport';
import type { SliceContext } from '../createAppStore';
import { fileStem } from './figureSlice';

/** A REFI-QDA file chosen for import: its name and how the backend reads it (a path, or an upload kept until imported). */
export interface RefiFile {
  readonly name: string;
  readonly source: FileSource;
}

/** What the user decided in the import dialog. */
export interface RefiImportChoices {
  readonly levels: LevelMapping;
  /** Who wins a conflict nobody chose for: the project ('keep') or the file ('replace'). */
  readonly onConflict: 'keep' | 'replace';
  /** Choices per GUID, overriding `onConflict`. */
  readonly resolve: Readonly<Record<string, 'keep' | 'replace'>>;
}

/** A preview or an import: the report, or why the file could not be read (shown in the dialog, not as a notice). */
export type RefiOutcome = { readonly report: RefiImportReport } | { readonly error: string };

/** The two REFI-QDA exports. */
export type RefiExportKind = 'qdpx' | 'qdc';

/** What each export is called in the save dialog. */
export const REFI_EXPORTS = {
  qdpx: { filter: 'REFI-QDA project', suffix: '' },
  qdc: { filter: 'REFI-QDA codebook', suffix: ' – codebook' },
} as const;

/** Every table an import may write to: all of them are reloaded after it. */
const IMPORTED_TABLES = ['project', 'documents', 'turns', 'speakers', 'codings', 'codes', 'informants', 'cases', 'coders', 'memos'];

export interface RefiSlice {
  /** Make a picked file (browser File, uploaded once) or an Electron path ready for inspecting and importing. */
  prepareRefiFile(file: File | string): Promise<RefiFile | undefined>;
  /** What importing the file would do with these choices; changes nothing. */
  inspectRefi(file: RefiFile, choices: RefiImportChoices): Promise<RefiOutcome>;
  /** Import the file as one undoable step, then reload everything it may have changed. */
  importRefi(file: RefiFile, choices: RefiImportChoices): Promise<RefiOutcome>;
  /** Export the project (.qdpx) or its codebook (.qdc): save dialog in Electron, download in a browser; null when cancelled. */
  exportRefi(kind: RefiExportKind, includeRealNames: boolean): Promise<RefiExportResult | null | undefined>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createRefiSlice({ get, api, transport }: SliceContext): RefiSlice {
  const args = (file: RefiFile, choices: RefiImportChoices) => ({
    source: file.source,
    levels: choices.levels,
    onConflict: choices.onConflict,
    ...(Object.keys(choices.resolve).length ? { resolve: { ...choices.resolve } } : {}),
  });
  return {
    async prepareRefiFile(file) {
      return get().guard(async () =>
        typeof file === 'string' ? { name: file.split(/[\\/]/).pop() ?? file, source: { path: file } } : { name: file.name, source: await transport.fileSource(file) },
      );
    },
    async inspectRefi(file, choices) {
      try {
        return { report: await api.call('refi.inspect', args(file, choices)) };
      } catch (error) {
        return { error: message(error) };
      }
    },
    async importRefi(file, choices) {
      let report: RefiImportReport;
      try {
        report = await api.call('refi.import', args(file, choices));
      } catch (error) {
        return { error: message(error) };
      }
      await get().refreshTables(IMPORTED_TABLES);
      // When nothing was open (e.g. an empty project), show the imported transcript with the most codings.
      const best = report.sources.filter((s) => s.documentId && s.status === 'imported').sort((a, b) => b.codings - a.codings)[0];
      if (!get().openDocument && best?.documentId) await get().openDocumentById(best.documentId);
      return { report };
    },
    async exportRefi(kind, includeRealNames) {
      const project = get().project;
      if (!project) return undefined;
      return get().guard(async () => {
        const fileName = `${fileStem(project.name)}${REFI_EXPORTS[kind].suffix}.${kind}`;
        const destination = await chooseExportDestination(transport, { defaultName: fileName, filters: [{ name: REFI_EXPORTS[kind].filter, extensions: [kind] }] });
        if (!destination) return null;
        const method = kind === 'qdpx' ? 'refi.exportProject' : 'refi.exportCodebook';
        // The native save dialog has already asked before replacing a file.
        const target = 'path' in destination ? { path: destination.path, overwrite: true, includeRealNames } : { download: true as const, fileName, includeRealNames };
        const result = await api.call(method, target);
        if (result.downloadUrl) downloadFromServer(result.downloadUrl, result.fileName);
        return result;
      });
    },
  };
}
