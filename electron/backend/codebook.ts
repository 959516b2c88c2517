import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { colorForIndex } from '../../shared/model/colors';
import { describeLevel, placementProblem, type Level } from '../../shared/model/levels';
import type { Code } from '../../shared/model/types';
import { CODE_COLUMNS, toCode, type CodeRow } from './rows';

// Codebook operations shared by the handlers, imports and the CLI. Writers must run inside a step.

/** A code by id, or NOT_FOUND. */
export function getCode(db: Database.Database, id: string): Code {
  const row = db.prepare(`SELECT ${CODE_COLUMNS} FROM codes WHERE id = ?`).get(id) as CodeRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no code with id ${id}`);
  return toCode(row);
}

/** Every code in manual order. */
export function listCodes(db: Database.Database): Code[] {
  return (db.prepare(`SELECT ${CODE_COLUMNS} FROM codes ORDER BY level DESC, sort_order, created_at`).all() as CodeRow[]).map(toCode);
}

/** What a new code may carry. */
export interface NewCode {
  readonly label: string;
  readonly level: Level | null;
  readonly parentId?: string | null;
  readonly color?: string;
  readonly heading?: string;
  readonly description?: string;
  readonly createdBy?: string | null;
}

/** Create a code after checking the Gioia rules; it goes last among its siblings. */
export function createCode(db: Database.Database, input: NewCode): Code {
  const parent = input.parentId ? getCode(db, input.parentId) : null;
  const problem = placementProblem({ level: input.level, label: input.label }, parent);
  if (problem) throw new AppError('CONFLICT', problem);
  const id = randomUUID();
  const now = Date.now();
  const total = (db.prepare('SELECT count(*) AS n FROM codes').get() as { n: number }).n;
  db.prepare(
    `INSERT INTO codes (id, level, parent_id, label, heading, description, color, sort_order, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.level,
    parent?.id ?? null,
    input.label,
    input.heading ?? '',
    input.description ?? '',
    input.color ?? colorForIndex(total),
    nextSortOrder(db, parent?.id ?? null, input.level),
    input.createdBy ?? null,
    now,
    now,
  );
  return getCode(db, id);
}

function nextSortOrder(db: Database.Database, parentId: string | null, level: Level | null): number {
  const row = db
    .prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM codes WHERE parent_id IS ? AND level IS ?')
    .get(parentId, level) as { n: number };
  return row.n;
}

/** Codes with this exact label, at any level. */
function codesLabelled(db: Database.Database, label: string): Code[] {
  return (db.prepare(`SELECT ${CODE_COLUMNS} FROM codes WHERE label = ?`).all(label) as CodeRow[]).map(toCode);
}

/**
 * The code labelled `label` at `level`, or null when there is none. CONFLICT when the label is
 * used at another level only, or by several codes at this level.
 */
function findAtLevel(db: Database.Database, label: string, level: Level): Code | null {
  const all = codesLabelled(db, label);
  const here = all.filter((c) => c.level === level);
  if (here.length > 1) throw new AppError('CONFLICT', `Several codes are labelled “${label}”; pick one by id`);
  if (here.length === 1) return here[0]!;
  const elsewhere = all[0];
  if (elsewhere) {
    throw new AppError('CONFLICT', `“${label}” exists as ${describeLevel(elsewhere.level)}, not as ${describeLevel(level)}`, {
      codeId: elsewhere.id,
      level: elsewhere.level,
    });
  }
  return null;
}

/**
 * Find or create the chain concept → theme → dimension named by labels, linking what is unlinked.
 * CONFLICT when a label is on another level, or a concept (theme) already sits under another theme
 * (dimension) than the one named. Returns the concept and the codes it created.
 */
export function resolveConceptPath(
  db: Database.Database,
  labels: { concept: string; theme?: string | undefined; dimension?: string | undefined },
  createdBy: string | null,
): { concept: Code; created: Code[] } {
  const created: Code[] = [];
  const ensure = (label: string, level: Level, parent: Code | null): Code => {
    const found = findAtLevel(db, label, level);
    if (!found) {
      const code = createCode(db, { label, level, parentId: parent?.id ?? null, createdBy });
      created.push(code);
      return code;
    }
    if (parent && found.parentId !== parent.id) {
      if (found.parentId !== null) {
        const current = getCode(db, found.parentId);
        throw new AppError('CONFLICT', `“${label}” is already under “${current.label}”, not “${parent.label}”`);
      }
      db.prepare('UPDATE codes SET parent_id = ?, sort_order = ?, updated_at = ? WHERE id = ?').run(
        parent.id,
        nextSortOrder(db, parent.id, level),
        Date.now(),
        found.id,
      );
      return getCode(db, found.id);
    }
    return found;
  };
  const dimension = labels.dimension ? ensure(labels.dimension, 3, null) : null;
  const theme = labels.theme ? ensure(labels.theme, 2, dimension) : null;
  if (dimension && !theme) throw new AppError('VALIDATION', 'A dimension needs a theme between it and the concept (--theme)');
  const concept = ensure(labels.concept, 1, theme);
  return { concept, created };
}

