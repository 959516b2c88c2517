import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import { runParseJob } from '../import/parseJob';
import type { ParseReply, ParseRequest } from '../import/parsePool';

// A parsing worker (bundled to dist/node/parse.worker.mjs): reads, parses and hashes one file at a
// time for the ParsePool, and hands the bytes back without copying them.

const port = parentPort;
if (!port) throw new Error('parse.worker must run as a worker thread');

port.on('message', (request: ParseRequest) => {
  runParseJob(request.file, request.name).then(
    (result) => {
      const reply: ParseReply = { id: request.id, ok: true, result };
      port.postMessage(reply, [result.bytes.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const reply: ParseReply = {
        id: request.id,
        ok: false,
        error:
          error instanceof AppError
            ? error.toBody()
            : { code: 'INTERNAL', message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
      };
      port.postMessage(reply);
    },
  );
});
