import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { ImportFileResult, ImportReport } from '../../../shared/api/methods/documents';
import type { ParsedArgsOf } from '../../../shared/api/contract';
import { UNNAMED_SPEAKER } from '../../../shared/import/speakers';
import type { HandlerContext } from '../handlerTypes';
import type { ParseJobResult } from './parseJob';
import { sharedParsePool, type ParsePool } from './parsePool';
import { saveDocument } from './saveDocument';

type ImportArgs = ParsedArgsOf<'documents.import'>;
type Phase = 'reading' | 'parsing' | 'saving' | 'done' | 'failed' | 'skipped';

/**
 * Import each source as its own transaction. Reading, parsing and hashing run in the parse pool's
 * worker threads, a few files ahead of saving, so the thread that answers API calls only does the
 * short SQLite step of each file. A failure is reported for that file and changes nothing; the
 * other files go on.
 */
export async function importFiles(args: ImportArgs, ctx: HandlerContext, pool: ParsePool = sharedParsePool()): Promise<ImportReport> {
  ctx.backend.project(); // NO_PROJECT before anything is read
  const total = args.sources.length;
  const names: string[] = args.sources.map((source) => ('uploadId' in source ? 'upload' : path.basename(source.path)));
  const progress = (index: number, phase: Phase) => ctx.backend.emit({ type: 'import.progress', index, total, name: names[index]!, phase });
  const ahead = pool.mode.kind === 'workers' ? pool.mode.size + 1 : 1;
  const jobs: Promise<ParseJobResult>[] = [];
  const start = (index: number) => {
    const source = args.sources[index]!;
    let job: Promise<ParseJobResult>;
    try {
      const located =
        'uploadId' in source ? ctx.backend.uploads.resolve(source.uploadId) : { file: ctx.backend.resolvePath(source.path, ctx.transport), name: names[index]! };
      names[index] = located.name;
      progress(index, 'parsing');
      job = pool.parse(located.file, located.name);
    } catch (error) {
      job = Promise.reject(error);
    }
    job.catch(() => {}); // handled when its turn to be saved comes
    jobs[index] = job;
  };

  const files: ImportFileResult[] = [];
  for (let index = 0; index < total; index += 1) {
    for (let next = jobs.length; next < Math.min(total, index + ahead); next += 1) start(next);
    const source = args.sources[index]!;
    try {
      const { parsed, bytes, sourceHash, textHash } = await jobs[index]!;
      // A finished parse resolves as a microtask: yield to the event loop before each save, so calls
      // waiting there (the UI's) are answered between files, not after all of them.
      await new Promise((resolve) => setImmediate(resolve));
      const name = names[index]!;
      // The project may have been closed while this file was parsed.
      const project = ctx.backend.project();
      progress(index, 'saving');
      const title = args.title && total === 1 ? args.title : name.replace(/\.[^.]+$/, '') || name;
      const saved = saveDocument(project, parsed, {
        title,
        kind: args.kind ?? (parsed.format === 'pdf' ? 'document' : 'interview'),
        sourceName: name,
        bytes,
        sourceHash,
        textHash,
        ...(args.informant ? { informant: args.informant } : {}),
        ...(args.case ? { caseName: args.case } : {}),
        ...(args.speakers ? { speakers: args.speakers } : {}),
      });
      if ('uploadId' in source) ctx.backend.uploads.discard(source.uploadId);
      if (!saved) {
        progress(index, 'skipped');
        files.push({ name, status: 'skipped', documentId: null, reason: `${name}: the same text is already in the project`, format: parsed.format, warnings: [], speakers: [] });
        continue;
      }
      progress(index, 'done');
      files.push({ name, status: 'imported', documentId: saved.documentId, reason: null, format: parsed.format, warnings: parsed.warnings, speakers: speakerReport(project.db, saved.documentId) });
    } catch (error) {
      progress(index, 'failed');
      if ('uploadId' in source) ctx.backend.uploads.discard(source.uploadId);
      if (!(error instanceof AppError) || error.code === 'INTERNAL' || error.code === 'NO_PROJECT') {
        await Promise.allSettled(jobs);
        throw error;
      }
      files.push({ name: names[index]!, status: 'failed', documentId: null, reason: error.message, format: null, warnings: [], speakers: [] });
    }
  }
  return { files };
}

function speakerReport(db: OpenDb, documentId: string): ImportFileResult['speakers'] {
  const { text } = db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string };
  const rows = db
    .prepare(
      `SELECT s.id, s.label, count(t.id) AS turns,
              (SELECT t2.start FROM turns t2 WHERE t2.speaker_id = s.id ORDER BY t2.start LIMIT 1) AS first_start,
              (SELECT t2.end FROM turns t2 WHERE t2.speaker_id = s.id ORDER BY t2.start LIMIT 1) AS first_end
       FROM speakers s LEFT JOIN turns t ON t.speaker_id = s.id
       WHERE s.document_id = ? GROUP BY s.id ORDER BY s.sort_order`,
    )
    .all(documentId) as { id: string; label: string; turns: number; first_start: number | null; first_end: number | null }[];
  return rows.map((r) => ({
    id: r.id,
    label: r.label || UNNAMED_SPEAKER,
    turns: r.turns,
    sample: r.first_start === null || r.first_end === null ? '' : text.slice(r.first_start, Math.min(r.first_end, r.first_start + 160)),
  }));
}

type OpenDb = ReturnType<HandlerContext['backend']['project']>['db'];
