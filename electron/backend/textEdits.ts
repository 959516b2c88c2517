import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { isCanonical, normalizeText } from '../../shared/text/normalize';
import {
  applyEdits,
  EditMap,
  editsProblem,
  nextStatus,
  remapAdjacent,
  remapRange,
  remapTurns,
  sortEdits,
  type TextEdit,
} from '../../shared/text/remap';
import { sha256 } from './import/hash';

/** What an edit did to a document's codings. */
export interface EditOutcome {
  /** Codings whose own text changed in this edit (flagged 'changed'). */
  readonly changed: number;
  /** Codings whose text this edit deleted entirely (flagged 'orphaned'). */
  readonly orphaned: number;
  /** Whether the text changed at all. */
  readonly edited: boolean;
}

interface CodingSpan {
  id: string;
  start: number;
  end: number;
  status: 'ok' | 'changed' | 'orphaned';
}

interface CodingUpdate {
  id: string;
  oldStart: number;
  oldEnd: number;
  start: number;
  end: number;
  status: 'ok' | 'changed' | 'orphaned';
  statusChanged: boolean;
}

/**
 * Check edits to a document's text without writing: the edits' texts normalised like imported
 * text, then the rules of `editsProblem`, and the result must still be canonical (an inserted
 * accent must not fuse with the letter before it). Returns the sorted edits and the new text.
 * Throws VALIDATION naming the document.
 */
export function prepareEdits(title: string, text: string, edits: readonly TextEdit[]): { edits: TextEdit[]; newText: string } {
  const normalised = edits.map((e) => ({ start: e.start, end: e.end, text: normalizeText(e.text) }));
  const problem = editsProblem(text, normalised);
  if (problem) throw new AppError('VALIDATION', `Cannot edit “${title}”: ${problem}`);
  const sorted = sortEdits(normalised);
  const newText = applyEdits(text, sorted);
  if (!isCanonical(newText)) {
    throw new AppError(
      'VALIDATION',
      `Cannot edit “${title}”: the new text would combine with the characters around it (an accent or a line break split in two); type the whole letter instead`,
    );
  }
  return { edits: sorted, newText };
}

/**
 * Apply edits to one document, inside the caller's step: the text, its length and hash, the turns
 * (remapTurns), the pages of paged sources, and every coding — remapped, and flagged 'changed' or
 * 'orphaned' when its own text changed or vanished. Quotes keep the old text so a reviewer sees
 * old and new. Nothing is dropped.
 */
export function editDocument(db: Database.Database, documentId: string, edits: readonly TextEdit[]): EditOutcome {
  const doc = db.prepare('SELECT title, text FROM documents WHERE id = ?').get(documentId) as { title: string; text: string } | undefined;
  if (!doc) throw new AppError('NOT_FOUND', `There is no document with id ${documentId}`);
  const { edits: sorted, newText } = prepareEdits(doc.title, doc.text, edits);
  if (sorted.length === 0 || newText === doc.text) return { changed: 0, orphaned: 0, edited: false };
  const map = new EditMap(sorted);
  const now = Date.now();

  db.prepare('UPDATE documents SET text = ?, chars = ?, text_hash = ?, updated_at = ? WHERE id = ?').run(newText, newText.length, sha256(newText), now, documentId);
  const pages = db.prepare('SELECT page, start, end FROM document_pages WHERE document_id = ?').all(documentId) as { page: number; start: number; end: number }[];
  const updatePage = db.prepare('UPDATE document_pages SET start = ?, end = ? WHERE document_id = ? AND page = ?');
  for (const page of remapAdjacent(map, pages)) updatePage.run(page.start, page.end, documentId, page.page);

  const turns = db.prepare('SELECT id, start, end FROM turns WHERE document_id = ?').all(documentId) as { id: string; start: number; end: number }[];
  const remapped = remapTurns(map, newText, turns);
  const deleteTurn = db.prepare('DELETE FROM turns WHERE id = ?');
  for (const id of remapped.removed) deleteTurn.run(id);
  const before = new Map(turns.map((t) => [t.id, t]));
  const updateTurn = db.prepare('UPDATE turns SET start = ?, end = ? WHERE id = ?');
  for (const turn of remapped.turns) {
    const old = before.get(turn.id)!;
    if (old.start !== turn.start || old.end !== turn.end) updateTurn.run(turn.start, turn.end, turn.id);
  }

  const codings = db.prepare('SELECT id, start, end, status FROM codings WHERE document_id = ?').all(documentId) as CodingSpan[];
  let changed = 0;
  let orphaned = 0;
  const updates: CodingUpdate[] = [];
  for (const coding of codings) {
    const r = remapRange(map, doc.text, newText, coding);
    if (r.change === 'changed') changed += 1;
    if (r.change === 'orphaned') orphaned += 1;
    const status = nextStatus(coding.status, r.change);
    if (r.start === coding.start && r.end === coding.end && status === coding.status) continue;
    updates.push({ id: coding.id, oldStart: coding.start, oldEnd: coding.end, start: r.start, end: r.end, status, statusChanged: status !== coding.status });
  }
  const updateCoding = db.prepare('UPDATE codings SET start = ?, end = ?, status = ? WHERE id = ?');
  const updateFlagged = db.prepare('UPDATE codings SET start = ?, end = ?, status = ?, updated_at = ? WHERE id = ?');
  for (const u of orderForUniqueness(updates)) {
    if (u.statusChanged) updateFlagged.run(u.start, u.end, u.status, now, u.id);
    else updateCoding.run(u.start, u.end, u.status, u.id);
  }
  return { changed, orphaned, edited: true };
}

/**
 * An order of row updates that never collides, even for a moment, with the uniqueness of 'ok'
 * codings' ranges (SQLite checks it row by row): codings leaving 'ok' first, then codings moving
 * right from the last to the first, then codings moving left from the first to the last. Codings
 * that keep their text keep their order, so no two of them can trade places.
 */
function orderForUniqueness(updates: readonly CodingUpdate[]): CodingUpdate[] {
  const leaving = updates.filter((u) => u.status !== 'ok');
  const staying = updates.filter((u) => u.status === 'ok');
  const byOld = (a: CodingUpdate, b: CodingUpdate) => a.oldStart - b.oldStart || a.oldEnd - b.oldEnd;
  const movesRight = (u: CodingUpdate) => u.start > u.oldStart || (u.start === u.oldStart && u.end > u.oldEnd);
  const right = staying.filter(movesRight).sort((a, b) => byOld(b, a));
  const left = staying.filter((u) => !movesRight(u)).sort(byOld);
  return [...leaving, ...right, ...left];
}
