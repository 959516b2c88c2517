import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { analysisMethods, MatrixResult } from '../../../shared/api/methods/analysis';
import type { ColumnsSpec } from '../../../shared/analysis/columns';
import { compareGroups, resolveGroup, type GroupSpec, type ResolvedGroup } from '../../../shared/analysis/compare';
import { computeCooccurrence, cooccurrenceCell } from '../../../shared/analysis/cooccurrence';
import { factsOf, type AnalysisData } from '../../../shared/analysis/data';
import { computeGrounding } from '../../../shared/analysis/grounding';
import { cellCodings, computeMatrix, inDocumentOrder, type MatrixMeasure } from '../../../shared/analysis/matrix';
import { columnsLabel, measureLabel } from '../../../shared/analysis/matrixTable';
import { buildRows, type RowsMode } from '../../../shared/analysis/rows';
import { checkCoders, loadAnalysisData, loadAttributeValues, loadTurns, resolveColumns } from '../analysis/loadAnalysis';
import { matrixBytes } from '../analysis/matrixExport';
import { segmentsOf } from '../analysis/segments';
import { deliverFile, safeFileName, TABLE_MIME } from '../deliverExport';
import type { HandlersOf } from '../handlerTypes';
import { currentProject } from './project';

function data(db: Database.Database, coderIds: readonly string[] | undefined): AnalysisData {
  checkCoders(db, coderIds);
  return loadAnalysisData(db, coderIds);
}

function warningsOf(analysis: AnalysisData): string[] {
  const unplaced = new Set(analysis.codes.filter((c) => c.level === null).map((c) => c.id));
  const outside = analysis.codings.filter((c) => unplaced.has(c.codeId)).length;
  return outside > 0 ? [`${outside} coding${outside === 1 ? ' is' : 's are'} on codes not placed as concept, theme or dimension; no row counts ${outside === 1 ? 'it' : 'them'}`] : [];
}

/** Compute the matrix the arguments describe. */
export function matrixFor(db: Database.Database, args: { rows: RowsMode; columns: ColumnsSpec; measure: MatrixMeasure; coderIds?: readonly string[] | undefined }): MatrixResult {
  const analysis = data(db, args.coderIds);
  const matrix = computeMatrix(analysis, args.rows, resolveColumns(db, args.columns), args.measure);
  return { ...matrix, rowsMode: args.rows, warnings: warningsOf(analysis) };
}

function group(db: Database.Database, analysis: AnalysisData, spec: GroupSpec): ResolvedGroup {
  const attribute = spec.kind === 'attribute' ? loadAttributeValues(db, spec.name, spec.scope) : null;
  const resolved = resolveGroup(analysis, spec, attribute);
  if (typeof resolved === 'string') throw new AppError('NOT_FOUND', resolved);
  return resolved;
}

function rowLabel(rows: RowsMode): string {
  switch (rows) {
    case 'tree':
      return 'code';
    case 'dimensions':
      return 'dimension';
    case 'themes':
      return 'theme';
    case 'concepts':
      return 'concept';
    default: {
      const never: never = rows;
      return String(never);
    }
  }
}

export const analysisHandlers = {
  'analysis.matrix': (args, { backend }) => matrixFor(backend.project().db, args),
  'analysis.matrixCell': (args, { backend }) => {
    const db = backend.project().db;
    const analysis = data(db, args.coderIds);
    const indices = cellCodings(analysis, args.rows, resolveColumns(db, args.columns), args.rowId, args.colId);
    if (indices === null) throw new AppError('NOT_FOUND', 'That cell is not in the matrix any more (the codebook or the columns changed); refresh the matrix');
    return segmentsOf(db, indices.map((i) => analysis.codings[i]!.id));
  },
  'analysis.exportMatrix': async (args, ctx) => {
    const project = ctx.backend.project();
    const info = currentProject(project);
    const matrix = matrixFor(project.db, args);
    const title = args.title ?? `${measureLabel(args.measure)} per ${rowLabel(args.rows)} and ${columnsLabel(args.columns)}`;
    const bytes = await matrixBytes(matrix, args.format, { title, levelNames: info.levels });
    const file = deliverFile(ctx, args.destination, `${safeFileName(info.name, 'project')} – ${safeFileName(title, 'matrix')}`, `.${args.format}`, TABLE_MIME[args.format], bytes);
    return { files: [file], warnings: matrix.warnings };
  },
  'analysis.grounding': ({ coderIds, locale }, { backend }) => computeGrounding(data(backend.project().db, coderIds), locale ?? 'en'),
  'analysis.compare': (args, { backend }) => {
    const db = backend.project().db;
    const analysis = data(db, args.coderIds);
    return compareGroups(analysis, args.rows ?? 'tree', group(db, analysis, args.a), group(db, analysis, args.b));
  },
  'analysis.groupSegments': (args, { backend }) => {
    const db = backend.project().db;
    const analysis = data(db, args.coderIds);
    const resolved = group(db, analysis, args.group);
    const { rows, rowsOfCode } = buildRows(analysis.codes, 'tree');
    const row = rows.findIndex((r) => r.id === args.rowId);
    if (row < 0) throw new AppError('NOT_FOUND', `There is no code with id ${args.rowId} in the Gioia tree`);
    const found = new Set<number>();
    for (const fact of factsOf(analysis)) {
      if ((rowsOfCode.get(fact.codeId) ?? []).includes(row) && resolved.accepts(fact)) found.add(fact.coding);
    }
    return segmentsOf(db, inDocumentOrder(analysis, found).map((i) => analysis.codings[i]!.id));
  },
  'analysis.cooccurrence': (args, { backend }) => {
    const db = backend.project().db;
    return computeCooccurrence(data(db, args.coderIds), loadTurns(db), args.level ?? 'concept', args.mode ?? 'passage');
  },
  'analysis.cooccurrenceCell': (args, { backend }) => {
    const db = backend.project().db;
    const analysis = data(db, args.coderIds);
    const pairs = cooccurrenceCell(analysis, loadTurns(db), args.level ?? 'concept', args.mode ?? 'passage', args.aId, args.bId);
    if (pairs === null) throw new AppError('NOT_FOUND', `Both codes must be ${args.level ?? 'concept'}s of the Gioia tree`);
    const ids = [...new Set(pairs.flat())].map((i) => analysis.codings[i]!.id);
    const segments = new Map(segmentsOf(db, ids).map((s) => [s.coding.id, s]));
    return pairs.map(([i, j]) => {
      const a = analysis.codings[i]!;
      const b = analysis.codings[j]!;
      const start = Math.max(a.start, b.start);
      const end = Math.min(a.end, b.end);
      return { a: segments.get(a.id)!, b: segments.get(b.id)!, overlap: end > start ? { start, end } : null };
    });
  },
} satisfies HandlersOf<typeof analysisMethods>;
