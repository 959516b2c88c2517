import { z } from 'zod';
import { method } from '../define';
import { ExportDestination, type ExportResult } from '../exportTarget';
import { Id, Label } from '../limits';
import { AttributeScopeSchema } from './attributes';
import type { CodedSegment } from './codings';
import { MATRIX_MEASURES, type Matrix, type MatrixMeasure } from '../../analysis/matrix';
import { ROWS_MODES, type RowsMode } from '../../analysis/rows';
import type { Grounding } from '../../analysis/grounding';
import type { Comparison } from '../../analysis/compare';
import type { Cooccurrence } from '../../analysis/cooccurrence';

/** Matrix rows: the whole Gioia tree, or one level. */
export const RowsModeSchema = z.enum(ROWS_MODES as [RowsMode, ...RowsMode[]]);
/** Matrix columns: informants, cases (nested), documents, or the values of an attribute. */
export const ColumnsSchema = z.union([
  z.strictObject({ kind: z.enum(['informants', 'cases', 'documents']) }),
  z.strictObject({ kind: z.literal('attribute'), name: z.string().trim().min(1).max(200), scope: AttributeScopeSchema.optional() }),
]);
/** Cell measure (see MatrixMeasure in shared/analysis/matrix.ts for the exact definitions). */
export const MeasureSchema = z.enum(MATRIX_MEASURES as [MatrixMeasure, ...MatrixMeasure[]]);
/** Only codings by these coders (default: everyone's). */
const CoderIds = z.array(Id).max(200).optional();

/** A group to compare: a case (with its sub-cases), an attribute value (null = no value), or chosen informants. */
export const GroupSchema = z.union([
  z.strictObject({ kind: z.literal('case'), caseId: Id, label: Label.optional() }),
  z.strictObject({
    kind: z.literal('attribute'),
    name: z.string().trim().min(1).max(200),
    scope: AttributeScopeSchema.optional(),
    value: z.string().max(2000).nullable(),
    label: Label.optional(),
  }),
  z.strictObject({ kind: z.literal('informants'), informantIds: z.array(Id).min(1).max(10_000), label: Label.optional() }),
]);

/** Co-occurrence level. */
export const LevelKeySchema = z.enum(['concept', 'theme', 'dimension']);
/** passage: codings overlap; turn: codings in the same speaker turn. */
export const CooccurrenceModeSchema = z.enum(['passage', 'turn']);

const MatrixArgs = {
  rows: RowsModeSchema,
  columns: ColumnsSchema,
  measure: MeasureSchema,
  coderIds: CoderIds,
};

/** A matrix as the API returns it: the figures, plus notes about what was left out. */
export interface MatrixResult extends Matrix {
  readonly rowsMode: RowsMode;
  /** E.g. codings on codes outside the three levels, which no row counts. */
  readonly warnings: readonly string[];
}

/** A pair of co-occurring codings (a under the first code, b under the second). */
export interface CooccurringPair {
  readonly a: CodedSegment;
  readonly b: CodedSegment;
  /** Where the two overlap, or null when they only share a turn. */
  readonly overlap: { readonly start: number; readonly end: number } | null;
}

export const analysisMethods = {
  /**
   * A code × informants | cases | attribute values | documents matrix over the analysed material
   * (codings not orphaned, in documents used in the analysis). Rows aggregate everything below them
   * without counting a coding or an informant twice; a nested case includes its sub-cases; each
   * measure is defined in shared/analysis/matrix.ts. Errors: NO_PROJECT, NOT_FOUND (attribute, coder),
   * VALIDATION (an attribute name both an informant and a case attribute use: give `scope`).
   */
  'analysis.matrix': method(z.strictObject(MatrixArgs)).returns<MatrixResult>(),
  /**
   * The codings behind one cell (`colId` null: the "No case"/"(no value)" column; left out: the
   * row's total), as coded segments with informants and context, in document order.
   * Errors: NO_PROJECT, NOT_FOUND (row or column not in the matrix), VALIDATION.
   */
  'analysis.matrixCell': method(
    z.strictObject({ rows: RowsModeSchema, columns: ColumnsSchema, coderIds: CoderIds, rowId: Id, colId: z.string().max(2000).nullable().optional() }),
  ).returns<readonly CodedSegment[]>(),
  /**
   * Write a matrix as CSV (UTF-8 with BOM), XLSX (frozen headers, collapsible tree rows, heat
   * colour scale), JSON (`{"rows":[{"id","label","level"}],"cols":[{"id","label"}],"cells":[[…]]}`,
   * cells[row][col]) or DOCX (a Word table with shaded cells). Errors: NO_PROJECT, NOT_FOUND,
   * VALIDATION (cannot write), FORBIDDEN (a path outside the projects folder over HTTP).
   */
  'analysis.exportMatrix': method(
    z.strictObject({ ...MatrixArgs, format: z.enum(['csv', 'xlsx', 'json', 'docx']), destination: ExportDestination, title: Label.optional() }),
  ).returns<ExportResult>(),
  /**
   * For every dimension, theme and concept: the informants and (top-level) cases supporting it, its
   * share of all informants, flags (single informant, single case, only documents, not coded) and a
   * sentence such as "raised by 7 of 10 informants, both cases" (`locale` en | nb).
   * Errors: NO_PROJECT, NOT_FOUND (coder).
   */
  'analysis.grounding': method(z.strictObject({ coderIds: CoderIds, locale: z.enum(['en', 'nb']).optional() })).returns<Grounding>(),
  /**
   * Two groups side by side over the Gioia tree (`rows`, default the whole tree): per row each
   * group's codings, informants and share of its informants, and whether the row appears only in A,
   * only in B, in both or neither. Errors: NO_PROJECT, NOT_FOUND (case, attribute, coder), VALIDATION.
   */
  'analysis.compare': method(z.strictObject({ a: GroupSchema, b: GroupSchema, rows: RowsModeSchema.optional(), coderIds: CoderIds })).returns<Comparison>(),
  /** The codings of one group under one row of a comparison (drill-down). Errors: NO_PROJECT, NOT_FOUND, VALIDATION. */
  'analysis.groupSegments': method(z.strictObject({ group: GroupSchema, rowId: Id, coderIds: CoderIds })).returns<readonly CodedSegment[]>(),
  /**
   * Codes at `level` (default concept) × the same codes: how many pairs of codings co-occur, on the
   * same passage (`mode` passage, default) or in the same speaker turn (`turn`); the diagonal holds
   * each code's codings. Errors: NO_PROJECT, NOT_FOUND (coder).
   */
  'analysis.cooccurrence': method(z.strictObject({ level: LevelKeySchema.optional(), mode: CooccurrenceModeSchema.optional(), coderIds: CoderIds })).returns<Cooccurrence>(),
  /** The co-occurring pairs behind one cell, in document order. Errors: NO_PROJECT, NOT_FOUND (a code not at that level). */
  'analysis.cooccurrenceCell': method(
    z.strictObject({ level: LevelKeySchema.optional(), mode: CooccurrenceModeSchema.optional(), coderIds: CoderIds, aId: Id, bId: Id }),
  ).returns<readonly CooccurringPair[]>(),
};
