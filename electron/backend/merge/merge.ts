import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { MergePreview, MergeResult } from '../../../shared/api/methods/team';
import type { OpenProject } from '../openProject';
import { chooseBases, currentStep, packCoding, type MergeMemory } from './bases';
import { executeMerge, type ExecuteReport, type InsertMany } from './execute';
import { planMerge, type MergePlan } from './plan';
import { readBaseCodings, readCodebookAndMemos, readSnapshot, type Snapshot } from './snapshot';
import { codingSignature } from './plan';
import { openMergeSource, type MergeSource } from './sources';

// "Merge a coder's file": preview (a dry run rolled back, so its counts are exact) and apply (one
// undoable step, logged in team_log with what the next merge of the same copy compares against).

class DryRun extends Error {
  constructor(readonly report: ExecuteReport) {
    super('dry run');
  }
}

interface Prepared {
  readonly source: MergeSource;
  readonly ours: Snapshot;
  readonly plan: MergePlan;
}

function prepare(project: OpenProject, file: string, name: string): Prepared {
  if (path.resolve(file) === path.resolve(project.path)) {
    throw new AppError('CONFLICT', `${name} is the open project itself; choose the coder's copy to merge`);
  }
  const source = openMergeSource(file, name);
  try {
    const ours = readSnapshot(project.db);
    const bases = chooseBases(project.db, ours, source.snapshot);
    const plan = planMerge(ours, source.snapshot, bases);
    if (source.snapshot.projectUuid && ours.projectUuid && source.snapshot.projectUuid !== ours.projectUuid) {
      plan.warnings.unshift(
        `${name} is another project (“${source.snapshot.projectName}”), not a copy of this one: documents are matched by their text and codes by label and level.`,
      );
    }
    if (bases.kind === 'none' && source.snapshot.replicaId === ours.replicaId) {
      plan.warnings.unshift(`${name} is a copy of this file made outside Stige, so what changed where cannot be told apart: every difference in the codebook is listed as a conflict.`);
    } else if (bases.kind === 'none') {
      plan.warnings.unshift(`${name} was not handed out from this project, so what changed where cannot be told apart: every difference in the codebook is listed as a conflict, and nothing is deleted.`);
    }
    return { source, ours, plan };
  } catch (error) {
    source.close();
    throw error;
  }
}

function describe(prepared: Prepared, report: ExecuteReport, takeTheirs: ReadonlySet<string>): MergePreview {
  const { source, ours, plan } = prepared;
  const theirs = source.snapshot;
  return {
    path: source.path,
    format: source.format,
    theirs: {
      projectName: theirs.projectName,
      schemaVersion: theirs.schemaVersion,
      replicaId: theirs.replicaId,
      origin: theirs.origin,
      sameProject: !!theirs.projectUuid && theirs.projectUuid === ours.projectUuid,
    },
    base: plan.base,
    counts: report.counts,
    changes: report.changes,
    conflicts: plan.conflicts.map(({ theirsActions: _actions, ...conflict }) => ({ ...conflict, resolution: takeTheirs.has(conflict.id) ? 'theirs' : 'ours' })),
    warnings: [...new Set(report.warnings)],
  };
}

function defaultChoices(plan: MergePlan, theirs: readonly string[] | undefined): Set<string> {
  if (theirs === undefined) return new Set(plan.conflicts.filter((c) => c.resolution === 'theirs').map((c) => c.id));
  const known = new Set(plan.conflicts.map((c) => c.id));
  const unknown = theirs.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new AppError('VALIDATION', `Not a conflict of this merge: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}. Preview the merge again for the current list.`, {
      unknown,
    });
  }
  return new Set(theirs);
}

/**
 * What merging `file` into the open project would do. Changes nothing. `name` is the file's name
 * for people (an upload's original name; its format is read from the extension).
 */
export function previewMerge(project: OpenProject, file: string, theirs?: readonly string[], name = path.basename(file)): MergePreview {
  const prepared = prepare(project, file, name);
  try {
    const choices = defaultChoices(prepared.plan, theirs);
    let report: ExecuteReport | null = null;
    try {
      project.db.transaction(() => {
        project.file.history.step('Merge preview', null, () => {
          throw new DryRun(executeMerge(project.db, prepared.source, prepared.ours, prepared.plan, choices, bulkInsert(project)));
        });
      })();
    } catch (error) {
      if (!(error instanceof DryRun)) throw error;
      report = error.report;
    }
    return describe(prepared, report!, choices);
  } finally {
    prepared.source.close();
  }
}