/**
 * Move codes under `parentId` (null: out of any group), before `beforeId` or at the end, keeping
 * their levels; siblings are renumbered in their new order.
 */
export function moveCodes(
  db: Database.Database,
  ids: readonly string[],
  parentId: string | null,
  beforeId?: string | null,
  updatedBy: string | null = null,
): Code[] {
  const parent = parentId ? getCode(db, parentId) : null;
  const moving = [...new Set(ids)].map((id) => getCode(db, id));
  for (const code of moving) {
    const problem = placementProblem(code, parent);
    if (problem) throw new AppError('CONFLICT', problem);
    if (parent && isAncestor(db, code.id, parent.id)) throw new AppError('CONFLICT', `“${code.label}” cannot go inside itself`);
  }
  const levels = new Set(moving.map((c) => c.level));
  const now = Date.now();
  for (const level of levels) {
    const siblings = (
      db.prepare('SELECT id FROM codes WHERE parent_id IS ? AND level IS ? ORDER BY sort_order, created_at').all(parent?.id ?? null, level) as {
        id: string;
      }[]
    )
      .map((r) => r.id)
      .filter((id) => !moving.some((m) => m.id === id));
    const movers = moving.filter((m) => m.level === level).map((m) => m.id);
    const at = beforeId ? siblings.indexOf(beforeId) : -1;
    const ordered = at >= 0 ? [...siblings.slice(0, at), ...movers, ...siblings.slice(at)] : [...siblings, ...movers];
    const update = db.prepare('UPDATE codes SET parent_id = ?, sort_order = ?, updated_at = ? WHERE id = ?');
    const moved = db.prepare('UPDATE codes SET updated_by = ? WHERE id = ?');
    ordered.forEach((id, index) => {
      const current = db.prepare('SELECT parent_id, sort_order FROM codes WHERE id = ?').get(id) as { parent_id: string | null; sort_order: number };
      if (current.parent_id !== (parent?.id ?? null) || current.sort_order !== index) update.run(parent?.id ?? null, index, now, id);
      if (current.parent_id !== (parent?.id ?? null) && updatedBy) moved.run(updatedBy, id);
    });
  }
  return moving.map((c) => getCode(db, c.id));
}

function isAncestor(db: Database.Database, maybeAncestor: string, of: string): boolean {
  const row = db
    .prepare(
      `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT codes.parent_id FROM codes JOIN up ON codes.id = up.id WHERE codes.parent_id IS NOT NULL)
       SELECT 1 FROM up WHERE id = ?`,
    )
    .get(of, maybeAncestor);
  return !!row;
}

// ── Restructuring: merge, split, promote/demote, reorder, delete ─────────────────────────────────

/** What moving codings from one code to another did. */
export interface CodingTransfer {
  /** Codings now on the target. */
  readonly moved: number;
  /** Codings dropped because the target already had the same passage by the same coder (their star and memo were kept). */
  readonly collapsed: number;
}

interface TransferRow {
  id: string;
  document_id: string;
  coder_id: string;
  start: number;
  end: number;
  representative: number;
  memo: string;
  excerpt: string | null;
}

/**
 * Move codings `codingIds` onto code `targetId`. A coding whose passage (same document, range and
 * coder) the target already has collapses into that one: the star and the memo carry over.
 */
