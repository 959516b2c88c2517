import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { MergeChange, MergeCounts } from '../../../shared/api/methods/team';
import { rangeProblem } from '../../../shared/text/offsets';
import type { MergeAction, MergePlan, PlannedConflict } from './plan';
import type { Snapshot } from './snapshot';
import type { MergeSource } from './sources';

// Carrying out a decided merge inside the caller's transaction (an undo step, or a dry run that is
// rolled back for the preview, so the preview's counts are exactly what the merge would do).

type Row = Record<string, unknown>;

/** What executing a merge did. */
export interface ExecuteReport {
  readonly counts: MergeCounts;
  readonly changes: MergeChange[];
  readonly warnings: string[];
}

interface Context {
  readonly db: Database.Database;
  readonly source: MergeSource;
  readonly plan: MergePlan;
  readonly ours: Snapshot;
  readonly theirs: Snapshot;
  readonly now: number;
  readonly warnings: string[];
  readonly changes: MergeChange[];
  readonly columns: Map<string, Set<string>>;
  readonly insertMany: InsertMany;
}

/**
 * Insert many rows of one table (the undo history's `insertMany`, which records them compactly);
 * returns per row whether it was inserted.
 */
export type InsertMany = (table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]) => boolean[];

/** Row by row, for a caller outside the undo history. */
function insertRowByRow(db: Database.Database): InsertMany {
  return (table, columns, rows) => {
    const insert = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    return rows.map((row) => insert.run(...(row as unknown[])).changes > 0);
  };
}

/**
 * Execute `plan`, taking the other file's side for the conflicts in `takeTheirs`. Inside an undo
 * step pass the history's `insertMany`, so thousands of added codings are recorded compactly.
 */
export function executeMerge(
  db: Database.Database,
  source: MergeSource,
  ours: Snapshot,
  plan: MergePlan,
  takeTheirs: ReadonlySet<string>,
  insertMany: InsertMany = insertRowByRow(db),
): ExecuteReport {
  const ctx: Context = { db, source, plan, ours, theirs: source.snapshot, now: Date.now(), warnings: [...plan.warnings], changes: [], columns: new Map(), insertMany };
  const chosen: { action: MergeAction; conflict: PlannedConflict | null }[] = plan.actions.map((action) => ({ action, conflict: null }));
  for (const conflict of plan.conflicts) {
    if (takeTheirs.has(conflict.id)) for (const action of conflict.theirsActions) chosen.push({ action, conflict });
  }
  const droppedByConflicts = plan.conflicts
    .filter((c) => c.kind === 'code.deleted' && !takeTheirs.has(c.id))
    .reduce((sum, c) => sum + c.theirsActions.filter((a) => a.t === 'insertCoding').length, 0);

  insertPeople(ctx);
  const documents = insertDocuments(ctx);
  const codes = applyCodes(ctx, chosen);
  const codings = applyCodings(ctx, chosen);
  const memos = applyMemos(ctx, chosen);
  for (const { action } of chosen) {
    if (action.t === 'setLevels') {
      db.prepare('UPDATE project SET level1_name = ?, level2_name = ?, level3_name = ?').run(action.levels[0], action.levels[1], action.levels[2]);
    }
  }
  for (const { action } of chosen) if ('change' in action && action.change) ctx.changes.push(action.change);
  return {
    counts: {
      coders: { added: plan.coderInserts.length, matched: plan.counts.coders },
      cases: { added: plan.caseInserts.length, matched: plan.counts.cases },
      informants: { added: plan.informantInserts.length, matched: plan.counts.informants },
      documents: { added: documents, matchedById: plan.counts.documentsById, matchedByContent: plan.counts.documentsByContent, textDiffers: plan.textDiffers.size },
      codes: { added: codes.added, matchedById: plan.counts.codesById, matchedByLabel: plan.counts.codesByLabel, changed: codes.changed, deleted: codes.deleted },
      codings: {
        added: codings.added,
        duplicates: plan.counts.duplicates + codings.duplicates,
        changed: codings.changed,
        deleted: codings.deleted,
        dropped: codings.dropped + droppedByConflicts,
        deletedHere: plan.counts.deletedHere,
      },
      memos,
    },
    changes: ctx.changes,
    warnings: ctx.warnings,
  };
}

