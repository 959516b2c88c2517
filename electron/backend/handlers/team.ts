import fs from 'node:fs';
import path from 'node:path';
import type { MergePreview, teamMethods } from '../../../shared/api/methods/team';
import { Backend } from '../backend';
import { safeFileName, TABLE_MIME } from '../deliverExport';
import type { HandlerContext, HandlersOf } from '../handlerTypes';
import { handout } from '../merge/handout';
import { applyMerge, previewMerge } from '../merge/merge';
import { isQdpxName, qdpxAsProject } from '../merge/qdpxSource';
import { agreementReport } from '../team/agreement';
import { coderCounts } from '../team/coderCounts';
import { coderSummaries, mergeCoders, renameCoder, setBlind, setBlindForMe, teamStatus } from '../team/coders';
import { listDisagreements, resolveDisagreement } from '../team/disagreements';
import { renderReport, writeReport } from '../team/exportReport';

const STIGE_MIME = 'application/vnd.sqlite3';

/** The file a merge reads, and its name for people: a path, or a browser upload (kept until merged). */
function mergeFile(from: { path: string } | { uploadId: string }, ctx: HandlerContext): { file: string; name: string } {
  return 'uploadId' in from ? ctx.backend.uploads.resolve(from.uploadId) : { file: ctx.backend.resolvePath(from.path, ctx.transport), name: path.basename(from.path) };
}

/**
 * Run a merge (preview or apply) of the file `args` name. A .qdpx is first read into a temporary
 * project by the REFI-QDA importer; the merge reads that, and reports the .qdpx and what the
 * importer could not carry over.
 */
async function withMergeFile<T extends MergePreview>(args: { path: string } | { uploadId: string }, ctx: HandlerContext, merge: (file: string, name: string) => T): Promise<T> {
  const { file, name } = mergeFile(args, ctx);
  if (!isQdpxName(name)) return merge(file, name);
  ctx.backend.project(); // NO_PROJECT before reading anything
  const copy = await qdpxAsProject(file, name, ctx.backend.version);
  try {
    const result = merge(copy.file, name);
    // The merge cannot tell a .qdpx from a copy that was not handed out; say what it is instead.
    const warnings = result.warnings.map((w) =>
      w.startsWith(`${name} was not handed out from this project`)
        ? `${name} is a REFI-QDA export, which keeps no record of what changed where: every difference in the codebook is listed as a conflict, and nothing is deleted.`
        : w,
    );
    return { ...result, path: file, warnings: [...warnings, ...copy.warnings] };
  } finally {
    copy.dispose();
  }
}

export const teamHandlers = {
  'team.coders': (_args, { backend }) => coderSummaries(backend),
  'team.renameCoder': ({ id, name }, { backend }) => {
    renameCoder(backend, id, name);
    return coderSummaries(backend);
  },
  'team.mergeCoders': ({ fromId, intoId }, { backend }) => {
    mergeCoders(backend.project(), fromId, intoId);
    return coderSummaries(backend);
  },
  'team.status': (_args, { backend }) => teamStatus(backend),
  'team.setBlind': (args, { backend }) => {
    if ('mine' in args) setBlindForMe(backend.project(), backend.settings.get().coderName);
    else setBlind(backend.project(), args.coderId);
    return teamStatus(backend);
  },
  'team.coderCounts': ({ coderId }, { backend }) => coderCounts(backend.project().db, coderId),
  'team.handout': ({ path: target, coder, blind, download }, { backend, transport }) => {
    const result = handout(backend.project(), backend.resolvePath(Backend.withExtension(target), transport), coder, blind ?? false);
    if (!download) return result;
    // Browser mode: the copy stays in the projects folder and its bytes go back to be downloaded.
    const bytes = fs.readFileSync(result.path);
    return { ...result, file: { name: path.basename(result.path), mime: STIGE_MIME, bytes: bytes.byteLength, path: null, data: bytes.toString('base64') } };
  },
  'team.mergePreview': (args, ctx) => withMergeFile(args, ctx, (file, name) => previewMerge(ctx.backend.project(), file, undefined, name)),
  'team.mergeApply': async (args, ctx) => {
    const result = await withMergeFile(args, ctx, (file, name) => applyMerge(ctx.backend.project(), file, args.theirs, name));
    if ('uploadId' in args) ctx.backend.uploads.discard(args.uploadId);
    return result;
  },
  'team.agreement': (args, { backend }) => agreementReport(backend.project().db, args),
  'team.exportAgreement': async ({ path: target, inline, format, ...args }, { backend, transport }) => {
    const report = agreementReport(backend.project().db, args);
    const project = (backend.project().db.prepare('SELECT name FROM project').get() as { name: string }).name;
    const name = `${safeFileName(project, 'Project')} – inter-coder agreement.${format}`;
    if (inline || target === undefined) {
      const bytes = await renderReport(report.table, format);
      return { path: null, bytes: bytes.byteLength, file: { name, mime: TABLE_MIME[format], bytes: bytes.byteLength, path: null, data: bytes.toString('base64') } };
    }
    const file = backend.resolvePath(target, transport);
    const bytes = await writeReport(report.table, format, file);
    return { path: file, bytes, file: { name: path.basename(file), mime: TABLE_MIME[format], bytes, path: file, data: null } };
  },
  'team.disagreements': (args, { backend }) => listDisagreements(backend.project().db, args),
  'team.resolve': (args, { backend }) => resolveDisagreement(backend.project(), args),
} satisfies HandlersOf<typeof teamMethods>;
