import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ApiErrorBody } from '../../../shared/api/errors';
import { runParseJob, type ParseJobResult } from './parseJob';

/** A request to a parse worker. */
export interface ParseRequest {
  readonly id: number;
  readonly file: string;
  readonly name: string;
}

/** A parse worker's answer. */
export type ParseReply =
  | { readonly id: number; readonly ok: true; readonly result: ParseJobResult }
  | { readonly id: number; readonly ok: false; readonly error: ApiErrorBody };

interface Job {
  readonly request: ParseRequest;
  readonly resolve: (result: ParseJobResult) => void;
  readonly reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** How a pool parses: in worker threads, or (only when the worker bundle is missing) on the calling thread. */
export type ParseMode = { readonly kind: 'workers'; readonly file: string; readonly size: number } | { readonly kind: 'in-thread'; readonly reason: string };

const WORKER_NAME = 'parse.worker.mjs';

/**
 * Where the bundled worker is: next to the bundle that runs (dist/node/cli.mjs), next to Electron's
 * main (dist/electron → dist/node), or, when running from TypeScript sources (vitest, which builds
 * dist/node first in its global setup), in the checkout's dist/node.
 */
export function findWorkerFile(from: string = fileURLToPath(import.meta.url)): string | null {
  if (process.env.STIGE_PARSE_WORKER) return fs.existsSync(process.env.STIGE_PARSE_WORKER) ? process.env.STIGE_PARSE_WORKER : null;
  const here = path.dirname(from);
  const candidates = [path.join(here, WORKER_NAME), path.join(here, '..', 'node', WORKER_NAME)];
  for (let dir = here; ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'dist', 'node', WORKER_NAME));
    if (path.dirname(dir) === dir) break;
  }
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

/** Workers for a machine: leave one core to the thread that answers the UI; at most four. */
function defaultSize(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores - 1));
}

/**
 * A small pool of worker threads that read, parse and hash files for import, so that a 60-file
 * import never holds up other API calls. Workers start on first use, are unref'd while idle (a
 * CLI process can exit) and stop after a minute without work. A worker that crashes, runs out of
 * memory or takes longer than `timeoutMs` fails only its own file.
 */
export class ParsePool {
  readonly mode: ParseMode;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly timeoutMs: number;
  private readonly idleMs: number;

  constructor(options: { workerFile?: string | null; size?: number; timeoutMs?: number; idleMs?: number } = {}) {
    const file = options.workerFile === undefined ? findWorkerFile() : options.workerFile;
    this.mode = file
      ? { kind: 'workers', file, size: options.size ?? defaultSize() }
      : { kind: 'in-thread', reason: `the parse worker bundle (${WORKER_NAME}) was not found; run \`node scripts/build.mjs --node\`` };
    this.timeoutMs = options.timeoutMs ?? 5 * 60_000;
    this.idleMs = options.idleMs ?? 60_000;
  }

  /** Read, parse and hash `file` (shown to the user as `name`). Rejects with an AppError. */
  parse(file: string, name: string): Promise<ParseJobResult> {
    if (this.mode.kind === 'in-thread') return runParseJob(file, name);
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, file, name }, resolve, reject });
      this.pump();
    });
  }

  /** Stop every worker; queued and running parses fail. */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const job of this.queue.splice(0)) job.reject(new AppError('IMPORT', `${job.request.name}: the import was stopped`, { file: job.request.name }));
    await Promise.all(this.slots.splice(0).map((slot) => this.stop(slot, 'the import was stopped')));
  }

  private pump(): void {
    if (this.mode.kind !== 'workers') return;
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.mode.size) slot = this.spawn(this.mode.file);
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => void this.stop(slot!, `parsing took longer than ${Number((this.timeoutMs / 1000).toPrecision(3))} s`), this.timeoutMs);
      slot.worker.postMessage(job.request);
    }
    if (this.slots.every((s) => s.job === null)) {
      this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
      this.idleTimer.unref();
    }
  }

  private spawn(file: string): Slot {
    const worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: 3072 } });
    const slot: Slot = { worker, job: null, timer: null };
    worker.unref();
    worker.on('message', (reply: ParseReply) => {
      const job = slot.job;
      if (!job || job.request.id !== reply.id) return;
      this.finish(slot);
      if (reply.ok) job.resolve(reply.result);
      else job.reject(new AppError(reply.error.code === 'INTERNAL' ? 'IMPORT' : reply.error.code, reply.error.code === 'INTERNAL' ? `${job.request.name} could not be read (the parser failed: ${firstLine(reply.error.message)})` : reply.error.message, reply.error.details ?? { file: job.request.name }));
      this.pump();
    });
    const fail = (why: string) => {
      const job = slot.job;
      this.slots.splice(this.slots.indexOf(slot), 1);
      if (slot.timer) clearTimeout(slot.timer);
      slot.job = null;
      if (job) job.reject(new AppError('IMPORT', `${job.request.name} could not be read: ${why}`, { file: job.request.name }));
      this.pump();
    };
    worker.on('error', (error) => fail(/heap|memory/i.test(error.message) ? 'it needs more memory than a document should' : `the parser stopped (${firstLine(error.message)})`));
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(`the parser stopped (exit code ${code})`);
    });
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
  }

  private async stop(slot: Slot, why: string): Promise<void> {
    const job = slot.job;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    this.finish(slot);
    if (job) job.reject(new AppError('IMPORT', `${job.request.name} could not be read: ${why}`, { file: job.request.name }));
    await slot.worker.terminate();
    this.pump();
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.slice(0, 300);
}

let shared: ParsePool | null = null;

/** The process's parse pool (created on first use). */
export function sharedParsePool(): ParsePool {
  shared ??= new ParsePool();
  return shared;
}
