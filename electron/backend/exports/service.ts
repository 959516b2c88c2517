import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedArgsOf } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { LIMITS } from '../../../shared/api/limits';
import type { ExportResult, QuotePreview } from '../../../shared/api/methods/exports';
import { attributionConflicts, printedQuotes } from '../../../shared/exports/checks';
import { checkDraft, type DraftReport, type TableQuote } from '../../../shared/exports/draftCheck';
import type { ExportDoc } from '../../../shared/exports/document';
import { buildInformantQuoteList, informantQuotesToDoc, type InformantQuoteList } from '../../../shared/exports/informantQuotes';
import { buildOverview, overviewToDoc, unknownAttributesProblem, type Overview } from '../../../shared/exports/overview';
import { quoteTablesToDoc } from '../../../shared/exports/quoteDocument';
import { quoteTablesJson } from '../../../shared/exports/quoteJson';
import { buildQuoteTables } from '../../../shared/exports/quoteTable';
import {
  mergeSettings,
  type ExportFormat,
  type InformantQuoteSettingsPatch,
  type OverviewSettings,
  type OverviewSettingsPatch,
  type QuoteSettingsPatch,
  type QuoteTableSettings,
} from '../../../shared/exports/settings';
import { warning, type ExportWarning } from '../../../shared/exports/warnings';
import type { HandlerContext } from '../handlerTypes';
import type { OpenProject } from '../openProject';
import { readDraftDocx } from './draftDocx';
import { contextOf, loadDraftSource, loadExportSource, loadOverviewSource } from './load';
import { earlierQuotes, logExport } from './log';
import { readExportSettings } from './settingsStore';
import { FORMAT_EXTENSIONS, FORMAT_TYPES, hasNativeFootnotes, renderDocument } from './writers';

/** Where an export goes: a path, or a download when none is given. */
interface Target {
  readonly path?: string | undefined;
  readonly fileName?: string | undefined;
}

function projectName(project: OpenProject): string {
  return (project.db.prepare('SELECT name FROM project WHERE id = 1').get() as { name: string }).name;
}

/** A file name safe on every system: no path separators or characters Windows refuses. */
function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 200) || 'export';
}

function currentCoderId(ctx: HandlerContext): string | null {
  const name = ctx.backend.settings.get().coderName;
  if (!name) return null;
  const row = ctx.backend.project().db.prepare('SELECT id FROM coders WHERE name = ?').get(name) as { id: string } | undefined;
  return row?.id ?? null;
}

/**
 * Write `bytes` to the target path (atomically: a temporary file renamed over it) or keep them as
 * a download. Refuses to write over a project file, and over HTTP outside the data folder.
 */
