import type { AnonymityLevel } from '../../shared/exports/settings';
import type { Level } from '../../shared/model/levels';
import type {
  Case,
  Code,
  Coding,
  CodingStatus,
  DocumentKind,
  DocumentSummary,
  Informant,
  PersonRole,
  Project,
  Speaker,
  Turn,
} from '../../shared/model/types';

// Row shapes as SQLite returns them, and their mapping to the API's objects. SELECT lists live next
// to the mappers so a column added to one is added to the other.

export const PROJECT_COLUMNS = 'uuid, name, level1_name, level2_name, level3_name, memo, created_at';
export interface ProjectRow {
  uuid: string;
  name: string;
  level1_name: string;
  level2_name: string;
  level3_name: string;
  memo: string;
  created_at: number;
}
export function toProject(row: ProjectRow, path: string, schemaVersion: number): Project {
  return {
    id: row.uuid,
    name: row.name,
    path,
    schemaVersion,
    levels: [row.level1_name, row.level2_name, row.level3_name],
    memo: row.memo,
    createdAt: row.created_at,
  };
}

export const CODE_COLUMNS =
  'id, level, parent_id, label, heading, description, color, memo, sort_order, original_path, created_at, (SELECT count(*) FROM codings WHERE codings.code_id = codes.id) AS coding_count';
export interface CodeRow {
  id: string;
  level: number | null;
  parent_id: string | null;
  label: string;
  heading: string;
  description: string;
  color: string;
  memo: string;
  sort_order: number;
  original_path: string | null;
  created_at: number;
  coding_count: number;
}
export function toCode(row: CodeRow): Code {
  return {
    id: row.id,
    level: row.level as Level | null,
    parentId: row.parent_id,
    label: row.label,
    heading: row.heading,
    description: row.description,
    color: row.color,
    memo: row.memo,
    sortOrder: row.sort_order,
    originalPath: row.original_path,
    createdAt: row.created_at,
    codingCount: row.coding_count,
  };
}

export const CODING_COLUMNS =
  'id, document_id, code_id, start, end, coder_id, quote, memo, representative, rep_order, excerpt, attribution, status, created_at';
export interface CodingRow {
  id: string;
  document_id: string;
  code_id: string;
  start: number;
  end: number;
  coder_id: string;
  quote: string;
  memo: string;
  representative: number;
  rep_order: number;
  excerpt: string | null;
  attribution: string | null;
  status: CodingStatus;
  created_at: number;
}
export function toCoding(row: CodingRow): Coding {
  return {
    id: row.id,
    documentId: row.document_id,
    codeId: row.code_id,
    start: row.start,
    end: row.end,
    coderId: row.coder_id,
    quote: row.quote,
    memo: row.memo,
    representative: row.representative === 1,
    repOrder: row.rep_order,
    excerpt: row.excerpt,
    attribution: row.attribution as AnonymityLevel | null,
    status: row.status,
    createdAt: row.created_at,
  };
}

/** Document columns without the text, plus turn and coding counts. */
export const DOCUMENT_SUMMARY_SELECT = `
  SELECT d.id, d.title, d.kind, d.chars, d.case_id, d.date, d.duration_ms, d.source_name, d.source_format, d.source_hash,
         d.used_in_analysis, d.memo, d.sort_order, d.created_at,
         (SELECT count(*) FROM turns t WHERE t.document_id = d.id) AS turn_count,
         (SELECT count(*) FROM codings c WHERE c.document_id = d.id) AS coding_count
  FROM documents d`;
export interface DocumentSummaryRow {
  id: string;
  title: string;
  kind: string;
  chars: number;
  case_id: string | null;
  date: string | null;
  duration_ms: number | null;
  source_name: string;
  source_format: string;
  source_hash: string | null;
  used_in_analysis: number;
  memo: string;
  sort_order: number;
  created_at: number;
  turn_count: number;
  coding_count: number;
}
export function toDocumentSummary(row: DocumentSummaryRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as DocumentKind,
    chars: row.chars,
    turnCount: row.turn_count,
    codingCount: row.coding_count,
    caseId: row.case_id,
    date: row.date,
    durationMs: row.duration_ms,
    sourceName: row.source_name,
    sourceFormat: row.source_format,
    sourceHash: row.source_hash,
    usedInAnalysis: row.used_in_analysis === 1,
    memo: row.memo,
    sortOrder: row.sort_order,
    createdAt: row.created_at,
  };
}

export const SPEAKER_COLUMNS = 'id, document_id, label, informant_id, role';
export interface SpeakerRow {
  id: string;
  document_id: string;
  label: string;
  informant_id: string | null;
  role: string | null;
}
export function toSpeaker(row: SpeakerRow): Speaker {
  return {
    id: row.id,
    documentId: row.document_id,
    label: row.label,
    informantId: row.informant_id,
    role: row.role as PersonRole | null,
  };
}

export const TURN_COLUMNS = 'id, start, end, speaker_id, time_start_ms, time_end_ms';
export interface TurnRow {
  id: string;
  start: number;
  end: number;
  speaker_id: string | null;
  time_start_ms: number | null;
  time_end_ms: number | null;
}
export function toTurn(row: TurnRow): Turn {
  return {
    id: row.id,
    start: row.start,
    end: row.end,
    speakerId: row.speaker_id,
    timeStartMs: row.time_start_ms,
    timeEndMs: row.time_end_ms,
  };
}

export const INFORMANT_COLUMNS = 'id, label, real_name, role, case_id, role_label, memo, sort_order';
export interface InformantRow {
  id: string;
  label: string;
  real_name: string;
  role: string;
  case_id: string | null;
  role_label: string;
  memo: string;
  sort_order: number;
}
export function toInformant(row: InformantRow): Informant {
  return {
    id: row.id,
    label: row.label,
    realName: row.real_name,
    role: row.role as PersonRole,
    caseId: row.case_id,
    roleLabel: row.role_label,
    memo: row.memo,
    sortOrder: row.sort_order,
  };
}

export const CASE_COLUMNS = 'id, parent_id, name, code, memo, sort_order';
export interface CaseRow {
  id: string;
  parent_id: string | null;
  name: string;
  code: string;
  memo: string;
  sort_order: number;
}
export function toCase(row: CaseRow): Case {
  return { id: row.id, parentId: row.parent_id, name: row.name, code: row.code, memo: row.memo, sortOrder: row.sort_order };
}
