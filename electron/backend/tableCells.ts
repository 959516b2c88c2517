import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import type { CellProblem } from '../../shared/api/methods/attributes';
import { LIMITS } from '../../shared/api/limits';
import { caseTree } from '../../shared/analysis/data';
import { parseAttributeValue, type AttributeScope, type AttributeType } from '../../shared/attributes/values';
import { CASE_FIELDS, INFORMANT_FIELDS, listAttributes, nameKey } from './attributes';

// Spreadsheet-like edits of the informants and cases tables: every cell is read and checked first
// (all problems collected, each naming its row and column), then everything is written in one step.

/** A cell as a caller sends it (see TableCell in the contract). */
export interface RawCell {
  readonly ownerId: string;
  readonly key: string;
  readonly value: string | number | null;
}

/** A checked cell: `value` canonical (a case id for case/parent columns), null = clear. */
export interface ParsedCell {
  readonly ownerId: string;
  readonly key: string;
  readonly value: string | null;
}

/** What cells are checked against. Imports add owners, cases and attributes they are about to create. */
export interface CellContext {
  readonly scope: AttributeScope;
  /** owner id → its 1-based row in the table and its label. */
  readonly owners: Map<string, { row: number; label: string }>;
  readonly attributes: Map<string, { id: string; name: string; type: AttributeType; choices: readonly string[] }>;
  readonly cases: { id: string; name: string; code: string; parentId: string | null }[];
}

/** The table as it is now, as a context for checking cells. */
export function cellContext(db: Database.Database, scope: AttributeScope): CellContext {
  const cases = (db.prepare('SELECT id, name, code, parent_id FROM cases ORDER BY sort_order, created_at').all() as {
    id: string;
    name: string;
    code: string;
    parent_id: string | null;
  }[]).map((c) => ({ id: c.id, name: c.name, code: c.code, parentId: c.parent_id }));
  const owners = new Map<string, { row: number; label: string }>();
  if (scope === 'informant') {
    const rows = db.prepare('SELECT id, label FROM informants ORDER BY sort_order, created_at').all() as { id: string; label: string }[];
    rows.forEach((r, i) => owners.set(r.id, { row: i + 1, label: r.label }));
  } else {
    caseTree(cases.map((c) => ({ ...c }))).forEach((t, i) => owners.set(t.case.id, { row: i + 1, label: t.case.name }));
  }
  const attributes = new Map(listAttributes(db, scope).map((a) => [a.id, { id: a.id, name: a.name, type: a.type, choices: a.choices }]));
  return { scope, owners, attributes, cases };
}

/** The header of a column key, for messages. */
export function columnName(ctx: CellContext, key: string): string {
  if (key.startsWith('attr:')) return ctx.attributes.get(key.slice(5))?.name ?? key;
  const fields: Record<string, string> = ctx.scope === 'informant' ? INFORMANT_FIELDS : CASE_FIELDS;
  return fields[key] ?? key;
}

const ROLE_WORDS: Readonly<Record<string, 'informant' | 'interviewer'>> = {
  informant: 'informant',
  interviewee: 'informant',
  respondent: 'informant',
  interviewer: 'interviewer',
  intervjuer: 'interviewer',
  moderator: 'interviewer',
};

/** A case named by id, exact name or display code (ignoring case); `{problem}` when none or several. */
export function resolveCase(cases: CellContext['cases'], text: string): { id: string } | { problem: string } {
  const byId = cases.find((c) => c.id === text);
  if (byId) return { id: byId.id };
  const named = cases.filter((c) => nameKey(c.name) === nameKey(text));
  const coded = named.length > 0 ? named : cases.filter((c) => c.code && nameKey(c.code) === nameKey(text));
  if (coded.length === 1) return { id: coded[0]!.id };
  if (coded.length > 1) return { problem: `names ${coded.length} cases; use a case’s display code to say which` };
  return { problem: 'is not a case of this project' };
}

function readCell(ctx: CellContext, cell: RawCell): { value: string | null } | { problem: string } {
  const raw = cell.value;
  const text = raw === null ? '' : String(raw).normalize('NFC').trim();
  if (cell.key.startsWith('attr:')) {
    const attribute = ctx.attributes.get(cell.key.slice(5));
    if (!attribute) return { problem: `there is no ${ctx.scope} attribute with id ${cell.key.slice(5)}` };
    const parsed = parseAttributeValue(attribute, raw);
    return parsed.ok ? { value: parsed.value } : { problem: `“${text}” ${parsed.problem}` };
  }
  const tooLong = (max: number) => (text.length > max ? { problem: `is longer than ${max} characters` } : null);
  if (ctx.scope === 'informant') {
    switch (cell.key) {
      case 'label':
        return text === '' ? { problem: 'a label cannot be empty' } : (tooLong(LIMITS.label) ?? { value: text });
      case 'realName':
        return tooLong(LIMITS.label) ?? { value: text };
      case 'memo':
        return tooLong(LIMITS.shortText) ?? { value: text };
      case 'role': {
        const role = ROLE_WORDS[text.toLocaleLowerCase()];
        return role ? { value: role } : { problem: `“${text}” is not a speaking role (informant or interviewer)` };
      }
      case 'case': {
        if (text === '') return { value: null };
        const found = resolveCase(ctx.cases, text);
        return 'id' in found ? { value: found.id } : { problem: `“${text}” ${found.problem}` };
      }
      default:
        return { problem: `there is no column “${cell.key}” in the informants table` };
    }
  }
  switch (cell.key) {
    case 'name':
      return text === '' ? { problem: 'a case name cannot be empty' } : (tooLong(LIMITS.label) ?? { value: text });
    case 'code':
      return tooLong(50) ?? { value: text };
    case 'memo':
      return tooLong(LIMITS.shortText) ?? { value: text };
    case 'parent': {
      if (text === '') return { value: null };
      const found = resolveCase(ctx.cases, text);
      return 'id' in found ? { value: found.id } : { problem: `“${text}” ${found.problem}` };
    }
    default:
      return { problem: `there is no column “${cell.key}” in the cases table` };
  }
}

