import type { Command } from 'commander';
import { printJson, printLine } from '../output';
import { withProject } from '../session';

export function registerCheckDraftCommand(program: Command): void {
  program
    .command('check-draft')
    .description(
      'Check a thesis draft (.docx) against the project: quotes that match no passage of the attributed informant, differ from the table version, or are attributed differently than in the tables, and pseudonyms next to case names.',
    )
    .argument('<file.stige>', 'the project file')
    .argument('<draft.docx>', 'the thesis draft')
    .option('--json', 'print the full report as JSON')
    .action(async (file: string, draft: string, opts: { json?: boolean }) => {
      const report = await withProject(file, (api) => api.call('exports.checkDraft', { source: { path: draft } }));
      if (opts.json) return printJson(report);
      for (const finding of report.findings) printLine(finding.message);
      printLine(
        `${report.quotes.length} quotation${report.quotes.length === 1 ? '' : 's'} checked in ${report.paragraphs} paragraphs: ${
          report.findings.length === 0 ? 'no problems found' : `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}`
        }`,
      );
    });
}