function columnsOf(ctx: Context, table: string): Set<string> {
  let set = ctx.columns.get(table);
  if (!set) {
    set = new Set((ctx.db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name));
    ctx.columns.set(table, set);
  }
  return set;
}

/** Insert a row of another file into `table`, keeping only the columns this schema has. */
function insertRow(ctx: Context, table: string, row: Row, overrides: Row = {}): void {
  const columns = columnsOf(ctx, table);
  const merged = { ...row, ...overrides };
  const names = Object.keys(merged).filter((k) => columns.has(k));
  ctx.db
    .prepare(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
    .run(...names.map((n) => merged[n] as string | number | bigint | Buffer | null));
}

function nextOrder(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT coalesce(max(sort_order), -1) + 1 AS n FROM "${table}"`).get() as { n: number }).n;
}

function insertPeople(ctx: Context): void {
  const { db, plan } = ctx;
  for (const coder of plan.coderInserts) db.prepare('INSERT INTO coders (id, name, created_at) VALUES (?, ?, ?)').run(coder.id, coder.name, coder.createdAt || ctx.now);
  let order = nextOrder(db, 'cases');
  for (const c of plan.caseInserts) {
    db.prepare('INSERT INTO cases (id, parent_id, name, code, memo, sort_order, created_at) VALUES (?, NULL, ?, ?, ?, ?, ?)').run(c.id, c.name, c.code, c.memo, order++, c.createdAt || ctx.now);
  }
  for (const c of plan.caseInserts) {
    const parent = c.parentId ? (plan.caseMap.get(c.parentId) ?? c.parentId) : null;
    if (parent && db.prepare('SELECT 1 FROM cases WHERE id = ?').get(parent)) db.prepare('UPDATE cases SET parent_id = ? WHERE id = ?').run(parent, c.id);
  }
  const mapCase = (id: string | null) => (id ? (plan.caseMap.get(id) ?? id) : null);
  order = nextOrder(db, 'informants');
  for (const i of plan.informantInserts) {
    db.prepare('INSERT INTO informants (id, label, real_name, role, case_id, memo, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      i.id,
      i.label,
      i.realName,
      i.role === 'interviewer' ? 'interviewer' : 'informant',
      mapCase(i.caseId),
      i.memo,
      order++,
      i.createdAt || ctx.now,
    );
  }
  // Matched informants: fill in what this project left blank.
  const oursInformants = new Map(ctx.ours.informants.map((i) => [i.id, i]));
  for (const t of ctx.theirs.informants) {
    const oursId = plan.informantMap.get(t.id);
    const o = oursId ? oursInformants.get(oursId) : undefined;
    if (!o) continue;
    const sets: [string, string][] = [];
    if (!o.caseId && t.caseId) sets.push(['case_id', mapCase(t.caseId)!]);
    if (!o.realName && t.realName) sets.push(['real_name', t.realName]);
    if (!o.memo && t.memo) sets.push(['memo', t.memo]);
    if (sets.length) db.prepare(`UPDATE informants SET ${sets.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...sets.map(([, v]) => v), o.id);
  }
}

