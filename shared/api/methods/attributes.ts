import { z } from 'zod';
import { method } from '../define';
import { ExportDestination, type ExportResult } from '../exportTarget';
import { Id, LIMITS, ShortText } from '../limits';
import { ImportSource } from './documents';
import { MAX_ATTRIBUTE_TEXT, type AttributeDefinition } from '../../attributes/values';
import type { Case, Informant } from '../../model/types';

/** informant | case. */
export const AttributeScopeSchema = z.enum(['informant', 'case']);
/** text | number | date | choice. */
export const AttributeTypeSchema = z.enum(['text', 'number', 'date', 'choice']);
const AttributeName = z.string().trim().min(1, 'must not be empty').max(200);
const Choice = z.string().trim().min(1, 'a choice must not be empty').max(200);
const Choices = z.array(Choice).max(500);

/**
 * One cell of the informants or cases table. `key` names the column: for informants `label`,
 * `realName`, `role` (informant | interviewer), `case` (a case id, name or display code; blank = no
 * case), `memo`; for cases `name`, `code`, `parent` (a case id, name or code; blank = top level),
 * `memo`; for both `attr:<attribute id>`. `value` is what the user typed; blank or null clears it.
 */
export const TableCell = z.strictObject({
  ownerId: Id,
  key: z.string().min(1).max(LIMITS.id + 5),
  value: z.union([z.string().max(MAX_ATTRIBUTE_TEXT * 5), z.number(), z.null()]),
});

/** A problem with one cell of a batch, naming its row and column. */
export interface CellProblem {
  readonly ownerId: string;
  readonly key: string;
  /** 1-based row of the table (informants.table / cases.table order), 0 when the owner does not exist. */
  readonly row: number;
  /** The row's label ("Inger") and the column's header ("Age"). */
  readonly rowLabel: string;
  readonly column: string;
  readonly value: string;
  readonly message: string;
}

/** A warning about the informants table. */
export interface TableWarning {
  readonly kind: 'sharedLabel';
  readonly message: string;
  readonly label: string;
  readonly ids: readonly string[];
}

/** One informant with its attribute values and how much material it has. */
export interface InformantTableRow {
  readonly informant: Informant;
  /** The case's display name, or null. */
  readonly caseName: string | null;
  /** attribute id → canonical value (absent = no value). */
  readonly values: Readonly<Record<string, string>>;
  /** Documents in which a speaker is mapped to this person. */
  readonly documents: number;
  /** Codings attributed to this person (analysed material; 0 for interviewers). */
  readonly codings: number;
}

/** The informants spreadsheet. */
export interface InformantTable {
  readonly attributes: readonly AttributeDefinition[];
  readonly rows: readonly InformantTableRow[];
  readonly warnings: readonly TableWarning[];
}

/** One case with its attribute values. */
export interface CaseTableRow {
  readonly case: Case;
  readonly depth: number;
  readonly values: Readonly<Record<string, string>>;
  /** Informants in this case or a case inside it. */
  readonly informants: number;
  /** Documents in this case or a case inside it. */
  readonly documents: number;
}

/** The cases spreadsheet, in tree order. */
export interface CaseTable {
  readonly attributes: readonly AttributeDefinition[];
  readonly rows: readonly CaseTableRow[];
}

/** What a file's column was read as. */
export interface ImportedColumn {
  readonly header: string;
  readonly target: 'label' | 'realName' | 'role' | 'case' | 'memo' | 'attribute' | 'ignored';
  readonly attributeId: string | null;
  /** True when the import created this attribute. */
  readonly created: boolean;
}

/** What importing an informants table did (or would do, with dryRun). */
export interface InformantImportReport {
  readonly dryRun: boolean;
  /** Data rows read (blank rows skipped). */
  readonly rows: number;
  readonly matched: number;
  readonly created: number;
  /** Rows whose label matches no informant (and were not created). `row` is the file's 1-based line/row. */
  readonly unmatched: readonly { readonly row: number; readonly label: string }[];
  /** Rows whose label several informants share: skipped, since it is unclear whom they mean. */
  readonly ambiguous: readonly { readonly row: number; readonly label: string; readonly ids: readonly string[] }[];
  readonly columns: readonly ImportedColumn[];
  readonly createdCases: readonly string[];
  /** Cells whose value changed. */
  readonly changed: number;
  readonly warnings: readonly string[];
}

