import fs from 'node:fs';
import path from 'node:path';
import type { ParsedArgsOf } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { LIMITS } from '../../../shared/api/limits';
import type { RefiExportResult, refiMethods } from '../../../shared/api/methods/refi';
import { levelMappingProblem } from '../../../shared/refi/levels';
import type { HandlerContext, HandlersOf } from '../handlerTypes';
import { buildQdc, buildQdpx } from '../refi/exportProject';
import { importRefi } from '../refi/importRefi';
import { readRefiInput, type LoadedRefi } from '../refi/readInput';
import { writeZip } from '../refi/zip';

type ImportArgs = ParsedArgsOf<'refi.import'>;
type ExportArgs = ParsedArgsOf<'refi.exportProject'>;

/** Read the file an import names (a path or an upload), with the upload size limit. */
async function load(args: ImportArgs, ctx: HandlerContext): Promise<{ loaded: LoadedRefi; uploadId: string | null }> {
  const { source } = args;
  const located =
    'uploadId' in source ? ctx.backend.uploads.resolve(source.uploadId) : { file: ctx.backend.resolvePath(source.path, ctx.transport), name: path.basename(source.path) };
  let size: number;
  try {
    size = fs.statSync(located.file).size;
  } catch {
    throw new AppError('NOT_FOUND', `${located.name} cannot be found or read`, { file: located.name });
  }
  if (size > LIMITS.uploadBytes) {
    throw new AppError('IMPORT', `${located.name} is ${Math.round(size / 1024 / 1024)} MB; files over ${LIMITS.uploadBytes / 1024 / 1024} MB cannot be imported`, { file: located.name });
  }
  const bytes = new Uint8Array(fs.readFileSync(located.file));
  return { loaded: await readRefiInput(bytes, located.name), uploadId: 'uploadId' in source ? source.uploadId : null };
}

function options(args: ImportArgs, dryRun: boolean) {
  const levels = args.levels ?? { kind: 'auto' as const };
  const problem = levelMappingProblem(levels);
  if (problem) throw new AppError('VALIDATION', `levels: ${problem}`);
  return { levels, onConflict: args.onConflict ?? ('keep' as const), resolve: args.resolve ?? {}, dryRun };
}

/** Write `bytes` to the export target: a path (atomically, refusing to overwrite unless asked) or a download. */
function deliver(args: ExportArgs, ctx: HandlerContext, bytes: Uint8Array, defaultName: string, extension: string): Pick<RefiExportResult, 'path' | 'downloadUrl' | 'fileName' | 'bytes'> {
  if ('download' in args) {
    const fileName = ensureExtension(args.fileName ?? defaultName, extension);
    const id = ctx.backend.downloads.put({ fileName, contentType: extension === '.qdc' ? 'application/xml' : 'application/zip', bytes });
    return { path: null, downloadUrl: `/api/download/${id}`, fileName, bytes: bytes.byteLength };
  }
  const target = ctx.backend.resolvePath(ensureExtension(args.path, extension), ctx.transport);
  if (fs.existsSync(target) && !args.overwrite) throw new AppError('CONFLICT', `${target} already exists; choose another name or allow overwriting`, { path: target });
  const dir = path.dirname(target);
  if (!fs.existsSync(dir)) throw new AppError('NOT_FOUND', `The folder ${dir} does not exist`, { path: target });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  fs.writeFileSync(temp, bytes);
  fs.renameSync(temp, target);
  return { path: target, downloadUrl: null, fileName: path.basename(target), bytes: bytes.byteLength };
}

function ensureExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(extension) ? name : `${name}${extension}`;
}

function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim() || 'project';
}

export const refiHandlers = {
  'refi.inspect': async (args, ctx) => {
    const project = ctx.backend.project();
    const { loaded } = await load(args, ctx);
    return importRefi(project, loaded, options(args, true));
  },
  'refi.import': async (args, ctx) => {
    const project = ctx.backend.project();
    const opts = options(args, false);
    const { loaded, uploadId } = await load(args, ctx);
    const report = importRefi(project, loaded, opts);
    if (uploadId) ctx.backend.uploads.discard(uploadId);
    return report;
  },
  'refi.exportProject': async (args, ctx) => {
    const project = ctx.backend.project();
    const built = buildQdpx(project, { appVersion: ctx.backend.version, includeRealNames: args.includeRealNames ?? false });
    const bytes = await writeZip(built.files);
    const name = (project.db.prepare('SELECT name FROM project').get() as { name: string }).name;
    return { ...deliver(args, ctx, bytes, safeFileName(name), '.qdpx'), counts: built.counts, warnings: built.warnings };
  },
  'refi.exportCodebook': (args, ctx) => {
    const project = ctx.backend.project();
    const built = buildQdc(project, { appVersion: ctx.backend.version });
    const bytes = new TextEncoder().encode(built.xml);
    const name = (project.db.prepare('SELECT name FROM project').get() as { name: string }).name;
    return {
      ...deliver(args, ctx, bytes, `${safeFileName(name)} codebook`, '.qdc'),
      counts: { users: 0, codes: built.codes, documents: 0, selections: 0, codings: 0, notes: 0, cases: 0, originals: 0 },
      warnings: built.warnings,
    };
  },
} satisfies HandlersOf<typeof refiMethods>;
