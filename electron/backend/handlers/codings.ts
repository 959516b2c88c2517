import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { codingsMethods } from '../../../shared/api/methods/codings';
import { excerptProblem } from '../../../shared/text/excerpt';
import { normalizePassage } from '../../../shared/text/normalize';
import { rangeProblem } from '../../../shared/text/offsets';
import type { Coding } from '../../../shared/model/types';
import { getCode, resolveConceptPath } from '../codebook';
import type { HandlersOf } from '../handlerTypes';
import { CODING_COLUMNS, toCoding, type CodingRow } from '../rows';

/** A coding by id, or NOT_FOUND. */
export function getCoding(db: Database.Database, id: string): Coding {
  const row = db.prepare(`SELECT ${CODING_COLUMNS} FROM codings WHERE id = ?`).get(id) as CodingRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no coding with id ${id}`);
  return toCoding(row);
}

/** A short form of a passage for undo labels: “Det var…”. */
function shorten(text: string, max = 32): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export const codingsHandlers = {
  'codings.list': ({ documentId, codeId }, { backend }) => {
    const where: string[] = [];
    const params: string[] = [];
    if (documentId) {
      where.push('document_id = ?');
      params.push(documentId);
    }
    if (codeId) {
      where.push('code_id = ?');
      params.push(codeId);
    }
    const rows = backend
      .project()
      .db.prepare(`SELECT ${CODING_COLUMNS} FROM codings ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY document_id, start, end, id`)
      .all(...params) as CodingRow[];
    return rows.map(toCoding);
  },
  'codings.create': (args, { backend }) => {
    const project = backend.project();
    const db = project.db;
    const doc = db.prepare('SELECT text, title FROM documents WHERE id = ?').get(args.documentId) as { text: string; title: string } | undefined;
    if (!doc) throw new AppError('NOT_FOUND', `There is no document with id ${args.documentId}`);
    const problem = rangeProblem(doc.text, args.start, args.end);
    if (problem) throw new AppError('VALIDATION', `Cannot code [${args.start}, ${args.end}) in “${doc.title}”: ${problem}`);
    const quote = doc.text.slice(args.start, args.end);
    const codeLabel = 'id' in args.code ? getCode(db, args.code.id).label : args.code.concept;
    return project.step(`Code “${shorten(quote)}” as “${codeLabel}”`, () => {
      const coderId = project.coderId(args.coder);
      const { concept, created } =
        'id' in args.code ? { concept: getCode(db, args.code.id), created: [] } : resolveConceptPath(db, args.code, coderId);
      const duplicate = db
        .prepare('SELECT 1 FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start = ? AND end = ?')
        .get(args.documentId, concept.id, coderId, args.start, args.end);
      if (duplicate) throw new AppError('CONFLICT', `This passage is already coded as “${concept.label}”`);
      const id = randomUUID();
      const now = Date.now();
      const repOrder = args.representative
        ? (db.prepare('SELECT coalesce(max(rep_order), -1) + 1 AS n FROM codings WHERE code_id = ? AND representative = 1').get(concept.id) as { n: number }).n
        : 0;
      db.prepare(
        `INSERT INTO codings (id, document_id, code_id, start, end, coder_id, quote, representative, rep_order, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, args.documentId, concept.id, args.start, args.end, coderId, quote, args.representative ? 1 : 0, repOrder, now, now);
      return { coding: getCoding(db, id), createdCodes: created };
    });
  },
  'codings.update': (args, { backend }) => {
    const project = backend.project();
    const db = project.db;
    const before = getCoding(db, args.id);
    const target = args.codeId !== undefined ? getCode(db, args.codeId) : null;
    let excerpt: string | null | undefined = args.excerpt;
    if (typeof excerpt === 'string') {
      excerpt = excerpt.trim() || null;
      if (excerpt !== null) {
        const { text } = db.prepare('SELECT text FROM documents WHERE id = ?').get(before.documentId) as { text: string };
        const problem = excerptProblem(text.slice(before.start, before.end), normalizePassage(excerpt));
        if (problem) throw new AppError('CONFLICT', `The excerpt does not fit its passage: ${problem}`, { codingId: before.id });
        excerpt = normalizePassage(excerpt);
      }
    }
    const label = target
      ? `Recode “${shorten(before.quote)}” as “${target.label}”`
      : args.representative !== undefined
        ? `${args.representative ? 'Star' : 'Unstar'} “${shorten(before.quote)}”`
        : excerpt !== undefined
          ? `Edit the excerpt of “${shorten(before.quote)}”`
          : args.attribution !== undefined
            ? `Change how “${shorten(before.quote)}” is attributed`
            : `Edit coding “${shorten(before.quote)}”`;
    project.step(label, () => {
      const now = Date.now();
      if (target && target.id !== before.codeId) {
        const clash = db
          .prepare('SELECT 1 FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start = ? AND end = ?')
          .get(before.documentId, target.id, before.coderId, before.start, before.end);
        if (clash) throw new AppError('CONFLICT', `This passage is already coded as “${target.label}”`);
        db.prepare('UPDATE codings SET code_id = ?, updated_at = ? WHERE id = ?').run(target.id, now, args.id);
      }
      if (args.representative !== undefined && args.representative !== before.representative) {
        const order = args.representative
          ? (db.prepare('SELECT coalesce(max(rep_order), -1) + 1 AS n FROM codings WHERE code_id = ? AND representative = 1').get(target?.id ?? before.codeId) as { n: number }).n
          : 0;
        db.prepare('UPDATE codings SET representative = ?, rep_order = ?, updated_at = ? WHERE id = ?').run(args.representative ? 1 : 0, order, now, args.id);
      }
      if (args.memo !== undefined) db.prepare('UPDATE codings SET memo = ?, updated_at = ? WHERE id = ?').run(args.memo, now, args.id);
      if (excerpt !== undefined) db.prepare('UPDATE codings SET excerpt = ?, updated_at = ? WHERE id = ?').run(excerpt, now, args.id);
      if (args.attribution !== undefined) db.prepare('UPDATE codings SET attribution = ?, updated_at = ? WHERE id = ?').run(args.attribution, now, args.id);
    });
    return getCoding(db, args.id);
  },
  // Placeholders until the workspace backend lands (branch `workspace`).
  'codings.createMany': () => {
    throw new AppError('UNSUPPORTED', 'not built yet');
  },
  'codings.segments': () => {
    throw new AppError('UNSUPPORTED', 'not built yet');
  },
  'codings.reorderRepresentative': () => {
    throw new AppError('UNSUPPORTED', 'not built yet');
  },
  'codings.needingReview': () => {
    throw new AppError('UNSUPPORTED', 'not built yet');
  },
  'codings.acceptReview': () => {
    throw new AppError('UNSUPPORTED', 'not built yet');
  },
  'codings.delete': ({ id }, { backend }) => {
    const project = backend.project();
    const coding = getCoding(project.db, id);
    const code = getCode(project.db, coding.codeId);
    project.step(`Uncode “${shorten(coding.quote)}” from “${code.label}”`, () => {
      project.db.prepare('DELETE FROM codings WHERE id = ?').run(id);
    });
    return null;
  },
} satisfies HandlersOf<typeof codingsMethods>;