/** Where a cell sits, for messages: the table row by default, a file's row for imports. */
export type CellLocator = (cell: RawCell) => { row: number; rowLabel: string };

/**
 * Check every cell; returns the canonical cells (a later cell for the same owner and column wins)
 * and every problem. Case nesting is checked as a whole: after the batch no case may be inside itself.
 */
export function checkCells(ctx: CellContext, cells: readonly RawCell[], locate?: CellLocator): { parsed: ParsedCell[]; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const latest = new Map<string, ParsedCell>();
  const where = (cell: RawCell) => {
    if (locate) return locate(cell);
    const owner = ctx.owners.get(cell.ownerId);
    return { row: owner?.row ?? 0, rowLabel: owner?.label ?? cell.ownerId };
  };
  const problem = (cell: RawCell, message: string) => {
    const at = where(cell);
    problems.push({ ownerId: cell.ownerId, key: cell.key, row: at.row, rowLabel: at.rowLabel, column: columnName(ctx, cell.key), value: cell.value === null ? '' : String(cell.value), message });
  };
  for (const cell of cells) {
    if (!ctx.owners.has(cell.ownerId)) {
      problem(cell, `there is no ${ctx.scope} with id ${cell.ownerId}`);
      continue;
    }
    const read = readCell(ctx, cell);
    if ('problem' in read) problem(cell, read.problem);
    else latest.set(`${cell.ownerId}\u0000${cell.key}`, { ownerId: cell.ownerId, key: cell.key, value: read.value });
  }
  const parsed = [...latest.values()];
  if (ctx.scope === 'case') {
    const parent = new Map(ctx.cases.map((c) => [c.id, c.parentId]));
    for (const c of parsed) if (c.key === 'parent') parent.set(c.ownerId, c.value);
    for (const c of parsed) {
      if (c.key !== 'parent' || c.value === null) continue;
      const seen = new Set<string>([c.ownerId]);
      let at: string | null | undefined = c.value;
      while (at) {
        if (seen.has(at)) {
          const raw = cells.find((r) => r.ownerId === c.ownerId && r.key === 'parent')!;
          problem(raw, at === c.ownerId ? 'a case cannot be inside itself or one of its own sub-cases' : 'these cases would be inside each other');
          break;
        }
        seen.add(at);
        at = parent.get(at);
      }
    }
  }
  return { parsed, problems };
}

/** A VALIDATION error listing the problems (all of them in details, the first few in the message). */
export function cellsError(problems: readonly CellProblem[]): AppError {
  const shown = problems.slice(0, 5).map((p) => `${p.rowLabel}${p.row > 0 ? ` (row ${p.row})` : ''}, column “${p.column}”: ${p.message}`);
  const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
  return new AppError('VALIDATION', `${problems.length === 1 ? 'A cell is' : `${problems.length} cells are`} not valid, nothing was changed: ${shown.join('; ')}${more}`, {
    problems,
  });
}

const INFORMANT_COLUMN: Readonly<Record<string, string>> = { label: 'label', realName: 'real_name', role: 'role', case: 'case_id', memo: 'memo' };
const CASE_COLUMN: Readonly<Record<string, string>> = { name: 'name', code: 'code', parent: 'parent_id', memo: 'memo' };

/** Write checked cells (inside a step); returns how many actually changed. */
export function writeCells(db: Database.Database, scope: AttributeScope, cells: readonly ParsedCell[]): number {
  const table = scope === 'informant' ? 'informants' : 'cases';
  const values = scope === 'informant' ? 'informant_values' : 'case_values';
  const owner = scope === 'informant' ? 'informant_id' : 'case_id';
  const columns = scope === 'informant' ? INFORMANT_COLUMN : CASE_COLUMN;
  const readValue = db.prepare(`SELECT value FROM ${values} WHERE ${owner} = ? AND attribute_id = ?`);
  const upsert = db.prepare(`INSERT INTO ${values} (${owner}, attribute_id, value) VALUES (?, ?, ?) ON CONFLICT (${owner}, attribute_id) DO UPDATE SET value = excluded.value`);
  const remove = db.prepare(`DELETE FROM ${values} WHERE ${owner} = ? AND attribute_id = ?`);
  let changed = 0;
  for (const cell of cells) {
    if (cell.key.startsWith('attr:')) {
      const attributeId = cell.key.slice(5);
      const before = (readValue.get(cell.ownerId, attributeId) as { value: string } | undefined)?.value ?? null;
      if (before === cell.value) continue;
      if (cell.value === null) remove.run(cell.ownerId, attributeId);
      else upsert.run(cell.ownerId, attributeId, cell.value);
      changed += 1;
      continue;
    }
    const column = columns[cell.key];
    if (!column) throw new AppError('INTERNAL', `unchecked column ${cell.key}`);
    const value = column === 'case_id' || column === 'parent_id' ? cell.value : (cell.value ?? '');
    const before = (db.prepare(`SELECT ${column} AS v FROM ${table} WHERE id = ?`).get(cell.ownerId) as { v: string | null }).v;
    if (before === value) continue;
    db.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`).run(value, cell.ownerId);
    // The voices mapped to a person speak in the person's role (attribution reads both).
    if (column === 'role') db.prepare('UPDATE speakers SET role = ? WHERE informant_id = ? AND role IS NOT ?').run(value, cell.ownerId, value);
    changed += 1;
  }
  return changed;
}
