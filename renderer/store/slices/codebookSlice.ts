import type { CodebookImportFile } from '../../../shared/api/methods/codebook';
import type { CodeStats, DeleteImpactResult } from '../../../shared/api/methods/codes';
import { AppError } from '../../../shared/api/errors';
import type { ExportResult } from '../../../shared/api/exportTarget';
import type { CodebookFormat } from '../../../shared/codebook/model';
import type { Level } from '../../../shared/model/levels';
import type { Code, Coding } from '../../../shared/model/types';
import { chooseExportDestination, downloadInlineFiles } from '../../api/exportFiles';
import type { FileSource } from '../../api/transport';
import type { SliceContext } from '../createAppStore';
import { reuseRecord } from '../reuse';
import { latestWins } from '../latestWins';
import { fileStem } from './figureSlice';

/** Editable fields of a code. */
export interface CodeChanges {
  label?: string;
  color?: string;
  heading?: string;
  description?: string;
  memo?: string;
}

/** A promotion or demotion the backend refused because the code holds others; the user may release them. */
export interface PendingLevelChange {
  readonly ids: readonly string[];
  readonly level: Level;
  readonly parentId: string | null;
  readonly message: string;
}

/** Codebook export formats and what the save dialog calls them. */
export const CODEBOOK_FORMATS = {
  csv: { label: 'CSV (opens in Excel, reads back into Stige)', filter: 'CSV table' },
  xlsx: { label: 'Excel workbook (.xlsx)', filter: 'Excel workbook' },
  md: { label: 'Markdown', filter: 'Markdown' },
  docx: { label: 'Word table (.docx)', filter: 'Word document' },
} as const;

/** One of CODEBOOK_FORMATS. */
export type CodebookExportFormat = keyof typeof CODEBOOK_FORMATS;

/** A file chosen for a codebook import, ready to import, with what it looks like. */
export interface CodebookCandidate {
  readonly name: string;
  readonly source: FileSource;
  readonly format: CodebookFormat | null;
}

export interface CodebookSlice {
  codes: Readonly<Record<string, Code>>;
  /** Codings, informants and starred quotes per code (themes and dimensions count what is below). */
  codeStats: Readonly<Record<string, CodeStats>>;
  /** Codes selected in the codebook (Ctrl/Shift+click, checkboxes), in selection order. */
  selectedCodeIds: readonly string[];
  /** Where a Shift+click range starts. */
  selectionAnchor: string | null;
  pendingLevelChange: PendingLevelChange | null;
  loadCodes(): Promise<void>;
  refreshCodeStats(): Promise<void>;
  selectCodes(ids: readonly string[], anchor?: string | null): void;
  createCode(label: string, level: Level, parentId?: string | null): Promise<Code | undefined>;
  updateCode(id: string, changes: CodeChanges): Promise<void>;
  moveCodes(ids: readonly string[], parentId: string | null, beforeId?: string | null): Promise<void>;
  /** Put one group (same parent, same level) in this order. */
  reorderCodes(parentId: string | null, level: Level | null, ids: readonly string[]): Promise<void>;
  /** Merge `sourceIds` into `targetId`; true when done. */
  mergeCodes(sourceIds: readonly string[], targetId: string): Promise<boolean>;
  /** Move some codings of a code to another code or a new one; true when done. */
  splitCode(id: string, codingIds: readonly string[], into: { id: string } | { label: string; description?: string }): Promise<boolean>;
  /**
   * Promote or demote codes. When the backend refuses because a code holds others, the change is
   * kept as `pendingLevelChange` and the "release children" dialog opens; resolves to what happened.
   */
  setCodeLevel(ids: readonly string[], level: Level, parentId: string | null, children?: 'refuse' | 'release'): Promise<'done' | 'children' | 'failed'>;
  previewDelete(ids: readonly string[], withChildren: boolean): Promise<DeleteImpactResult | undefined>;
  deleteCodes(ids: readonly string[], withChildren: boolean): Promise<DeleteImpactResult | undefined>;
  /** A code's own codings in every document (for choosing which go where in a split). */
  ownCodings(codeId: string): Promise<readonly Coding[] | undefined>;
  /** Files chosen for a codebook import (File objects from a browser picker, or paths in Electron), each with the kind of codebook it is (null: not recognised). */
  inspectCodebookFiles(files: readonly File[] | readonly string[]): Promise<readonly CodebookCandidate[] | undefined>;
  importCodebooks(sources: readonly FileSource[], explicit: boolean): Promise<readonly CodebookImportFile[] | undefined>;
  /** Export the codebook (save dialog in Electron, download in a browser); null when cancelled. */
  exportCodebook(format: CodebookExportFormat): Promise<ExportResult | null | undefined>;
}

