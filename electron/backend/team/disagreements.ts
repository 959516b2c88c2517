import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import type { Disagreement, ResolveAction, ResolveResult, teamMethods } from '../../../shared/api/methods/team';
import { codeMembers } from '../../../shared/team/agreement';
import { findDisagreements } from '../../../shared/team/disagreements';
import { alignToTarget, clipRanges, normalizeRanges } from '../../../shared/team/reconcile';
import { rangeProblem, type TextRange } from '../../../shared/text/offsets';
import type { OpenProject } from '../openProject';
import { currentStep } from '../merge/bases';
import { codeTree, loadAgreementData, loadCodings, segmentsOf } from './agreement';
import { coderName } from './coders';

// The side-by-side list of disagreements, and the three ways to resolve one.

const PASSAGE_LIMIT = 2000;

type DisagreementsQuery = z.output<(typeof teamMethods)['team.disagreements']['args']>;

/** Passages where the chosen coders differ, in document order. */
export function listDisagreements(db: Database.Database, query: DisagreementsQuery): { items: Disagreement[]; total: number } {
  const data = loadAgreementData(db, query);
  const codings = loadCodings(db, data);
  const byDocument = new Map<string, typeof codings>();
  for (const c of codings) {
    const list = byDocument.get(c.documentId);
    if (list) list.push(c);
    else byDocument.set(c.documentId, [c]);
  }
  const treeById = new Map(data.tree.map((c) => [c.id, c]));
  const names = new Map(data.coders.map((c) => [c.id, c.name]));
  const limit = query.limit ?? 500;
  const items: Disagreement[] = [];
  let total = 0;
  const details = db.prepare('SELECT id, code_id, start, end, quote FROM codings WHERE id = ?');
  for (const doc of data.documents) {
    const docCodings = byDocument.get(doc.id) ?? [];
    if (docCodings.length === 0) continue;
    const spans = findDisagreements({
      length: doc.length,
      ...(data.unit === 'char' ? {} : { segments: segmentsOf(db, doc.id, data.unit === 'turn' ? 'turn' : 'paragraph') }),
      codings: docCodings,
      coderIds: data.coders.map((c) => c.id),
      codes: data.codes,
      unit: data.unit === 'char' ? 'char' : 'segment',
    });
    total += spans.length;
    if (items.length >= limit || spans.length === 0) continue;
    const text = (db.prepare('SELECT text FROM documents WHERE id = ?').get(doc.id) as { text: string }).text;
    const discussions = db
      .prepare("SELECT id, memo_id, start, end, status FROM team_discussions WHERE document_id = ? ORDER BY status = 'open' DESC, created_at DESC")
      .all(doc.id) as { id: string; memo_id: string; start: number; end: number; status: 'open' | 'resolved' }[];
    for (const span of spans) {
      if (items.length >= limit) break;
      const discussion = discussions.find((d) => d.start < span.end && d.end > span.start);
      items.push({
        id: `${doc.id}:${span.start}-${span.end}`,
        documentId: doc.id,
        documentTitle: doc.title,
        start: span.start,
        end: span.end,
        text: text.slice(span.start, Math.min(span.end, span.start + PASSAGE_LIMIT)),
        truncated: span.end - span.start > PASSAGE_LIMIT,
        codes: span.codeIds.map((id) => ({ id, label: treeById.get(id)?.label ?? id, level: treeById.get(id)?.level ?? null })),
        versions: span.sides.map((side) => ({
          coderId: side.coderId,
          coderName: names.get(side.coderId) ?? side.coderId,
          codes: side.codeIds.map((id) => ({ id, label: treeById.get(id)?.label ?? id })),
          codings: side.codingIds.map((id) => {
            const c = details.get(id) as { id: string; code_id: string; start: number; end: number; quote: string };
            return { id: c.id, codeId: c.code_id, codeLabel: treeById.get(c.code_id)?.label ?? c.code_id, start: c.start, end: c.end, quote: c.quote };
          }),
        })),
        discussion: discussion ? { id: discussion.id, memoId: discussion.memo_id, status: discussion.status } : null,
      });
    }
  }
  return { items, total };
}

interface ResolveArgs {
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
  readonly coderIds: readonly string[];
  readonly codeIds: readonly string[];
  readonly action: z.output<typeof ResolveAction>;
}

const shorten = (text: string, max = 32) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