function insertDocuments(ctx: Context): number {
  const { db, plan, source } = ctx;
  const mapCase = (id: unknown) => (typeof id === 'string' ? (plan.caseMap.get(id) ?? id) : null);
  const mapInformant = (id: unknown) => (typeof id === 'string' ? (plan.informantMap.get(id) ?? id) : null);
  let order = nextOrder(db, 'documents');
  for (const id of plan.documentInserts) {
    const copy = source.document(id);
    if (copy.blob) db.prepare('INSERT OR IGNORE INTO blobs (hash, bytes, size) VALUES (?, ?, ?)').run(copy.blob.hash, copy.blob.bytes, copy.blob.size);
    const sourceHash = copy.blob ? copy.row.source_hash : null;
    insertRow(ctx, 'documents', copy.row, { case_id: mapCase(copy.row.case_id), sort_order: order++, source_hash: sourceHash ?? null });
    for (const speaker of copy.speakers) insertRow(ctx, 'speakers', speaker, { informant_id: mapInformant(speaker.informant_id) });
    for (const turn of copy.turns) insertRow(ctx, 'turns', turn);
    const here = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    for (const child of copy.children) {
      if (!here.has(child.table)) {
        if (child.rows.length) ctx.warnings.push(`${child.rows.length} row(s) of “${child.table}” in the other file are not known to this version and were not copied.`);
        continue;
      }
      for (const row of child.rows) insertRow(ctx, child.table, row);
    }
  }
  // Speakers of matched documents: take over the other file's mapping where this one has none.
  for (const [theirsId, oursId] of plan.documentMap) {
    if (theirsId !== oursId) continue;
    const theirsSpeakers = source.document(theirsId).speakers;
    for (const s of theirsSpeakers) {
      const informant = mapInformant(s.informant_id);
      if (!informant) continue;
      db.prepare('UPDATE speakers SET informant_id = ?, role = coalesce(role, ?) WHERE id = ? AND document_id = ? AND informant_id IS NULL AND EXISTS (SELECT 1 FROM informants WHERE id = ?)').run(
        informant,
        typeof s.role === 'string' ? s.role : null,
        s.id as string,
        oursId,
        informant,
      );
    }
  }
  return plan.documentInserts.length;
}

/** Ours code id for a theirs code id, if that code exists here now. */
function codeHere(ctx: Context, theirsId: string | null): string | null {
  if (!theirsId) return null;
  const id = ctx.plan.codeMap.get(theirsId) ?? theirsId;
  return ctx.db.prepare('SELECT 1 FROM codes WHERE id = ?').get(id) ? id : null;
}

function levelOf(db: Database.Database, id: string): number | null | undefined {
  const row = db.prepare('SELECT level FROM codes WHERE id = ?').get(id) as { level: number | null } | undefined;
  return row ? row.level : undefined;
}

function fits(level: number | null, parentLevel: number | null | undefined): boolean {
  if (parentLevel === undefined) return false;
  return (level === null && parentLevel === null) || (level !== null && parentLevel === level + 1);
}

