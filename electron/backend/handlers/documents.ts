import type { documentsMethods, ReplaceMatch } from '../../../shared/api/methods/documents';
import { AppError } from '../../../shared/api/errors';
import { contextAround } from '../../../shared/text/context';
import type { TextRange } from '../../../shared/text/offsets';
import { findLiteral } from '../../../shared/text/search';
import type { DocumentFull, DocumentPage, DocumentSummary } from '../../../shared/model/types';
import type { HandlersOf } from '../handlerTypes';
import { importFiles } from '../import/importFiles';
import type { OpenProject } from '../openProject';
import {
  DOCUMENT_SUMMARY_SELECT,
  SPEAKER_COLUMNS,
  toDocumentSummary,
  toSpeaker,
  toTurn,
  TURN_COLUMNS,
  type DocumentSummaryRow,
  type SpeakerRow,
  type TurnRow,
} from '../rows';
import { editDocument, prepareEdits } from '../textEdits';

/** How much context a replacement preview shows on each side. */
const PREVIEW_CONTEXT = 60;

interface ReplaceOptions {
  readonly find: string;
  readonly replace: string;
  readonly wholeWord?: boolean | undefined;
  readonly caseSensitive?: boolean | undefined;
  readonly documentIds?: readonly string[] | undefined;
}

/**
 * Where `find` occurs in each document (in the user's order), as whole words and case-sensitively
 * unless told otherwise. Unknown document ids are NOT_FOUND.
 */
function replaceTargets(project: OpenProject, options: ReplaceOptions): { id: string; title: string; text: string; matches: TextRange[] }[] {
  const db = project.db;
  for (const id of options.documentIds ?? []) documentSummary(project, id);
  const wanted = options.documentIds ? new Set(options.documentIds) : null;
  const docs = (db.prepare('SELECT id, title FROM documents ORDER BY sort_order, created_at').all() as { id: string; title: string }[]).filter(
    (d) => !wanted || wanted.has(d.id),
  );
  const read = db.prepare('SELECT text FROM documents WHERE id = ?');
  const literal = { wholeWord: options.wholeWord ?? true, caseSensitive: options.caseSensitive ?? true };
  return docs.flatMap((d) => {
    const { text } = read.get(d.id) as { text: string };
    const matches = findLiteral(text, options.find, literal);
    return matches.length ? [{ ...d, text, matches }] : [];
  });
}

