import type { ImportReport } from '../../../shared/api/methods/documents';
import type { BackendEvent } from '../../../shared/api/events';
import type { DocumentFull, DocumentSummary } from '../../../shared/model/types';
import type { SliceContext } from '../createAppStore';
import { reuseList } from '../reuse';

/** Progress of one file in the running import. */
export interface ImportProgress {
  readonly name: string;
  readonly phase: Extract<BackendEvent, { type: 'import.progress' }>['phase'] | 'uploading' | 'waiting';
}

export interface DocumentsSlice {
  documents: readonly DocumentSummary[];
  openDocument: DocumentFull | null;
  importing: readonly ImportProgress[] | null;
  importReport: ImportReport | null;
  loadDocuments(): Promise<void>;
  openDocumentById(id: string): Promise<void>;
  reloadOpenDocument(): Promise<void>;
  /** Import files picked or dropped by the user (paths in Electron, uploads in a browser). */
  importFiles(files: readonly File[]): Promise<void>;
  /** Import files the main process picked by path (Electron's native dialog). */
  importPaths(paths: readonly string[]): Promise<void>;
  onImportProgress(event: Extract<BackendEvent, { type: 'import.progress' }>): void;
  dismissImportReport(): void;
  deleteDocument(id: string): Promise<void>;
}

export function createDocumentsSlice({ set, get, api, transport }: SliceContext): DocumentsSlice {
  async function runImport(names: readonly string[], sources: () => Promise<({ path: string } | { uploadId: string })[]>): Promise<void> {
    set({ importing: names.map((name) => ({ name, phase: 'waiting' })), importReport: null });
    try {
      await get().guard(async () => {
        const report = await api.call('documents.import', { sources: await sources() });
        set({ importReport: report });
        await get().loadDocuments();
        await get().loadPeople();
        await get().refreshHistory();
        const first = report.files.find((f) => f.status === 'imported');
        if (first?.documentId) await get().openDocumentById(first.documentId);
      });
    } finally {
      set({ importing: null });
    }
  }

  return {
    documents: [],
    openDocument: null,
    importing: null,
    importReport: null,
    async loadDocuments() {
      await get().guard(async () => {
        const list = await api.call('documents.list', {});
        set((s) => ({ documents: reuseList(s.documents, [...list]) }));
      });
    },
    async openDocumentById(id) {
      await get().guard(async () => {
        const [document, codings] = await Promise.all([api.call('documents.get', { id }), api.call('codings.list', { documentId: id })]);
        set({ openDocument: document, codings: Object.fromEntries(codings.map((c) => [c.id, c])), selection: null, selectedCodingId: null });
      });
    },
    async reloadOpenDocument() {
      const open = get().openDocument;
      if (!open) return;
      if (!get().documents.some((d) => d.id === open.id)) {
        set({ openDocument: null, codings: {} });
        return;
      }
      await get().openDocumentById(open.id);
    },
    async importFiles(files) {
      await runImport(
        files.map((f) => f.name),
        async () => {
          const sources = [];
          for (const [index, file] of files.entries()) {
            set((s) => ({ importing: s.importing?.map((p, i) => (i === index ? { ...p, phase: 'uploading' } : p)) ?? null }));
            sources.push(await transport.fileSource(file));
          }
          return sources;
        },
      );
    },
    async importPaths(paths) {
      await runImport(
        paths.map((p) => p.split(/[\\/]/).pop() ?? p),
        async () => paths.map((path) => ({ path })),
      );
    },
    onImportProgress(event) {
      set((s) => ({
        importing: s.importing?.map((p, i) => (i === event.index ? { name: event.name, phase: event.phase } : p)) ?? null,
      }));
    },
    dismissImportReport() {
      set({ importReport: null });
    },
    async deleteDocument(id) {
      await get().guard(async () => {
        await api.call('documents.delete', { id });
        if (get().openDocument?.id === id) set({ openDocument: null, codings: {} });
        await Promise.all([get().loadDocuments(), get().refreshHistory()]);
      });
    },
  };
}
