import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { ImportFileResult, ImportReport } from '../../../shared/api/methods/documents';
import type { ParsedArgsOf } from '../../../shared/api/contract';
import { LIMITS } from '../../../shared/api/limits';
import { UNNAMED_SPEAKER } from '../../../shared/import/speakers';
import type { HandlerContext } from '../handlerTypes';
import { parserFor } from './formats';
import { saveDocument } from './saveDocument';

type ImportArgs = ParsedArgsOf<'documents.import'>;

/**
 * Import each source as its own transaction: read (with a size limit), parse, save. A failure is
 * reported for that file and changes nothing; the other files go on.
 */
export async function importFiles(args: ImportArgs, ctx: HandlerContext): Promise<ImportReport> {
  const project = ctx.backend.project();
  const files: ImportFileResult[] = [];
  const total = args.sources.length;
  for (const [index, source] of args.sources.entries()) {
    let name = 'uploadId' in source ? 'upload' : path.basename(source.path);
    const progress = (phase: 'reading' | 'parsing' | 'saving' | 'done' | 'failed' | 'skipped') =>
      ctx.backend.emit({ type: 'import.progress', index, total, name, phase });
    try {
      const located = 'uploadId' in source ? ctx.backend.uploads.resolve(source.uploadId) : { file: ctx.backend.resolvePath(source.path, ctx.transport), name };
      name = located.name;
      progress('reading');
      const bytes = readLimited(located.file, name);
      progress('parsing');
      const parsed = await parserFor(name).call(null, bytes, name);
      progress('saving');
      const title = args.title && total === 1 ? args.title : name.replace(/\.[^.]+$/, '') || name;
      const saved = saveDocument(project, parsed, {
        title,
        kind: args.kind ?? 'interview',
        sourceName: name,
        bytes,
        ...(args.informant ? { informant: args.informant } : {}),
        ...(args.case ? { caseName: args.case } : {}),
        ...(args.speakers ? { speakers: args.speakers } : {}),
      });
      if ('uploadId' in source) ctx.backend.uploads.discard(source.uploadId);
      if (!saved) {
        progress('skipped');
        files.push({ name, status: 'skipped', documentId: null, reason: `${name}: the same text is already in the project`, format: parsed.format, warnings: [], speakers: [] });
        continue;
      }
      progress('done');
      files.push({ name, status: 'imported', documentId: saved.documentId, reason: null, format: parsed.format, warnings: parsed.warnings, speakers: speakerReport(project.db, saved.documentId) });
    } catch (error) {
      progress('failed');
      if (!(error instanceof AppError) || error.code === 'INTERNAL') throw error;
      files.push({ name, status: 'failed', documentId: null, reason: error.message, format: null, warnings: [], speakers: [] });
    }
  }
  return { files };
}

function readLimited(file: string, name: string): Uint8Array {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new AppError('IMPORT', `${name}: the file cannot be found or read`, { file: name });
  }
  if (size > LIMITS.uploadBytes) {
    throw new AppError('IMPORT', `${name} is ${(size / 1024 / 1024).toFixed(0)} MB; files over ${LIMITS.uploadBytes / 1024 / 1024} MB cannot be imported`, { file: name });
  }
  if (size === 0) throw new AppError('IMPORT', `${name} is empty`, { file: name });
  return fs.readFileSync(file);
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
