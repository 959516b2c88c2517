import type http from 'node:http';
import { isAppError } from '../../shared/api/errors';
import type { Backend } from '../backend/backend';

const DOWNLOAD_PATH = /^\/api\/download\/([a-f0-9]{32})$/;

/**
 * GET /api/download/<id>: hand a file the backend made for this browser (an export) over once,
 * as an attachment. The caller has already checked the token, host and origin. Returns false when
 * the request is not a download, so the server goes on to its other endpoints.
 */
export function serveDownload(url: URL, req: http.IncomingMessage, res: http.ServerResponse, backend: Backend): boolean {
  if (!url.pathname.startsWith('/api/download/')) return false;
  const sendError = (status: number, code: string, message: string) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(JSON.stringify({ ok: false, error: { code, message } }));
  };
  if (req.method !== 'GET') {
    sendError(405, 'VALIDATION', 'Downloads are fetched with GET');
    return true;
  }
  const match = DOWNLOAD_PATH.exec(url.pathname);
  if (!match) {
    sendError(404, 'NOT_FOUND', 'That is not a download id');
    return true;
  }
  try {
    const file = backend.downloads.take(match[1]!);
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  } catch (error) {
    if (isAppError(error)) sendError(404, error.code, error.message);
    else throw error;
  }
  return true;
}
