import type { Command } from 'commander';
import { createClient } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/errors';
import { printJson, printLine } from '../output';
import { cliBackend } from '../session';

/** Parse `--levels "L1|L2|L3"`. */
export function parseLevels(value: string): [string, string, string] {
  const parts = value.split('|').map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => !p)) {
    throw new AppError('VALIDATION', `--levels needs three names separated by "|", concept first, e.g. "1. ordens kode|2. ordens kode|3. ordens kode" (got “${value}”)`);
  }
  return [parts[0]!, parts[1]!, parts[2]!];
}

export function registerNewCommand(program: Command): void {
  program
    .command('new')
    .description('Create a new project file.')
    .argument('<file.stige>', 'the project file to create (".stige" is added when missing)')
    .option('--name <name>', 'the project name (default: the file name)')
    .option('--levels <L1|L2|L3>', 'names of the three levels, concept first')
    .option('--json', 'print the project as JSON')
    .action(async (file: string, opts: { name?: string; levels?: string; json?: boolean }) => {
      const backend = cliBackend();
      const api = createClient((method, args) => backend.dispatch(method, args));
      try {
        const project = await api.call('projects.create', {
          path: file,
          ...(opts.name ? { name: opts.name } : {}),
          ...(opts.levels ? { levels: parseLevels(opts.levels) } : {}),
        });
        if (opts.json) printJson(project);
        else printLine(`Created ${project.path} (${project.levels.join(' / ')})`);
      } finally {
        backend.close();
      }
    });
}
