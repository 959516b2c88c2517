import type { Command } from 'commander';
import { AppError } from '../../../shared/api/errors';
import type { ApiClient } from '../../../shared/api/client';
import { OVERVIEW_TABLES, type OverviewTable } from '../../../shared/exports/overview';
import { EXPORT_FORMATS, EXPORT_SETTINGS_PRESETS, overviewWording, type InformantQuoteSettingsPatch, type OverviewSettingsPatch } from '../../../shared/exports/settings';
import { withProject } from '../session';
import { exportCommand, formatFor, reportExport, wholeNumber } from './exportGroup';

interface OverviewOptions {
  output: string;
  format?: string;
  table: string;
  words?: boolean;
  caption?: string;
  start?: string;
  preset?: string;
  attributes?: string;
  total?: string;
  json?: boolean;
}

interface InformantOptions {
  output: string;
  format?: string;
  informant: string;
  representative?: boolean;
  preset?: string;
  json?: boolean;
}

function preset(value: string | undefined): 'en' | 'nb' | undefined {
  if (value === undefined) return undefined;
  if (value === 'en' || value === 'nb') return value;
  throw new AppError('VALIDATION', `--preset must be en or nb (got “${value}”)`);
}

/** The informant whose id or label is `ref` (label exactly, then ignoring case); CONFLICT when a label is shared. */
export async function findInformant(api: ApiClient, ref: string): Promise<{ id: string; label: string }> {
  const people = await api.call('informants.list', {});
  const byId = people.find((p) => p.id === ref);
  if (byId) return byId;
  let matches = people.filter((p) => p.label === ref);
  if (matches.length === 0) matches = people.filter((p) => p.label.toLocaleLowerCase() === ref.toLocaleLowerCase());
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new AppError('CONFLICT', `${matches.length} informants are labelled “${ref}”; use the informant's id instead`);
  throw new AppError('NOT_FOUND', `There is no informant “${ref}” (informants: ${people.map((p) => `“${p.label}”`).join(', ') || 'none'})`);
}

/** "Alder, Sektor" → ["Alder", "Sektor"]; an empty list means no attribute columns. */
function attributeNames(value: string): string[] {
  return value
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
}

export function registerExportOverviewCommands(program: Command): void {
  const group = exportCommand(program);
  group
    .command('overview')
    .description('Export an overview table: interviews per case (date, length, pages, totals), documents per case, or informants.')
    .argument('<file.stige>', 'the project file')
    .requiredOption('--table <table>', OVERVIEW_TABLES.join('|'))
    .requiredOption('-o, --output <file>', 'the file to write')
    .option('--format <format>', `${EXPORT_FORMATS.join('|')} (default: from the output file's extension)`)
    .option('--words', 'give transcript sizes in words instead of pages')
    .option('--caption <template>', 'caption template, e.g. "Tabell {n}: Oversikt over intervjuene"')
    .option('--start <N>', 'the table number')
    .option('--total <template>', 'total row of each case, e.g. "Totalt {duration}, {pages} sider" ({case} {count} {duration} {pages} {words})')
    .option('--attributes <names>', 'informants table: informant attributes to add as columns, comma-separated, in this order (e.g. "Alder,Sektor")')
    .option('--preset <language>', 'start from the en|nb labels instead of the project settings')
    .option('--json', 'print the export result as JSON')
    .action(async (file: string, opts: OverviewOptions) => {
      if (!(OVERVIEW_TABLES as readonly string[]).includes(opts.table)) throw new AppError('VALIDATION', `--table must be one of ${OVERVIEW_TABLES.join(', ')} (got “${opts.table}”)`);
      const table = opts.table as OverviewTable;
      const format = formatFor(opts.format, opts.output);
      const language = preset(opts.preset);
      // A language changes the wording only: columns, measure and table numbers stay the project's.
      const base: OverviewSettingsPatch = language ? overviewWording(language) : {};
      const options: OverviewSettingsPatch = {
        ...base,
        ...(opts.words ? { measure: 'words' as const } : {}),
        ...(opts.caption !== undefined ? { captions: { ...base.captions, [table]: opts.caption } } : {}),
        ...(opts.start !== undefined ? { numbers: { [table]: wholeNumber(opts.start, '--start')! } } : {}),
        ...(opts.total !== undefined ? { [opts.words ? 'totalWords' : 'total']: opts.total } : {}),
        ...(opts.attributes !== undefined ? { informantAttributes: attributeNames(opts.attributes) } : {}),
      };
      const result = await withProject(file, (api) => api.call('exports.overview', { table, format, path: opts.output, options }));
      reportExport(result, `the ${table} overview (${result.rows} rows)`, opts.json);
    });
  group
    .command('informant-quotes')
    .description("Export everything coded from one informant, with context and how the tables attribute it, for member checking.")
    .argument('<file.stige>', 'the project file')
    .requiredOption('--informant <label-or-id>', 'the informant')
    .requiredOption('-o, --output <file>', 'the file to write')
    .option('--format <format>', `${EXPORT_FORMATS.join('|')} (default: from the output file's extension)`)
    .option('--representative', 'only starred (representative) quotes (default: every quote)')
    .option('--preset <language>', 'start from the en|nb labels instead of the project settings')
    .option('--json', 'print the export result as JSON')
    .action(async (file: string, opts: InformantOptions) => {
      const format = formatFor(opts.format, opts.output);
      const language = preset(opts.preset);
      // The selection is always the command's own, whatever the dialog last kept in the project.
      const { selection: _kept, ...wording } = language ? EXPORT_SETTINGS_PRESETS[language].informantQuotes : { selection: 'all' };
      const options: InformantQuoteSettingsPatch = { ...wording, selection: opts.representative ? 'representative' : 'all' };
      const result = await withProject(file, async (api) => {
        const person = await findInformant(api, opts.informant);
        return api.call('exports.informantQuotes', { informantId: person.id, format, path: opts.output, options });
      });
      reportExport(result, `${result.rows} quote${result.rows === 1 ? '' : 's'}`, opts.json);
    });
}
