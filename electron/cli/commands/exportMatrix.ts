import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { AppError } from '../../../shared/api/errors';
import type { ApiClient } from '../../../shared/api/client';
import { parseColumnsArg } from '../../../shared/analysis/columns';
import { MATRIX_MEASURES, type MatrixMeasure } from '../../../shared/analysis/matrix';
import type { RowsMode } from '../../../shared/analysis/rows';
import { printJson, printLine } from '../output';
import { withProject } from '../session';

const ROWS: Readonly<Record<string, RowsMode>> = { concepts: 'concepts', themes: 'themes', dimensions: 'dimensions', tree: 'tree' };
const FORMATS = ['csv', 'xlsx', 'json', 'docx'] as const;
type Format = (typeof FORMATS)[number];

interface MatrixCliOptions {
  rows: string;
  cols: string;
  measure: MatrixMeasure;
  format?: string;
  output: string;
  coder?: string[];
  title?: string;
  overwrite?: boolean;
  json?: boolean;
}

/** The format named by --format, else by the output file's extension. */
function formatOf(given: string | undefined, output: string): Format {
  const candidate = (given ?? path.extname(output).slice(1)).toLowerCase();
  if ((FORMATS as readonly string[]).includes(candidate)) return candidate as Format;
  throw new AppError('VALIDATION', `choose --format ${FORMATS.join('|')}${candidate ? ` (“${candidate}” is not one of them)` : ' (or give the output file one of those extensions)'}`);
}

/** Coder ids for --coder names. */
async function coderIds(api: ApiClient, names: readonly string[] | undefined): Promise<string[] | undefined> {
  if (!names || names.length === 0) return undefined;
  const coders = await api.call('coders.list', {});
  return names.map((name) => {
    const found = coders.find((c) => c.name === name) ?? coders.find((c) => c.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (!found) throw new AppError('NOT_FOUND', `There is no coder “${name}” (coders: ${coders.map((c) => c.name).join(', ') || 'none'})`);
    return found.id;
  });
}

/**
 * `stige export matrix`: a code × informants | cases | attribute values | documents matrix. It adds
 * itself to the `export` command group.
 */
export function registerExportMatrix(group: Command): void {
  group
    .command('matrix')
    .description('A matrix of the Gioia tree against informants, cases, an attribute’s values or documents (CSV, XLSX, JSON or a Word table).')
    .argument('<file.stige>', 'the project file')
    .addOption(new Option('--rows <rows>', 'the rows: one level of the Gioia tree, or the whole tree').choices(Object.keys(ROWS)).default('themes'))
    .option('--cols <cols>', 'the columns: informants, cases, documents, or attr:NAME (attr:informant:NAME / attr:case:NAME when both kinds have NAME)', 'informants')
    .addOption(new Option('--measure <measure>', 'what a cell counts (see the user guide for exact definitions)').choices(MATRIX_MEASURES).default('codings'))
    .option('--format <format>', `${FORMATS.join('|')} (default: from the -o file's extension)`)
    .requiredOption('-o, --output <file>', 'where to write the matrix')
    .option('--coder <name...>', 'count only codings by these coders')
    .option('--title <text>', 'the caption (XLSX and DOCX)')
    .option('--overwrite', 'replace the output file if it exists')
    .option('--json', 'print what was written as JSON')
    .action(async (file: string, opts: MatrixCliOptions) => {
      const columns = parseColumnsArg(opts.cols);
      if (!columns) throw new AppError('VALIDATION', `--cols must be informants, cases, documents or attr:NAME (got “${opts.cols}”)`);
      const format = formatOf(opts.format, opts.output);
      const output = path.resolve(opts.output);
      if (fs.existsSync(output) && !opts.overwrite) throw new AppError('CONFLICT', `${output} exists; add --overwrite to replace it`);
      const result = await withProject(file, async (api) =>
        api.call('analysis.exportMatrix', {
          rows: ROWS[opts.rows]!,
          columns,
          measure: opts.measure,
          format,
          destination: { path: output },
          coderIds: await coderIds(api, opts.coder),
          ...(opts.title ? { title: opts.title } : {}),
        }),
      );
      if (opts.json) return printJson(result);
      for (const f of result.files) printLine(`wrote ${f.path} (${f.bytes} bytes)`);
      for (const w of result.warnings) process.stderr.write(`stige: warning: ${w}\n`);
    });
}
