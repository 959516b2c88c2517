import type { Command } from 'commander';
import { AppError } from '../../../shared/api/errors';
import {
  ATTRIBUTION_STYLES,
  EXPORT_FORMATS,
  EXPORT_SETTINGS_PRESETS,
  QUOTE_MARKS,
  TABLE_SPLITS,
  type AttributionStyle,
  type QuoteMarks,
  type QuoteSettingsPatch,
  type TableSplit,
} from '../../../shared/exports/settings';
import { withProject } from '../session';
import { exportCommand, formatFor, reportExport, wholeNumber } from './exportGroup';

interface QuoteOptions {
  output: string;
  format?: string;
  allCodings?: boolean;
  cap?: string;
  per?: string;
  conceptColumn?: boolean;
  passage?: boolean;
  marks?: string;
  attribution?: string;
  template?: string;
  caption?: string;
  heading?: string;
  start?: string;
  quoteColumn?: string;
  preset?: string;
  save?: boolean;
  json?: boolean;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new AppError('VALIDATION', `${option} must be one of ${allowed.join(', ')} (got “${value}”)`);
}

/** The options given on the command line as a settings patch (the project's settings fill the rest). */
export function quoteOptions(opts: QuoteOptions): QuoteSettingsPatch {
  const preset = oneOf(opts.preset, ['en', 'nb'] as const, '--preset');
  const base: QuoteSettingsPatch = preset ? { ...EXPORT_SETTINGS_PRESETS[preset].quotes } : {};
  const attribution = oneOf<AttributionStyle>(opts.attribution, ATTRIBUTION_STYLES, '--attribution') ?? (opts.template ? 'custom' : undefined);
  const patch: QuoteSettingsPatch = {
    ...base,
    ...(opts.allCodings ? { selection: 'all' as const } : {}),
    ...(opts.cap !== undefined ? { capPerTheme: wholeNumber(opts.cap, '--cap', 1)! } : {}),
    ...(opts.per ? { per: oneOf<TableSplit>(opts.per, TABLE_SPLITS, '--per')! } : {}),
    ...(opts.conceptColumn ? { conceptColumn: true } : {}),
    ...(opts.passage ? { source: 'passage' as const } : {}),
    ...(opts.marks ? { marks: oneOf<QuoteMarks>(opts.marks, QUOTE_MARKS, '--marks')! } : {}),
    ...(attribution ? { attribution } : {}),
    ...(opts.template !== undefined ? { customTemplate: opts.template } : {}),
    ...(opts.caption !== undefined ? { caption: opts.caption } : {}),
    ...(opts.heading !== undefined ? { heading: opts.heading } : {}),
    ...(opts.start !== undefined ? { startNumber: wholeNumber(opts.start, '--start')! } : {}),
    ...(opts.quoteColumn !== undefined ? { columns: { ...base.columns, quote: opts.quoteColumn } } : {}),
  };
  return patch;
}

export function registerExportQuotesCommand(program: Command): void {
  exportCommand(program)
    .command('quotes')
    .description('Export the representative-quotes tables (one per aggregate dimension by default), with anonymity and consistency checks; warnings go to stderr.')
    .argument('<file.stige>', 'the project file')
    .requiredOption('-o, --output <file>', 'the file to write')
    .option('--format <format>', `${EXPORT_FORMATS.join('|')} (default: from the output file's extension)`)
    .option('--all-codings', 'quote every coding, not only starred (representative) ones')
    .option('--cap <N>', 'at most N quotes per theme')
    .option('--per <split>', `one table per ${TABLE_SPLITS.join('|')}`)
    .option('--concept-column', 'add a column for the first-order concept of each quote')
    .option('--passage', 'quote the raw passage even where a publication excerpt exists')
    .option('--marks <marks>', `quotation marks: ${QUOTE_MARKS.join('|')}`)
    .option('--attribution <style>', `attribution: ${ATTRIBUTION_STYLES.join('|')}`)
    .option('--template <template>', 'custom attribution template, e.g. "«{quote}» – {case}" (implies --attribution custom)')
    .option('--caption <template>', 'caption template, e.g. "Tabell {n}: Representative sitater knyttet til {dimension}."')
    .option('--heading <template>', 'heading before each table, e.g. "{dimension}"')
    .option('--start <N>', 'number of the first table')
    .option('--quote-column <name>', 'title of the quote column')
    .option('--preset <language>', 'start from the en|nb labels instead of the project settings')
    .option('--save', "keep these options as the project's export settings")
    .option('--json', 'print the export result as JSON')
    .action(async (file: string, opts: QuoteOptions) => {
      const format = formatFor(opts.format, opts.output);
      const options = quoteOptions(opts);
      const result = await withProject(file, async (api) => {
        if (opts.save) await api.call('exports.updateSettings', { quotes: options });
        return api.call('exports.quoteTable', { format, path: opts.output, options });
      });
      reportExport(result, `${result.tables} table${result.tables === 1 ? '' : 's'} with ${result.rows} quote${result.rows === 1 ? '' : 's'}`, opts.json);
    });
}
