import type { MethodName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import type { BackendEvent } from '../../shared/api/events';
import { newClientId, type Transport } from './transport';

/** What a direct transport needs from a backend (the Backend class, in tests). */
export interface DispatchingBackend {
  dispatch(method: unknown, args: unknown, transport?: 'direct', origin?: string | null): Promise<Envelope<unknown>>;
  onEvent(listener: (event: BackendEvent) => void): () => void;
}

/** A backend in the same process (store tests): calls go straight to dispatch. */
export function directTransport(backend: DispatchingBackend, fileSource: Transport['fileSource'] = async () => {
  throw new Error('files cannot be picked in a direct transport');
}): Transport {
  const clientId = newClientId();
  return {
    kind: 'direct',
    clientId,
    invoke: (method: MethodName, args: unknown) => backend.dispatch(method, args, 'direct', clientId),
    onEvent: (listener) => backend.onEvent(listener),
    fileSource,
    onMenu: () => () => {},
  };
}
