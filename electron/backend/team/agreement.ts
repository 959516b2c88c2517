import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import type { AgreementArgs, AgreementReport, AgreementRow } from '../../../shared/api/methods/team';
import type { Level } from '../../../shared/model/levels';
import { codeMembers, computeAgreement, type AgreementCode, type AgreementDocument, type AgreementStats } from '../../../shared/team/agreement';
import { agreementTable } from '../../../shared/team/reportTable';
import type { TextRange } from '../../../shared/text/offsets';
import { paragraphRanges } from '../../../shared/text/paragraphs';
import { assertNotBlind, coderName } from './coders';

// Loading what agreement is computed over, and shaping the result into the report.

/** Validated agreement arguments. */
export type AgreementQuery = z.output<typeof AgreementArgs>;

/** A code with its place in the tree. */
export interface TreeCode {
  readonly id: string;
  readonly label: string;
  readonly level: Level | null;
  readonly parentId: string | null;
  readonly path: string;
}

/** The codes in tree order (dimensions, their themes, their concepts; unplaced last), with paths. */
export function codeTree(db: Database.Database): TreeCode[] {
  const codes = db.prepare('SELECT id, label, level, parent_id, sort_order, created_at FROM codes ORDER BY sort_order, created_at').all() as {
    id: string;
    label: string;
    level: Level | null;
    parent_id: string | null;
  }[];
  const byId = new Map(codes.map((c) => [c.id, c]));
  const children = new Map<string | null, typeof codes>();
  for (const c of codes) {
    const parent = c.parent_id && byId.has(c.parent_id) ? c.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const result: TreeCode[] = [];
  const rank = (l: Level | null) => (l === null ? 0 : l);
  const visit = (parent: string | null, path: string[], seen: Set<string>) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => (parent === null ? rank(b.level) - rank(a.level) : 0));
    for (const c of list) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      result.push({ id: c.id, label: c.label, level: c.level, parentId: c.parent_id, path: path.join(' › ') });
      visit(c.id, [...path, c.label], seen);
    }
  };
  visit(null, [], new Set());
  return result;
}

/** Everything agreement and disagreements need, validated. */
export interface AgreementData {
  readonly coders: { id: string; name: string }[];
  readonly documents: { id: string; title: string; length: number }[];
  readonly tree: TreeCode[];
  readonly selected: TreeCode[];
  readonly codes: AgreementCode[];
  readonly unit: 'char' | 'turn' | 'paragraph';
}

/** Validate the query and load coders, documents and codes. Refuses while blind coding is on. */
export function loadAgreementData(db: Database.Database, query: Omit<AgreementQuery, 'excludeUncoded'>): AgreementData {
  assertNotBlind(db);
  const coderIds = [...new Set(query.coderIds)];
  if (coderIds.length < 2) throw new AppError('VALIDATION', 'Choose at least two different coders to compare');
  const coders = coderIds.map((id) => ({ id, name: coderName(db, id) }));
  const allDocuments = db.prepare('SELECT id, title, chars, used_in_analysis FROM documents ORDER BY sort_order, created_at').all() as {
    id: string;
    title: string;
    chars: number;
    used_in_analysis: number;
  }[];
  let documents: typeof allDocuments;
  if (query.documentIds) {
    const byId = new Map(allDocuments.map((d) => [d.id, d]));
    documents = [...new Set(query.documentIds)].map((id) => {
      const doc = byId.get(id);
      if (!doc) throw new AppError('NOT_FOUND', `There is no document with id ${id}`);
      return doc;
    });
  } else documents = allDocuments.filter((d) => d.used_in_analysis === 1);
  const tree = codeTree(db);
  const treeById = new Map(tree.map((c) => [c.id, c]));
  let selected: TreeCode[];
  if (query.codeIds) {
    selected = [...new Set(query.codeIds)].map((id) => {
      const code = treeById.get(id);
      if (!code) throw new AppError('NOT_FOUND', `There is no code with id ${id}`);
      return code;
    });
  } else {
    const level = query.level ?? 1;
    selected = tree.filter((c) => c.level === level);
  }
  return {
    coders,
    documents: documents.map((d) => ({ id: d.id, title: d.title, length: d.chars })),
    tree,
    selected,
    codes: codeMembers(
      tree.map((c) => ({ id: c.id, parentId: c.parentId })),
      selected.map((c) => c.id),
    ),
    unit: query.unit ?? 'char',
  };
}

