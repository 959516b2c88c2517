import type Database from 'better-sqlite3';
import type { HandoutOrigin } from '../../../shared/api/methods/team';
import type { Level } from '../../../shared/model/levels';

// A project's content as the merge compares it, read from a project file of this or an older
// schema version (missing tables and columns read as empty), or built from another format.

export interface SnapCoder {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
}

export interface SnapCase {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly code: string;
  readonly memo: string;
  readonly createdAt: number;
}

export interface SnapInformant {
  readonly id: string;
  readonly label: string;
  readonly realName: string;
  readonly role: string;
  readonly caseId: string | null;
  readonly memo: string;
  readonly createdAt: number;
}

export interface SnapDocument {
  readonly id: string;
  readonly title: string;
  readonly textHash: string;
  readonly chars: number;
  readonly caseId: string | null;
  readonly memo: string;
  readonly createdAt: number;
}

/** The fields of a code a merge compares (the ancestor stores exactly these). */
export interface BaseCode {
  readonly id: string;
  readonly level: Level | null;
  readonly parentId: string | null;
  readonly label: string;
  readonly heading: string;
  readonly description: string;
  readonly color: string;
  readonly memo: string;
}

export interface SnapCode extends BaseCode {
  readonly sortOrder: number;
  readonly createdBy: string | null;
  readonly updatedBy: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The fields of a coding a merge compares. */
export interface BaseCoding {
  readonly id: string;
  readonly documentId: string;
  readonly codeId: string;
  readonly coderId: string;
  readonly start: number;
  readonly end: number;
  readonly memo: string;
  readonly representative: boolean;
  readonly excerpt: string | null;
}

export interface SnapCoding extends BaseCoding {
  readonly quote: string;
  readonly repOrder: number;
  readonly status: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface BaseMemo {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

export interface SnapMemo extends BaseMemo {
  readonly coderId: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A common ancestor: the state a copy started from (or the state after the last merge). */
export interface Base {
  readonly codes: ReadonlyMap<string, BaseCode>;
  readonly codings: ReadonlyMap<string, BaseCoding> | null;
  readonly memos: ReadonlyMap<string, BaseMemo>;
}

/** Everything a merge reads from one side. */
export interface Snapshot {
  readonly projectUuid: string | null;
  readonly projectName: string;
  readonly levels: readonly [string, string, string];
  readonly schemaVersion: number;
  readonly replicaId: string | null;
  readonly origin: HandoutOrigin | null;
  /** The ancestor this file stores (hand-out copies only). */
  readonly base: Base | null;
  readonly coders: readonly SnapCoder[];
  readonly cases: readonly SnapCase[];
  readonly informants: readonly SnapInformant[];
  readonly documents: readonly SnapDocument[];
  readonly codes: readonly SnapCode[];
  readonly codings: readonly SnapCoding[];
  readonly memos: readonly SnapMemo[];
}

type Row = Record<string, unknown>;

function hasTable(db: Database.Database, table: string): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
}

function rows(db: Database.Database, table: string, order = 'rowid'): Row[] {
  return hasTable(db, table) ? (db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).all() as Row[]) : [];
}

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown, fallback = 0): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : fallback);
const level = (v: unknown): Level | null => (v === 1 || v === 2 || v === 3 ? v : null);

/** Which copy a project file is (its replica id) and, for a handed-out copy, where it came from. */
export function readTeamIdentity(db: Database.Database): { replicaId: string | null; origin: HandoutOrigin | null } {
  const teamFile = (hasTable(db, 'team_file') ? db.prepare('SELECT * FROM team_file WHERE id = 1').get() : undefined) as Row | undefined;
  const origin: HandoutOrigin | null =
    teamFile && typeof teamFile.origin_replica_id === 'string' && typeof teamFile.origin_handout_id === 'string'
      ? {
          handoutId: teamFile.origin_handout_id,
          coderId: strOrNull(teamFile.origin_coder_id),
          coderName: strOrNull(teamFile.origin_coder_name),
          blind: teamFile.origin_blind === 1,
          handedOutAt: num(teamFile.handed_out_at),
          sourceReplicaId: teamFile.origin_replica_id,
        }
      : null;
  return { replicaId: teamFile ? strOrNull(teamFile.replica_id) : null, origin };
}

/** Read a project file's content for merging. */
export function readSnapshot(db: Database.Database): Snapshot {
  const project = (hasTable(db, 'project') ? db.prepare('SELECT * FROM project WHERE id = 1').get() : undefined) as Row | undefined;
  const { replicaId, origin } = readTeamIdentity(db);
  const codes = rows(db, 'codes').map(toSnapCode);
  const codings = readCodings(db);
  const memos = rows(db, 'memos').map(
    (r): SnapMemo => ({ id: str(r.id), title: str(r.title), body: str(r.body), coderId: strOrNull(r.coder_id), createdAt: num(r.created_at), updatedAt: num(r.updated_at) }),
  );
  const base: Base | null = origin
    ? {
        codes: new Map(rows(db, 'team_base_codes').map((r) => [str(r.id), toBaseCode(r)])),
        codings: new Map(rows(db, 'team_base_codings').map((r) => [str(r.id), toBaseCoding(r)])),
        memos: new Map(rows(db, 'team_base_memos').map((r) => [str(r.id), { id: str(r.id), title: str(r.title), body: str(r.body) }])),
      }
    : null;
  return {
    projectUuid: project ? strOrNull(project.uuid) : null,
    projectName: project ? str(project.name) : '',
    levels: [str(project?.level1_name), str(project?.level2_name), str(project?.level3_name)],
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    replicaId,
    origin,
    base,
    coders: rows(db, 'coders').map((r) => ({ id: str(r.id), name: str(r.name), createdAt: num(r.created_at) })),
    cases: rows(db, 'cases').map((r) => ({
      id: str(r.id),
      parentId: strOrNull(r.parent_id),
      name: str(r.name),
      code: str(r.code),
      memo: str(r.memo),
      createdAt: num(r.created_at),
    })),
    informants: rows(db, 'informants').map((r) => ({
      id: str(r.id),
      label: str(r.label),
      realName: str(r.real_name),
      role: str(r.role, 'informant'),
      caseId: strOrNull(r.case_id),
      memo: str(r.memo),
      createdAt: num(r.created_at),
    })),
    documents: (hasTable(db, 'documents')
      ? (db.prepare('SELECT id, title, text_hash, chars, case_id, memo, created_at FROM documents ORDER BY sort_order, created_at').all() as Row[])
      : []
    ).map((r) => ({ id: str(r.id), title: str(r.title), textHash: str(r.text_hash), chars: num(r.chars), caseId: strOrNull(r.case_id), memo: str(r.memo), createdAt: num(r.created_at) })),
    codes,
    codings,
    memos,
  };
}

