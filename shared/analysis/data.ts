import type { Level } from '../model/levels';

// What the comparison views (matrix, grounding, group comparison) are computed from: plain data the
// backend reads from the project with SQL, so the aggregation below is pure and testable.
//
// Scope of the analysis: codings that are not orphaned, in documents marked "used in the analysis".
// A coding's informants are the people speaking in the turns its range overlaps (shared/text/README.md,
// rule 5): a passage across two speakers' turns belongs to both; interviewers never count.

/** A code of the codebook (all levels; `level` null = not placed in the Gioia tree). */
export interface AnalysisCode {
  readonly id: string;
  readonly level: Level | null;
  readonly parentId: string | null;
  readonly label: string;
  readonly color: string;
}

/** A case; `parentId` nests cases (municipality → department). */
export interface AnalysisCase {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly code: string;
}

/** An informant (never an interviewer) who speaks in at least one analysed document. */
export interface AnalysisInformant {
  readonly id: string;
  readonly label: string;
  readonly caseId: string | null;
  /** The analysed documents this informant speaks in. */
  readonly documentIds: readonly string[];
}

/** A document used in the analysis. */
export interface AnalysisDocument {
  readonly id: string;
  readonly title: string;
  readonly caseId: string | null;
}

/** A coding in the analysis with the informants it is attributed to (possibly none). */
export interface AnalysisCoding {
  readonly id: string;
  readonly codeId: string;
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
  readonly informantIds: readonly string[];
}

/**
 * Everything the views need, in display order: codes, cases, informants and documents as the user
 * ordered them (codes ordered among their siblings).
 */
export interface AnalysisData {
  readonly codes: readonly AnalysisCode[];
  readonly cases: readonly AnalysisCase[];
  readonly informants: readonly AnalysisInformant[];
  readonly documents: readonly AnalysisDocument[];
  readonly codings: readonly AnalysisCoding[];
}

/**
 * One attribution of a coding: to one of its informants, or, for a coding nobody in particular is
 * speaking (a strategy document, an unmapped speaker), to no informant. `caseId` is the informant's
 * case, or the document's case when the informant has none (and for codings without informants).
 */
export interface Fact {
  /** Index into `AnalysisData.codings`. */
  readonly coding: number;
  readonly codeId: string;
  readonly documentId: string;
  readonly informantId: string | null;
  readonly caseId: string | null;
}

/** The facts of `data`: one per coding and informant, or one per coding without informants. */
export function factsOf(data: AnalysisData): Fact[] {
  const informantCase = new Map(data.informants.map((i) => [i.id, i.caseId]));
  const documentCase = new Map(data.documents.map((d) => [d.id, d.caseId]));
  const facts: Fact[] = [];
  data.codings.forEach((coding, index) => {
    const docCase = documentCase.get(coding.documentId) ?? null;
    if (coding.informantIds.length === 0) {
      facts.push({ coding: index, codeId: coding.codeId, documentId: coding.documentId, informantId: null, caseId: docCase });
      return;
    }
    for (const informantId of coding.informantIds) {
      facts.push({ coding: index, codeId: coding.codeId, documentId: coding.documentId, informantId, caseId: informantCase.get(informantId) ?? docCase });
    }
  });
  return facts;
}

/**
 * The cases an informant belongs to for counting: its own case, or, when it has none, the cases of
 * the documents it speaks in (so an informant filed only through its interview still counts there).
 */
export function effectiveCases(informant: AnalysisInformant, documentCase: ReadonlyMap<string, string | null>): string[] {
  if (informant.caseId) return [informant.caseId];
  const cases = new Set<string>();
  for (const d of informant.documentIds) {
    const c = documentCase.get(d);
    if (c) cases.add(c);
  }
  return [...cases];
}

/** Each case id → itself and its ancestors (cycles, which the backend prevents, are cut). */
export function caseAncestry(cases: readonly AnalysisCase[]): Map<string, string[]> {
  const parent = new Map(cases.map((c) => [c.id, c.parentId]));
  const out = new Map<string, string[]>();
  for (const c of cases) {
    const chain: string[] = [];
    let at: string | null | undefined = c.id;
    while (at && parent.has(at) && !chain.includes(at)) {
      chain.push(at);
      at = parent.get(at);
    }
    out.set(c.id, chain);
  }
  return out;
}

/** Cases in tree order (each parent before its children, siblings in the given order) with their depth. */
export function caseTree(cases: readonly AnalysisCase[]): { readonly case: AnalysisCase; readonly depth: number }[] {
  const ids = new Set(cases.map((c) => c.id));
  const children = new Map<string | null, AnalysisCase[]>();
  for (const c of cases) {
    const key = c.parentId && ids.has(c.parentId) && c.parentId !== c.id ? c.parentId : null;
    children.set(key, [...(children.get(key) ?? []), c]);
  }
  const out: { case: AnalysisCase; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (parentId: string | null, depth: number) => {
    for (const c of children.get(parentId) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({ case: c, depth });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  // Cases caught in a cycle (which the backend refuses to create) still get listed, at the top.
  for (const c of cases) if (!seen.has(c.id)) out.push({ case: c, depth: 0 });
  return out;
}

/** A case's display name: "Bærum (A)" when it has a display code, else its name. */
export function caseLabel(c: { readonly name: string; readonly code: string }): string {
  return c.code && c.code !== c.name ? `${c.name} (${c.code})` : c.name;
}
