import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { AttributeScope } from '../../../shared/attributes/values';
import type { AttributeValues, ColumnsSpec, ResolvedColumns } from '../../../shared/analysis/columns';
import type { AnalysisData } from '../../../shared/analysis/data';
import type { TurnRange } from '../../../shared/analysis/cooccurrence';
import type { Level } from '../../../shared/model/levels';
import { findAttributeByName } from '../attributes';
import { analysedInformants, liveCodingsWithInformants } from './attribution';

// Reads what the comparison views are computed from (shared/analysis/data.ts) in a handful of
// queries; the counting itself is pure and lives in shared/analysis.

/** Everything the matrix, grounding and comparison need, optionally only codings by some coders. */
export function loadAnalysisData(db: Database.Database, coderIds?: readonly string[]): AnalysisData {
  const codes = db.prepare('SELECT id, level, parent_id, label, color FROM codes ORDER BY sort_order, created_at').all() as {
    id: string;
    level: number | null;
    parent_id: string | null;
    label: string;
    color: string;
  }[];
  const cases = db.prepare('SELECT id, parent_id, name, code FROM cases ORDER BY sort_order, created_at').all() as {
    id: string;
    parent_id: string | null;
    name: string;
    code: string;
  }[];
  const documents = db
    .prepare('SELECT id, title, case_id FROM documents WHERE used_in_analysis = 1 ORDER BY sort_order, created_at')
    .all() as { id: string; title: string; case_id: string | null }[];
  const people = db.prepare("SELECT id, label, case_id FROM informants WHERE role = 'informant'").all() as { id: string; label: string; case_id: string | null }[];
  const person = new Map(people.map((p) => [p.id, p]));
  const informants = analysedInformants(db)
    .filter((i) => person.has(i.id))
    .map((i) => ({ id: i.id, label: person.get(i.id)!.label, caseId: person.get(i.id)!.case_id, documentIds: i.documentIds }));
  // Document then position order lets the matrix merge ranges in one pass.
  const codings = liveCodingsWithInformants(db, coderIds).sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.start - b.start || a.end - b.end));
  const order = new Map(informants.map((i, n) => [i.id, n]));
  for (const c of codings) if (c.informantIds.length > 1) c.informantIds.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return {
    codes: codes.map((c) => ({ id: c.id, level: c.level as Level | null, parentId: c.parent_id, label: c.label, color: c.color })),
    cases: cases.map((c) => ({ id: c.id, parentId: c.parent_id, name: c.name, code: c.code })),
    informants,
    documents: documents.map((d) => ({ id: d.id, title: d.title, caseId: d.case_id })),
    codings,
  };
}

/** An attribute by name (and scope when given) with all its values; NOT_FOUND / VALIDATION when it names nothing or two. */
export function loadAttributeValues(db: Database.Database, name: string, scope?: AttributeScope): AttributeValues {
  const definition = findAttributeByName(db, name, scope);
  const table = definition.scope === 'informant' ? 'informant_values' : 'case_values';
  const owner = definition.scope === 'informant' ? 'informant_id' : 'case_id';
  const rows = db.prepare(`SELECT ${owner} AS owner, value FROM ${table} WHERE attribute_id = ?`).all(definition.id) as { owner: string; value: string }[];
  return { scope: definition.scope, name: definition.name, type: definition.type, choices: definition.choices, values: new Map(rows.map((r) => [r.owner, r.value])) };
}

/** A columns spec with its attribute (if any) looked up. */
export function resolveColumns(db: Database.Database, spec: ColumnsSpec): ResolvedColumns {
  if (spec.kind !== 'attribute') return spec;
  return { kind: 'attribute', attribute: loadAttributeValues(db, spec.name, spec.scope) };
}

/** The speaker turns of the analysed documents. */
export function loadTurns(db: Database.Database): TurnRange[] {
  return (
    db
      .prepare('SELECT t.id, t.document_id, t.start, t.end FROM turns t JOIN documents d ON d.id = t.document_id WHERE d.used_in_analysis = 1 ORDER BY t.document_id, t.start')
      .all() as { id: string; document_id: string; start: number; end: number }[]
  ).map((t) => ({ id: t.id, documentId: t.document_id, start: t.start, end: t.end }));
}

/** NOT_FOUND unless every coder id exists. */
export function checkCoders(db: Database.Database, coderIds?: readonly string[]): void {
  for (const id of coderIds ?? []) {
    if (!db.prepare('SELECT 1 FROM coders WHERE id = ?').get(id)) throw new AppError('NOT_FOUND', `There is no coder with id ${id}`);
  }
}
