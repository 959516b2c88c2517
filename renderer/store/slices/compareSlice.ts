import type { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import type { ExportResult } from '../../../shared/api/exportTarget';
import type { CaseTable, CellProblem, InformantImportReport, InformantTable } from '../../../shared/api/methods/attributes';
import type { ColumnsSchema, CooccurringPair, GroupSchema, MatrixResult } from '../../../shared/api/methods/analysis';
import type { CaseDeleteImpact, InformantDeleteImpact } from '../../../shared/api/methods/roster';
import type { CodedSegment } from '../../../shared/api/methods/codings';
import type { Comparison } from '../../../shared/analysis/compare';
import type { Cooccurrence, CooccurrenceMode } from '../../../shared/analysis/cooccurrence';
import type { Grounding } from '../../../shared/analysis/grounding';
import type { MatrixMeasure } from '../../../shared/analysis/matrix';
import type { RowsMode } from '../../../shared/analysis/rows';
import type { AttributeDefinition, AttributeScope, AttributeType } from '../../../shared/attributes/values';
import type { LevelKey } from '../../../shared/model/levels';
import { chooseExportDestination, downloadInlineFiles } from '../../api/exportFiles';
import type { FileSource } from '../../api/transport';
import type { SliceContext } from '../createAppStore';
import { latestWins } from '../latestWins';
import { fileStem } from './figureSlice';

/** The sub-tabs of the Compare view. */
export type CompareTab = 'informants' | 'cases' | 'matrix' | 'grounding' | 'groups' | 'cooccurrence';

/** Matrix columns as the API takes them. */
export type MatrixColumns = z.infer<typeof ColumnsSchema>;
/** A group to compare, as the API takes it. */
export type GroupSpec = z.infer<typeof GroupSchema>;

/** What the matrix shows. */
export interface MatrixOptions {
  readonly rows: RowsMode;
  readonly columns: MatrixColumns;
  readonly measure: MatrixMeasure;
}

/** Co-occurrence settings. */
export interface CooccurrenceOptions {
  readonly level: LevelKey;
  readonly mode: CooccurrenceMode;
}

/** The quotes behind a clicked figure (a matrix cell, a group's row). */
export interface QuoteDrill {
  readonly title: string;
  readonly subtitle: string;
  /** null while loading. */
  readonly segments: readonly CodedSegment[] | null;
}

/** The pairs of codings behind a co-occurrence cell. */
export interface PairDrill {
  readonly title: string;
  readonly pairs: readonly CooccurringPair[] | null;
}

/** A cell edit or import that the backend refused, with the cells it named. */
export interface TableRefusal {
  readonly message: string;
  readonly problems: readonly CellProblem[];
}

/** The matrix and co-occurrence export formats. */
export const MATRIX_FORMATS = { xlsx: 'Excel workbook', csv: 'CSV (comma-separated)', docx: 'Word table', json: 'JSON' } as const;
export type MatrixFormat = keyof typeof MATRIX_FORMATS;

/** State and actions of the compare feature (its components call these, never the API directly). */
export interface CompareSlice {
  compareTab: CompareTab;
  informantTable: InformantTable | null;
  caseTable: CaseTable | null;
  attributes: readonly AttributeDefinition[];
  matrixOptions: MatrixOptions;
  matrix: MatrixResult | null;
  grounding: Grounding | null;
  groups: { readonly a: GroupSpec | null; readonly b: GroupSpec | null };
  comparison: Comparison | null;
  cooccurrenceOptions: CooccurrenceOptions;
  cooccurrence: Cooccurrence | null;
  quoteDrill: QuoteDrill | null;
  pairDrill: PairDrill | null;
  setCompareTab(tab: CompareTab): void;
  /** Load what the current tab shows (after opening it, or after any change to the project). */
  loadCompareTab(): Promise<void>;
  loadInformantTable(): Promise<void>;
  loadCaseTable(): Promise<void>;
  /** Write cells of the informants or cases table as one undoable step; a refusal names the wrong cells. */
  setTableCells(scope: AttributeScope, cells: readonly { ownerId: string; key: string; value: string | number | null }[]): Promise<TableRefusal | null>;
  createAttribute(scope: AttributeScope, name: string, type: AttributeType, choices: readonly string[]): Promise<AttributeDefinition | undefined>;
  /** Delete an attribute (or, with dryRun, say how many values would go). */
  deleteAttribute(id: string, dryRun: boolean): Promise<{ values: number } | undefined>;
  /** Add choices to a choice attribute (the user typed a value it does not list yet). */
  addChoices(id: string, choices: readonly string[]): Promise<boolean>;
  addInformant(label: string, caseId: string | null): Promise<boolean>;
  addCase(name: string, code: string, parentId: string | null): Promise<boolean>;
  deleteInformant(id: string, dryRun: boolean): Promise<InformantDeleteImpact | undefined>;
  deleteCase(id: string, dryRun: boolean): Promise<CaseDeleteImpact | undefined>;
  /** A picked file as something the backend can read (a path in Electron, an upload in a browser). */
  fileSource(file: File): Promise<FileSource | undefined>;
  importInformants(
    source: FileSource,
    options: { createMissing: boolean; createAttributes: boolean; dryRun: boolean },
  ): Promise<{ report: InformantImportReport } | { refusal: TableRefusal } | undefined>;
  exportInformants(format: 'csv' | 'xlsx', includeRealNames: boolean, informantsOnly: boolean): Promise<ExportResult | null | undefined>;
  setMatrixOptions(options: Partial<MatrixOptions>): Promise<void>;
  loadMatrix(): Promise<void>;
  openMatrixCell(rowId: string, colId: string | null | undefined, title: string, subtitle: string): Promise<void>;
  exportMatrix(format: MatrixFormat): Promise<ExportResult | null | undefined>;
  loadGrounding(): Promise<void>;
  setGroups(groups: { a: GroupSpec | null; b: GroupSpec | null }): Promise<void>;
  loadComparison(): Promise<void>;
  openGroupRow(group: GroupSpec, rowId: string, title: string, subtitle: string): Promise<void>;
  setCooccurrenceOptions(options: Partial<CooccurrenceOptions>): Promise<void>;
  loadCooccurrence(): Promise<void>;
  openCooccurrenceCell(aId: string, bId: string, title: string): Promise<void>;
  closeDrill(): void;
  /** Leave the Compare view for the transcript, scrolled to a quote. */
  showQuote(documentId: string, start: number, end: number): Promise<void>;
}

const DEFAULT_MATRIX: MatrixOptions = { rows: 'tree', columns: { kind: 'cases' }, measure: 'codings' };

function refusalOf(error: unknown): TableRefusal | null {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION') return null;
  const problems = (error.details as { problems?: CellProblem[] } | undefined)?.problems;
  return problems ? { message: error.message, problems } : null;
}

export function createCompareSlice({ set, get, api, transport }: SliceContext): CompareSlice {
  let loadedFor: string | null = null;
  /** While blind coding is on, every figure counts the blind coder's codings only (the views reload on the step that turns it on or off). */
  const blindCoders = (): { coderIds?: string[] } => {
    const id = get().blindCoderId;
    return id ? { coderIds: [id] } : {};
  };
  const loadTables = async (which: 'informant' | 'case' | 'both') => {
    await get().guard(async () => {
      const [informantTable, caseTable, attributes] = await Promise.all([
        which !== 'case' ? api.call('informants.table', {}) : Promise.resolve(get().informantTable),
        which !== 'informant' ? api.call('cases.table', {}) : Promise.resolve(get().caseTable),
        api.call('attributes.list', {}),
      ]);
      set({ informantTable, caseTable, attributes });
    });
  };
  const informantTable = latestWins(() => loadTables('informant'));
  const caseTable = latestWins(() => loadTables('case'));
  const bothTables = latestWins(() => loadTables('both'));
  const matrix = latestWins(async () => {
    await get().guard(async () => set({ matrix: await api.call('analysis.matrix', { ...get().matrixOptions, ...blindCoders() }) }));
  });
  const grounding = latestWins(async () => {
    await get().guard(async () => set({ grounding: await api.call('analysis.grounding', { ...blindCoders() }) }));
  });
  const comparison = latestWins(async () => {
    const { a, b } = get().groups;
    if (!a || !b) {
      set({ comparison: null });
      return;
    }
    await get().guard(async () => set({ comparison: await api.call('analysis.compare', { a, b, ...blindCoders() }) }));
  });
  const cooccurrence = latestWins(async () => {
    await get().guard(async () => set({ cooccurrence: await api.call('analysis.cooccurrence', { ...get().cooccurrenceOptions, ...blindCoders() }) }));
  });
  /** After a write: the tables, and the undo history (whose change makes the open tab reload). */
  const afterWrite = async (which: 'informant' | 'case' | 'both') => {
    await Promise.all([which === 'both' ? bothTables() : which === 'informant' ? informantTable() : caseTable(), get().refreshHistory(), get().loadPeople()]);
  };
  const drill = async (title: string, subtitle: string, load: () => Promise<readonly CodedSegment[]>) => {
    set({ quoteDrill: { title, subtitle, segments: null }, pairDrill: null });
    const segments = await get().guard(load);
    // A later click replaced this drill-down: keep the newer one.
    if (get().quoteDrill?.title === title && get().quoteDrill?.subtitle === subtitle) set({ quoteDrill: segments ? { title, subtitle, segments } : null });
  };

  return {
    compareTab: 'informants',
    informantTable: null,
    caseTable: null,
    attributes: [],
    matrixOptions: DEFAULT_MATRIX,
    matrix: null,
    grounding: null,
    groups: { a: null, b: null },
    comparison: null,
    cooccurrenceOptions: { level: 'concept', mode: 'passage' },
    cooccurrence: null,
    quoteDrill: null,
    pairDrill: null,
    setCompareTab(compareTab) {
      set({ compareTab, quoteDrill: null, pairDrill: null });
    },
    async loadCompareTab() {
      const project = get().project;
      if (!project) return;
      // Another project was opened since: nothing shown here belongs to it.
      if (loadedFor !== project.path) {
        loadedFor = project.path;
        set({ informantTable: null, caseTable: null, attributes: [], matrix: null, grounding: null, groups: { a: null, b: null }, comparison: null, cooccurrence: null, quoteDrill: null, pairDrill: null });
      }
      const tab = get().compareTab;
      switch (tab) {
        case 'informants':
        case 'cases':
          return bothTables();
        case 'matrix':
          return void (await Promise.all([matrix(), bothTables()]));
        case 'grounding':
          return grounding();
        case 'groups':
          return void (await Promise.all([comparison(), bothTables()]));
        case 'cooccurrence':
          return cooccurrence();
        default: {
          const never: never = tab;
          return never;
        }
      }
    },
    loadInformantTable: () => informantTable(),
    loadCaseTable: () => caseTable(),
    async setTableCells(scope, cells) {
      try {
        await api.call('attributes.setValues', { scope, cells: cells.map((c) => ({ ...c })) });
      } catch (error) {
        const refusal = refusalOf(error);
        if (refusal) return refusal;
        get().notify('error', error instanceof Error ? error.message : String(error));
        return { message: error instanceof Error ? error.message : String(error), problems: [] };
      }
      // A case change shows in both tables (its informants' case, its counts).
      await afterWrite(scope === 'case' || cells.some((c) => c.key === 'case') ? 'both' : 'informant');
      return null;
    },
    async createAttribute(scope, name, type, choices) {
      return get().guard(async () => {
        const attribute = await api.call('attributes.create', { scope, name, type, ...(type === 'choice' ? { choices: [...choices] } : {}) });
        await afterWrite(scope);
        return attribute;
      });
    },
    async deleteAttribute(id, dryRun) {
      return get().guard(async () => {
        const result = await api.call('attributes.delete', { id, dryRun });
        if (!dryRun) await afterWrite(result.attribute.scope);
        return result;
      });
    },
    async addChoices(id, choices) {
      const attribute = get().attributes.find((a) => a.id === id);
      if (!attribute) return false;
      const done = await get().guard(async () => {
        await api.call('attributes.update', { id, choices: [...attribute.choices, ...choices.filter((c) => !attribute.choices.includes(c))] });
        return true;
      });
      return done ?? false;
    },
    async addInformant(label, caseId) {
      const done = await get().guard(async () => {
        await api.call('informants.create', { label, caseId });
        await afterWrite('both');
        return true;
      });
      return done ?? false;
    },
    async addCase(name, code, parentId) {
      const done = await get().guard(async () => {
        await api.call('cases.create', { name, ...(code ? { code } : {}), parentId });
        await afterWrite('both');
        return true;
      });
      return done ?? false;
    },
    async deleteInformant(id, dryRun) {
      return get().guard(async () => {
        const impact = await api.call('informants.delete', { id, dryRun });
        if (!dryRun) await afterWrite('both');
        return impact;
      });
    },
    async deleteCase(id, dryRun) {
      return get().guard(async () => {
        const impact = await api.call('cases.delete', { id, dryRun });
        if (!dryRun) await afterWrite('both');
        return impact;
      });
    },
    async fileSource(file) {
      return get().guard(() => transport.fileSource(file));
    },
    async importInformants(source, options) {
      try {
        const report = await api.call('informants.importTable', { source: { ...source }, ...options });
        if (!options.dryRun) await afterWrite('both');
        return { report };
      } catch (error) {
        const refusal = refusalOf(error);
        if (refusal) return { refusal };
        get().notify('error', error instanceof Error ? error.message : String(error));
        return undefined;
      }
    },
    async exportInformants(format, includeRealNames, informantsOnly) {
      const project = get().project;
      if (!project) return undefined;
      return get().guard(async () => {
        const destination = await chooseExportDestination(transport, {
          defaultName: `${fileStem(project.name)} – informants.${format}`,
          filters: [{ name: format === 'csv' ? 'CSV' : 'Excel workbook', extensions: [format] }],
        });
        if (!destination) return null;
        const result = await api.call('informants.exportTable', { format, destination, includeRealNames, informantsOnly });
        downloadInlineFiles(result.files);
        return result;
      });
    },
    async setMatrixOptions(options) {
      set((s) => ({ matrixOptions: { ...s.matrixOptions, ...options }, quoteDrill: null }));
      await matrix();
    },
    loadMatrix: () => matrix(),
    async openMatrixCell(rowId, colId, title, subtitle) {
      const { rows, columns } = get().matrixOptions;
      await drill(title, subtitle, () => api.call('analysis.matrixCell', { rows, columns, rowId, ...(colId === undefined ? {} : { colId }), ...blindCoders() }));
    },
    async exportMatrix(format) {
      const project = get().project;
      if (!project) return undefined;
      return get().guard(async () => {
        const destination = await chooseExportDestination(transport, {
          defaultName: `${fileStem(project.name)} – matrix.${format}`,
          filters: [{ name: MATRIX_FORMATS[format], extensions: [format] }],
        });
        if (!destination) return null;
        const result = await api.call('analysis.exportMatrix', { ...get().matrixOptions, format, destination, ...blindCoders() });
        downloadInlineFiles(result.files);
        return result;
      });
    },
    loadGrounding: () => grounding(),
    async setGroups(groups) {
      set({ groups, quoteDrill: null });
      await comparison();
    },
    loadComparison: () => comparison(),
    async openGroupRow(group, rowId, title, subtitle) {
      await drill(title, subtitle, () => api.call('analysis.groupSegments', { group, rowId, ...blindCoders() }));
    },
    async setCooccurrenceOptions(options) {
      set((s) => ({ cooccurrenceOptions: { ...s.cooccurrenceOptions, ...options }, pairDrill: null }));
      await cooccurrence();
    },
    loadCooccurrence: () => cooccurrence(),
    async openCooccurrenceCell(aId, bId, title) {
      set({ pairDrill: { title, pairs: null }, quoteDrill: null });
      const pairs = await get().guard(() => api.call('analysis.cooccurrenceCell', { ...get().cooccurrenceOptions, aId, bId, ...blindCoders() }));
      if (get().pairDrill?.title === title) set({ pairDrill: pairs ? { title, pairs } : null });
    },
    closeDrill() {
      set({ quoteDrill: null, pairDrill: null });
    },
    async showQuote(documentId, start, end) {
      set({ mainView: 'coding' });
      await get().jump(documentId, start, end);
    },
  };
}
