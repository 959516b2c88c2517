import type { MethodName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import type { BackendEvent } from '../../shared/api/events';
import { newClientId, type Transport } from './transport';

/**
 * The devhost over HTTP (browser mode and e2e tests). The page's cookie carries the per-run token;
 * other callers (tests, scripts) pass it as a header.
 */
export function httpTransport(options: { base?: string; token?: string; fetch?: typeof fetch } = {}): Transport {
  const base = options.base ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const clientId = newClientId();
  const headers: Record<string, string> = { 'X-Stige-Client': clientId, ...(options.token ? { 'X-Stige-Token': options.token } : {}) };

  async function envelope(response: Response): Promise<Envelope<unknown>> {
    try {
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `The server answered ${response.status} ${response.statusText}` } };
    }
  }

  return {
    kind: 'http',
    clientId,
    async invoke(method: MethodName, args: unknown) {
      try {
        const response = await doFetch(`${base}/api/invoke`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify({ method, args }),
        });
        return await envelope(response);
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: `Stige's server cannot be reached (${String(error)}); is it still running?` } };
      }
    },
    onEvent(listener: (event: BackendEvent) => void) {
      if (typeof EventSource === 'undefined') return () => {};
      const source = new EventSource(`${base}/api/events`, { withCredentials: true });
      source.onmessage = (message) => listener(JSON.parse(String(message.data)) as BackendEvent);
      return () => source.close();
    },
    async fileSource(file: File) {
      const response = await doFetch(`${base}/api/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/octet-stream' },
        credentials: 'same-origin',
        body: file,
      });
      const result = await envelope(response);
      if (!result.ok) throw new Error(result.error.message);
      return { uploadId: (result.value as { uploadId: string }).uploadId };
    },
    onMenu: () => () => {},
  };
}