/** The segments of a document for segment units: its turns, or its non-empty paragraphs. */
export function segmentsOf(db: Database.Database, documentId: string, unit: 'turn' | 'paragraph'): TextRange[] {
  if (unit === 'turn') {
    const turns = db.prepare('SELECT start, end FROM turns WHERE document_id = ? AND end > start ORDER BY start').all(documentId) as TextRange[];
    if (turns.length > 0) return turns;
  }
  const text = (db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string }).text;
  return paragraphRanges(text).filter((p) => text.slice(p.start, p.end).trim().length > 0);
}

/** The codings of the chosen coders in the chosen documents, as agreement needs them. */
export function loadCodings(db: Database.Database, data: AgreementData): { id: string; documentId: string; coderId: string; codeId: string; start: number; end: number }[] {
  const documents = new Set(data.documents.map((d) => d.id));
  const coders = new Set(data.coders.map((c) => c.id));
  const rows = db
    .prepare("SELECT id, document_id, coder_id, code_id, start, end FROM codings WHERE status != 'orphaned' AND end > start")
    .raw()
    .all() as [string, string, string, string, number, number][];
  const result: { id: string; documentId: string; coderId: string; codeId: string; start: number; end: number }[] = [];
  for (const [id, documentId, coderId, codeId, start, end] of rows) {
    if (documents.has(documentId) && coders.has(coderId)) result.push({ id, documentId, coderId, codeId, start, end });
  }
  return result;
}

/** Compute the agreement report. */
export function agreementReport(db: Database.Database, query: AgreementQuery): AgreementReport {
  const data = loadAgreementData(db, query);
  const excludeUncoded = query.excludeUncoded ?? false;
  const documents: AgreementDocument[] = data.documents.map((d) =>
    data.unit === 'char' ? { id: d.id, length: d.length } : { id: d.id, length: d.length, segments: segmentsOf(db, d.id, data.unit === 'turn' ? 'turn' : 'paragraph') },
  );
  const result = computeAgreement({
    documents,
    codings: loadCodings(db, data),
    coderIds: data.coders.map((c) => c.id),
    codes: data.codes,
    unit: data.unit === 'char' ? 'char' : 'segment',
    excludeUncoded,
  });
  const row = (code: TreeCode | null, stats: AgreementStats): AgreementRow => ({
    codeId: code?.id ?? null,
    label: code?.label ?? 'All codes (pooled)',
    level: code?.level ?? null,
    path: code?.path ?? '',
    units: stats.units,
    percent: stats.percent,
    kappa: stats.kappa,
    alpha: stats.alpha,
    coded: stats.coded,
  });
  const rows = result.codes.map((stats, i) => row(data.selected[i]!, stats));
  const overall = row(null, result.overall);
  const levels = db.prepare('SELECT level1_name, level2_name, level3_name FROM project WHERE id = 1').get() as { level1_name: string; level2_name: string; level3_name: string };
  const computedAt = Date.now();
  const documentsOut = data.documents.map((d, i) => ({ id: d.id, title: d.title, units: result.documents[i]!.units, coderIds: result.documents[i]!.coderIds }));
  return {
    unit: data.unit,
    excludeUncoded,
    coders: data.coders,
    documents: documentsOut,
    rows,
    overall,
    mean: result.mean,
    table: agreementTable({
      unit: data.unit,
      excludeUncoded,
      coders: data.coders,
      documents: documentsOut,
      levels: [levels.level1_name, levels.level2_name, levels.level3_name],
      rows,
      overall,
      mean: result.mean,
      computedAt,
    }),
    computedAt,
  };
}