function transferCodings(db: Database.Database, codingIds: readonly string[], targetId: string): CodingTransfer {
  const now = Date.now();
  const get = db.prepare('SELECT id, document_id, coder_id, start, end, representative, memo, excerpt FROM codings WHERE id = ?');
  const clashOf = db.prepare(
    'SELECT id, document_id, coder_id, start, end, representative, memo, excerpt FROM codings WHERE code_id = ? AND document_id = ? AND coder_id = ? AND start = ? AND end = ?',
  );
  const nextRep = db.prepare('SELECT coalesce(max(rep_order), -1) + 1 AS n FROM codings WHERE code_id = ? AND representative = 1');
  let moved = 0;
  let collapsed = 0;
  for (const id of codingIds) {
    const row = get.get(id) as TransferRow | undefined;
    if (!row) continue;
    const clash = clashOf.get(targetId, row.document_id, row.coder_id, row.start, row.end) as TransferRow | undefined;
    if (clash) {
      const memo = [clash.memo, row.memo].filter((m) => m.trim()).join('\n\n');
      const representative = clash.representative || row.representative;
      const repOrder = representative && !clash.representative ? (nextRep.get(targetId) as { n: number }).n : null;
      db.prepare('UPDATE codings SET representative = ?, memo = ?, excerpt = coalesce(excerpt, ?), updated_at = ? WHERE id = ?').run(
        representative,
        memo,
        row.excerpt,
        now,
        clash.id,
      );
      if (repOrder !== null) db.prepare('UPDATE codings SET rep_order = ? WHERE id = ?').run(repOrder, clash.id);
      db.prepare('DELETE FROM codings WHERE id = ?').run(row.id);
      collapsed += 1;
    } else {
      const repOrder = row.representative ? (nextRep.get(targetId) as { n: number }).n : 0;
      db.prepare('UPDATE codings SET code_id = ?, rep_order = ?, updated_at = ? WHERE id = ?').run(targetId, repOrder, now, row.id);
      moved += 1;
    }
  }
  return { moved, collapsed };
}

/** What a merge did. */
export interface MergeResult extends CodingTransfer {
  readonly code: Code;
  /** Codes merged away (deleted). */
  readonly removed: number;
  /** Children of the merged codes now under the target. */
  readonly children: number;
}

/**
 * Merge `sourceIds` into `targetId` (all on one level): codings move (duplicates collapse), the
 * sources' children move under the target, their definitions fill an empty one and their memos
 * are appended; then the sources are deleted. CONFLICT when levels differ or nothing is merged.
 */
export function mergeCodes(db: Database.Database, sourceIds: readonly string[], targetId: string): MergeResult {
  const target = getCode(db, targetId);
  const sources = [...new Set(sourceIds)].filter((id) => id !== targetId).map((id) => getCode(db, id));
  if (sources.length === 0) throw new AppError('CONFLICT', `Choose at least one code other than “${target.label}” to merge into it`);
  for (const source of sources) {
    if (source.level !== target.level) {
      throw new AppError('CONFLICT', `Only codes on the same level can be merged: “${source.label}” is ${describeLevel(source.level)}, “${target.label}” is ${describeLevel(target.level)}`);
    }
  }
  let moved = 0;
  let collapsed = 0;
  let children = 0;
  let description = target.description;
  const memos = [target.memo];
  for (const source of sources) {
    const codingIds = (db.prepare('SELECT id FROM codings WHERE code_id = ? ORDER BY document_id, start').all(source.id) as { id: string }[]).map((r) => r.id);
    const transfer = transferCodings(db, codingIds, target.id);
    moved += transfer.moved;
    collapsed += transfer.collapsed;
    const childIds = (db.prepare('SELECT id FROM codes WHERE parent_id = ? ORDER BY sort_order, created_at').all(source.id) as { id: string }[]).map((r) => r.id);
    if (childIds.length > 0) {
      moveCodes(db, childIds, target.id);
      children += childIds.length;
    }
    if (!description.trim() && source.description.trim()) description = source.description;
    if (source.memo.trim()) memos.push(`${source.label}: ${source.memo.trim()}`);
    db.prepare('DELETE FROM codes WHERE id = ?').run(source.id);
  }
  db.prepare('UPDATE codes SET description = ?, memo = ?, updated_at = ? WHERE id = ?').run(
    description,
    memos.filter((m) => m.trim()).join('\n\n'),
    Date.now(),
    target.id,
  );
  return { code: getCode(db, target.id), moved, collapsed, removed: sources.length, children };
}

/** Where split-off codings go: an existing code on the same level, or a new sibling. */
export type SplitTarget = { readonly id: string } | { readonly label: string; readonly description?: string | undefined };

/**
 * Move some of a code's codings to another code on its level, or to a new code created right
 * after it under the same parent. CONFLICT when a coding is not the code's, or the target is the
 * code itself or on another level.
 */
