import type { z } from 'zod';

/**
 * One API method: a zod schema for its arguments (checked at run time by dispatch, since callers
 * are untrusted) and a phantom type for its result (results are built by our own backend).
 */
export interface MethodDef<A extends z.ZodType, R> {
  readonly args: A;
  /** Never set at run time; carries the result type. */
  readonly result?: R;
}

/** Declare a method from its argument schema; `.returns<R>()` names the result type. */
export function method<A extends z.ZodType>(args: A) {
  return {
    returns<R>(): MethodDef<A, R> {
      return { args };
    },
  };
}
