import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import type { ExportResult } from '../../shared/api/exportTarget';
import type {
  CaseTable,
  ImportedColumn,
  InformantImportReport,
  InformantTable,
  TableWarning,
} from '../../shared/api/methods/attributes';
import type { ImportSource } from '../../shared/api/methods/documents';
import { caseLabel, caseTree } from '../../shared/analysis/data';
import { guessAttributeType, type AttributeDefinition } from '../../shared/attributes/values';
import { parseDelimited, toCsv } from '../../shared/table/delimited';
import { liveCodingInformants } from './analysis/attribution';
import { INFORMANT_FIELDS, LABEL_SYNONYMS, listAttributes, nameKey } from './attributes';
import { deliverFile, safeFileName, TABLE_MIME, type Destination } from './deliverExport';
import type { HandlerContext } from './handlerTypes';
import { decodeText } from './import/decode';
import { readXlsxRows } from './import/xlsx';
import { CASE_COLUMNS, INFORMANT_COLUMNS, toCase, toInformant, type CaseRow, type InformantRow } from './rows';
import { cellContext, cellsError, checkCells, resolveCase, writeCells, type RawCell } from './tableCells';

// The informants and cases spreadsheets, and reading/writing the informants table as CSV or XLSX.

function valuesByOwner(db: Database.Database, table: 'informant_values' | 'case_values', owner: 'informant_id' | 'case_id'): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const row of db.prepare(`SELECT ${owner} AS owner, attribute_id, value FROM ${table}`).all() as { owner: string; attribute_id: string; value: string }[]) {
    const record = out.get(row.owner) ?? {};
    record[row.attribute_id] = row.value;
    out.set(row.owner, record);
  }
  return out;
}

/** The informants spreadsheet (see InformantTable). */
export function informantTable(db: Database.Database): InformantTable {
  const informants = (db.prepare(`SELECT ${INFORMANT_COLUMNS} FROM informants ORDER BY sort_order, created_at`).all() as InformantRow[]).map(toInformant);
  const cases = new Map((db.prepare(`SELECT ${CASE_COLUMNS} FROM cases`).all() as CaseRow[]).map((c) => [c.id, toCase(c)]));
  const values = valuesByOwner(db, 'informant_values', 'informant_id');
  const documents = new Map(
    (db.prepare('SELECT informant_id, count(DISTINCT document_id) AS n FROM speakers WHERE informant_id IS NOT NULL GROUP BY informant_id').all() as {
      informant_id: string;
      n: number;
    }[]).map((r) => [r.informant_id, r.n]),
  );
  const codings = new Map<string, number>();
  for (const pair of liveCodingInformants(db)) codings.set(pair.informantId, (codings.get(pair.informantId) ?? 0) + 1);
  const byLabel = new Map<string, number[]>();
  informants.forEach((i, n) => byLabel.set(nameKey(i.label), [...(byLabel.get(nameKey(i.label)) ?? []), n]));
  const warnings: TableWarning[] = [...byLabel.values()]
    .filter((rows) => rows.length > 1)
    .map((rows) => {
      const label = informants[rows[0]!]!.label;
      return {
        kind: 'sharedLabel',
        label,
        ids: rows.map((r) => informants[r]!.id),
        message: `${rows.length} people share the label “${label}” (rows ${rows.map((r) => r + 1).join(', ')}): exports cannot tell their quotes apart. Give each a label of its own if they are different people.`,
      };
    });
  return {
    attributes: listAttributes(db, 'informant'),
    rows: informants.map((informant) => {
      const c = informant.caseId ? cases.get(informant.caseId) : undefined;
      return {
        informant,
        caseName: c ? caseLabel(c) : null,
        values: values.get(informant.id) ?? {},
        documents: documents.get(informant.id) ?? 0,
        codings: codings.get(informant.id) ?? 0,
      };
    }),
    warnings,
  };
}