export function splitCode(
  db: Database.Database,
  sourceId: string,
  codingIds: readonly string[],
  into: SplitTarget,
  createdBy: string | null,
): CodingTransfer & { readonly code: Code; readonly created: boolean } {
  const source = getCode(db, sourceId);
  const ids = [...new Set(codingIds)];
  if (ids.length === 0) throw new AppError('VALIDATION', `Pick the codings of “${source.label}” to split off`);
  const owners = db.prepare('SELECT code_id FROM codings WHERE id = ?');
  for (const id of ids) {
    const row = owners.get(id) as { code_id: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', `There is no coding with id ${id}`);
    if (row.code_id !== source.id) throw new AppError('CONFLICT', `Coding ${id} is coded as “${getCode(db, row.code_id).label}”, not “${source.label}”`);
  }
  let target: Code;
  let created = false;
  if ('id' in into) {
    target = getCode(db, into.id);
    if (target.id === source.id) throw new AppError('CONFLICT', `Split “${source.label}” into another code, not into itself`);
    if (target.level !== source.level) {
      throw new AppError('CONFLICT', `“${target.label}” is ${describeLevel(target.level)} and “${source.label}” ${describeLevel(source.level)}; split into a code on the same level`);
    }
  } else {
    target = createCode(db, { label: into.label, level: source.level, parentId: source.parentId, description: into.description ?? '', createdBy });
    const next = db
      .prepare('SELECT id FROM codes WHERE parent_id IS ? AND level IS ? AND sort_order > ? AND id != ? ORDER BY sort_order, created_at LIMIT 1')
      .get(source.parentId, source.level, source.sortOrder, target.id) as { id: string } | undefined;
    moveCodes(db, [target.id], source.parentId, next?.id ?? null);
    target = getCode(db, target.id);
    created = true;
  }
  const transfer = transferCodings(db, ids, target.id);
  return { ...transfer, code: getCode(db, target.id), created };
}

/** What to do with the children of a code whose level changes. */
export type ChildPolicy = 'refuse' | 'release';

/**
 * Change codes' level (promote a concept to a theme, demote a theme to a concept, place a code not
 * yet placed), putting them under `parentId` (one level up from the new level) or under nothing.
 * A code with children keeps them only on its level: with `refuse` that is a CONFLICT naming the
 * children; with `release` they stay where they are, not grouped. Returns the changed codes and
 * how many children were released.
 */
export function setCodeLevel(
  db: Database.Database,
  ids: readonly string[],
  level: Level,
  parentId: string | null,
  children: ChildPolicy,
): { readonly codes: Code[]; readonly released: number } {
  const parent = parentId ? getCode(db, parentId) : null;
  const codes = [...new Set(ids)].map((id) => getCode(db, id));
  const now = Date.now();
  let released = 0;
  for (const code of codes) {
    const problem = placementProblem({ level, label: code.label }, parent);
    if (problem) throw new AppError('CONFLICT', problem);
    if (parent && (parent.id === code.id || isAncestor(db, code.id, parent.id))) throw new AppError('CONFLICT', `“${code.label}” cannot go inside itself`);
    const kids = db.prepare('SELECT id, label, level FROM codes WHERE parent_id = ? ORDER BY sort_order').all(code.id) as { id: string; label: string; level: number | null }[];
    if (kids.length > 0 && code.level !== level) {
      if (children === 'refuse') {
        const names = kids.slice(0, 3).map((k) => `“${k.label}”`).join(', ');
        throw new AppError(
          'CONFLICT',
          `“${code.label}” holds ${kids.length} ${kids.length === 1 ? 'code' : 'codes'} (${names}${kids.length > 3 ? ', …' : ''}); move them first, or let them go to “not yet grouped”`,
          { codeId: code.id, children: kids.map((k) => k.id) },
        );
      }
      db.prepare('UPDATE codes SET parent_id = NULL, sort_order = ?, updated_at = ? WHERE parent_id = ?').run(0, now, code.id);
      // Renumber the released codes after those already ungrouped on their level.
      for (const kid of kids) {
        db.prepare('UPDATE codes SET sort_order = ? WHERE id = ?').run(nextSortOrder(db, null, kid.level as Level | null), kid.id);
      }
      released += kids.length;
    }
    if (code.level === level && code.parentId === (parent?.id ?? null)) continue;
    db.prepare('UPDATE codes SET level = ?, parent_id = ?, sort_order = ?, updated_at = ? WHERE id = ?').run(
      level,
      parent?.id ?? null,
      nextSortOrder(db, parent?.id ?? null, level),
      now,
      code.id,
    );
  }
  return { codes: codes.map((c) => getCode(db, c.id)), released };
}

/**
 * Put the codes of one group (same parent, same level) in the order given. The list must name
 * every code of the group exactly once (CONFLICT otherwise, naming what is missing or extra).
 */
export function reorderCodes(db: Database.Database, parentId: string | null, level: Level | null, ids: readonly string[]): Code[] {
  const siblings = (db.prepare('SELECT id, label FROM codes WHERE parent_id IS ? AND level IS ?').all(parentId, level) as { id: string; label: string }[]);
  const known = new Set(siblings.map((s) => s.id));
  const given = new Set(ids);
  if (given.size !== ids.length) throw new AppError('VALIDATION', 'The new order names a code twice');
  const missing = siblings.filter((s) => !given.has(s.id));
  const extra = ids.filter((id) => !known.has(id));
  if (missing.length > 0 || extra.length > 0) {
    const where = parentId ? `“${getCode(db, parentId).label}”` : 'the top of the codebook';
    const parts = [
      missing.length ? `it leaves out ${missing.slice(0, 3).map((m) => `“${m.label}”`).join(', ')}` : '',
      extra.length ? `${extra.length} of the ids are not ${describeLevel(level)} in ${where}` : '',
    ].filter(Boolean);
    throw new AppError('CONFLICT', `The new order must list every code of the group in ${where}: ${parts.join('; ')}`);
  }
  const now = Date.now();
  const current = db.prepare('SELECT sort_order FROM codes WHERE id = ?');
  const update = db.prepare('UPDATE codes SET sort_order = ?, updated_at = ? WHERE id = ?');
  ids.forEach((id, index) => {
    if ((current.get(id) as { sort_order: number }).sort_order !== index) update.run(index, now, id);
  });
  return ids.map((id) => getCode(db, id));
}

/** What deleting codes would remove: the confirmation dialog's numbers. */
export interface DeleteImpact {
  /** Codes deleted (with their descendants when `withChildren`). */
  readonly codes: number;
  /** Codings deleted with them. */
  readonly codings: number;
  /** Of those, representative (starred) codings. */
  readonly representative: number;
  /** Children left without a group (when not `withChildren`). */
  readonly released: number;
  readonly labels: readonly string[];
}

function deletionSet(db: Database.Database, ids: readonly string[], withChildren: boolean): string[] {
  const roots = [...new Set(ids)].map((id) => getCode(db, id).id);
  if (!withChildren) return roots;
  const all = new Set(roots);
  const below = db.prepare(
    `WITH RECURSIVE down(id) AS (SELECT ? UNION SELECT codes.id FROM codes JOIN down ON codes.parent_id = down.id) SELECT id FROM down`,
  );
  for (const id of roots) for (const row of below.all(id) as { id: string }[]) all.add(row.id);
  return [...all];
}

/** The numbers a confirmation shows before deleting `ids`. */
export function deleteImpact(db: Database.Database, ids: readonly string[], withChildren: boolean): DeleteImpact {
  const set = deletionSet(db, ids, withChildren);
  const marks = set.map(() => '?').join(',');
  const codings = db.prepare(`SELECT count(*) AS n, coalesce(sum(representative), 0) AS r FROM codings WHERE code_id IN (${marks})`).get(...set) as { n: number; r: number };
  const released = (db.prepare(`SELECT count(*) AS n FROM codes WHERE parent_id IN (${marks}) AND id NOT IN (${marks})`).get(...set, ...set) as { n: number }).n;
  const labels = set.map((id) => getCode(db, id).label);
  return { codes: set.length, codings: codings.n, representative: codings.r, released, labels };
}

/** Delete codes (and their descendants when `withChildren`) with their codings; children left behind are not grouped. */
export function deleteCodes(db: Database.Database, ids: readonly string[], withChildren: boolean): DeleteImpact {
  const impact = deleteImpact(db, ids, withChildren);
  const set = deletionSet(db, ids, withChildren);
  const remove = db.prepare('DELETE FROM codes WHERE id = ?');
  // Deepest first, so no code is briefly left under a deleted parent of another level.
  const depth = (id: string) => (db.prepare(`WITH RECURSIVE up(id, n) AS (SELECT ?, 0 UNION SELECT codes.parent_id, up.n + 1 FROM codes JOIN up ON codes.id = up.id WHERE codes.parent_id IS NOT NULL) SELECT max(n) AS n FROM up`).get(id) as { n: number }).n;
  for (const id of [...set].sort((a, b) => depth(b) - depth(a))) remove.run(id);
  return impact;
}
