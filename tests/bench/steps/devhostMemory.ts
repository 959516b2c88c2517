import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The resident memory of a real backend process (`stige serve`, as `npm start` runs it in browser
 * mode) after it opened `file` and served what the first screen and the largest transcript need.
 * Measured in its own process: the bench process also holds the generator's data and Chromium's
 * driver, so its own RSS says little about the backend.
 */
export async function devhostRssAfterOpening(file: string, documentId: string): Promise<number> {
  const dataDir = path.dirname(file);
  const child = spawn(process.execPath, [path.resolve('dist/node/cli.mjs'), 'serve', '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, STIGE_SETTINGS_DIR: path.join(dataDir, '.bench-settings') },
  });
  try {
    const url = new URL(await printedAddress(child));
    const token = url.searchParams.get('token') ?? '';
    const call = async (method: string, args: unknown): Promise<unknown> => {
      const response = await fetch(new URL('/api/invoke', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-stige-token': token },
        body: JSON.stringify({ method, args }),
      });
      const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message ?? response.status}`);
      return envelope.value;
    };
    await call('projects.open', { path: file });
    await Promise.all([call('documents.list', {}), call('codes.list', {}), call('codes.stats', {}), call('informants.list', {})]);
    await Promise.all([call('documents.get', { id: documentId }), call('codings.list', { documentId })]);
    return residentMegabytes(child.pid!);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
  }
}

/** Resolves with the address `stige serve` prints (it carries the access token). */
function printedAddress(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const match = /Open (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk) => (err += String(chunk)));
    child.once('exit', (code) => reject(new Error(`stige serve exited with ${code}: ${err}`)));
    setTimeout(() => reject(new Error(`stige serve printed no address within 60 s: ${err}`)), 60_000).unref();
  });
}

/** VmRSS of a process from /proc (Linux, where the bench runs). */
function residentMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for process ${pid}`);
  return kb / 1024;
}
