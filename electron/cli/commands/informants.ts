import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../../shared/api/errors';
import { printJson, printLine } from '../output';
import { withProject } from '../session';

/** The table format named by a file's extension. */
function tableFormat(file: string): 'csv' | 'xlsx' {
  const ext = path.extname(file).slice(1).toLowerCase();
  if (ext === 'csv' || ext === 'xlsx') return ext;
  throw new AppError('VALIDATION', `${path.basename(file)}: informant tables are .csv or .xlsx files`);
}

/** `stige informants import|export`: the informants table with attributes, as CSV or XLSX. */
export function registerInformantsCommand(program: Command): void {
  const group = program.command('informants').description('Read or write the informants table (labels, cases, attributes) as CSV or XLSX.');
  group
    .command('export')
    .description('Write every informant with case, speaking role, memo and attributes. Real names stay out unless --real-names.')
    .argument('<file.stige>', 'the project file')
    .argument('<table>', 'the .csv or .xlsx file to write')
    .option('--real-names', 'include real names (keep such a file private)')
    .option('--informants-only', 'leave interviewers out')
    .option('--overwrite', 'replace the table file if it exists')
    .option('--json', 'print what was written as JSON')
    .action(async (file: string, table: string, opts: { realNames?: boolean; informantsOnly?: boolean; overwrite?: boolean; json?: boolean }) => {
      const format = tableFormat(table);
      const output = path.resolve(table);
      if (fs.existsSync(output) && !opts.overwrite) throw new AppError('CONFLICT', `${output} exists; add --overwrite to replace it`);
      const result = await withProject(file, (api) =>
        api.call('informants.exportTable', { destination: { path: output }, format, includeRealNames: !!opts.realNames, informantsOnly: !!opts.informantsOnly }),
      );
      if (opts.json) return printJson(result);
      for (const f of result.files) printLine(`wrote ${f.path} (${f.bytes} bytes)`);
      for (const w of result.warnings) process.stderr.write(`stige: warning: ${w}\n`);
    });
  group
    .command('import')
    .description('Read informants’ cases and attributes from a table whose first row names the columns; rows are matched by label.')
    .argument('<file.stige>', 'the project file')
    .argument('<table>', 'the .csv, .tsv or .xlsx file to read')
    .option('--create-missing', 'add informants whose label the project does not have')
    .option('--create-attributes', 'define attributes for columns the project does not have (type guessed: number, date or text)')
    .option('--dry-run', 'report what would change, changing nothing')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, table: string, opts: { createMissing?: boolean; createAttributes?: boolean; dryRun?: boolean; json?: boolean }) => {
      const report = await withProject(file, (api) =>
        api.call('informants.importTable', { source: { path: path.resolve(table) }, createMissing: !!opts.createMissing, createAttributes: !!opts.createAttributes, dryRun: !!opts.dryRun }),
      );
      if (opts.json) return printJson(report);
      printLine(`${report.dryRun ? 'would change' : 'changed'} ${report.changed} cells: ${report.matched} informants matched, ${report.created} created`);
      for (const c of report.columns) printLine(`  ${c.header} → ${c.target}${c.created ? ' (new attribute)' : ''}`);
      for (const u of report.unmatched) printLine(`  row ${u.row}: no informant “${u.label}” (use --create-missing to add it)`);
      for (const a of report.ambiguous) printLine(`  row ${a.row}: ${a.ids.length} informants are labelled “${a.label}”; skipped`);
      for (const c of report.createdCases) printLine(`  new case “${c}”`);
      for (const w of report.warnings) process.stderr.write(`stige: warning: ${w}\n`);
    });
}
