import type { MethodName, ParsedArgsOf, ResultOf } from '../../shared/api/contract';
import type { Backend } from './backend';

/** Which transport a call came through; HTTP callers may only touch files inside the data folder. */
export type Transport = 'direct' | 'ipc' | 'http';

/** What a handler gets beside its validated arguments. */
export interface HandlerContext {
  readonly backend: Backend;
  readonly transport: Transport;
}

/** The handler of one method. */
export type Handler<M extends MethodName> = (
  args: ParsedArgsOf<M>,
  ctx: HandlerContext,
) => ResultOf<M> | Promise<ResultOf<M>>;

/** Handlers for the methods of one domain object (e.g. `codesMethods`). */
export type HandlersOf<T> = { [M in keyof T & MethodName]: Handler<M> };

/** The complete handler table; `satisfies Handlers` makes a missing method a compile error. */
export type Handlers = HandlersOf<Record<MethodName, unknown>>;
