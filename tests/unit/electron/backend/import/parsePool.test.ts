import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/api/errors';
import { runParseJob } from '../../../../../electron/backend/import/parseJob';
import { findWorkerFile, ParsePool } from '../../../../../electron/backend/import/parsePool';
import { tempDir, writeFile } from '../../../../support/temp';

const CORPUS = path.resolve('../shared/corpus/transcripts');
const pools: ParsePool[] = [];

afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});

function pool(options: ConstructorParameters<typeof ParsePool>[0] = {}): ParsePool {
  const made = new ParsePool(options);
  pools.push(made);
  return made;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('ParsePool: parsing in worker threads', () => {
  it('finds the bundled worker (built by the test setup) and parses in it exactly as in-thread', async () => {
    expect(findWorkerFile()).toBe(path.resolve('dist/node/parse.worker.mjs'));
    const workers = pool({ size: 2 });
    expect(workers.mode).toEqual({ kind: 'workers', file: path.resolve('dist/node/parse.worker.mjs'), size: 2 });
    const files = ['teams_premium.vtt', 'qualcoder_ID2.odt', 'ohd_transcript_de.ods', 'noscribe_de_interview.html', 'qualcoder_ID1.docx'];
    const results = await Promise.all(files.map((f) => workers.parse(path.join(CORPUS, f), f)));
    for (const [i, f] of files.entries()) {
      const local = await runParseJob(path.join(CORPUS, f), f);
      expect(results[i]!.parsed).toEqual(local.parsed);
      expect(results[i]!.sourceHash).toBe(local.sourceHash);
      expect(results[i]!.textHash).toBe(local.textHash);
      expect(Buffer.compare(Buffer.from(results[i]!.bytes), Buffer.from(local.bytes))).toBe(0);
    }
  });

  it('passes a parser’s AppError back unchanged, and one bad file does not stop the others', async () => {
    const workers = pool({ size: 1 });
    const dir = tempDir();
    const bad = workers.parse(writeFile(dir, 'x.docx', 'not a zip'), 'x.docx');
    const good = workers.parse(writeFile(dir, 'a.txt', 'Hei på deg 👍'), 'a.txt');
    const error = await failure(bad);
    expect([error.code, error.message]).toEqual(['IMPORT', 'x.docx is not a Word document: it is not a zip archive (it may be damaged, or another kind of file renamed)']);
    expect((await good).parsed.text).toBe('Hei på deg 👍');
  });

  it('fails only the file whose worker dies or hangs, and goes on with a fresh worker', async () => {
    const dir = tempDir();
    const dying = writeFile(dir, 'dying.worker.mjs', "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n");
    const dies = pool({ workerFile: dying, size: 1 });
    const first = await failure(dies.parse('/nowhere/a.txt', 'a.txt'));
    expect(first.message).toBe('a.txt could not be read: the parser stopped (exit code 3)');
    const second = await failure(dies.parse('/nowhere/b.txt', 'b.txt'));
    expect(second.message).toBe('b.txt could not be read: the parser stopped (exit code 3)');
    const silent = writeFile(dir, 'silent.worker.mjs', "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => {});\n");
    const hangs = pool({ workerFile: silent, size: 1, timeoutMs: 300 });
    expect((await failure(hangs.parse('/nowhere/c.txt', 'c.txt'))).message).toBe('c.txt could not be read: parsing took longer than 0.3 s');
  });

  it('parses on the calling thread only when the worker bundle is missing, and says so', async () => {
    const inThread = pool({ workerFile: null });
    expect(inThread.mode).toEqual({ kind: 'in-thread', reason: 'the parse worker bundle (parse.worker.mjs) was not found; run `node scripts/build.mjs --node`' });
    expect((await inThread.parse(path.join(CORPUS, 'teams_new_format_nospeaker.vtt'), 'n.vtt')).parsed.turns).toHaveLength(3);
  });
});
