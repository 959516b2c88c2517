import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { codingsMethods } from '../../../shared/api/methods/codings';
import { excerptProblem } from '../../../shared/text/excerpt';
import { normalizeText } from '../../../shared/text/normalize';
import { rangeProblem } from '../../../shared/text/offsets';
import type { Coding } from '../../../shared/model/types';
import { getCode, resolveConceptPath } from '../codebook';
import type { HandlersOf } from '../handlerTypes';
import { CODING_COLUMNS, toCoding, type CodingRow } from '../rows';
import { codeRanges } from '../codeRanges';
import { codedSegments } from '../segments';

/** A coding by id, or NOT_FOUND. */
export function getCoding(db: Database.Database, id: string): Coding {
  const row = db.prepare(`SELECT ${CODING_COLUMNS} FROM codings WHERE id = ?`).get(id) as CodingRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no coding with id ${id}`);
  return toCoding(row);
}

/** The next position for a newly starred quote: after every other, whatever the grouping. */
function nextRepOrder(db: Database.Database): number {
  return (db.prepare('SELECT coalesce(max(rep_order), -1) + 1 AS n FROM codings WHERE representative = 1').get() as { n: number }).n;
}

function documentText(db: Database.Database, id: string): { text: string; title: string } {
  const doc = db.prepare('SELECT text, title FROM documents WHERE id = ?').get(id) as { text: string; title: string } | undefined;
  if (!doc) throw new AppError('NOT_FOUND', `There is no document with id ${id}`);
  return doc;
}

/** Another 'ok' coding with the same code, coder and range, if any (such codings must stay unique). */
function sameCoding(db: Database.Database, c: { id: string; documentId: string; codeId: string; coderId: string; start: number; end: number }): boolean {
  return !!db
    .prepare("SELECT 1 FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start = ? AND end = ? AND status = 'ok' AND id <> ?")
    .get(c.documentId, c.codeId, c.coderId, c.start, c.end, c.id);
}

/** An excerpt as stored: NFC, trimmed; blank means none. */
function cleanExcerpt(excerpt: string | null): string | null {
  if (excerpt === null) return null;
  const clean = normalizeText(excerpt).trim();
  return clean === '' ? null : clean;
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
      const repOrder = args.representative ? nextRepOrder(db) : 0;
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
    const moves = args.start !== undefined || args.end !== undefined;
    const excerpt = args.excerpt !== undefined ? cleanExcerpt(args.excerpt) : before.excerpt;
    const start = args.start ?? before.start;
    const end = args.end ?? before.end;
    let quote = before.quote;
    if (moves || (args.excerpt !== undefined && excerpt !== null)) {
      const doc = documentText(db, before.documentId);
      if (moves) {
        const problem = rangeProblem(doc.text, start, end);
        if (problem) throw new AppError('VALIDATION', `Cannot move the coding to [${start}, ${end}) in “${doc.title}”: ${problem}`);
        quote = doc.text.slice(start, end);
      }
      if (excerpt !== null) {
        if (!moves && before.status === 'orphaned') {
          throw new AppError('CONFLICT', 'The words of this coding were deleted; give it a new range before writing an excerpt');
        }
        const problem = excerptProblem(doc.text.slice(start, end), excerpt);
        if (problem) {
          throw new AppError(
            'CONFLICT',
            args.excerpt !== undefined
              ? `The excerpt does not fit its passage: ${problem}`
              : `The coding's excerpt would no longer match the passage (${problem}); edit or clear the excerpt first`,
          );
        }
      }
    }
    const codeId = target?.id ?? before.codeId;
    const status = moves ? 'ok' : before.status;
    if (status === 'ok' && (moves || codeId !== before.codeId) && sameCoding(db, { ...before, codeId, start, end })) {
      throw new AppError('CONFLICT', `This passage is already coded as “${target?.label ?? getCode(db, codeId).label}” by the same coder`);
    }
    const label = target
      ? `Recode “${shorten(before.quote)}” as “${target.label}”`
      : args.representative !== undefined
        ? `${args.representative ? 'Star' : 'Unstar'} “${shorten(before.quote)}”`
        : moves
          ? `Change the range of “${shorten(quote)}”`
          : args.excerpt !== undefined
            ? `${excerpt === null ? 'Clear' : 'Edit'} the excerpt of “${shorten(before.quote)}”`
            : `Edit coding “${shorten(before.quote)}”`;
    project.step(label, () => {
      const columns: [string, unknown][] = [];
      if (codeId !== before.codeId) columns.push(['code_id', codeId]);
      if (args.representative !== undefined && args.representative !== before.representative) {
        columns.push(['representative', args.representative ? 1 : 0], ['rep_order', args.representative ? nextRepOrder(db) : 0]);
      }
      if (args.memo !== undefined && args.memo !== before.memo) columns.push(['memo', args.memo]);
      if (excerpt !== before.excerpt) columns.push(['excerpt', excerpt]);
      if (args.attribution !== undefined && args.attribution !== before.attribution) columns.push(['attribution', args.attribution]);
      if (moves) {
        if (start !== before.start) columns.push(['start', start]);
        if (end !== before.end) columns.push(['end', end]);
        if (quote !== before.quote) columns.push(['quote', quote]);
        if (status !== before.status) columns.push(['status', status]);
      }
      if (columns.length === 0) return;
      db.prepare(`UPDATE codings SET ${columns.map(([c]) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(
        ...columns.map(([, v]) => v),
        Date.now(),
        args.id,
      );
    });
    return getCoding(db, args.id);
  },
  'codings.createMany': (args, { backend }) => codeRanges(backend.project(), args.code, args.ranges, args.coder),
  'codings.segments': ({ codeId, descendants }, { backend }) => {
    const db = backend.project().db;
    getCode(db, codeId);
    return codedSegments(db, codeId, descendants ?? true);
  },
  'codings.reorderRepresentative': ({ ids }, { backend }) => {
    const project = backend.project();
    const db = project.db;
    const seen = new Set<string>();
    const codings = ids.map((id) => {
      if (seen.has(id)) throw new AppError('VALIDATION', `Coding ${id} is listed twice`);
      seen.add(id);
      const coding = getCoding(db, id);
      if (!coding.representative) throw new AppError('VALIDATION', `“${shorten(coding.quote)}” is not starred as a representative quote`);
      return coding;
    });
    project.step('Reorder representative quotes', () => {
      const update = db.prepare('UPDATE codings SET rep_order = ? WHERE id = ?');
      codings.forEach((coding, index) => {
        if (coding.repOrder !== index) update.run(index, coding.id);
      });
    });
    return null;
  },
  'codings.needingReview': ({ documentId }, { backend }) => {
    const db = backend.project().db;
    const rows = db
      .prepare(
        `SELECT ${CODING_COLUMNS.split(', ').map((c) => `c.${c}`).join(', ')}, k.label AS code_label, d.title AS document_title
         FROM codings c JOIN codes k ON k.id = c.code_id JOIN documents d ON d.id = c.document_id
         WHERE c.status <> 'ok' ${documentId ? 'AND c.document_id = ?' : ''}
         ORDER BY d.sort_order, d.created_at, d.id, c.start, c.end, c.id`,
      )
      .all(...(documentId ? [documentId] : [])) as (CodingRow & { code_label: string; document_title: string })[];
    const texts = new Map<string, string>();
    const textOf = (id: string) => {
      let text = texts.get(id);
      if (text === undefined) {
        text = (db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string }).text;
        texts.set(id, text);
      }
      return text;
    };
    return rows.map((row) => ({
      coding: toCoding(row),
      codeLabel: row.code_label,
      documentTitle: row.document_title,
      currentText: row.status === 'orphaned' ? '' : textOf(row.document_id).slice(row.start, row.end),
    }));
  },
  'codings.acceptReview': ({ id }, { backend }) => {
    const project = backend.project();
    const db = project.db;
    const coding = getCoding(db, id);
    if (coding.status === 'ok') return coding;
    if (coding.status === 'orphaned') {
      throw new AppError('CONFLICT', 'The words of this coding were deleted; give it a new range (codings.update with start and end) or uncode it');
    }
    const doc = documentText(db, coding.documentId);
    const text = doc.text.slice(coding.start, coding.end);
    if (sameCoding(db, coding)) {
      throw new AppError('CONFLICT', `This passage is already coded as “${getCode(db, coding.codeId).label}” by the same coder; uncode one of the two`);
    }
    if (coding.excerpt !== null) {
      const problem = excerptProblem(text, coding.excerpt);
      if (problem) throw new AppError('CONFLICT', `The coding's excerpt does not match the new text (${problem}); edit or clear the excerpt first`);
    }
    project.step(`Accept the new text of “${shorten(text)}”`, () => {
      db.prepare("UPDATE codings SET quote = ?, status = 'ok', updated_at = ? WHERE id = ?").run(text, Date.now(), id);
    });
    return getCoding(db, id);
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