/**
 * Merge `file` into the open project as one undoable step. Conflicts keep this project's side,
 * except those in `theirs` (default: the choices remembered from an earlier merge of this copy).
 */
export function applyMerge(project: OpenProject, file: string, theirs?: readonly string[], name = path.basename(file)): MergeResult {
  const prepared = prepare(project, file, name);
  try {
    const { source, ours, plan } = prepared;
    const choices = defaultChoices(plan, theirs);
    const fileName = name;
    const who = source.snapshot.origin?.coderName;
    const label = `Merge “${fileName}”${who ? ` (${who})` : ''}`;
    const db = project.db;
    let logId = 0;
    const report = project.step(label, () => {
      const done = executeMerge(db, source, ours, plan, choices, bulkInsert(project));
      const step = currentStep(db);
      const after = readCodebookAndMemos(db);
      const theirsSnap = source.snapshot;
      const theirsById = new Map(theirsSnap.codings.map((c) => [c.id, c]));
      const afterCodings = readBaseCodings(db, new Set(theirsById.keys()));
      const memory: MergeMemory = {
        resolutions: plan.conflicts.map((c) => ({ id: c.id, choice: choices.has(c.id) ? 'theirs' : 'ours', signature: JSON.stringify([c.ours.values, c.theirs.values]) })),
        after: {
          oursCodes: after.codes,
          theirsCodes: theirsSnap.codes.map(baseCode),
          oursMemos: after.memos,
          theirsMemos: theirsSnap.memos.map(({ id, title, body }) => ({ id, title, body })),
          theirsCodings: theirsSnap.codings.map(packCoding),
          oursCodings: afterCodings.filter((c) => codingSignature(c) !== codingSignature(theirsById.get(c.id)!)).map(packCoding),
        },
        codeMap: [...plan.codeMap].filter(([t, o]) => t !== o),
      };
      const summary = summarize(done, plan.conflicts.length, choices.size);
      logId = Number(
        db
          .prepare(
            "INSERT INTO team_log (kind, at, coder_name, file_name, other_replica_id, handout_id, step_id, step_created_at, summary, detail) VALUES ('merge', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          )
          .run(Date.now(), who ?? null, fileName, theirsSnap.replicaId, theirsSnap.origin?.handoutId ?? null, step?.id ?? null, step?.createdAt ?? null, summary, JSON.stringify({ counts: done.counts, ...memory }))
          .lastInsertRowid,
      );
      return done;
    });
    // A merge that changed nothing leaves no undo step; its log entry then points at none.
    const stepRow = db.prepare('SELECT 1 FROM team_log l JOIN history_steps s ON s.id = l.step_id AND s.created_at = l.step_created_at WHERE l.id = ?').get(logId);
    if (!stepRow) db.prepare('UPDATE team_log SET step_id = NULL, step_created_at = NULL WHERE id = ?').run(logId);
    return { ...describe(prepared, report, choices), logId, label };
  } finally {
    prepared.source.close();
  }
}

/** The undo history's compact bulk insert (a merge adds thousands of codings in one step). */
function bulkInsert(project: OpenProject): InsertMany {
  return (table, columns, rows) => project.file.history.insertMany(table, columns, rows);
}

function baseCode(c: Snapshot['codes'][number]) {
  return { id: c.id, level: c.level, parentId: c.parentId, label: c.label, heading: c.heading, description: c.description, color: c.color, memo: c.memo };
}

function summarize(report: ExecuteReport, conflicts: number, theirs: number): string {
  const c = report.counts;
  const parts = [
    `${c.codings.added} coding${c.codings.added === 1 ? '' : 's'} added`,
    c.codings.duplicates ? `${c.codings.duplicates} already here` : '',
    c.codes.added ? `${c.codes.added} code${c.codes.added === 1 ? '' : 's'} added` : '',
    c.documents.added ? `${c.documents.added} document${c.documents.added === 1 ? '' : 's'} added` : '',
    report.changes.length ? `${report.changes.length} change${report.changes.length === 1 ? '' : 's'} taken over` : '',
    conflicts ? `${conflicts} conflict${conflicts === 1 ? '' : 's'} (${theirs} resolved with the copy's side)` : '',
  ];
  return parts.filter(Boolean).join(', ');
}
