import { Command, CommanderError, Option } from 'commander';
import { registerCheckDraftCommand } from './commands/checkDraft';
import { registerCodeCommand } from './commands/code';
import { registerExportCommand } from './commands/export';
import { registerExportOverviewCommands } from './commands/exportOverview';
import { registerExportQuotesCommand } from './commands/exportQuotes';
import { registerImportCommand } from './commands/import';
import { registerInfoCommand } from './commands/info';
import { registerInformantsCommand } from './commands/informants';
import { registerNewCommand } from './commands/new';
import { registerSearchCommand } from './commands/search';
import { registerServeCommand } from './commands/serve';
import { registerTeamCommands } from './commands/team';
import { CliFailure, reportError } from './output';

/** Build the `stige` program; each command lives in commands/<name>.ts. */
export function buildProgram(): Command {
  const program = new Command('stige')
    .description('Stige: code qualitative interviews with the Gioia method, from one project file.')
    .version(__STIGE_VERSION__, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false })
    .exitOverride();
  registerNewCommand(program);
  registerImportCommand(program);
  registerCodeCommand(program);
  registerSearchCommand(program);
  registerInfoCommand(program);
  registerExportCommand(program);
  registerExportQuotesCommand(program);
  registerExportOverviewCommands(program);
  registerCheckDraftCommand(program);
  registerInformantsCommand(program);
  registerTeamCommands(program);
  registerServeCommand(program);
  return program;
}

/** Run the CLI; resolves to the process exit code (0 = success). */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors were already printed.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliFailure) return error.exitCode;
    reportError(error);
    return 1;
  }
}

/** Re-exported for commands that want commander's Option. */
export { Option };
