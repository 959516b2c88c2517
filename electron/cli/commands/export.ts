import path from 'node:path';
import type { Command } from 'commander';
import type { RefiExportResult } from '../../../shared/api/methods/refi';
import { printJson, printLine } from '../output';
import { withProject } from '../session';
import { exportCodebook, exportStructure } from './exportStructure';
import { registerExportMatrix } from './exportMatrix';

/**
 * One `stige export <what>` subcommand: it adds itself to the `export` group. To add a format,
 * write a function like `exportQdpx` below and list it in EXPORT_SUBCOMMANDS (one line).
 */
export type ExportSubcommand = (group: Command) => void;

/** Options every export subcommand takes. */
export interface ExportOutputOptions {
  output: string;
  overwrite?: boolean;
  json?: boolean;
}

/** Add the options every export has (-o FILE, --overwrite, --json) to a subcommand. */
export function withOutputOptions(command: Command): Command {
  return command
    .argument('<file.stige>', 'the project file')
    .requiredOption('-o, --output <file>', 'where to write the export')
    .option('--overwrite', 'replace the output file if it exists')
    .option('--json', 'print what was written as JSON');
}

const exportQdpx: ExportSubcommand = (group) => {
  withOutputOptions(group.command('qdpx').description('The whole project as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder…'))
    .option('--include-real-names', "write informants' real names as a variable (off by default: real names stay in the project)")
    .action(async (file: string, opts: ExportOutputOptions & { includeRealNames?: boolean }) => {
      const result = await withProject(file, (api) =>
        api.call('refi.exportProject', { path: path.resolve(opts.output), overwrite: !!opts.overwrite, includeRealNames: !!opts.includeRealNames }),
      );
      report(result, opts, `${result.counts.documents} documents, ${result.counts.codes} codes, ${result.counts.codings} codings in ${result.counts.selections} selections, ${result.counts.notes} notes, ${result.counts.cases} cases`);
    });
};

const exportQdc: ExportSubcommand = (group) => {
  withOutputOptions(group.command('qdc').description('The codebook (the Gioia tree, levels as sets) as a REFI-QDA codebook (.qdc)')).action(
    async (file: string, opts: ExportOutputOptions) => {
      const result = await withProject(file, (api) => api.call('refi.exportCodebook', { path: path.resolve(opts.output), overwrite: !!opts.overwrite }));
      report(result, opts, `${result.counts.codes} codes`);
    },
  );
};

/** Every `stige export` subcommand, in the order --help lists them. */
export const EXPORT_SUBCOMMANDS: readonly ExportSubcommand[] = [exportStructure, exportCodebook, registerExportMatrix, exportQdpx, exportQdc];

function report(result: RefiExportResult, opts: ExportOutputOptions, what: string): void {
  if (opts.json) return printJson(result);
  printLine(`wrote ${result.path} (${what})`);
  for (const w of result.warnings) printLine(`  note: ${w}`);
}

export function registerExportCommand(program: Command): void {
  const group = program.command('export').description('Write the figure, the codebook, or the whole project in another format (see `stige export --help`).');
  for (const add of EXPORT_SUBCOMMANDS) add(group);
}
