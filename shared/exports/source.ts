import type { Level } from '../model/levels';
import type { CodingStatus, DocumentKind, PersonRole } from '../model/types';
import type { AnonymityLevel } from './settings';

// What the exports read from a project, reduced to plain data so the models are pure functions
// (the backend loads it from SQLite; tests may build it by hand).

/** A code of the codebook. */
export interface ExportCode {
  readonly id: string;
  readonly level: Level | null;
  readonly parentId: string | null;
  readonly label: string;
  readonly sortOrder: number;
}

/** An informant (or interviewer) as attributions need it. */
export interface ExportInformant {
  readonly id: string;
  /** The display label: a pseudonym or a code ("Inger", "Informant KS"). */
  readonly label: string;
  /** The role label ("Informant KS", "prosjektleder"); empty when not given. */
  readonly roleLabel: string;
  readonly caseId: string | null;
  readonly role: PersonRole;
}

/** A case (municipality, department). */
export interface ExportCase {
  readonly id: string;
  readonly name: string;
  readonly sortOrder: number;
}

/** A page of a paged source, over the canonical text. */
export interface ExportPage {
  readonly page: number;
  readonly start: number;
  readonly end: number;
}

/** A document, without its text. */
export interface ExportDocument {
  readonly id: string;
  readonly title: string;
  readonly kind: DocumentKind;
  readonly caseId: string | null;
  readonly sortOrder: number;
  /** Pages of paged sources (PDF); empty otherwise. */
  readonly pages: readonly ExportPage[];
}

/** A coding with what a quote table needs. */
export interface ExportCoding {
  readonly id: string;
  readonly documentId: string;
  readonly codeId: string;
  readonly start: number;
  readonly end: number;
  /** The document's text over [start, end) now (the source of truth, not the snapshot). */
  readonly passage: string;
  readonly excerpt: string | null;
  readonly representative: boolean;
  readonly repOrder: number;
  readonly status: CodingStatus;
  readonly createdAt: number;
  /** A per-quote anonymity level overriding the project's, or null. */
  readonly attribution: AnonymityLevel | null;
  /** The informants speaking in the turns the coding overlaps. */
  readonly informantIds: readonly string[];
}

/** Everything the quote tables and informant quote lists are built from. */
export interface ExportSource {
  /** The project's level names, concept first. */
  readonly levels: readonly [string, string, string];
  readonly codes: readonly ExportCode[];
  readonly codings: readonly ExportCoding[];
  readonly informants: readonly ExportInformant[];
  readonly cases: readonly ExportCase[];
  readonly documents: readonly ExportDocument[];
}

/** The page of `offset` in a paged document, or null. */
export function pageAt(pages: readonly ExportPage[], offset: number): number | null {
  for (const page of pages) if (offset >= page.start && offset < page.end) return page.page;
  const last = pages[pages.length - 1];
  return last && offset === last.end ? last.page : null;
}