export const attributesMethods = {
  /** Attribute definitions (of one scope, or all), in the user's order. Errors: NO_PROJECT. */
  'attributes.list': method(z.strictObject({ scope: AttributeScopeSchema.optional() })).returns<readonly AttributeDefinition[]>(),
  /**
   * Define an attribute of informants or cases. A choice attribute needs its choices.
   * Errors: NO_PROJECT, VALIDATION (choices), CONFLICT (the name is taken in that scope, ignoring case, or is a built-in column).
   */
  'attributes.create': method(
    z.strictObject({ scope: AttributeScopeSchema, name: AttributeName, type: AttributeTypeSchema, choices: Choices.optional(), memo: ShortText.optional() }),
  ).returns<AttributeDefinition>(),
  /**
   * Rename, retype, change the choices of, or annotate an attribute, as one undoable step.
   * `renameChoices` (old → new) renames choices and the values using them. Changing the type
   * converts every value; values the new type (or the remaining choices) cannot read make the call
   * fail with CONFLICT listing them, unless `clearInvalid` clears them (the result says how many).
   * Errors: NO_PROJECT, NOT_FOUND, VALIDATION, CONFLICT.
   */
  'attributes.update': method(
    z.strictObject({
      id: Id,
      name: AttributeName.optional(),
      type: AttributeTypeSchema.optional(),
      choices: Choices.optional(),
      renameChoices: z.record(Choice, Choice).optional(),
      memo: ShortText.optional(),
      clearInvalid: z.boolean().optional(),
    }),
  ).returns<{ readonly attribute: AttributeDefinition; readonly converted: number; readonly cleared: number }>(),
  /** Put the attributes of one scope in this order (ids of that scope; others keep their place after them). Errors: NO_PROJECT, NOT_FOUND. */
  'attributes.reorder': method(z.strictObject({ ids: z.array(Id).min(1).max(1000) })).returns<readonly AttributeDefinition[]>(),
  /**
   * Delete an attribute and its values (undoable). With `dryRun` nothing changes and the result
   * only says how many values would go, for the confirmation. Errors: NO_PROJECT, NOT_FOUND.
   */
  'attributes.delete': method(z.strictObject({ id: Id, dryRun: z.boolean().optional() })).returns<{
    readonly attribute: AttributeDefinition;
    readonly values: number;
    readonly deleted: boolean;
  }>(),
  /**
   * Write many cells of the informants (or cases) table as ONE undoable step, like a paste into a
   * spreadsheet. Every value is checked first against its column (numbers, ISO dates, choices,
   * cases that exist, no empty labels, no case inside itself); if any cell is wrong nothing is
   * written and the VALIDATION error lists every problem (details.problems: CellProblem[]), each
   * naming its row and column. Returns how many cells actually changed.
   * Errors: NO_PROJECT, VALIDATION.
   */
  'attributes.setValues': method(z.strictObject({ scope: AttributeScopeSchema, cells: z.array(TableCell).min(1).max(LIMITS.list) })).returns<{
    readonly changed: number;
  }>(),
  /**
   * The informants spreadsheet: every informant and interviewer with case, attribute values,
   * documents and attributed codings; `warnings` flags labels two people share (their quotes could
   * not be told apart in exports). Errors: NO_PROJECT.
   */
  'informants.table': method(z.strictObject({})).returns<InformantTable>(),
  /** The cases spreadsheet, in tree order with depth, values and counts. Errors: NO_PROJECT. */
  'cases.table': method(z.strictObject({})).returns<CaseTable>(),
  /**
   * Read informants' attributes from a CSV/TSV (delimiter detected, UTF-8 or Windows-1252) or XLSX
   * file whose first row names the columns, matching rows to informants by label. Known headers:
   * Label (or Informant, Pseudonym), Real name, Speaking role, Case, Memo; other headers are
   * attributes, matched by name ignoring case, and created (type guessed: number, date or text) when
   * `createAttributes` is set, else ignored. Rows whose label matches nobody are reported, or created
   * with `createMissing`. Unknown cases are created. All in one undoable step; with `dryRun` nothing
   * changes. A wrong value anywhere fails the whole import with VALIDATION listing each problem by
   * row and column (details.problems). Errors: NO_PROJECT, NOT_FOUND, UNSUPPORTED, IMPORT, VALIDATION.
   */
  'informants.importTable': method(
    z.strictObject({
      source: ImportSource,
      createMissing: z.boolean().optional(),
      createAttributes: z.boolean().optional(),
      dryRun: z.boolean().optional(),
    }),
  ).returns<InformantImportReport>(),
  /**
   * Write the informants table as CSV (UTF-8 with BOM, so Excel reads æøå) or XLSX, in the layout
   * informants.importTable reads back. Real names are left out unless `includeRealNames`.
   * Errors: NO_PROJECT, VALIDATION (cannot write), NOT_FOUND (folder), FORBIDDEN.
   */
  'informants.exportTable': method(
    z.strictObject({ destination: ExportDestination, format: z.enum(['csv', 'xlsx']), includeRealNames: z.boolean().optional(), informantsOnly: z.boolean().optional() }),
  ).returns<ExportResult>(),
};
