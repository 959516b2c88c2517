import { z } from 'zod';
import type { DraftReport } from '../../exports/draftCheck';
import type { InformantQuoteList } from '../../exports/informantQuotes';
import { OVERVIEW_TABLES, type Overview } from '../../exports/overview';
import type { QuoteTablesModel } from '../../exports/quoteTable';
import {
  EXPORT_FORMATS,
  ExportSettingsPatch,
  InformantQuoteSettingsPatch,
  OverviewSettingsPatch,
  QuoteSettingsPatch,
  type ExportFormat,
  type ExportSettings,
  type QuoteTableSettings,
} from '../../exports/settings';
import type { ExportWarning } from '../../exports/warnings';
import { method } from '../define';
import { FilePath, Id, NoArgs } from '../limits';
import { ImportSource } from './documents';

/** What an export wrote. */
export interface ExportResult {
  /** Where the file was written (absolute), or null when it waits as a download. */
  readonly path: string | null;
  /** For browser mode: fetch the file once from GET /api/download/<downloadId>. */
  readonly downloadId: string | null;
  readonly fileName: string;
  readonly format: ExportFormat;
  readonly bytes: number;
  readonly tables: number;
  /** Quotes (quote tables, quote lists) or rows (overviews) written. */
  readonly rows: number;
  /** The checks' warnings: listed in the dialog, printed by the CLI, never blocking. */
  readonly warnings: readonly ExportWarning[];
  /** The export's entry in the project's export log. */
  readonly exportId: string;
}

/** The live preview of the quote tables. */
export interface QuotePreview {
  /** The settings in effect (the project's with the call's options laid over them). */
  readonly settings: QuoteTableSettings;
  readonly model: QuoteTablesModel;
  /** The model's warnings and the attribution conflicts with every earlier export. */
  readonly warnings: readonly ExportWarning[];
}

/** One export in the project's log. */
export interface ExportLogEntry {
  readonly id: string;
  readonly kind: 'quotes' | 'overview' | 'informant-quotes';
  readonly format: string;
  readonly fileName: string;
  readonly createdAt: number;
  /** How many quotes it printed (quote tables only). */
  readonly quotes: number;
}

const Format = z.enum(EXPORT_FORMATS);
/** Where an export goes: a path (Electron, CLI; inside the data folder over HTTP), or nothing for a download. */
const Target = {
  path: FilePath.optional(),
  /** The download's file name (browser mode); default from the project's name. */
  fileName: z.string().trim().min(1).max(255).optional(),
};

export const exportsMethods = {
  /** The project's export settings, defaults filled in. Errors: NO_PROJECT. */
  'exports.settings': method(NoArgs).returns<ExportSettings>(),
  /**
   * Change export settings (one undoable step); only the fields given change. Templates are
   * checked: an unknown placeholder is a VALIDATION error naming it and the allowed ones.
   * Errors: NO_PROJECT, VALIDATION.
   */
  'exports.updateSettings': method(ExportSettingsPatch).returns<ExportSettings>(),
  /**
   * The quote tables as they would be exported, for a live preview, with the warnings of the
   * checks (against every earlier export too). `options` override the project's settings for this
   * call only; `format` adds format-specific warnings. Errors: NO_PROJECT, VALIDATION.
   */
  'exports.quotePreview': method(z.strictObject({ options: QuoteSettingsPatch.optional(), format: Format.optional() })).returns<QuotePreview>(),
  /**
   * Write the representative-quotes tables in `format` to `path` (over HTTP relative to the data
   * folder), or keep them as a download when no path is given. The export and the attributions it
   * printed go to the project's export log. Errors: NO_PROJECT, VALIDATION, FORBIDDEN (a path
   * outside the data folder over HTTP, or the project file itself), NOT_FOUND (the folder).
   */
  'exports.quoteTable': method(z.strictObject({ format: Format, options: QuoteSettingsPatch.optional(), ...Target })).returns<ExportResult>(),
  /** An overview table (interviews per case, documents per case, informants) for preview. Errors: NO_PROJECT, VALIDATION. */
  'exports.overviewPreview': method(z.strictObject({ table: z.enum(OVERVIEW_TABLES), options: OverviewSettingsPatch.optional() })).returns<Overview>(),
  /** Write an overview table; targets and errors as exports.quoteTable. */
  'exports.overview': method(
    z.strictObject({ table: z.enum(OVERVIEW_TABLES), format: Format, options: OverviewSettingsPatch.optional(), ...Target }),
  ).returns<ExportResult>(),
  /** Everything quoted from one informant, with context, for member checking (preview). Errors: NO_PROJECT, NOT_FOUND, VALIDATION. */
  'exports.informantQuotesPreview': method(
    z.strictObject({ informantId: Id, options: InformantQuoteSettingsPatch.optional() }),
  ).returns<InformantQuoteList>(),
  /** Write one informant's quote list; targets and errors as exports.quoteTable, plus NOT_FOUND (informant). */
  'exports.informantQuotes': method(
    z.strictObject({ informantId: Id, format: Format, options: InformantQuoteSettingsPatch.optional(), ...Target }),
  ).returns<ExportResult>(),
  /** The project's exports, newest first. Errors: NO_PROJECT. */
  'exports.log': method(NoArgs).returns<readonly ExportLogEntry[]>(),
  /**
   * Check a thesis draft (.docx): every quotation against the attributed informant's words, the
   * table versions and their attributions, and pseudonyms next to case names. Reads the file only.
   * Errors: NO_PROJECT, NOT_FOUND, FORBIDDEN, IMPORT (not a Word document), UNSUPPORTED (not .docx).
   */
  'exports.checkDraft': method(z.strictObject({ source: ImportSource })).returns<DraftReport>(),
};
