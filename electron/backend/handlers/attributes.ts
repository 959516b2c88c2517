import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { attributesMethods } from '../../../shared/api/methods/attributes';
import { choicesProblem, parseAttributeValue, type AttributeDefinition, type AttributeScope } from '../../../shared/attributes/values';
import { getAttribute, listAttributes, nameKey, reservedNameProblem } from '../attributes';
import type { HandlersOf } from '../handlerTypes';
import { caseTable, exportInformantTable, importInformantTable, informantTable } from '../informantTable';
import type { OpenProject } from '../openProject';
import { cellContext, cellsError, checkCells, columnName, writeCells } from '../tableCells';

function checkName(project: OpenProject, scope: AttributeScope, name: string, except: string | null): void {
  const reserved = reservedNameProblem(scope, name);
  if (reserved) throw new AppError('CONFLICT', reserved);
  const clash = listAttributes(project.db, scope).find((a) => a.id !== except && nameKey(a.name) === nameKey(name));
  if (clash) throw new AppError('CONFLICT', `There is already ${scope === 'informant' ? 'an informant' : 'a case'} attribute named “${clash.name}”`, { attributeId: clash.id });
}

function ownerLabels(project: OpenProject, scope: AttributeScope): Map<string, string> {
  const sql = scope === 'informant' ? 'SELECT id, label AS name FROM informants' : 'SELECT id, name FROM cases';
  return new Map((project.db.prepare(sql).all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
}

function valueTable(scope: AttributeScope): { table: string; owner: string } {
  return scope === 'informant' ? { table: 'informant_values', owner: 'informant_id' } : { table: 'case_values', owner: 'case_id' };
}

function describeCount(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

export const attributesHandlers = {
  'attributes.list': ({ scope }, { backend }) => listAttributes(backend.project().db, scope),
  'attributes.create': (args, { backend }) => {
    const project = backend.project();
    checkName(project, args.scope, args.name, null);
    const choices = args.type === 'choice' ? (args.choices ?? []) : [];
    if (args.type === 'choice') {
      const problem = choicesProblem(choices);
      if (problem) throw new AppError('VALIDATION', problem);
    } else if (args.choices && args.choices.length > 0) {
      throw new AppError('VALIDATION', `Only choice attributes have choices; “${args.name}” is a ${args.type} attribute`);
    }
    const id = randomUUID();
    project.step(`Add attribute “${args.name}”`, () => {
      const order = (project.db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM attributes WHERE scope = ?').get(args.scope) as { n: number }).n;
      project.db
        .prepare('INSERT INTO attributes (id, scope, name, type, choices, memo, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, args.scope, args.name, args.type, JSON.stringify(choices), args.memo ?? '', order, Date.now());
    });
    return getAttribute(project.db, id);
  },
  'attributes.update': (args, { backend }) => {
    const project = backend.project();
    const db = project.db;
    const before = getAttribute(db, args.id);
    if (args.name !== undefined) checkName(project, before.scope, args.name, before.id);
    const type = args.type ?? before.type;
    const renames = new Map(Object.entries(args.renameChoices ?? {}));
    for (const from of renames.keys()) {
      if (!before.choices.includes(from)) throw new AppError('VALIDATION', `“${from}” is not a choice of “${before.name}”, so it cannot be renamed`);
    }
    let choices: readonly string[] = args.choices ?? before.choices.map((c) => renames.get(c) ?? c);
    if (type === 'choice') {
      const problem = choicesProblem(choices);
      if (problem) throw new AppError('VALIDATION', problem);
    } else {
      if (args.choices && args.choices.length > 0) throw new AppError('VALIDATION', `Only choice attributes have choices; “${before.name}” would be a ${type} attribute`);
      choices = [];
    }
    // Every value is read again under the new type and choices; what cannot be read is listed.
    const { table, owner } = valueTable(before.scope);
    const values = db.prepare(`SELECT ${owner} AS owner, value FROM ${table} WHERE attribute_id = ?`).all(before.id) as { owner: string; value: string }[];
    const updates: { owner: string; value: string | null }[] = [];
    const invalid: { owner: string; value: string; problem: string }[] = [];
    for (const v of values) {
      const renamed = before.type === 'choice' ? (renames.get(v.value) ?? v.value) : v.value;
      const parsed = parseAttributeValue({ type, choices }, renamed);
      if (!parsed.ok) invalid.push({ owner: v.owner, value: v.value, problem: parsed.problem });
      else if (parsed.value !== v.value) updates.push({ owner: v.owner, value: parsed.value });
    }
    if (invalid.length > 0 && !args.clearInvalid) {
      const names = ownerLabels(project, before.scope);
      const listed = invalid.slice(0, 5).map((i) => `${names.get(i.owner) ?? i.owner}: “${i.value}” ${i.problem}`);
      throw new AppError(
        'CONFLICT',
        `${describeCount(invalid.length, 'value')} of “${before.name}” would not fit (${listed.join('; ')}${invalid.length > 5 ? '; …' : ''}). Fix them first, or clear them.`,
        { invalid: invalid.map((i) => ({ ownerId: i.owner, ownerLabel: names.get(i.owner) ?? '', value: i.value, problem: i.problem })) },
      );
    }
    const columns: [string, unknown][] = [];
    if (args.name !== undefined && args.name !== before.name) columns.push(['name', args.name]);
    if (type !== before.type) columns.push(['type', type]);
    if (JSON.stringify(choices) !== JSON.stringify(before.choices)) columns.push(['choices', JSON.stringify(choices)]);
    if (args.memo !== undefined && args.memo !== before.memo) columns.push(['memo', args.memo]);
    project.step(`Edit attribute “${before.name}”`, () => {
      if (columns.length > 0) db.prepare(`UPDATE attributes SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map(([, v]) => v), before.id);
      for (const u of updates) {
        if (u.value === null) db.prepare(`DELETE FROM ${table} WHERE ${owner} = ? AND attribute_id = ?`).run(u.owner, before.id);
        else db.prepare(`UPDATE ${table} SET value = ? WHERE ${owner} = ? AND attribute_id = ?`).run(u.value, u.owner, before.id);
      }
      for (const i of invalid) db.prepare(`DELETE FROM ${table} WHERE ${owner} = ? AND attribute_id = ?`).run(i.owner, before.id);
    });
    return { attribute: getAttribute(db, before.id), converted: updates.length, cleared: invalid.length };
  },
  'attributes.reorder': ({ ids }, { backend }) => {
    const project = backend.project();
    const moving = [...new Set(ids)].map((id) => getAttribute(project.db, id));
    const scope = moving[0]!.scope;
    if (moving.some((a) => a.scope !== scope)) throw new AppError('VALIDATION', 'Informant and case attributes are ordered separately; reorder one kind at a time');
    const rest = listAttributes(project.db, scope).filter((a) => !moving.some((m) => m.id === a.id));
    const ordered: AttributeDefinition[] = [...moving, ...rest];
    project.step('Reorder attributes', () => {
      ordered.forEach((a, index) => {
        if (a.sortOrder !== index) project.db.prepare('UPDATE attributes SET sort_order = ? WHERE id = ?').run(index, a.id);
      });
    });
    return listAttributes(project.db, scope);
  },
  'attributes.delete': ({ id, dryRun }, { backend }) => {
    const project = backend.project();
    const attribute = getAttribute(project.db, id);
    if (!dryRun) {
      project.step(`Delete attribute “${attribute.name}”`, () => {
        project.db.prepare('DELETE FROM attributes WHERE id = ?').run(id);
      });
    }
    return { attribute, values: attribute.valueCount, deleted: !dryRun };
  },
  'attributes.setValues': ({ scope, cells }, { backend }) => {
    const project = backend.project();
    const context = cellContext(project.db, scope);
    const { parsed, problems } = checkCells(context, cells);
    if (problems.length > 0) throw cellsError(problems);
    const single = parsed.length === 1 ? parsed[0]! : null;
    const label = single
      ? `Edit “${columnName(context, single.key)}” of “${context.owners.get(single.ownerId)?.label ?? ''}”`
      : `Edit ${parsed.length} cells of the ${scope === 'informant' ? 'informants' : 'cases'} table`;
    const changed = project.step(label, () => writeCells(project.db, scope, parsed));
    return { changed };
  },
  'informants.table': (_args, { backend }) => informantTable(backend.project().db),
  'cases.table': (_args, { backend }) => caseTable(backend.project().db),
  'informants.importTable': (args, ctx) => importInformantTable(ctx, args),
  'informants.exportTable': (args, ctx) => exportInformantTable(ctx, args),
} satisfies HandlersOf<typeof attributesMethods>;
