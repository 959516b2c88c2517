import path from 'node:path';
import { Option } from 'commander';
import type { ExportSubcommand } from './export';
import { AppError } from '../../../shared/api/errors';
import type { ExportResult } from '../../../shared/api/exportTarget';
import type { ArgsOf } from '../../../shared/api/contract';
import { MAX_FONT_SIZE, MIN_FONT_SIZE } from '../../../shared/layout/options';
import { printJson, printLine } from '../output';
import { withProject } from '../session';

const STRUCTURE_FORMATS = ['svg', 'png', 'pdf', 'docx', 'json'] as const;
const CODEBOOK_FORMATS = ['csv', 'xlsx', 'md', 'docx'] as const;

/** The format named by --format, else by the output file's extension. */
function formatOf<T extends string>(given: string | undefined, output: string | undefined, allowed: readonly T[], what: string): T {
  const candidate = (given ?? (output ? path.extname(output).slice(1).toLowerCase() : '')).toLowerCase();
  const normalised = candidate === 'markdown' ? 'md' : candidate;
  if ((allowed as readonly string[]).includes(normalised)) return normalised as T;
  throw new AppError('VALIDATION', `${what}: choose --format ${allowed.join('|')}${candidate ? ` (“${candidate}” is not one of them)` : ''}`);
}

function report(result: ExportResult, json: boolean | undefined): void {
  if (json) return printJson(result);
  for (const f of result.files) printLine(`wrote     ${f.path} (${f.bytes} bytes)`);
  for (const w of result.warnings) process.stderr.write(`stige: warning: ${w}\n`);
}

interface StructureCliOptions {
  format?: string;
  output?: string;
  caption?: string;
  counts?: 'none' | 'codings' | 'informants' | 'both';
  fill?: 'plain' | 'support' | 'codeColour';
  order?: 'manual' | 'support';
  connector?: 'bracket' | 'lines';
  orientation?: 'auto' | 'portrait' | 'landscape';
  fontSize?: string;
  locale?: 'en' | 'nb';
  onlyRepresentative?: boolean;
  split?: boolean;
  ungrouped?: boolean;
  embedFont: boolean;
  json?: boolean;
}

/** Figure options given on the command line (the rest come from the project's saved options). */
export function structureOptionsFromCli(opts: StructureCliOptions): NonNullable<ArgsOf<'structure.export'>['options']> {
  const fontSize = opts.fontSize === undefined ? undefined : Number(opts.fontSize);
  if (fontSize !== undefined && !(fontSize >= MIN_FONT_SIZE && fontSize <= MAX_FONT_SIZE)) {
    throw new AppError('VALIDATION', `--font-size must be a number from ${MIN_FONT_SIZE} to ${MAX_FONT_SIZE} (points)`);
  }
  return {
    ...(opts.caption !== undefined ? { caption: opts.caption } : {}),
    ...(opts.counts ? { counts: opts.counts } : {}),
    ...(opts.fill ? { fill: opts.fill } : {}),
    ...(opts.order ? { order: opts.order } : {}),
    ...(opts.connector ? { connector: opts.connector } : {}),
    ...(opts.orientation ? { orientation: opts.orientation } : {}),
    ...(fontSize !== undefined ? { fontSize } : {}),
    ...(opts.locale ? { locale: opts.locale } : {}),
    ...(opts.onlyRepresentative !== undefined ? { onlyRepresentative: opts.onlyRepresentative } : {}),
    ...(opts.split !== undefined ? { split: opts.split } : {}),
    ...(opts.ungrouped !== undefined ? { ungrouped: opts.ungrouped } : {}),
  };
}

/** `stige export structure`: the data-structure figure. */
export const exportStructure: ExportSubcommand = (command) => {
  command
    .command('structure')
    .description('Export the Gioia data-structure figure, laid out for an A4 page (16 cm text width, type ≥ 8 pt). Options not given come from the project.')
    .argument('<file.stige>', 'the project file')
    .option('--format <format>', `${STRUCTURE_FORMATS.join('|')} (default: from the -o extension; json without -o prints to stdout)`)
    .option('-o, --output <file>', 'where to write (split SVG/PNG: file-1.svg, file-2.svg, …)')
    .option('--caption <text>', 'caption template, e.g. "Figur 5: Rammeverk for analyse. Kilde: Egenprodusert." ({project}, {dimension}, {part}, {level1..3})')
    .addOption(new Option('--counts <what>', 'counts in concept boxes').choices(['none', 'codings', 'informants', 'both']))
    .addOption(new Option('--fill <style>', 'box fill').choices(['plain', 'support', 'codeColour']))
    .addOption(new Option('--order <order>', 'order within groups').choices(['manual', 'support']))
    .addOption(new Option('--connector <style>', 'brackets or lines').choices(['bracket', 'lines']))
    .addOption(new Option('--orientation <o>', 'page orientation').choices(['auto', 'portrait', 'landscape']))
    .option('--font-size <pt>', `label size in points (${MIN_FONT_SIZE}–${MAX_FONT_SIZE})`)
    .addOption(new Option('--locale <lang>', 'language of added words (counts, legend)').choices(['en', 'nb']))
    .option('--only-representative', 'only concepts with at least one representative (starred) quote')
    .option('--split', 'one figure per aggregate dimension')
    .option('--ungrouped', 'also list concepts not yet grouped')
    .option('--no-embed-font', 'SVG: reference the font by name instead of embedding it')
    .option('--json', 'print what was written as JSON')
    .action(async (file: string, opts: StructureCliOptions) => {
      const format = formatOf(opts.format, opts.output, STRUCTURE_FORMATS, 'stige export structure');
      const options = structureOptionsFromCli(opts);
      if (!opts.output && format !== 'json') throw new AppError('VALIDATION', 'stige export structure: give the output file with -o FILE');
      const result = await withProject(file, (api) =>
        api.call('structure.export', {
          format,
          destination: opts.output ? { path: path.resolve(opts.output) } : { inline: true },
          options,
          embedFont: opts.embedFont,
        }),
      );
      if (!opts.output) {
        process.stdout.write(Buffer.from(result.files[0]!.data!, 'base64').toString('utf8'));
        for (const w of result.warnings) process.stderr.write(`stige: warning: ${w}\n`);
        return;
      }
      report(result, opts.json);
    });
};

/** `stige export codebook`: the codebook with definitions and counts. */
export const exportCodebook: ExportSubcommand = (command) => {
  command
    .command('codebook')
    .description('Export the codebook with definitions and counts (codings, informants, representative quotes); CSV/XLSX read back with `stige import`.')
    .argument('<file.stige>', 'the project file')
    .option('--format <format>', `${CODEBOOK_FORMATS.join('|')} (default: from the -o extension)`)
    .requiredOption('-o, --output <file>', 'where to write')
    .option('--json', 'print what was written as JSON')
    .action(async (file: string, opts: { format?: string; output: string; json?: boolean }) => {
      const format = formatOf(opts.format, opts.output, CODEBOOK_FORMATS, 'stige export codebook');
      const result = await withProject(file, (api) => api.call('codebook.export', { format, destination: { path: path.resolve(opts.output) } }));
      report(result, opts.json);
    });
};
