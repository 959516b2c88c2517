import type { codesMethods } from '../../../shared/api/methods/codes';
import { describeLevel } from '../../../shared/model/levels';
import { createCode, deleteCodes, deleteImpact, getCode, listCodes, mergeCodes, moveCodes, reorderCodes, setCodeLevel, splitCode } from '../codebook';
import { codeSupport } from '../codebookStats';
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
  'codes.stats': (_args, { backend }) => {
    const db = backend.project().db;
    const support = codeSupport(db);
    return listCodes(db).map((c) => ({ codeId: c.id, codings: 0, informants: 0, representative: 0, ...support.get(c.id) }));
  },
  'codes.merge': ({ sourceIds, targetId }, { backend }) => {
    const project = backend.project();
    const target = getCode(project.db, targetId);
    const names = sourceIds.filter((id) => id !== targetId).map((id) => `“${getCode(project.db, id).label}”`);
    const what = names.length <= 2 ? names.join(' and ') : `${names.length} codes`;
    return project.step(`Merge ${what} into “${target.label}”`, () => mergeCodes(project.db, sourceIds, targetId));
  },
  'codes.split': ({ id, codingIds, into }, { backend }) => {
    const project = backend.project();
    const source = getCode(project.db, id);
    const to = 'id' in into ? getCode(project.db, into.id).label : into.label;
    return project.step(`Split ${codingIds.length} ${codingIds.length === 1 ? 'coding' : 'codings'} of “${source.label}” into “${to}”`, () =>
      splitCode(project.db, id, codingIds, into, project.coderIdIfKnown()),
    );
  },
  'codes.setLevel': ({ ids, level, parentId, children }, { backend }) => {
    const project = backend.project();
    const first = getCode(project.db, ids[0]!);
    const what = ids.length === 1 ? `“${first.label}”` : `${ids.length} codes`;
    const verb = ids.length === 1 && first.level !== null ? (level > first.level ? 'Promote' : level < first.level ? 'Demote' : 'Move') : 'Place';
    return project.step(`${verb} ${what} to ${describeLevel(level).replace(/^an? /, '')}`, () =>
      setCodeLevel(project.db, ids, level, parentId ?? null, children ?? 'refuse'),
    );
  },
  'codes.reorder': ({ parentId, level, ids }, { backend }) => {
    const project = backend.project();
    const where = parentId ? `in “${getCode(project.db, parentId).label}”` : '';
    return project.step(`Reorder codes ${where}`.trim(), () => reorderCodes(project.db, parentId, level, ids));
  },
  'codes.deletePreview': ({ ids, withChildren }, { backend }) => deleteImpact(backend.project().db, ids, withChildren ?? false),
  'codes.deleteMany': ({ ids, withChildren }, { backend }) => {
    const project = backend.project();
    const what = ids.length === 1 ? `“${getCode(project.db, ids[0]!).label}”` : `${ids.length} codes`;
    return project.step(`Delete ${what}`, () => deleteCodes(project.db, ids, withChildren ?? false));
  },
} satisfies HandlersOf<typeof codesMethods>;
