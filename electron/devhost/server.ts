import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { LIMITS } from '../../shared/api/limits';
import type { Backend } from '../backend/backend';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { serveDownload } from './download';

/** A running devhost. */
export interface Devhost {
  /** The URL to open, carrying the access token. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

/** How to start the devhost. */
export interface DevhostOptions {
  readonly backend: Backend;
  /** 0 = any free port. */
  readonly port?: number;
  /** The built renderer (index.html and assets); null serves the API only. */
  readonly staticDir: string | null;
  /** Fixed token for tests; by default a fresh random one per run. */
  readonly token?: string;
}

const COOKIE = 'stige_token';
const JSON_BODY_LIMIT = 64 * 1024 * 1024;
const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/**
 * Serve the renderer and the backend's dispatch over HTTP on 127.0.0.1 only, for browser mode and
 * end-to-end tests. Every request needs the per-run token (once in the URL, then as an HttpOnly,
 * SameSite=Strict cookie, or in the X-Stige-Token header), and a Host header naming this server,
 * which stops DNS-rebinding pages from reaching it.
 */
export async function startDevhost(options: DevhostOptions): Promise<Devhost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const { backend } = options;
  const clients = new Set<http.ServerResponse>();
  const unsubscribe = backend.onEvent((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of clients) client.write(frame);
  });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('devhost: request failed', err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.end();
    });
  });
  let port = 0;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostAllowed(req.headers.host, port)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden host');
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null && tokenMatches(queryToken, token)) {
      url.searchParams.delete('token');
      res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(302, { Location: `${url.pathname}${url.search}` });
      res.end();
      return;
    }
    if (!authorised(req, token)) {
      return send(res, 401, 'text/plain; charset=utf-8', 'Stige: open the address printed by `stige serve` or `npm start`; it carries the access token.');
    }
    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
        return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden origin');
      }
      return api(url, req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    return serveStatic(url.pathname, res);
  }

  async function api(url: URL, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (serveDownload(url, req, res, backend)) return;
    if (url.pathname === '/api/invoke' && req.method === 'POST') {
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { ok: false, error: { code: 'VALIDATION', message: 'Content-Type must be application/json' } });
      }
      const body = await readBody(req, JSON_BODY_LIMIT);
      if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'The request is too large' } });
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request is not valid JSON' } });
      }
      const { method, args } = (parsed ?? {}) as { method?: unknown; args?: unknown };
      const client = req.headers['x-stige-client'];
      return sendJson(res, 200, await backend.dispatch(method, args, 'http', typeof client === 'string' ? client : null));
    }
    if (url.pathname === '/api/upload' && req.method === 'POST') {
      const name = url.searchParams.get('name') ?? 'upload';
      const body = await readBody(req, LIMITS.uploadBytes);
      if (body === null) {
        return sendJson(res, 413, {
          ok: false,
          error: { code: 'VALIDATION', message: `${name} is larger than ${LIMITS.uploadBytes / 1024 / 1024} MB and cannot be imported` },
        });
      }
      return sendJson(res, 200, { ok: true, value: { uploadId: backend.uploads.put(name, body) } });
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `No such endpoint ${url.pathname}` } });
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    if (!options.staticDir) return send(res, 404, 'text/plain; charset=utf-8', 'This devhost serves the API only');
    const root = path.resolve(options.staticDir);
    let file = path.resolve(root, `.${decodeURIComponent(pathname)}`);
    if (path.relative(root, file).startsWith('..')) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    if (!fs.existsSync(file)) return send(res, 404, 'text/plain; charset=utf-8', 'The app is not built; run npm run build');
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const immutable = file.includes(`${path.sep}assets${path.sep}`);
    res.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-store',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const client of clients) client.end();
        clients.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function tokenMatches(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function authorised(req: http.IncomingMessage, token: string): boolean {
  const header = req.headers['x-stige-token'];
  if (typeof header === 'string' && tokenMatches(header, token)) return true;
  const cookies = String(req.headers.cookie ?? '').split(';');
  return cookies.some((c) => {
    const [name, value] = c.trim().split('=');
    return name === COOKIE && value !== undefined && tokenMatches(value, token);
  });
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(value));
}