/** One document as listed, or NOT_FOUND. */
export function documentSummary(project: OpenProject, id: string): DocumentSummary {
  const row = project.db.prepare(`${DOCUMENT_SUMMARY_SELECT} WHERE d.id = ?`).get(id) as DocumentSummaryRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no document with id ${id}`);
  return toDocumentSummary(row);
}

/** One document with its text, speakers and turns, or NOT_FOUND. */
export function documentFull(project: OpenProject, id: string): DocumentFull {
  const summary = documentSummary(project, id);
  const { text } = project.db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string };
  const speakers = project.db.prepare(`SELECT ${SPEAKER_COLUMNS} FROM speakers WHERE document_id = ? ORDER BY sort_order`).all(id) as SpeakerRow[];
  const turns = project.db.prepare(`SELECT ${TURN_COLUMNS} FROM turns WHERE document_id = ? ORDER BY start`).all(id) as TurnRow[];
  const pages = project.db.prepare('SELECT page, label, start, end FROM document_pages WHERE document_id = ? ORDER BY page').all(id) as DocumentPage[];
  const { metadata } = project.db.prepare('SELECT metadata FROM documents WHERE id = ?').get(id) as { metadata: string };
  const warnings = (JSON.parse(metadata) as { importWarnings?: unknown }).importWarnings;
  return {
    ...summary,
    text,
    speakers: speakers.map(toSpeaker),
    turns: turns.map(toTurn),
    pages,
    importWarnings: Array.isArray(warnings) ? warnings.filter((w): w is string => typeof w === 'string') : [],
  };
}

export const documentsHandlers = {
  'documents.list': (_args, { backend }) => {
    const rows = backend.project().db.prepare(`${DOCUMENT_SUMMARY_SELECT} ORDER BY d.sort_order, d.created_at`).all() as DocumentSummaryRow[];
    return rows.map(toDocumentSummary);
  },
  'documents.get': ({ id }, { backend }) => documentFull(backend.project(), id),
  'documents.import': (args, ctx) => importFiles(args, ctx),
  'documents.update': (args, { backend }) => {
    const project = backend.project();
    const before = documentSummary(project, args.id);
    if (args.caseId && !project.db.prepare('SELECT 1 FROM cases WHERE id = ?').get(args.caseId)) {
      throw new AppError('NOT_FOUND', `There is no case with id ${args.caseId}`);
    }
    const columns: [string, unknown][] = [];
    if (args.title !== undefined) columns.push(['title', args.title]);
    if (args.kind !== undefined) columns.push(['kind', args.kind]);
    if (args.date !== undefined) columns.push(['date', args.date]);
    if (args.caseId !== undefined) columns.push(['case_id', args.caseId]);
    if (args.usedInAnalysis !== undefined) columns.push(['used_in_analysis', args.usedInAnalysis ? 1 : 0]);
    if (args.durationMs !== undefined) columns.push(['duration_ms', args.durationMs]);
    if (args.memo !== undefined) columns.push(['memo', args.memo]);
    if (columns.length > 0) {
      project.step(`Edit “${before.title}”`, () => {
        project.db
          .prepare(`UPDATE documents SET ${columns.map(([c]) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
          .run(...columns.map(([, v]) => v), Date.now(), args.id);
      });
    }
    return documentSummary(project, args.id);
  },
  'documents.editText': ({ id, edits }, { backend }) => {
    const project = backend.project();
    const doc = documentSummary(project, id);
    const { text } = project.db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string };
    // Check before the step, so that a refused edit leaves no trace at all.
    prepareEdits(doc.title, text, edits);
    const outcome = project.step(`Edit the text of “${doc.title}”`, () => editDocument(project.db, id, edits));
    return { document: documentFull(project, id), changed: outcome.changed, orphaned: outcome.orphaned };
  },
  'documents.replacePreview': (args, { backend }) => {
    const project = backend.project();
    const targets = replaceTargets(project, args);
    const matches: ReplaceMatch[] = [];
    let codingsAffected = 0;
    const codings = project.db.prepare("SELECT start, end FROM codings WHERE document_id = ? AND end > start ORDER BY start");
    for (const target of targets) {
      for (const m of target.matches) {
        matches.push({ documentId: target.id, documentTitle: target.title, start: m.start, end: m.end, ...contextAround(target.text, m, PREVIEW_CONTEXT) });
      }
      const spans = codings.all(target.id) as TextRange[];
      codingsAffected += spans.filter((c) => target.matches.some((m) => m.start < c.end && m.end > c.start)).length;
    }
    return { matches, codingsAffected };
  },
  'documents.replaceAll': (args, { backend }) => {
    const project = backend.project();
    const targets = replaceTargets(project, args);
    const edits = targets.map((t) => ({ id: t.id, edits: t.matches.map((m) => ({ start: m.start, end: m.end, text: args.replace })) }));
    for (const [i, t] of targets.entries()) prepareEdits(t.title, t.text, edits[i]!.edits);
    const replaced = targets.reduce((n, t) => n + t.matches.length, 0);
    if (replaced === 0) return { replaced: 0, documents: 0, changed: 0 };
    const label = `Replace “${args.find}” with “${args.replace}” in ${targets.length} document${targets.length === 1 ? '' : 's'}`;
    const changed = project.step(label, () =>
      edits.reduce((n, e) => {
        const outcome = editDocument(project.db, e.id, e.edits);
        return n + outcome.changed + outcome.orphaned;
      }, 0),
    );
    return { replaced, documents: targets.length, changed };
  },
  'documents.delete': ({ id }, { backend }) => {
    const project = backend.project();
    const doc = documentSummary(project, id);
    project.step(`Delete “${doc.title}”`, () => {
      project.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
    });
    return null;
  },
} satisfies HandlersOf<typeof documentsMethods>;
