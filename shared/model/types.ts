import type { AnonymityLevel } from '../exports/settings';
import type { Level } from './levels';

// The objects the API returns. JSON-safe: numbers for times (ms since the epoch), null rather than
// undefined, plain arrays and objects. Offsets are UTF-16 code units of the canonical text.

/** The open project's settings. */
export interface Project {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly schemaVersion: number;
  /** Display names of the three levels, concept first. */
  readonly levels: readonly [string, string, string];
  readonly memo: string;
  readonly createdAt: number;
}

/** A person who codes. */
export interface Coder {
  readonly id: string;
  readonly name: string;
}

/** A case (municipality, department, project); cases may nest. */
export interface Case {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly code: string;
  readonly memo: string;
  readonly sortOrder: number;
}

/** Speaking role of an informant record. */
export type PersonRole = 'informant' | 'interviewer';

/** An informant or interviewer. `label` is what exports show; `realName` stays inside the project. */
export interface Informant {
  readonly id: string;
  readonly label: string;
  readonly realName: string;
  readonly role: PersonRole;
  readonly caseId: string | null;
  /** The role label exports print for role attributions ("Informant KS"); '' when not given. */
  readonly roleLabel: string;
  readonly memo: string;
  readonly sortOrder: number;
}

/** What a document is. */
export type DocumentKind = 'interview' | 'document' | 'note';

/** A document as listed (without its text). */
export interface DocumentSummary {
  readonly id: string;
  readonly title: string;
  readonly kind: DocumentKind;
  readonly chars: number;
  readonly turnCount: number;
  readonly codingCount: number;
  readonly caseId: string | null;
  readonly date: string | null;
  readonly durationMs: number | null;
  readonly sourceName: string;
  readonly sourceFormat: string;
  /** sha256 of the original file, whose bytes the project keeps. */
  readonly sourceHash: string | null;
  readonly usedInAnalysis: boolean;
  readonly memo: string;
  readonly sortOrder: number;
  readonly createdAt: number;
}

/** A voice in one document, mapped to an informant, to the interviewer role, or not yet mapped. */
export interface Speaker {
  readonly id: string;
  readonly documentId: string;
  readonly label: string;
  readonly informantId: string | null;
  readonly role: PersonRole | null;
}

/** A speaker turn over whole paragraphs `[start, end)` of the text. */
export interface Turn {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly speakerId: string | null;
  readonly timeStartMs: number | null;
  readonly timeEndMs: number | null;
}

/** A page of a paged source (PDF) over `[start, end)` of the text; `label` is its printed number when that differs. */
export interface DocumentPage {
  readonly page: number;
  readonly label: string | null;
  readonly start: number;
  readonly end: number;
}

/** A document with its canonical text, speakers, turns, pages (PDF only) and import warnings. */
export interface DocumentFull extends DocumentSummary {
  readonly text: string;
  readonly speakers: readonly Speaker[];
  readonly turns: readonly Turn[];
  readonly pages: readonly DocumentPage[];
  /** What the importer noticed (malformed timestamps with their line numbers, a renamed file). */
  readonly importWarnings: readonly string[];
}

/** A code at any level; `level` null = not yet placed in the three Gioia levels. */
export interface Code {
  readonly id: string;
  readonly level: Level | null;
  readonly parentId: string | null;
  readonly label: string;
  readonly heading: string;
  readonly description: string;
  readonly color: string;
  readonly memo: string;
  readonly sortOrder: number;
  readonly originalPath: string | null;
  readonly createdAt: number;
  /** How many codings point at this code itself (not its children). */
  readonly codingCount: number;
}

/** Review state of a coding after text edits. */
export type CodingStatus = 'ok' | 'changed' | 'orphaned';

/** A coded passage `[start, end)` of a document. */
export interface Coding {
  readonly id: string;
  readonly documentId: string;
  readonly codeId: string;
  readonly start: number;
  readonly end: number;
  readonly coderId: string;
  /** The passage's text when it was coded. */
  readonly quote: string;
  readonly memo: string;
  readonly representative: boolean;
  readonly repOrder: number;
  /** Publication excerpt with "(…)" omissions, or null to quote the passage as is. */
  readonly excerpt: string | null;
  /** This quote's own anonymity level in exports, overriding the project's; null = the project's. */
  readonly attribution: AnonymityLevel | null;
  readonly status: CodingStatus;
  readonly createdAt: number;
}

/** Undo/redo availability, with labels for the Edit menu. */
export interface HistoryState {
  readonly canUndo: boolean;
  readonly undoLabel: string | null;
  readonly canRedo: boolean;
  readonly redoLabel: string | null;
}
