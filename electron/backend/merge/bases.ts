import type Database from 'better-sqlite3';
import { z } from 'zod';
import { HISTORY_LIMIT } from '../db/history';
import type { MergeBases, PreviousResolution } from './plan';
import type { Base, BaseCode, BaseCoding, BaseMemo, Snapshot } from './snapshot';

// Which common ancestor a merge compares against.
//
// 1. The other file is a hand-out of this one (its origin is this file's replica): its stored
//    ancestor is the state both started from.
// 2. This file is a hand-out of the other one: this file's stored ancestor.
// 3. Both are hand-outs of the same file: each side is compared with its own ancestor, and a
//    value that differs between the two ancestors (the source changed between the hand-outs)
//    counts as changed on both sides — a conflict, never a silent choice.
// 4. Otherwise there is no ancestor: every codebook difference is a conflict and nothing is deleted.
//
// After a merge, the log keeps both codebooks (and memos) as they were right after it; the next
// merge of the same copy compares against those, so a conflict resolved once is not reopened
// by changes that were already merged. Earlier resolutions of an identical conflict are remembered.

/** A team_log row of a merge, with its detail parsed. */
const MergeDetail = z.object({
  resolutions: z.array(z.object({ id: z.string(), choice: z.enum(['ours', 'theirs']), signature: z.string() })).default([]),
  after: z
    .object({
      oursCodes: z.array(z.any()),
      theirsCodes: z.array(z.any()),
      oursMemos: z.array(z.any()),
      theirsMemos: z.array(z.any()),
      theirsCodings: z.array(z.array(z.any())).default([]),
      oursCodings: z.array(z.array(z.any())).default([]),
    })
    .nullable()
    .default(null),
  codeMap: z.array(z.tuple([z.string(), z.string()])).default([]),
});

/** What a merge stores in its log entry for the next merge of the same copy. */
export interface MergeMemory {
  readonly resolutions: readonly PreviousResolution[];
  readonly after: {
    oursCodes: BaseCode[];
    theirsCodes: BaseCode[];
    oursMemos: BaseMemo[];
    theirsMemos: BaseMemo[];
    /** Theirs codings as merged, packed by `packCoding`. */
    theirsCodings: unknown[][];
    /** Ours codings that differ from theirs after the merge (conflicts kept on our side), packed. */
    oursCodings: unknown[][];
  };
  readonly codeMap: readonly (readonly [string, string])[];
}

/** Whether the history step of a log entry is in effect. */
export function stepState(db: Database.Database, stepId: number | null, stepCreatedAt: number | null): 'done' | 'undone' {
  if (stepId === null) return 'done';
  const row = db.prepare('SELECT undone, created_at FROM history_steps WHERE id = ?').get(stepId) as { undone: number; created_at: number } | undefined;
  if (row && (stepCreatedAt === null || row.created_at === stepCreatedAt)) return row.undone === 1 ? 'undone' : 'done';
  // Gone (or its id reused): pruned because it is old (so it was in effect), or dropped after being undone.
  const max = (db.prepare('SELECT max(id) AS id FROM history_steps').get() as { id: number | null }).id;
  return max !== null && stepId <= max - HISTORY_LIMIT ? 'done' : 'undone';
}

/** The current step's id and creation time, to log (call inside the step). */
export function currentStep(db: Database.Database): { id: number; createdAt: number } | null {
  const row = db.prepare('SELECT id, created_at FROM history_steps WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as { id: number; created_at: number } | undefined;
  return row ? { id: row.id, createdAt: row.created_at } : null;
}

/** The ancestors for merging `theirs` into `ours` (the open project's `db`). */
export function chooseBases(db: Database.Database, ours: Snapshot, theirs: Snapshot): MergeBases {
  let kind: MergeBases['kind'] = 'none';
  let oursBase: Base | null = null;
  let theirsBase: Base | null = null;
  if (theirs.origin && theirs.base && theirs.origin.sourceReplicaId === ours.replicaId) {
    kind = 'handout';
    oursBase = theirs.base;
    theirsBase = theirs.base;
  } else if (ours.origin && ours.base && ours.origin.sourceReplicaId === theirs.replicaId) {
    kind = 'handout';
    oursBase = ours.base;
    theirsBase = ours.base;
  } else if (ours.origin && theirs.origin && ours.base && theirs.base && ours.origin.sourceReplicaId === theirs.origin.sourceReplicaId) {
    kind = 'siblings';
    oursBase = ours.base;
    theirsBase = theirs.base;
  }
  const previous = theirs.replicaId ? lastMerge(db, theirs.replicaId) : null;
  if (!previous) return { kind, ours: oursBase, theirs: theirsBase, codeMap: new Map(), previous: [] };
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((i) => [i.id, i]));
  const after = previous.after;
  const theirsCodings = new Map(after.theirsCodings.map(unpackCoding).map((c) => [c.id, c]));
  const oursCodings = new Map(theirsCodings);
  for (const c of after.oursCodings.map(unpackCoding)) oursCodings.set(c.id, c);
  return {
    kind: 'previous-merge',
    ours: { codes: byId(after.oursCodes), memos: byId(after.oursMemos), codings: oursCodings },
    theirs: { codes: byId(after.theirsCodes), memos: byId(after.theirsMemos), codings: theirsCodings },
    codeMap: new Map(previous.codeMap),
    previous: previous.resolutions,
  };
}

/** A coding's compared fields as a compact array (the log keeps thousands of them). */
export function packCoding(c: BaseCoding): unknown[] {
  return [c.id, c.documentId, c.codeId, c.coderId, c.start, c.end, c.memo, c.representative ? 1 : 0, c.excerpt];
}

function unpackCoding(a: readonly unknown[]): BaseCoding {
  return {
    id: String(a[0]),
    documentId: String(a[1]),
    codeId: String(a[2]),
    coderId: String(a[3]),
    start: Number(a[4]),
    end: Number(a[5]),
    memo: String(a[6] ?? ''),
    representative: a[7] === 1,
    excerpt: typeof a[8] === 'string' ? a[8] : null,
  };
}

/** The memory of the latest merge of replica `replicaId` that is still in effect. */
function lastMerge(db: Database.Database, replicaId: string): MergeMemory | null {
  const entries = db
    .prepare("SELECT step_id, step_created_at, detail FROM team_log WHERE kind = 'merge' AND other_replica_id = ? ORDER BY id DESC")
    .all(replicaId) as { step_id: number | null; step_created_at: number | null; detail: string }[];
  for (const entry of entries) {
    if (stepState(db, entry.step_id, entry.step_created_at) !== 'done') continue;
    const parsed = MergeDetail.safeParse(JSON.parse(entry.detail));
    if (!parsed.success || !parsed.data.after) continue;
    return { resolutions: parsed.data.resolutions, after: parsed.data.after as MergeMemory['after'], codeMap: parsed.data.codeMap };
  }
  return null;
}
