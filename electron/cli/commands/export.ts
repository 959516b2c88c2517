import type { Command } from 'commander';
import { registerExportMatrix } from './exportMatrix';

// The `stige export` group. Each kind of export adds itself as a subcommand from its own module.

export function registerExportCommand(program: Command): void {
  const group = program.command('export').description('Write the project, or parts of it, in another format (see `stige export --help`).');
  registerExportMatrix(group);
}
