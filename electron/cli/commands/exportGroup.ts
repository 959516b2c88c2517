import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../../shared/api/errors';
import type { ExportResult } from '../../../shared/api/methods/exports';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/exports/settings';
import { printJson, printLine } from '../output';

/**
 * The `stige export` command group, created by whichever export command registers first, so each
 * kind of export (quote tables, overviews, REFI-QDA files) lives in its own module.
 */
export function exportCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'export') ??
    program.command('export').description('Export from a project: quote tables, overview tables, quote lists and exchange files.')
  );
}

/** The format named by --format, or else by the output file's extension. */
export function formatFor(given: string | undefined, output: string): ExportFormat {
  const wanted = (given ?? path.extname(output).slice(1)).toLowerCase().replace(/^(markdown)$/, 'md').replace(/^(latex)$/, 'tex').replace(/^htm$/, 'html');
  if ((EXPORT_FORMATS as readonly string[]).includes(wanted)) return wanted as ExportFormat;
  throw new AppError(
    'VALIDATION',
    given ? `--format must be one of ${EXPORT_FORMATS.join(', ')} (got “${given}”)` : `Cannot tell the format from “${path.basename(output)}”; add --format ${EXPORT_FORMATS.join('|')}`,
  );
}

/** A whole number option ≥ `min`, or a VALIDATION error naming the option. */
export function wholeNumber(value: string | undefined, option: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new AppError('VALIDATION', `${option} must be a whole number from ${min} (got “${value}”)`);
  return n;
}

/** Report an export: warnings on stderr, what was written on stdout (or the result as JSON). */
export function reportExport(result: ExportResult, what: string, json: boolean | undefined): void {
  for (const w of result.warnings) process.stderr.write(`stige: warning: ${w.message}\n`);
  if (json) return printJson(result);
  printLine(`Wrote ${what} to ${result.path ?? result.fileName} (${result.format.toUpperCase()}, ${result.bytes} bytes)`);
}
