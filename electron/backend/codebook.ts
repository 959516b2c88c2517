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
