import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import type { CodeTarget } from '../../shared/api/methods/codings';
import type { Code, Coding } from '../../shared/model/types';
import { rangeProblem } from '../../shared/text/offsets';
import { getCode, resolveConceptPath } from './codebook';
import type { OpenProject } from './openProject';
import { newCoding } from '../../shared/model/newCoding';

/** A passage to code. */
export interface RangeToCode {
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
}

const COLUMNS = ['id', 'document_id', 'code_id', 'start', 'end', 'coder_id', 'quote', 'created_at', 'updated_at'];

/**
 * Code many passages with one concept as one undoable step (`codings.createMany`, and coding every
 * hit of a search): every range is checked first, so one bad range changes nothing; a passage
 * already coded so (or listed twice) is skipped. The codings go in together, recorded compactly in
 * the undo history, so coding thousands of search hits and undoing it stay quick.
 */
export function codeRanges(
  project: OpenProject,
  code: z.output<typeof CodeTarget>,
  ranges: readonly RangeToCode[],
  coder?: string,
): { codings: Coding[]; createdCodes: Code[]; skipped: number } {
  const db = project.db;
  const docs = new Map<string, { text: string; title: string }>();
  const read = db.prepare('SELECT text, title FROM documents WHERE id = ?');
  ranges.forEach((range, index) => {
    let doc = docs.get(range.documentId);
    if (!doc) {
      const row = read.get(range.documentId) as { text: string; title: string } | undefined;
      if (!row) throw new AppError('NOT_FOUND', `Range ${index + 1}: there is no document with id ${range.documentId}`);
      doc = row;
      docs.set(range.documentId, doc);
    }
    const problem = rangeProblem(doc.text, range.start, range.end);
    if (problem) throw new AppError('VALIDATION', `Range ${index + 1} [${range.start}, ${range.end}) in “${doc.title}”: ${problem}`);
  });
  const codeLabel = 'id' in code ? getCode(db, code.id).label : code.concept;
  const count = ranges.length;
  return project.step(`Code ${count} passage${count === 1 ? '' : 's'} as “${codeLabel}”`, () => {
    const coderId = project.coderId(coder);
    const { concept, created } = 'id' in code ? { concept: getCode(db, code.id), created: [] as Code[] } : resolveConceptPath(db, code, coderId);
    const exists = db.prepare('SELECT 1 FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start = ? AND end = ?');
    const seen = new Set<string>();
    const codings: Coding[] = [];
    let skipped = 0;
    const now = Date.now();
    for (const range of ranges) {
      const key = `${range.documentId}\u0000${range.start}\u0000${range.end}`;
      if (seen.has(key) || exists.get(range.documentId, concept.id, coderId, range.start, range.end)) {
        skipped += 1;
        continue;
      }
      seen.add(key);
      const quote = docs.get(range.documentId)!.text.slice(range.start, range.end);
      codings.push(newCoding({ id: randomUUID(), documentId: range.documentId, codeId: concept.id, start: range.start, end: range.end, coderId, quote, createdAt: now }));
    }
    project.file.history.insertMany(
      'codings',
      COLUMNS,
      codings.map((c) => [c.id, c.documentId, c.codeId, c.start, c.end, c.coderId, c.quote, now, now]),
    );
    return { codings, createdCodes: created, skipped };
  });
}