function toBaseCode(r: Row): BaseCode {
  return {
    id: str(r.id),
    level: level(r.level),
    parentId: strOrNull(r.parent_id),
    label: str(r.label),
    heading: str(r.heading),
    description: str(r.description),
    color: str(r.color),
    memo: str(r.memo),
  };
}

function toSnapCode(r: Row): SnapCode {
  return {
    ...toBaseCode(r),
    sortOrder: num(r.sort_order),
    createdBy: strOrNull(r.created_by),
    updatedBy: strOrNull(r.updated_by),
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  };
}

function toBaseCoding(r: Row): BaseCoding {
  return {
    id: str(r.id),
    documentId: str(r.document_id),
    codeId: str(r.code_id),
    coderId: str(r.coder_id),
    start: num(r.start),
    end: num(r.end),
    memo: str(r.memo),
    representative: r.representative === 1,
    excerpt: strOrNull(r.excerpt),
  };
}

/** Every coding, read as arrays (thousands of rows: objects per row cost more than the query). */
function readCodings(db: Database.Database): SnapCoding[] {
  if (!hasTable(db, 'codings')) return [];
  const raw = db
    .prepare('SELECT id, document_id, code_id, coder_id, start, end, memo, representative, excerpt, quote, rep_order, status, created_at, updated_at FROM codings ORDER BY rowid')
    .raw()
    .all() as unknown[][];
  return raw.map((r) => ({
    id: r[0] as string,
    documentId: r[1] as string,
    codeId: r[2] as string,
    coderId: r[3] as string,
    start: num(r[4]),
    end: num(r[5]),
    memo: str(r[6]),
    representative: r[7] === 1,
    excerpt: strOrNull(r[8]),
    quote: str(r[9]),
    repOrder: num(r[10]),
    status: str(r[11], 'ok'),
    createdAt: num(r[12]),
    updatedAt: num(r[13]),
  }));
}

/** The compared fields of every coding whose id is in `ids`, packed (for the merge log). */
export function readBaseCodings(db: Database.Database, ids: ReadonlySet<string>): BaseCoding[] {
  const raw = db.prepare('SELECT id, document_id, code_id, coder_id, start, end, memo, representative, excerpt FROM codings').raw().all() as unknown[][];
  const result: BaseCoding[] = [];
  for (const r of raw) {
    if (!ids.has(r[0] as string)) continue;
    result.push({
      id: r[0] as string,
      documentId: r[1] as string,
      codeId: r[2] as string,
      coderId: r[3] as string,
      start: num(r[4]),
      end: num(r[5]),
      memo: str(r[6]),
      representative: r[7] === 1,
      excerpt: strOrNull(r[8]),
    });
  }
  return result;
}

/** The codebook and memos only (cheap), e.g. right after a merge. */
export function readCodebookAndMemos(db: Database.Database): { codes: BaseCode[]; memos: BaseMemo[] } {
  return {
    codes: rows(db, 'codes').map(toBaseCode),
    memos: rows(db, 'memos').map((r) => ({ id: str(r.id), title: str(r.title), body: str(r.body) })),
  };
}

/** Write `snapshot`'s codebook, codings and memos as the ancestor tables of a hand-out copy. */
export function writeBase(db: Database.Database, snapshot: Pick<Snapshot, 'codes' | 'codings' | 'memos'>): void {
  db.prepare('DELETE FROM team_base_codes').run();
  db.prepare('DELETE FROM team_base_codings').run();
  db.prepare('DELETE FROM team_base_memos').run();
  const code = db.prepare(
    'INSERT INTO team_base_codes (id, level, parent_id, label, heading, description, color, memo) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const c of snapshot.codes) code.run(c.id, c.level, c.parentId, c.label, c.heading, c.description, c.color, c.memo);
  const coding = db.prepare(
    'INSERT INTO team_base_codings (id, document_id, code_id, coder_id, start, end, memo, representative, excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const c of snapshot.codings) coding.run(c.id, c.documentId, c.codeId, c.coderId, c.start, c.end, c.memo, c.representative ? 1 : 0, c.excerpt);
  const memo = db.prepare('INSERT INTO team_base_memos (id, title, body) VALUES (?, ?, ?)');
  for (const m of snapshot.memos) memo.run(m.id, m.title, m.body);
}