/** The cases spreadsheet in tree order, with counts that include sub-cases. */
export function caseTable(db: Database.Database): CaseTable {
  const cases = (db.prepare(`SELECT ${CASE_COLUMNS} FROM cases ORDER BY sort_order, created_at`).all() as CaseRow[]).map(toCase);
  const tree = caseTree(cases.map((c) => ({ id: c.id, parentId: c.parentId, name: c.name, code: c.code })));
  const byId = new Map(cases.map((c) => [c.id, c]));
  const values = valuesByOwner(db, 'case_values', 'case_id');
  const count = (sql: string) => new Map((db.prepare(sql).all() as { case_id: string; n: number }[]).map((r) => [r.case_id, r.n]));
  const informants = count('SELECT case_id, count(*) AS n FROM informants WHERE case_id IS NOT NULL GROUP BY case_id');
  const documents = count('SELECT case_id, count(*) AS n FROM documents WHERE case_id IS NOT NULL GROUP BY case_id');
  const parent = new Map(cases.map((c) => [c.id, c.parentId]));
  const totals = new Map(cases.map((c) => [c.id, { informants: 0, documents: 0 }]));
  for (const c of cases) {
    const seen = new Set<string>();
    let at: string | null | undefined = c.id;
    while (at && totals.has(at) && !seen.has(at)) {
      seen.add(at);
      totals.get(at)!.informants += informants.get(c.id) ?? 0;
      totals.get(at)!.documents += documents.get(c.id) ?? 0;
      at = parent.get(at);
    }
  }
  return {
    attributes: listAttributes(db, 'case'),
    rows: tree.map((t) => ({ case: byId.get(t.case.id)!, depth: t.depth, values: values.get(t.case.id) ?? {}, ...totals.get(t.case.id)! })),
  };
}

const EXCEL_EPOCH_GUARD = Date.UTC(1900, 0, 1);

/** A cell's value as text; dates as ISO `YYYY-MM-DD`. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.getTime() >= EXCEL_EPOCH_GUARD ? value.toISOString().slice(0, 10) : cell.text;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value && value.result !== undefined && value.result !== null) {
      return value.result instanceof Date ? value.result.toISOString().slice(0, 10) : typeof value.result === 'object' ? '' : String(value.result);
    }
  }
  return cell.text ?? '';
}

/** The rows of a table file: .csv/.tsv/.txt (delimiter detected) or .xlsx (first sheet with content). */
export async function readTableFile(bytes: Uint8Array, fileName: string): Promise<string[][]> {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
    return parseDelimited(decodeText(bytes, fileName).text, ext === '.tsv' ? '\t' : undefined).rows;
  }
  if (ext === '.xlsx') {
    return readXlsxRows(bytes, fileName, cellText);
  }
  throw new AppError('UNSUPPORTED', `${fileName}: informant tables are read from .csv, .tsv or .xlsx files (save other spreadsheets as one of those)`, { file: fileName });
}

const FIELD_HEADERS: readonly { key: 'realName' | 'role' | 'case' | 'memo'; names: readonly string[] }[] = [
  { key: 'realName', names: ['real name', 'realname', 'real_name', 'full name', 'fullt navn', 'virkelig navn'] },
  { key: 'role', names: ['speaking role', 'speaking_role', 'talerolle'] },
  { key: 'case', names: ['case', 'cases'] },
  { key: 'memo', names: ['memo', 'notat', 'note', 'notes'] },
];

/** Rolls a dry run back after computing its report. */
class DryRun extends Error {
  readonly report: InformantImportReport;
  constructor(report: InformantImportReport) {
    super('dry run');
    this.report = report;
  }
}

function nextOrder(db: Database.Database, table: 'informants' | 'cases' | 'attributes', where = ''): number {
  return (db.prepare(`SELECT coalesce(max(sort_order), -1) + 1 AS n FROM ${table} ${where}`).get() as { n: number }).n;
}

