import type { Command } from 'commander';
import { printJson, printLine } from '../output';
import { withProject } from '../session';

export function registerInfoCommand(program: Command): void {
  program
    .command('info')
    .description('Show what a project holds: documents with speakers and turns, informants, codes per level, codings.')
    .argument('<file.stige>', 'the project file')
    .option('--json', 'print JSON (the shape scripts rely on)')
    .action(async (file: string, opts: { json?: boolean }) => {
      const summary = await withProject(file, (api) => api.call('project.summary', {}));
      if (opts.json) return printJson(summary);
      printLine(`${summary.project.name} (format ${summary.project.schemaVersion})`);
      printLine(`Levels: ${summary.project.levels.join(' / ')}`);
      printLine(`Documents: ${summary.documents.length}`);
      for (const d of summary.documents) {
        const speakers = d.speakers.map((s) => `${s.label}${s.informant && s.informant !== s.label ? ` → ${s.informant}` : ''} (${s.turns})`).join(', ');
        printLine(`  ${d.title} [${d.kind}] ${d.chars} chars, ${d.turns} turns${speakers ? `: ${speakers}` : ''}`);
      }
      printLine(`Informants: ${summary.informants.map((i) => (i.case ? `${i.label} (${i.case})` : i.label)).join(', ') || 'none'}`);
      printLine(`Codes: ${summary.codes.concept} concepts, ${summary.codes.theme} themes, ${summary.codes.dimension} dimensions (${summary.codes.total} in all)`);
      printLine(`Codings: ${summary.codings}`);
    });
}
