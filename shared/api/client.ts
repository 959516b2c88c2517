import type { ArgsOf, MethodName, ResultOf } from './contract';
import { AppError, ERROR_CODES, type Envelope, type ErrorCode } from './errors';

/** Sends one call over some transport and resolves to its envelope. */
export type Invoke = (method: MethodName, args: unknown) => Promise<Envelope<unknown>>;

/** A typed client: `await api.call('codes.list', {})`; failures throw AppError with the envelope's code. */
export interface ApiClient {
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
}

/** Wrap a transport's invoke function into a typed client. */
export function createClient(invoke: Invoke): ApiClient {
  return {
    async call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
      const envelope = await invoke(method, args);
      if (envelope.ok) return envelope.value as ResultOf<M>;
      const code: ErrorCode = (ERROR_CODES as readonly string[]).includes(envelope.error.code) ? envelope.error.code : 'INTERNAL';
      throw new AppError(code, envelope.error.message, envelope.error.details);
    },
  };
}