function applyCodes(ctx: Context, chosen: readonly { action: MergeAction; conflict: PlannedConflict | null }[]): { added: number; changed: number; deleted: number } {
  const { db, plan } = ctx;
  const mapCoder = (id: string | null) => (id ? (plan.coderMap.get(id) ?? id) : null);
  const coderExists = (id: string | null) => (id && db.prepare('SELECT 1 FROM coders WHERE id = ?').get(id) ? id : null);
  let added = 0;
  const changed = new Set<string>();
  let deleted = 0;
  // Inserts, parents first (restored codes may be parents of new ones).
  const inserts = chosen.filter((c) => c.action.t === 'insertCode').map((c) => c.action as Extract<MergeAction, { t: 'insertCode' }>);
  const pending = [...inserts];
  for (let progress = true; pending.length && progress; ) {
    progress = false;
    for (let i = 0; i < pending.length; ) {
      const { code } = pending[i]!;
      const parentWaiting = code.parentId !== null && pending.some((p) => p.code.id === code.parentId);
      if (parentWaiting) {
        i += 1;
        continue;
      }
      pending.splice(i, 1);
      progress = true;
      if (db.prepare('SELECT 1 FROM codes WHERE id = ?').get(code.id)) continue;
      let parent = codeHere(ctx, code.parentId);
      if (parent && !fits(code.level, levelOf(db, parent))) parent = null;
      if (code.parentId && !parent) ctx.warnings.push(`“${code.label}” was added without its group (its group is not in this project, or is on another level now).`);
      const order = (db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM codes WHERE parent_id IS ? AND level IS ?').get(parent, code.level) as { n: number }).n;
      db.prepare(
        `INSERT INTO codes (id, level, parent_id, label, heading, description, color, memo, sort_order, original_path, created_by, updated_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
      ).run(code.id, code.level, parent, code.label, code.heading, code.description, code.color, code.memo, order, coderExists(mapCoder(code.createdBy)), coderExists(mapCoder(code.updatedBy)), code.createdAt || ctx.now, ctx.now);
      added += 1;
    }
  }
  // Label and detail edits.
  for (const { action } of chosen) {
    if (action.t !== 'updateCode') continue;
    const { level: _level, parentId: _parent, ...rest } = action.set;
    void _level;
    void _parent;
    const entries = Object.entries(rest).filter(([, v]) => v !== undefined);
    if (!entries.length) continue;
    if (!db.prepare('SELECT 1 FROM codes WHERE id = ?').get(action.id)) continue;
    db.prepare(`UPDATE codes SET ${entries.map(([k]) => `${k} = ?`).join(', ')}, updated_at = ?, updated_by = ? WHERE id = ?`).run(
      ...entries.map(([, v]) => v as string),
      ctx.now,
      coderExists(mapCoder(action.by)),
      action.id,
    );
    changed.add(action.id);
  }
  // Moves, retried until no more succeed (a theme and its concepts may move together).
  let moves = chosen.filter((c) => c.action.t === 'updateCode' && 'level' in c.action.set);
  for (let progress = true; moves.length && progress; ) {
    progress = false;
    const failed: typeof moves = [];
    for (const entry of moves) {
      const action = entry.action as Extract<MergeAction, { t: 'updateCode' }>;
      if (!db.prepare('SELECT 1 FROM codes WHERE id = ?').get(action.id)) continue;
      let parent = codeHere(ctx, action.set.parentId ?? null);
      if (action.set.parentId && !parent) {
        ctx.warnings.push(`“${labelOf(db, action.id)}” was moved out of its group: the group it went to in the other file is not in this project.`);
        parent = null;
      }
      try {
        db.prepare('UPDATE codes SET level = ?, parent_id = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(action.set.level ?? null, parent, ctx.now, coderExists(mapCoder(action.by)), action.id);
        changed.add(action.id);
        progress = true;
      } catch (error) {
        if (!isConstraint(error)) throw error;
        failed.push(entry);
      }
    }
    moves = failed;
  }
  for (const entry of moves) {
    const label = labelOf(db, (entry.action as { id: string }).id);
    if (entry.conflict) {
      throw new AppError('CONFLICT', `Taking the other file's place for “${label}” breaks the Gioia rules here (a concept belongs to a theme and a theme to a dimension); keep this project's side for that conflict (${entry.conflict.id}).`, {
        conflictId: entry.conflict.id,
      });
    }
    ctx.warnings.push(`“${label}” was not moved as in the other file: that place breaks the Gioia rules here.`);
  }
  for (const { action } of chosen) {
    if (action.t !== 'deleteCode') continue;
    if (db.prepare('DELETE FROM codes WHERE id = ?').run(action.id).changes > 0) deleted += 1;
  }
  return { added, changed: changed.size, deleted };
}

function labelOf(db: Database.Database, id: string): string {
  return (db.prepare('SELECT label FROM codes WHERE id = ?').get(id) as { label: string } | undefined)?.label ?? id;
}

function isConstraint(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

/** Place a coding of the other file in this project's text: as is, or (text differs) by its quote, nearest first. */
function placeRange(ctx: Context, texts: Map<string, string>, theirsDocumentId: string, oursDocumentId: string, start: number, end: number, quote: string): { start: number; end: number } | null {
  let text = texts.get(oursDocumentId);
  if (text === undefined) {
    text = (ctx.db.prepare('SELECT text FROM documents WHERE id = ?').get(oursDocumentId) as { text: string }).text;
    texts.set(oursDocumentId, text);
  }
  const differs = ctx.plan.textDiffers.has(theirsDocumentId);
  if (!differs || text.slice(start, end) === quote) return rangeProblem(text, start, end) ? null : { start, end };
  if (!quote) return null;
  let best: number | null = null;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (best === null || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  return best === null ? null : { start: best, end: best + quote.length };
}

function applyCodings(
  ctx: Context,
  chosen: readonly { action: MergeAction; conflict: PlannedConflict | null }[],
): { added: number; changed: number; deleted: number; duplicates: number; dropped: number } {
  const { db, plan } = ctx;
  let added = 0;
  let changed = 0;
  let deleted = 0;
  let duplicates = 0;
  let dropped = 0;
  const texts = new Map<string, string>();
  const deleteCoding = db.prepare('DELETE FROM codings WHERE id = ?');
  for (const { action } of chosen) if (action.t === 'deleteCoding' && deleteCoding.run(action.id).changes > 0) deleted += 1;

  const codeIds = new Set((db.prepare('SELECT id FROM codes').all() as { id: string }[]).map((r) => r.id));
  const coderIds = new Set((db.prepare('SELECT id FROM coders').all() as { id: string }[]).map((r) => r.id));
  const existingIds = new Set((db.prepare('SELECT id FROM codings').all() as { id: string }[]).map((r) => r.id));
  const keys = new Set((db.prepare('SELECT document_id, code_id, coder_id, start, end FROM codings').raw().all() as unknown[][]).map((r) => r.join('|')));
  const mapCode = (theirsId: string) => {
    const id = plan.codeMap.get(theirsId) ?? theirsId;
    return codeIds.has(id) ? id : null;
  };

  for (const { action } of chosen) {
    if (action.t !== 'updateCoding') continue;
    const current = db.prepare('SELECT document_id, code_id, coder_id, start, end FROM codings WHERE id = ?').get(action.id) as
      | { document_id: string; code_id: string; coder_id: string; start: number; end: number }
      | undefined;
    if (!current) continue;
    const sets: [string, unknown][] = [];
    let codeId = current.code_id;
    if (action.set.codeId !== undefined) {
      const mapped = mapCode(action.set.codeId);
      if (!mapped) ctx.warnings.push(`A coding was not recoded as in the other file: its code is not in this project.`);
      else codeId = mapped;
    }
    let range = { start: current.start, end: current.end };
    if (action.set.start !== undefined || action.set.end !== undefined) {
      const placed = placeRange(ctx, texts, action.theirs.documentId, current.document_id, action.theirs.start, action.theirs.end, action.theirs.quote);
      if (placed) range = placed;
      else ctx.warnings.push(`A coding's new range from the other file does not fit this project's text and was left as it was.`);
    }
    const oldKey = [current.document_id, current.code_id, current.coder_id, current.start, current.end].join('|');
    const newKey = [current.document_id, codeId, current.coder_id, range.start, range.end].join('|');
    if (newKey !== oldKey) {
      if (keys.has(newKey)) {
        ctx.warnings.push(`A coding's change from the other file would duplicate another coding and was not made.`);
        continue;
      }
      keys.delete(oldKey);
      keys.add(newKey);
      sets.push(['code_id', codeId], ['start', range.start], ['end', range.end]);
      const text = texts.get(current.document_id) ?? (db.prepare('SELECT text FROM documents WHERE id = ?').get(current.document_id) as { text: string }).text;
      texts.set(current.document_id, text);
      sets.push(['quote', text.slice(range.start, range.end)], ['status', 'ok']);
    }
    if (action.set.memo !== undefined) sets.push(['memo', action.set.memo]);
    if (action.set.representative !== undefined) sets.push(['representative', action.set.representative ? 1 : 0], ['rep_order', action.theirs.repOrder]);
    if (action.set.excerpt !== undefined) sets.push(['excerpt', action.set.excerpt]);
    if (!sets.length) continue;
    db.prepare(`UPDATE codings SET ${sets.map(([c]) => `"${c}" = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...sets.map(([, v]) => v as string | number | null), ctx.now, action.id);
    changed += 1;
  }

  const columns = ['id', 'document_id', 'code_id', 'start', 'end', 'coder_id', 'quote', 'memo', 'representative', 'rep_order', 'excerpt', 'status', 'created_at', 'updated_at'];
  const rows: unknown[][] = [];
  let unplaced = 0;
  const newDocuments = new Set(plan.documentInserts);
  for (const { action } of chosen) {
    if (action.t !== 'insertCoding') continue;
    const t = action.coding;
    const documentId = plan.documentMap.get(t.documentId) ?? (newDocuments.has(t.documentId) ? t.documentId : null);
    const codeId = mapCode(t.codeId);
    const coderId = plan.coderMap.get(t.coderId) ?? t.coderId;
    if (!documentId || !codeId || !coderIds.has(coderId)) {
      dropped += 1;
      continue;
    }
    const range = t.status === 'orphaned' ? null : placeRange(ctx, texts, t.documentId, documentId, t.start, t.end, t.quote);
    if (!range) {
      dropped += 1;
      unplaced += 1;
      continue;
    }
    const key = [documentId, codeId, coderId, range.start, range.end].join('|');
    if (keys.has(key)) {
      duplicates += 1;
      continue;
    }
    keys.add(key);
    const id = existingIds.has(t.id) ? randomUUID() : t.id;
    existingIds.add(id);
    const quote = texts.get(documentId)!.slice(range.start, range.end);
    rows.push([id, documentId, codeId, range.start, range.end, coderId, quote, t.memo, t.representative ? 1 : 0, t.repOrder, t.excerpt, t.status === 'changed' ? 'changed' : 'ok', t.createdAt || ctx.now, t.updatedAt || ctx.now]);
    added += 1;
  }
  ctx.insertMany('codings', columns, rows);
  if (unplaced) ctx.warnings.push(`${unplaced} coding${unplaced === 1 ? '' : 's'} of the other file could not be placed in this project's text (the passage is not there) and ${unplaced === 1 ? 'was' : 'were'} left out.`);
  return { added, changed, deleted, duplicates, dropped };
}

function applyMemos(ctx: Context, chosen: readonly { action: MergeAction; conflict: PlannedConflict | null }[]): MergeCounts['memos'] {
  const { db, plan } = ctx;
  let added = 0;
  let changed = 0;
  let deleted = 0;
  for (const { action } of chosen) {
    if (action.t === 'insertMemo') {
      if (db.prepare('SELECT 1 FROM memos WHERE id = ?').get(action.memo.id)) continue;
      const coder = action.memo.coderId ? (plan.coderMap.get(action.memo.coderId) ?? action.memo.coderId) : null;
      const coderId = coder && db.prepare('SELECT 1 FROM coders WHERE id = ?').get(coder) ? coder : null;
      db.prepare('INSERT INTO memos (id, title, body, coder_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        action.memo.id,
        action.memo.title,
        action.memo.body,
        coderId,
        action.memo.createdAt || ctx.now,
        action.memo.updatedAt || ctx.now,
      );
      added += 1;
    } else if (action.t === 'updateMemo') {
      const sets = Object.entries(action.set).filter(([, v]) => v !== undefined);
      if (sets.length && db.prepare(`UPDATE memos SET ${sets.map(([k]) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...sets.map(([, v]) => v), ctx.now, action.id).changes > 0) changed += 1;
    } else if (action.t === 'deleteMemo') {
      if (db.prepare('DELETE FROM memos WHERE id = ?').run(action.id).changes > 0) deleted += 1;
    }
  }
  return { added, changed, deleted };
}
