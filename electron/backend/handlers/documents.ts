import type { documentsMethods } from '../../../shared/api/methods/documents';
import { AppError } from '../../../shared/api/errors';
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
  // Placeholders until the workspace backend lands (branch `workspace`).
  'documents.editText': () => {
    throw new AppError('UNSUPPORTED', 'not built yet');
  },
  'documents.replacePreview': () => {
    throw new AppError('UNSUPPORTED', 'not built yet');
  },
  'documents.replaceAll': () => {
    throw new AppError('UNSUPPORTED', 'not built yet');
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
