import { AppError } from '../../shared/api/errors';

/** A failure already reported to the user; carries the exit code. */
export class CliFailure extends Error {
  readonly exitCode: number;
  constructor(exitCode: number) {
    super(`exit ${exitCode}`);
    this.exitCode = exitCode;
  }
}

/** Print an error to stderr the way every command does: `stige: <message>`. */
export function reportError(error: unknown): void {
  if (error instanceof AppError) {
    process.stderr.write(`stige: ${error.message}\n`);
    return;
  }
  process.stderr.write(`stige: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
}

/** Print a value as JSON on stdout (for --json). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Print a line on stdout. */
export function printLine(line = ''): void {
  process.stdout.write(`${line}\n`);
}
