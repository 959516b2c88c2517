import type { codesMethods } from '../../../shared/api/methods/codes';
import { createCode, getCode, listCodes, moveCodes } from '../codebook';
import type { HandlersOf } from '../handlerTypes';

export const codesHandlers = {
  'codes.list': (_args, { backend }) => listCodes(backend.project().db),
  'codes.create': (args, { backend }) => {
    const project = backend.project();
    return project.step(`Create “${args.label}”`, () =>
      createCode(project.db, {
        label: args.label,
        level: args.level,
        parentId: args.parentId ?? null,
        ...(args.color ? { color: args.color } : {}),
        ...(args.heading !== undefined ? { heading: args.heading } : {}),
        ...(args.description !== undefined ? { description: args.description } : {}),
        createdBy: project.coderIdIfKnown(),
      }),
    );
  },
  'codes.update': (args, { backend }) => {
    const project = backend.project();
    const before = getCode(project.db, args.id);
    const columns: [string, string][] = [];
    if (args.label !== undefined) columns.push(['label', args.label]);
    if (args.color !== undefined) columns.push(['color', args.color.toLowerCase()]);
    if (args.heading !== undefined) columns.push(['heading', args.heading]);
    if (args.description !== undefined) columns.push(['description', args.description]);
    if (args.memo !== undefined) columns.push(['memo', args.memo]);
    if (columns.length === 0) return before;
    const label = args.label !== undefined && args.label !== before.label ? `Rename “${before.label}” to “${args.label}”` : `Edit “${before.label}”`;
    project.step(label, () => {
      project.db
        .prepare(`UPDATE codes SET ${columns.map(([c]) => `${c} = ?`).join(', ')}, updated_at = ?, updated_by = ? WHERE id = ?`)
        .run(...columns.map(([, v]) => v), Date.now(), project.coderIdIfKnown(), args.id);
    });
    return getCode(project.db, args.id);
  },
  'codes.move': ({ ids, parentId, beforeId }, { backend }) => {
    const project = backend.project();
    const first = getCode(project.db, ids[0]!);
    const target = parentId ? `into “${getCode(project.db, parentId).label}”` : 'out of its group';
    const what = ids.length === 1 ? `“${first.label}”` : `${ids.length} codes`;
    return project.step(`Move ${what} ${target}`, () => moveCodes(project.db, ids, parentId, beforeId, project.coderIdIfKnown()));
  },
  'codes.delete': ({ id }, { backend }) => {
    const project = backend.project();
    const code = getCode(project.db, id);
    const codings = (project.db.prepare('SELECT count(*) AS n FROM codings WHERE code_id = ?').get(id) as { n: number }).n;
    project.step(`Delete “${code.label}”`, () => {
      project.db.prepare('DELETE FROM codes WHERE id = ?').run(id);
    });
    return { codes: 1, codings };
  },
} satisfies HandlersOf<typeof codesMethods>;
