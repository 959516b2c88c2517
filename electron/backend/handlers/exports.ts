import type { exportsMethods } from '../../../shared/api/methods/exports';
import { listExports } from '../exports/log';
import {
  checkDraftFile,
  exportInformantQuotes,
  exportOverview,
  exportQuoteTable,
  informantQuotesPreview,
  overviewPreview,
  quotePreview,
} from '../exports/service';
import { readExportSettings, updateExportSettings } from '../exports/settingsStore';
import type { HandlersOf } from '../handlerTypes';

export const exportsHandlers = {
  'exports.settings': (_args, { backend }) => readExportSettings(backend.project().db),
  'exports.updateSettings': (args, { backend }) => updateExportSettings(backend.project(), args),
  'exports.quotePreview': (args, { backend }) => quotePreview(backend.project(), args.options, args.format),
  'exports.quoteTable': (args, ctx) => exportQuoteTable(ctx, args),
  'exports.overviewPreview': (args, { backend }) => overviewPreview(backend.project(), args.table, args.options),
  'exports.overview': (args, ctx) => exportOverview(ctx, args),
  'exports.informantQuotesPreview': (args, { backend }) => informantQuotesPreview(backend.project(), args.informantId, args.options),
  'exports.informantQuotes': (args, ctx) => exportInformantQuotes(ctx, args),
  'exports.log': (_args, { backend }) => listExports(backend.project().db),
  'exports.checkDraft': (args, ctx) => checkDraftFile(ctx, args),
} satisfies HandlersOf<typeof exportsMethods>;