/** Resolve one disagreement as one undoable step (see team.resolve). */
export function resolveDisagreement(project: OpenProject, args: ResolveArgs): ResolveResult {
  const db = project.db;
  const doc = db.prepare('SELECT id, title, text FROM documents WHERE id = ?').get(args.documentId) as { id: string; title: string; text: string } | undefined;
  if (!doc) throw new AppError('NOT_FOUND', `There is no document with id ${args.documentId}`);
  const problem = rangeProblem(doc.text, args.start, args.end);
  if (problem) throw new AppError('VALIDATION', `Cannot resolve [${args.start}, ${args.end}) in “${doc.title}”: ${problem}`);
  const coderIds = [...new Set(args.coderIds)];
  const names = new Map(coderIds.map((id) => [id, coderName(db, id)]));
  const tree = codeTree(db);
  const known = new Set(tree.map((c) => c.id));
  for (const id of args.codeIds) if (!known.has(id)) throw new AppError('NOT_FOUND', `There is no code with id ${id}`);
  if (args.action.kind === 'accept' && !names.has(args.action.coderId)) {
    throw new AppError('VALIDATION', `The accepted coder must be one of the coders compared (${[...names.values()].join(', ')})`);
  }
  const members = new Set(codeMembers(tree.map((c) => ({ id: c.id, parentId: c.parentId })), args.codeIds).flatMap((c) => c.members));
  const window: TextRange = { start: args.start, end: args.end };
  const passage = shorten(doc.text.slice(args.start, args.end));
  const codings = (
    db.prepare("SELECT id, coder_id, code_id, start, end FROM codings WHERE document_id = ? AND status != 'orphaned'").all(doc.id) as {
      id: string;
      coder_id: string;
      code_id: string;
      start: number;
      end: number;
    }[]
  ).filter((c) => names.has(c.coder_id));
  // Only coders who coded the document take part; the others have not done it yet.
  const present = coderIds.filter((id) => codings.some((c) => c.coder_id === id));
  const inScope = codings.filter((c) => members.has(c.code_id));
  const codes = [...new Set(inScope.filter((c) => c.start < window.end && c.end > window.start).map((c) => c.code_id))];
  const label = (() => {
    switch (args.action.kind) {
      case 'accept':
        return `Accept ${names.get(args.action.coderId)}’s version of “${passage}”`;
      case 'merge':
        return `Merge the versions of “${passage}”`;
      case 'discuss':
        return `Discuss “${passage}”`;
      default: {
        const never: never = args.action;
        throw new Error(`unknown action ${String(never)}`);
      }
    }
  })();
  let created = 0;
  let updated = 0;
  let deleted = 0;
  let discussion: ResolveResult['discussion'] = null;
  let step: { id: number; createdAt: number } | null = null;
  project.step(label, () => {
    step = currentStep(db);
    const now = Date.now();
    const me = project.coderIdIfKnown();
    if (args.action.kind === 'discuss') {
      const memoId = randomUUID();
      const versions = present.map((coder) => {
        const mine = inScope.filter((c) => c.coder_id === coder && c.start < window.end && c.end > window.start);
        const applied = [...new Set(mine.map((c) => tree.find((t) => t.id === c.code_id)?.label ?? c.code_id))];
        return `${names.get(coder)}: ${applied.length ? applied.map((l) => `“${l}”`).join(', ') : 'nothing'}`;
      });
      const body = [`«${doc.text.slice(args.start, Math.min(args.end, args.start + PASSAGE_LIMIT))}»`, `${doc.title} [${args.start}, ${args.end})`, '', ...versions, '', args.action.note ?? ''].join('\n').trim();
      db.prepare('INSERT INTO memos (id, title, body, coder_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(memoId, `Discussion: “${passage}” (${doc.title})`, body, me, now, now);
      const id = randomUUID();
      db.prepare(
        'INSERT INTO team_discussions (id, memo_id, document_id, start, end, code_ids, coder_ids, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(id, memoId, doc.id, args.start, args.end, JSON.stringify(args.codeIds), JSON.stringify(coderIds), 'open', me, now, now);
      discussion = { id, memoId, status: 'open' };
      return;
    }
    const coverage = (coder: string, code: string) => inScope.filter((c) => c.coder_id === coder && c.code_id === code).map((c) => ({ start: c.start, end: c.end }));
    const update = db.prepare("UPDATE codings SET start = ?, end = ?, quote = ?, status = 'ok', updated_at = ? WHERE id = ?");
    const remove = db.prepare('DELETE FROM codings WHERE id = ?');
    const insert = db.prepare(
      'INSERT INTO codings (id, document_id, code_id, start, end, coder_id, quote, memo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const accepted = args.action.kind === 'accept' ? args.action.coderId : null;
    for (const code of codes) {
      const target =
        accepted !== null ? clipRanges(coverage(accepted, code), window) : normalizeRanges(present.flatMap((coder) => clipRanges(coverage(coder, code), window)));
      for (const coder of present) {
        if (coder === accepted) continue;
        const existing = inScope.filter((c) => c.coder_id === coder && c.code_id === code).map((c) => ({ id: c.id, start: c.start, end: c.end }));
        const plan = alignToTarget(existing, target, window);
        for (const u of plan.update) {
          update.run(u.start, u.end, doc.text.slice(u.start, u.end), now, u.id);
          updated += 1;
        }
        for (const id of plan.remove) {
          remove.run(id);
          deleted += 1;
        }
        for (const r of plan.create) {
          const note = accepted !== null ? `Accepted from ${names.get(accepted)}` : 'Merged from the other coders’ versions';
          insert.run(randomUUID(), doc.id, code, r.start, r.end, coder, doc.text.slice(r.start, r.end), note, now, now);
          created += 1;
        }
      }
    }
    db.prepare("UPDATE team_discussions SET status = 'resolved', updated_at = ? WHERE document_id = ? AND status = 'open' AND start < ? AND end > ?").run(now, doc.id, args.end, args.start);
  });
  const done = created + updated + deleted > 0 || discussion !== null ? (step as { id: number; createdAt: number } | null) : null;
  const what = args.action.kind === 'discuss' ? 'taken to discussion' : `${created} created, ${updated} reshaped, ${deleted} removed`;
  db.prepare("INSERT INTO team_log (kind, at, coder_name, file_name, step_id, step_created_at, summary) VALUES ('resolve', ?, ?, ?, ?, ?, ?)").run(
    Date.now(),
    args.action.kind === 'accept' ? (names.get(args.action.coderId) ?? null) : null,
    doc.title,
    done?.id ?? null,
    done?.createdAt ?? null,
    `${label}: ${what}`,
  );
  return { created, updated, deleted, discussion, label };
}
