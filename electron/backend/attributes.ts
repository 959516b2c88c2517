import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import type { AttributeDefinition, AttributeScope, AttributeType } from '../../shared/attributes/values';

// Attribute definitions of informants and cases: reading, finding by name, and the columns of the
// informants and cases tables that are not attributes (their names are reserved).

const COLUMNS = `id, scope, name, type, choices, memo, sort_order,
  (CASE scope WHEN 'informant' THEN (SELECT count(*) FROM informant_values v WHERE v.attribute_id = attributes.id)
              ELSE (SELECT count(*) FROM case_values v WHERE v.attribute_id = attributes.id) END) AS value_count`;

interface AttributeRow {
  id: string;
  scope: string;
  name: string;
  type: string;
  choices: string;
  memo: string;
  sort_order: number;
  value_count: number;
}

function toDefinition(row: AttributeRow): AttributeDefinition {
  return {
    id: row.id,
    scope: row.scope as AttributeScope,
    name: row.name,
    type: row.type as AttributeType,
    choices: JSON.parse(row.choices) as string[],
    memo: row.memo,
    sortOrder: row.sort_order,
    valueCount: row.value_count,
  };
}

/** Attribute definitions in the user's order (one scope, or informants' then cases'). */
export function listAttributes(db: Database.Database, scope?: AttributeScope): AttributeDefinition[] {
  const rows = (
    scope
      ? db.prepare(`SELECT ${COLUMNS} FROM attributes WHERE scope = ? ORDER BY sort_order, created_at`).all(scope)
      : db.prepare(`SELECT ${COLUMNS} FROM attributes ORDER BY scope DESC, sort_order, created_at`).all()
  ) as AttributeRow[];
  return rows.map(toDefinition);
}

/** An attribute by id, or NOT_FOUND. */
export function getAttribute(db: Database.Database, id: string): AttributeDefinition {
  const row = db.prepare(`SELECT ${COLUMNS} FROM attributes WHERE id = ?`).get(id) as AttributeRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no attribute with id ${id}`);
  return toDefinition(row);
}

/** Names compare without regard to case, spacing at the ends or Unicode composition. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase();
}

/**
 * The attribute called `name` (ignoring case), in `scope` when given. NOT_FOUND when there is none;
 * VALIDATION when, without a scope, both an informant and a case attribute have the name.
 */
export function findAttributeByName(db: Database.Database, name: string, scope?: AttributeScope): AttributeDefinition {
  const all = listAttributes(db, scope).filter((a) => nameKey(a.name) === nameKey(name));
  if (all.length === 0) {
    const known = listAttributes(db, scope).map((a) => `“${a.name}”`);
    throw new AppError('NOT_FOUND', `There is no ${scope ? `${scope} ` : ''}attribute named “${name}”${known.length ? ` (there are ${known.join(', ')})` : ' (the project has no attributes yet)'}`);
  }
  if (all.length > 1) {
    throw new AppError('VALIDATION', `“${name}” is both an informant and a case attribute; say which: attr:informant:${name} or attr:case:${name}`);
  }
  return all[0]!;
}

/** The built-in columns of the informants table, by key, with their headers. */
export const INFORMANT_FIELDS = { label: 'Label', realName: 'Real name', role: 'Speaking role', case: 'Case', memo: 'Memo' } as const;
/** The built-in columns of the cases table, by key, with their headers. */
export const CASE_FIELDS = { name: 'Name', code: 'Code', parent: 'Inside', memo: 'Memo' } as const;

/** Header names an import reads as the label column besides "Label". */
export const LABEL_SYNONYMS = ['label', 'informant', 'pseudonym', 'etikett'];

/** Why `name` cannot name a new attribute of `scope` (a built-in column's header), or null. */
export function reservedNameProblem(scope: AttributeScope, name: string): string | null {
  const reserved = scope === 'informant' ? [...Object.values(INFORMANT_FIELDS), ...LABEL_SYNONYMS] : Object.values(CASE_FIELDS);
  const hit = reserved.find((r) => nameKey(r) === nameKey(name));
  return hit ? `“${name}” is a built-in column of the ${scope === 'informant' ? 'informants' : 'cases'} table; choose another name` : null;
}