/** Import an informants table (see informants.importTable in the contract). */
export async function importInformantTable(
  ctx: HandlerContext,
  args: { source: z.output<typeof ImportSource>; createMissing?: boolean | undefined; createAttributes?: boolean | undefined; dryRun?: boolean | undefined },
): Promise<InformantImportReport> {
  const project = ctx.backend.project();
  const db = project.db;
  const located = 'uploadId' in args.source ? ctx.backend.uploads.resolve(args.source.uploadId) : { file: ctx.backend.resolvePath(args.source.path, ctx.transport), name: path.basename(args.source.path) };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(located.file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(code === 'ENOENT' ? 'NOT_FOUND' : 'IMPORT', `Cannot read ${located.name} (${code ?? String(error)})`, { file: located.name });
  }
  const rows = await readTableFile(bytes, located.name);
  const headerIndex = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw new AppError('IMPORT', `${located.name} is empty`, { file: located.name });
  const headers = rows[headerIndex]!.map((h) => h.normalize('NFC').trim());
  const warnings: string[] = [];

  // Columns: the label column first, then built-in fields, then attributes by name.
  const labelColumn = headers.findIndex((h) => LABEL_SYNONYMS.includes(nameKey(h)));
  if (labelColumn < 0) {
    throw new AppError('IMPORT', `${located.name}: no label column. The first row must name the column of informant labels “Label” (or “Informant”, “Pseudonym”); it has ${headers.filter(Boolean).map((h) => `“${h}”`).join(', ') || 'no names'}`, {
      file: located.name,
    });
  }
  const dataRows = rows.slice(headerIndex + 1).map((cells, i) => ({ line: headerIndex + i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const existingAttributes = listAttributes(db, 'informant');
  const newAttributes: AttributeDefinition[] = [];
  const columns: (ImportedColumn & { index: number; key: string | null })[] = [];
  const taken = new Map<string, string>();
  headers.forEach((header, index) => {
    if (index === labelColumn) {
      columns.push({ header, target: 'label', attributeId: null, created: false, index, key: 'label' });
      return;
    }
    if (header === '') {
      if (dataRows.some((r) => (r.cells[index] ?? '').trim() !== '')) warnings.push(`Column ${index + 1} has no name in the first row; it was ignored`);
      return;
    }
    const field = FIELD_HEADERS.find((f) => f.names.includes(nameKey(header)));
    const attribute = field ? undefined : existingAttributes.find((a) => nameKey(a.name) === nameKey(header));
    let column: ImportedColumn & { index: number; key: string | null };
    if (field) column = { header, target: field.key, attributeId: null, created: false, index, key: field.key };
    else if (attribute) column = { header, target: 'attribute', attributeId: attribute.id, created: false, index, key: `attr:${attribute.id}` };
    else if (args.createAttributes) {
      const type = guessAttributeType(dataRows.map((r) => r.cells[index] ?? ''));
      const created: AttributeDefinition = { id: randomUUID(), scope: 'informant', name: header, type, choices: [], memo: '', sortOrder: 0, valueCount: 0 };
      newAttributes.push(created);
      column = { header, target: 'attribute', attributeId: created.id, created: true, index, key: `attr:${created.id}` };
    } else {
      warnings.push(`The column “${header}” is not an attribute of informants; it was ignored (define the attribute, or import with “create attributes”)`);
      column = { header, target: 'ignored', attributeId: null, created: false, index, key: null };
    }
    if (column.key) {
      const before = taken.get(column.key);
      if (before !== undefined) throw new AppError('IMPORT', `${located.name}: the columns “${before}” and “${header}” both fill “${column.attributeId ? header : INFORMANT_FIELDS[column.key as keyof typeof INFORMANT_FIELDS]}”`, { file: located.name });
      taken.set(column.key, header);
    }
    columns.push(column);
  });

  // Rows: match by label (ignoring case); create the missing ones when asked.
  const context = cellContext(db, 'informant');
  const byLabel = new Map<string, string[]>();
  for (const row of db.prepare('SELECT id, label FROM informants ORDER BY sort_order, created_at').all() as { id: string; label: string }[]) {
    byLabel.set(nameKey(row.label), [...(byLabel.get(nameKey(row.label)) ?? []), row.id]);
  }
  const fileRowOf = new Map<string, { line: number; label: string }>();
  const seenLabels = new Map<string, number>();
  const unmatched: { row: number; label: string }[] = [];
  const ambiguous: { row: number; label: string; ids: string[] }[] = [];
  const toCreate: { id: string; label: string }[] = [];
  const cells: RawCell[] = [];
  const problems: { line: number; label: string; message: string }[] = [];
  let matched = 0;
  for (const { line, cells: values } of dataRows) {
    const label = (values[labelColumn] ?? '').normalize('NFC').trim();
    if (label === '') {
      warnings.push(`Row ${line} has no label; it was skipped`);
      continue;
    }
    const earlier = seenLabels.get(nameKey(label));
    if (earlier !== undefined) {
      problems.push({ line, label, message: `repeats the label of row ${earlier}` });
      continue;
    }
    seenLabels.set(nameKey(label), line);
    const ids = byLabel.get(nameKey(label)) ?? [];
    let ownerId: string;
    if (ids.length > 1) {
      ambiguous.push({ row: line, label, ids });
      continue;
    } else if (ids.length === 1) {
      ownerId = ids[0]!;
      matched += 1;
    } else if (args.createMissing) {
      ownerId = randomUUID();
      toCreate.push({ id: ownerId, label });
      context.owners.set(ownerId, { row: 0, label });
    } else {
      unmatched.push({ row: line, label });
      continue;
    }
    fileRowOf.set(ownerId, { line, label });
    for (const column of columns) {
      if (!column.key || column.key === 'label') continue;
      const value = values[column.index] ?? '';
      if (value.trim() === '') continue; // blank cells leave values as they are
      cells.push({ ownerId, key: column.key, value });
    }
  }
  if (problems.length > 0) {
    throw new AppError('VALIDATION', `${located.name}: ${problems.map((p) => `row ${p.line} (“${p.label}”) ${p.message}`).join('; ')}; nothing was changed`, {
      problems: problems.map((p) => ({ ownerId: '', key: 'label', row: p.line, rowLabel: p.label, column: headers[labelColumn]!, value: p.label, message: p.message })),
    });
  }

  // Unknown cases are created; attributes the import creates join the context.
  const createdCases: { id: string; name: string }[] = [];
  for (const cell of cells) {
    if (cell.key !== 'case') continue;
    const name = String(cell.value).normalize('NFC').trim();
    const found = resolveCase(context.cases, name);
    if ('problem' in found && !context.cases.some((c) => nameKey(c.name) === nameKey(name))) {
      const created = { id: randomUUID(), name, code: '', parentId: null };
      context.cases.push(created);
      createdCases.push(created);
    }
  }
  for (const a of newAttributes) context.attributes.set(a.id, { id: a.id, name: a.name, type: a.type, choices: a.choices });
  const checked = checkCells(context, cells, (cell) => {
    const at = fileRowOf.get(cell.ownerId);
    return { row: at?.line ?? 0, rowLabel: at?.label ?? cell.ownerId };
  });
  if (checked.problems.length > 0) throw cellsError(checked.problems);

  const apply = (): InformantImportReport => {
    const now = Date.now();
    let order = nextOrder(db, 'cases');
    for (const c of createdCases) db.prepare('INSERT INTO cases (id, name, sort_order, created_at) VALUES (?, ?, ?, ?)').run(c.id, c.name, order++, now);
    order = nextOrder(db, 'attributes', "WHERE scope = 'informant'");
    for (const a of newAttributes) {
      db.prepare('INSERT INTO attributes (id, scope, name, type, choices, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(a.id, 'informant', a.name, a.type, '[]', order++, now);
    }
    order = nextOrder(db, 'informants');
    for (const i of toCreate) db.prepare('INSERT INTO informants (id, label, sort_order, created_at) VALUES (?, ?, ?, ?)').run(i.id, i.label, order++, now);
    const changed = writeCells(db, 'informant', checked.parsed);
    return {
      dryRun: !!args.dryRun,
      rows: dataRows.length,
      matched,
      created: toCreate.length,
      unmatched,
      ambiguous,
      columns: columns.map(({ header, target, attributeId, created }) => ({ header, target, attributeId, created })),
      createdCases: createdCases.map((c) => c.name),
      changed,
      warnings,
    };
  };
  try {
    const report = project.step(`Import informant table “${located.name}”`, () => {
      const result = apply();
      if (args.dryRun) throw new DryRun(result);
      return result;
    });
    // A browser upload is used up by the import (a dry run leaves it for the real one).
    if ('uploadId' in args.source) ctx.backend.uploads.discard(args.source.uploadId);
    return report;
  } catch (error) {
    if (error instanceof DryRun) return error.report;
    throw error;
  }
}

/** The informants table as rows of cells, header first (see informants.exportTable). */
export function informantExportRows(db: Database.Database, options: { includeRealNames: boolean; informantsOnly: boolean }): { header: string[]; rows: (string | number | Date | null)[][] } {
  const table = informantTable(db);
  const caseNames = new Map((db.prepare('SELECT id, name FROM cases').all() as { id: string; name: string }[]).map((c) => [c.id, c.name]));
  const header = [INFORMANT_FIELDS.label, ...(options.includeRealNames ? [INFORMANT_FIELDS.realName] : []), INFORMANT_FIELDS.role, INFORMANT_FIELDS.case, INFORMANT_FIELDS.memo, ...table.attributes.map((a) => a.name)];
  const rows = table.rows
    .filter((r) => !options.informantsOnly || r.informant.role === 'informant')
    .map((r) => [
      r.informant.label,
      ...(options.includeRealNames ? [r.informant.realName] : []),
      r.informant.role,
      r.informant.caseId ? (caseNames.get(r.informant.caseId) ?? '') : '',
      r.informant.memo,
      ...table.attributes.map((a) => {
        const v = r.values[a.id];
        if (v === undefined) return null;
        if (a.type === 'number') return Number(v);
        if (a.type === 'date') {
          const [y, m, d] = v.split('-').map(Number);
          return new Date(Date.UTC(y!, m! - 1, d!));
        }
        return v;
      }),
    ]);
  return { header, rows };
}

/** Write the informants table as CSV or XLSX. */
export async function exportInformantTable(
  ctx: HandlerContext,
  args: { destination: Destination; format: 'csv' | 'xlsx'; includeRealNames?: boolean | undefined; informantsOnly?: boolean | undefined },
): Promise<ExportResult> {
  const db = ctx.backend.project().db;
  const { header, rows } = informantExportRows(db, { includeRealNames: !!args.includeRealNames, informantsOnly: !!args.informantsOnly });
  let bytes: Uint8Array;
  if (args.format === 'csv') {
    bytes = Buffer.from(toCsv([header, ...rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)))]), 'utf8');
  } else {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Stige';
    const sheet = workbook.addWorksheet('Informants', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    sheet.addRow(header).font = { bold: true };
    for (const r of rows) sheet.addRow(r.map((v) => (v === '' ? null : v)));
    header.forEach((_h, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = Math.min(40, Math.max(10, header[i]!.length + 2, ...rows.map((r) => String(r[i] instanceof Date ? 'yyyy-mm-dd' : (r[i] ?? '')).length + 2)));
      if (rows.some((r) => r[i] instanceof Date)) column.numFmt = 'yyyy-mm-dd';
    });
    bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  }
  const warnings = informantTable(db).warnings.map((w) => w.message);
  if (args.includeRealNames) warnings.unshift('The file contains real names: keep it out of anything you publish or share.');
  const project = db.prepare('SELECT name FROM project WHERE id = 1').get() as { name: string };
  return { files: [deliverFile(ctx, args.destination, `${safeFileName(project.name, 'project')} – informants`, `.${args.format}`, TABLE_MIME[args.format], bytes)], warnings };
}
