import type { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import type { CodeStats } from '../../../shared/api/methods/codes';
import type { AgreementArgs, AgreementReport, CoderSummary, Disagreement, HandoutResult, MergePreview, MergeResult, ResolveAction, TeamStatus } from '../../../shared/api/methods/team';
import type { ExportedFile } from '../../../shared/api/exportTarget';
import { chooseExportDestination, downloadInlineFiles } from '../../api/exportFiles';
import type { FileSource } from '../../api/transport';
import { selectCountedCoderId } from '../coderView';
import type { SliceContext } from '../createAppStore';
import { latestWins } from '../latestWins';

/** What agreement is computed over, as the Team view's form holds it. */
export type AgreementQuery = z.input<typeof AgreementArgs>;

/** A coder's file picked for merging, with what merging it would do. */
export interface PendingMerge {
  readonly source: FileSource;
  /** The file's name as the user knows it. */
  readonly name: string;
  readonly preview: MergePreview;
}

/** The agreement report with the disagreements of the same query. */
export interface AgreementResult {
  readonly query: AgreementQuery;
  readonly report: AgreementReport;
  readonly disagreements: { readonly items: readonly Disagreement[]; readonly total: number };
}

/** One coder's counts for the codebook and documents list (see `renderer/store/coderView.ts`). */
export interface LoadedCoderCounts {
  readonly coderId: string;
  readonly codes: Readonly<Record<string, number>>;
  readonly documents: Readonly<Record<string, number>>;
  readonly stats: Readonly<Record<string, CodeStats>>;
}

/** Formats of the agreement report. */
export const AGREEMENT_FORMATS = { xlsx: 'Excel workbook (.xlsx)', docx: 'Word table (.docx)', csv: 'CSV (.csv)' } as const;
export type AgreementFormat = keyof typeof AGREEMENT_FORMATS;

/** Every table a merge or a resolution may change: reload what shows them. */
const TEAM_TABLES = ['project', 'documents', 'turns', 'speakers', 'codes', 'codings', 'memos', 'coders', 'informants', 'cases'];

/** The disagreements listed at once (the rest are counted). */
const DISAGREEMENT_LIMIT = 200;

/** State and actions of the team feature (its components call these, never the API directly). */
export interface TeamSlice {
  teamCoders: readonly CoderSummary[] | null;
  teamStatus: TeamStatus | null;
  /** While blind coding is on: the only coder whose codings any view shows. */
  blindCoderId: string | null;
  pendingMerge: PendingMerge | null;
  agreement: AgreementResult | null;
  /** The counted coder's counts (blind coding or the coder filter), null when everyone counts. */
  coderCounts: LoadedCoderCounts | null;
  /** Load the counts of the blind or filtered coder (after a change, or when that coder changes). */
  loadCoderCounts(): Promise<void>;
  /** Coders, blind setting and team log. */
  loadTeam(): Promise<void>;
  /** Turn blind coding on for a coder, for the user ('me': their coder is created if need be), or off (null). */
  setBlind(coderId: string | null | 'me'): Promise<void>;
  /**
   * Write a copy for a coder: the native save dialog in the desktop app; in a browser the copy is
   * kept in the projects folder as `fileName` and downloaded. Null when cancelled.
   */
  handOut(coder: string, blind: boolean, fileName: string): Promise<HandoutResult | null | undefined>;
  /** Preview merging a file the user picked (a path in Electron, an upload in a browser). */
  previewMergeFile(file: File): Promise<void>;
  cancelMerge(): void;
  /** Merge the pending file, taking the other side for the conflicts in `theirs`; one undoable step. */
  applyMerge(theirs: readonly string[]): Promise<MergeResult | undefined>;
  /** Compute agreement and list the disagreements for the query. */
  computeAgreement(query: AgreementQuery): Promise<void>;
  /** Recompute the last query (after a resolution, an undo or a merge). */
  refreshAgreement(): Promise<void>;
  clearAgreement(): void;
  /** Export the last report: save dialog in Electron, download in a browser. */
  exportAgreement(format: AgreementFormat): Promise<ExportedFile | null | undefined>;
  /** Resolve one disagreement (accept a version, merge both, or discuss in a memo). */
  resolveDisagreement(item: Disagreement, action: z.input<typeof ResolveAction>): Promise<void>;
}

export function createTeamSlice({ set, get, api, transport }: SliceContext): TeamSlice {
  let loadedFor: string | null = null;
  const applyStatus = (teamStatus: TeamStatus) => set({ teamStatus, blindCoderId: teamStatus.blindCoder?.id ?? null });
  /** After a change the whole workspace may show: reload it, and the team state. */
  const afterChange = async () => {
    await Promise.all([get().refreshTables(TEAM_TABLES), get().loadTeam()]);
  };
  const loadCoderCounts = latestWins(async () => {
    const coderId = get().project ? selectCountedCoderId(get()) : null;
    if (!coderId) {
      if (get().coderCounts) set({ coderCounts: null });
      return;
    }
    await get().guard(async () => {
      try {
        const counts = await api.call('team.coderCounts', { coderId });
        set({ coderCounts: { ...counts, stats: Object.fromEntries(counts.stats.map((c) => [c.codeId, c])) } });
      } catch (error) {
        // Just after opening another project the blind or filtered coder may be the previous
        // project's: its own team status replaces it in a moment, and the counts follow.
        if (error instanceof AppError && error.code === 'NOT_FOUND') set({ coderCounts: null });
        else throw error;
      }
    });
  });
  return {
    coderCounts: null,
    loadCoderCounts,
    teamCoders: null,
    teamStatus: null,
    blindCoderId: null,
    pendingMerge: null,
    agreement: null,
    async loadTeam() {
      const project = get().project;
      if (!project) return;
      // Another project: what was computed or picked for the previous one no longer applies.
      if (project.path !== loadedFor) set({ agreement: null, pendingMerge: null, teamCoders: null, coderCounts: null, teamStatus: null, blindCoderId: null });
      loadedFor = project.path;
      await get().guard(async () => {
        const [teamCoders, status] = await Promise.all([api.call('team.coders', {}), api.call('team.status', {})]);
        set({ teamCoders });
        applyStatus(status);
      });
    },
    async setBlind(coderId) {
      await get().guard(async () => {
        applyStatus(await api.call('team.setBlind', coderId === 'me' ? { mine: true } : { coderId }));
        if (coderId) set({ agreement: null });
        // Starting it for the user may have created their coder: the coder lists must know it.
        await Promise.all([get().refreshHistory(), coderId === 'me' ? Promise.all([get().loadPeople(), get().loadTeam()]) : null]);
        get().notify('info', coderId ? 'Blind coding is on: only your own codings are shown.' : 'Blind coding is off: every coder’s codings are shown.');
      });
    },
    async handOut(coder, blind, fileName) {
      return get().guard(async () => {
        const destination = await chooseExportDestination(transport, { defaultName: `${fileName}.stige`, filters: [{ name: 'Stige project', extensions: ['stige'] }] });
        if (!destination) return null;
        const inline = 'inline' in destination;
        const result = await api.call('team.handout', { path: inline ? fileName : destination.path, coder, blind, ...(inline ? { download: true } : {}) });
        if (result.file) downloadInlineFiles([result.file]);
        await get().loadTeam();
        return result;
      });
    },
    async previewMergeFile(file) {
      await get().guard(async () => {
        const source = await transport.fileSource(file);
        const preview = await api.call('team.mergePreview', source);
        set({ pendingMerge: { source, name: file.name, preview } });
      });
    },
    cancelMerge() {
      set({ pendingMerge: null });
    },
    async applyMerge(theirs) {
      const pending = get().pendingMerge;
      if (!pending) return undefined;
      return get().guard(async () => {
        const result = await api.call('team.mergeApply', { ...pending.source, theirs: [...theirs] });
        set({ pendingMerge: null });
        await afterChange();
        get().notify('info', `${result.label}: done. Undo takes the whole merge back.`);
        return result;
      });
    },
    async computeAgreement(query) {
      await get().guard(async () => {
        const { excludeUncoded: _exclude, ...listQuery } = query;
        const [report, disagreements] = await Promise.all([
          api.call('team.agreement', query),
          api.call('team.disagreements', { ...listQuery, limit: DISAGREEMENT_LIMIT }),
        ]);
        set({ agreement: { query, report, disagreements } });
      });
    },
    async refreshAgreement() {
      const current = get().agreement;
      if (current && !get().blindCoderId) await get().computeAgreement(current.query);
    },
    clearAgreement() {
      set({ agreement: null });
    },
    async exportAgreement(format) {
      const current = get().agreement;
      const project = get().project;
      if (!current || !project) return undefined;
      return get().guard(async () => {
        const destination = await chooseExportDestination(transport, {
          defaultName: `${project.name.replace(/[\\/:*?"<>|]+/g, ' ').trim()} – inter-coder agreement.${format}`,
          filters: [{ name: AGREEMENT_FORMATS[format], extensions: [format] }],
        });
        if (!destination) return null;
        const result = await api.call('team.exportAgreement', { ...current.query, format, ...('inline' in destination ? { inline: true as const } : { path: destination.path }) });
        downloadInlineFiles([result.file]);
        return result.file;
      });
    },
    async resolveDisagreement(item, action) {
      const current = get().agreement;
      if (!current) return;
      await get().guard(async () => {
        const coderIds = [...current.query.coderIds];
        const result = await api.call('team.resolve', { documentId: item.documentId, start: item.start, end: item.end, coderIds, codeIds: item.codes.map((c) => c.id), action });
        // The history changes with it, and the Team view recomputes the agreement on that.
        await afterChange();
        get().notify('info', `${result.label}. Undo takes it back.`);
      });
    },
  };
}
