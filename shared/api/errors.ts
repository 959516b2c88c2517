/**
 * Error codes every transport returns in `{ok: false, error}` envelopes.
 * - VALIDATION: the arguments are malformed (wrong type, too long, unknown method).
 * - NOT_FOUND: an id or path names nothing.
 * - CONFLICT: the request contradicts the data (a Gioia rule, a duplicate, a stale range).
 * - UNSUPPORTED: a file format or feature that is not available here.
 * - NO_PROJECT: the call needs an open project and none is open.
 * - NEWER_VERSION: the project file was written by a newer Stige; it was not opened or touched.
 * - NOT_A_PROJECT: the file is not a Stige project (or is damaged).
 * - IMPORT: a file could not be imported; `details` says which file and where.
 * - FORBIDDEN: the transport may not do this (e.g. a path outside the data folder over HTTP).
 * - INTERNAL: a bug; the message is generic and the stack stays in the backend log.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNSUPPORTED',
  'NO_PROJECT',
  'NEWER_VERSION',
  'NOT_A_PROJECT',
  'IMPORT',
  'FORBIDDEN',
  'INTERNAL',
] as const;

/** One of ERROR_CODES. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error part of an envelope; `details` is JSON-safe and specific to the code. */
export interface ApiErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: unknown;
}

/** What every method call returns over every transport. */
export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorBody };

/**
 * An error with a code from ERROR_CODES. Handlers throw it; clients rethrow envelopes as it, so
 * `err.code` can be switched on everywhere.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** The envelope body for this error. */
  toBody(): ApiErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** True for an AppError, also across realms (an error rebuilt from an envelope). */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
