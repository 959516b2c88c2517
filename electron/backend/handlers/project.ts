import type { projectMethods, ProjectSummary } from '../../../shared/api/methods/project';
import { UNNAMED_SPEAKER } from '../../../shared/import/speakers';
import type { Project } from '../../../shared/model/types';
import type { HandlersOf } from '../handlerTypes';
import type { OpenProject } from '../openProject';
import { PROJECT_COLUMNS, toProject, type ProjectRow } from '../rows';

/** The open project's settings. */
export function currentProject(project: OpenProject): Project {
  const row = project.db.prepare(`SELECT ${PROJECT_COLUMNS} FROM project WHERE id = 1`).get() as ProjectRow;
  return toProject(row, project.path, project.db.pragma('user_version', { simple: true }) as number);
}

/** The overview printed by `stige info --json`. */
export function projectSummary(project: OpenProject): ProjectSummary {
  const db = project.db;
  const info = currentProject(project);
  const documents = db
    .prepare(
      `SELECT d.id, d.title, d.kind, d.chars, (SELECT count(*) FROM turns t WHERE t.document_id = d.id) AS turns
       FROM documents d ORDER BY d.sort_order, d.created_at`,
    )
    .all() as { id: string; title: string; kind: string; chars: number; turns: number }[];
  const speakers = db
    .prepare(
      `SELECT s.document_id, s.label, i.label AS informant, (SELECT count(*) FROM turns t WHERE t.speaker_id = s.id) AS turns
       FROM speakers s LEFT JOIN informants i ON i.id = s.informant_id ORDER BY s.document_id, s.sort_order`,
    )
    .all() as { document_id: string; label: string; informant: string | null; turns: number }[];
  const informants = db
    .prepare(
      `SELECT i.id, i.label, c.name AS case_name FROM informants i LEFT JOIN cases c ON c.id = i.case_id
       ORDER BY i.sort_order, i.created_at`,
    )
    .all() as { id: string; label: string; case_name: string | null }[];
  const levels = db.prepare('SELECT level, count(*) AS n FROM codes GROUP BY level').all() as { level: number | null; n: number }[];
  const count = (level: number) => levels.find((l) => l.level === level)?.n ?? 0;
  const codings = (db.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n;
  return {
    project: { name: info.name, schemaVersion: info.schemaVersion, levels: info.levels },
    documents: documents.map((d) => ({
      id: d.id,
      title: d.title,
      kind: d.kind,
      chars: d.chars,
      turns: d.turns,
      speakers: speakers
        .filter((s) => s.document_id === d.id)
        .map((s) => ({ label: s.label || UNNAMED_SPEAKER, turns: s.turns, informant: s.informant })),
    })),
    informants: informants.map((i) => ({ id: i.id, label: i.label, case: i.case_name })),
    codes: { concept: count(1), theme: count(2), dimension: count(3), total: levels.reduce((sum, l) => sum + l.n, 0) },
    codings,
  };
}

export const projectHandlers = {
  'project.get': (_args, { backend }) => currentProject(backend.project()),
  'project.update': (args, { backend }) => {
    const project = backend.project();
    project.step('Change project settings', () => {
      if (args.name !== undefined) project.db.prepare('UPDATE project SET name = ? WHERE id = 1').run(args.name);
      if (args.memo !== undefined) project.db.prepare('UPDATE project SET memo = ? WHERE id = 1').run(args.memo);
      if (args.levels) {
        project.db
          .prepare('UPDATE project SET level1_name = ?, level2_name = ?, level3_name = ? WHERE id = 1')
          .run(args.levels[0], args.levels[1], args.levels[2]);
      }
    });
    return currentProject(project);
  },
  'project.summary': (_args, { backend }) => projectSummary(backend.project()),
} satisfies HandlersOf<typeof projectMethods>;
