import { contract, isMethodName, type MethodName } from '../../shared/api/contract';
import { AppError, type Envelope } from '../../shared/api/errors';
import type { HandlerContext, Handlers } from './handlerTypes';
import { analysisHandlers } from './handlers/analysis';
import { appHandlers } from './handlers/app';
import { codebookHandlers } from './handlers/codebook';
import { attributesHandlers } from './handlers/attributes';
import { codesHandlers } from './handlers/codes';
import { codingsHandlers } from './handlers/codings';
import { documentsHandlers } from './handlers/documents';
import { exportsHandlers } from './handlers/exports';
import { historyHandlers } from './handlers/history';
import { memosHandlers } from './handlers/memos';
import { peopleHandlers } from './handlers/people';
import { projectHandlers } from './handlers/project';
import { projectsHandlers } from './handlers/projects';
import { rosterHandlers } from './handlers/roster';
import { searchHandlers } from './handlers/search';
import { refiHandlers } from './handlers/refi';
import { structureHandlers } from './handlers/structure';
import { speakersHandlers } from './handlers/speakers';
import { teamHandlers } from './handlers/team';

/** Every method's handler. */
export const handlers = {
  ...appHandlers,
  ...projectsHandlers,
  ...projectHandlers,
  ...documentsHandlers,
  ...codesHandlers,
  ...codingsHandlers,
  ...peopleHandlers,
  ...speakersHandlers,
  ...historyHandlers,
  ...searchHandlers,
  ...memosHandlers,
  ...refiHandlers,
  ...structureHandlers,
  ...codebookHandlers,
  ...exportsHandlers,
  ...rosterHandlers,
  ...attributesHandlers,
  ...analysisHandlers,
  ...teamHandlers,
} satisfies Handlers;

/** Log sink for internal errors (the stack stays in the backend). */
export type ErrorLog = (message: string, error: unknown) => void;

/**
 * Validate and run one call. Never throws: the result is an envelope. Unknown methods and bad
 * arguments are VALIDATION errors raised before any handler runs, so they change nothing; anything
 * that is not an AppError becomes INTERNAL with a generic message.
 */
export async function dispatch(
  method: unknown,
  rawArgs: unknown,
  ctx: HandlerContext,
  log: ErrorLog = (message, error) => console.error(message, error),
): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return fail(new AppError('VALIDATION', `Unknown method ${JSON.stringify(String(method)).slice(0, 120)}`));
  }
  const parsed = contract[method].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    return fail(new AppError('VALIDATION', `Invalid arguments for ${method}: ${summary}`, { issues }));
  }
  try {
    const handler = handlers[method] as (args: unknown, ctx: HandlerContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    return fail(toAppError(method, error, log));
  }
}

function toAppError(method: MethodName, error: unknown, log: ErrorLog): AppError {
  if (error instanceof AppError) return error;
  const sqliteCode = (error as { code?: unknown })?.code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
    const message = error instanceof Error ? error.message : String(error);
    if (/Gioia rule/.test(message)) return new AppError('CONFLICT', message.replace(/^.*?(Gioia rule)/, '$1'));
    log(`constraint failure in ${method}`, error);
    return new AppError('CONFLICT', 'That change would break the project’s consistency and was not made');
  }
  log(`internal error in ${method}`, error);
  return new AppError('INTERNAL', `Something went wrong in ${method}; nothing was changed. The details are in the log.`);
}

function fail(error: AppError): Envelope<never> {
  return { ok: false, error: error.toBody() };
}