export function createCodebookSlice({ set, get, api, transport }: SliceContext): CodebookSlice {
  const upsert = (list: readonly Code[]) => set((s) => ({ codes: { ...s.codes, ...Object.fromEntries(list.map((c) => [c.id, c])) } }));
  /** After merges, splits and deletes: codings moved or went, so reload what shows them. */
  const afterCodingsMoved = async () => {
    const open = get().openDocument;
    await Promise.all([
      get().loadCodes(),
      get().loadDocuments(),
      get().refreshHistory(),
      open ? get().loadCodings(open.id) : Promise.resolve(),
      get().segmentsCodeId ? get().reloadSegments() : Promise.resolve(),
    ]);
  };
  const stats = latestWins(async () => {
    if (!get().project) return;
    await get().guard(async () => {
      const list = await api.call('codes.stats', {});
      set((s) => ({ codeStats: reuseRecord(s.codeStats, Object.fromEntries(list.map((stat) => [stat.codeId, stat]))) }));
    });
  });
  return {
    codes: {},
    codeStats: {},
    selectedCodeIds: [],
    selectionAnchor: null,
    pendingLevelChange: null,
    async loadCodes() {
      await get().guard(async () => {
        const list = await api.call('codes.list', {});
        set((s) => {
          const codes = reuseRecord(s.codes, Object.fromEntries(list.map((c) => [c.id, c])));
          if (codes === s.codes) return {};
          const kept = s.selectedCodeIds.filter((id) => codes[id]);
          return {
            codes,
            selectedCodeIds: kept.length === s.selectedCodeIds.length ? s.selectedCodeIds : kept,
            selectionAnchor: s.selectionAnchor && codes[s.selectionAnchor] ? s.selectionAnchor : null,
            segmentsCodeId: s.segmentsCodeId && !codes[s.segmentsCodeId] ? null : s.segmentsCodeId,
          };
        });
      });
    },
    refreshCodeStats: stats,
    selectCodes(ids, anchor) {
      set((s) => ({ selectedCodeIds: [...new Set(ids)], selectionAnchor: anchor === undefined ? s.selectionAnchor : anchor }));
    },
    async createCode(label, level, parentId = null) {
      return get().guard(async () => {
        const code = await api.call('codes.create', { label, level, parentId });
        upsert([code]);
        await get().refreshHistory();
        return code;
      });
    },
    async updateCode(id, changes) {
      await get().guard(async () => {
        upsert([await api.call('codes.update', { id, ...changes })]);
        await get().refreshHistory();
      });
    },
    async moveCodes(ids, parentId, beforeId = null) {
      await get().guard(async () => {
        await api.call('codes.move', { ids: [...ids], parentId, beforeId });
        // Siblings were renumbered too: reload the (small) codebook.
        await Promise.all([get().loadCodes(), get().refreshHistory()]);
      });
    },
    async reorderCodes(parentId, level, ids) {
      await get().guard(async () => {
        await api.call('codes.reorder', { parentId, level, ids: [...ids] });
        await Promise.all([get().loadCodes(), get().refreshHistory()]);
      });
    },
    async mergeCodes(sourceIds, targetId) {
      const done = await get().guard(async () => {
        const result = await api.call('codes.merge', { sourceIds: [...sourceIds], targetId });
        set({ selectedCodeIds: [targetId], selectionAnchor: targetId });
        await afterCodingsMoved();
        const parts = [`${result.moved} coding${result.moved === 1 ? '' : 's'} moved`];
        if (result.collapsed) parts.push(`${result.collapsed} duplicate${result.collapsed === 1 ? '' : 's'} collapsed`);
        if (result.children) parts.push(`${result.children} code${result.children === 1 ? '' : 's'} regrouped`);
        get().notify('info', `Merged ${result.removed} code${result.removed === 1 ? '' : 's'} into “${result.code.label}”: ${parts.join(', ')}`);
        return true;
      });
      return done === true;
    },
    async splitCode(id, codingIds, into) {
      const done = await get().guard(async () => {
        const result = await api.call('codes.split', { id, codingIds: [...codingIds], into });
        set({ selectedCodeIds: [result.code.id], selectionAnchor: result.code.id });
        await afterCodingsMoved();
        get().notify('info', `Moved ${result.moved} coding${result.moved === 1 ? '' : 's'} to ${result.created ? 'the new' : ''} “${result.code.label}”`);
        return true;
      });
      return done === true;
    },
    async setCodeLevel(ids, level, parentId, children = 'refuse') {
      try {
        const result = await api.call('codes.setLevel', { ids: [...ids], level, parentId, children });
        set({ pendingLevelChange: null });
        await Promise.all([get().loadCodes(), get().refreshHistory()]);
        if (result.released) get().notify('info', `${result.released} code${result.released === 1 ? '' : 's'} moved to “Not yet grouped”`);
        return 'done';
      } catch (error) {
        const details = error instanceof AppError ? (error.details as { children?: unknown } | undefined) : undefined;
        if (error instanceof AppError && error.code === 'CONFLICT' && Array.isArray(details?.children) && children === 'refuse') {
          set({ pendingLevelChange: { ids, level, parentId, message: error.message } });
          get().openDialog('releaseChildren');
          return 'children';
        }
        get().notify('error', error instanceof Error ? error.message : String(error));
        return 'failed';
      }
    },
    async previewDelete(ids, withChildren) {
      return get().guard(() => api.call('codes.deletePreview', { ids: [...ids], withChildren }));
    },
    async deleteCodes(ids, withChildren) {
      return get().guard(async () => {
        const result = await api.call('codes.deleteMany', { ids: [...ids], withChildren });
        set((s) => ({ selectedCodeIds: s.selectedCodeIds.filter((id) => !ids.includes(id)) }));
        await afterCodingsMoved();
        return result;
      });
    },
    async ownCodings(codeId) {
      return get().guard(async () => (await api.call('codings.list', { codeId })).filter((c) => c.codeId === codeId));
    },
    async inspectCodebookFiles(files) {
      return get().guard(async () => {
        const found: CodebookCandidate[] = [];
        for (const file of files) {
          const name = typeof file === 'string' ? (file.split(/[\\/]/).pop() ?? file) : file.name;
          const source = typeof file === 'string' ? { path: file } : await transport.fileSource(file);
          const { format } = await api.call('codebook.detect', { source });
          found.push({ name, source, format });
        }
        return found;
      });
    },
    async importCodebooks(sources, explicit) {
      return get().guard(async () => {
        const result = await api.call('codebook.import', { sources: [...sources], explicit });
        await Promise.all([get().loadCodes(), get().refreshHistory()]);
        return result.files;
      });
    },
    async exportCodebook(format) {
      const project = get().project;
      if (!project) return undefined;
      return get().guard(async () => {
        const destination = await chooseExportDestination(transport, {
          defaultName: `${fileStem(project.name)} – codebook.${format}`,
          filters: [{ name: CODEBOOK_FORMATS[format].filter, extensions: [format] }],
        });
        if (!destination) return null;
        const result = await api.call('codebook.export', { format, destination });
        downloadInlineFiles(result.files);
        return result;
      });
    },
  };
}