function deliver(ctx: HandlerContext, target: Target, format: ExportFormat, bytes: Uint8Array, defaultName: string): { path: string | null; downloadId: string | null; fileName: string } {
  const extension = FORMAT_EXTENSIONS[format];
  if (!target.path) {
    const given = target.fileName ? safeFileName(target.fileName) : safeFileName(defaultName);
    const fileName = given.toLowerCase().endsWith(extension) ? given : `${given}${extension}`;
    const downloadId = ctx.backend.downloads.put({ fileName, contentType: FORMAT_TYPES[format], bytes });
    return { path: null, downloadId, fileName };
  }
  const resolved = ctx.backend.resolvePath(target.path, ctx.transport);
  const project = ctx.backend.project();
  if (/\.stige(?:-wal|-shm|-journal)?$/i.test(resolved) || path.resolve(project.path) === resolved) {
    throw new AppError('FORBIDDEN', `${target.path} is a Stige project file; an export never writes over one. Choose a ${extension} file`);
  }
  const folder = path.dirname(resolved);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new AppError('NOT_FOUND', `The folder ${folder} does not exist`);
  if (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory()) throw new AppError('VALIDATION', `${target.path} is a folder; give a file name`);
  const temporary = path.join(folder, `.${path.basename(resolved)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, resolved);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new AppError('FORBIDDEN', `${target.path} cannot be written (${code})`);
  }
  return { path: resolved, downloadId: null, fileName: path.basename(resolved) };
}

/** The project's quote settings with a call's options laid over them. */
export function effectiveQuoteSettings(project: OpenProject, options: QuoteSettingsPatch | undefined): QuoteTableSettings {
  return mergeSettings(readExportSettings(project.db).quotes, options ?? {});
}

function formatWarnings(settings: QuoteTableSettings, format: ExportFormat | undefined): ExportWarning[] {
  if (!format || settings.attribution !== 'footnote' || hasNativeFootnotes(format)) return [];
  const where = format === 'csv' || format === 'xlsx' || format === 'json' ? 'in parentheses after each quote' : 'as numbered notes after each table';
  return [warning('footnotes-not-native', `${format.toUpperCase()} has no footnotes: the informants are named ${where}. Choose DOCX or LaTeX for real footnotes`)];
}

/** The quote tables for a live preview, with every check's warnings. */
export function quotePreview(project: OpenProject, options: QuoteSettingsPatch | undefined, format?: ExportFormat): QuotePreview {
  const settings = effectiveQuoteSettings(project, options);
  const { source } = loadExportSource(project.db, { representativeOnly: settings.selection === 'representative' });
  const model = buildQuoteTables(source, settings);
  const conflicts = attributionConflicts(printedQuotes(model), earlierQuotes(project.db));
  return { settings, model, warnings: [...conflicts, ...model.warnings, ...formatWarnings(settings, format)] };
}

async function finish(
  ctx: HandlerContext,
  args: Target & { format: ExportFormat },
  doc: ExportDoc,
  json: unknown,
  log: { kind: 'quotes' | 'overview' | 'informant-quotes'; settings: unknown; quotes: Parameters<typeof logExport>[2] },
  counts: { tables: number; rows: number },
  warnings: readonly ExportWarning[],
  defaultName: string,
): Promise<ExportResult> {
  const bytes = await renderDocument(doc, args.format, json);
  const delivered = deliver(ctx, args, args.format, bytes, defaultName);
  const exportId = logExport(
    ctx.backend.project().db,
    { kind: log.kind, format: args.format, fileName: delivered.fileName, settings: log.settings, coderId: currentCoderId(ctx) },
    log.quotes,
  );
  return { ...delivered, format: args.format, bytes: bytes.byteLength, ...counts, warnings, exportId };
}

/** Export the representative-quotes tables. */
export async function exportQuoteTable(ctx: HandlerContext, args: ParsedArgsOf<'exports.quoteTable'>): Promise<ExportResult> {
  const project = ctx.backend.project();
  const preview = quotePreview(project, args.options, args.format);
  const name = projectName(project);
  const doc = quoteTablesToDoc(preview.model, name);
  return finish(
    ctx,
    args,
    doc,
    quoteTablesJson(preview.model),
    { kind: 'quotes', settings: preview.settings, quotes: printedQuotes(preview.model) },
    { tables: preview.model.tables.length, rows: preview.model.quoteCount },
    preview.warnings,
    `${name} – quotes`,
  );
}

/**
 * An overview with its settings (the project's with `options` over them). Attribute columns named
 * in `options` must exist (VALIDATION otherwise); saved ones since deleted are left out quietly.
 */
function overviewOf(project: OpenProject, table: ParsedArgsOf<'exports.overview'>['table'], options: OverviewSettingsPatch | undefined): { overview: Overview; settings: OverviewSettings } {
  const settings = mergeSettings(readExportSettings(project.db).overview, options ?? {});
  const source = loadOverviewSource(project.db);
  const problem = options?.informantAttributes ? unknownAttributesProblem(source, options.informantAttributes) : null;
  if (problem) throw new AppError('VALIDATION', problem);
  return { overview: buildOverview(table, source, settings), settings };
}

/** An overview table for preview. */
export function overviewPreview(project: OpenProject, table: ParsedArgsOf<'exports.overview'>['table'], options: OverviewSettingsPatch | undefined): Overview {
  return overviewOf(project, table, options).overview;
}

/** Export an overview table. */
export async function exportOverview(ctx: HandlerContext, args: ParsedArgsOf<'exports.overview'>): Promise<ExportResult> {
  const project = ctx.backend.project();
  const { overview, settings } = overviewOf(project, args.table, args.options);
  const name = projectName(project);
  const doc = overviewToDoc(overview, settings, name);
  return finish(
    ctx,
    args,
    doc,
    overview,
    { kind: 'overview', settings: { table: args.table, ...settings }, quotes: [] },
    { tables: 1, rows: doc.tables[0]?.rows.length ?? 0 },
    [],
    `${name} – ${args.table}`,
  );
}

/** One informant's quote list for preview. */
export function informantQuotesPreview(project: OpenProject, informantId: string, options: InformantQuoteSettingsPatch | undefined): InformantQuoteList {
  const all = readExportSettings(project.db);
  const settings = mergeSettings(all.informantQuotes, options ?? {});
  const { source, texts } = loadExportSource(project.db);
  if (!source.informants.some((i) => i.id === informantId)) throw new AppError('NOT_FOUND', `There is no informant with id ${informantId}`);
  const contexts = new Map(source.codings.map((c) => [c.id, contextOf(texts.get(c.documentId) ?? '', c.start, c.end)]));
  return buildInformantQuoteList(source, informantId, contexts, settings, all.quotes);
}

/** Export one informant's quote list. */
export async function exportInformantQuotes(ctx: HandlerContext, args: ParsedArgsOf<'exports.informantQuotes'>): Promise<ExportResult> {
  const project = ctx.backend.project();
  const list = informantQuotesPreview(project, args.informantId, args.options);
  const settings = mergeSettings(readExportSettings(project.db).informantQuotes, args.options ?? {});
  const doc = informantQuotesToDoc(list, settings, `${projectName(project)} – ${list.informant.label}`);
  return finish(
    ctx,
    args,
    doc,
    list,
    { kind: 'informant-quotes', settings: { informantId: args.informantId, ...settings }, quotes: [] },
    { tables: 1, rows: list.entries.length },
    [],
    `${list.informant.label} – quotes`,
  );
}

/** The quotes the tables print: the latest export of each coding, else what the current settings print. */
function tableQuotes(project: OpenProject): TableQuote[] {
  const latest = new Map<string, TableQuote>();
  for (const q of earlierQuotes(project.db)) {
    const table = q.table !== null ? `table ${q.table} of ` : '';
    latest.set(q.codingId, {
      codingId: q.codingId,
      documentId: q.documentId,
      start: q.start,
      end: q.end,
      text: q.text,
      attribution: q.attribution,
      informantIds: q.informantIds,
      where: `${table}“${q.fileName}”`,
    });
  }
  const settings = readExportSettings(project.db).quotes;
  const { source } = loadExportSource(project.db, { representativeOnly: settings.selection === 'representative' });
  for (const table of buildQuoteTables(source, settings).tables) {
    for (const row of table.rows) {
      for (const q of row.quotes) {
        if (latest.has(q.codingId)) continue;
        latest.set(q.codingId, {
          codingId: q.codingId,
          documentId: q.documentId,
          start: q.start,
          end: q.end,
          text: q.text,
          attribution: q.attribution,
          informantIds: q.informants.map((i) => i.id),
          where: `table ${table.n} (not exported yet)`,
        });
      }
    }
  }
  return [...latest.values()];
}

/** Check a thesis draft against the project. */
export async function checkDraftFile(ctx: HandlerContext, args: ParsedArgsOf<'exports.checkDraft'>): Promise<DraftReport> {
  const project = ctx.backend.project();
  const located =
    'uploadId' in args.source ? ctx.backend.uploads.resolve(args.source.uploadId) : { file: ctx.backend.resolvePath(args.source.path, ctx.transport), name: path.basename(args.source.path) };
  if (path.extname(located.name).toLowerCase() !== '.docx') {
    throw new AppError('UNSUPPORTED', `${located.name}: the draft check reads Word documents (.docx); save the draft as .docx first`);
  }
  let size: number;
  try {
    size = fs.statSync(located.file).size;
  } catch {
    throw new AppError('NOT_FOUND', `${located.name} cannot be found or read`);
  }
  if (size > LIMITS.uploadBytes) throw new AppError('IMPORT', `${located.name} is larger than ${LIMITS.uploadBytes / 1024 / 1024} MB`);
  const paragraphs = await readDraftDocx(fs.readFileSync(located.file), located.name);
  if ('uploadId' in args.source) ctx.backend.uploads.discard(args.source.uploadId);
  const settings = readExportSettings(project.db).quotes;
  return checkDraft(paragraphs, loadDraftSource(project.db, tableQuotes(project), settings.names));
}
