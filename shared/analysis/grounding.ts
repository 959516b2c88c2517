import { caseAncestry, caseLabel, factsOf, type AnalysisData } from './data';
import { buildRows, type MatrixRow } from './rows';

/**
 * Why a code's grounding deserves a look:
 * - `noCodings`: nothing is coded with it (or below it);
 * - `noInformant`: it is coded only in material nobody in particular says (documents, unmapped speakers);
 * - `singleInformant`: exactly one informant supports it;
 * - `singleCase`: the project compares two or more (top-level) cases, and all its support comes from one.
 */
export type GroundingFlag = 'noCodings' | 'noInformant' | 'singleInformant' | 'singleCase';

/** Languages the grounding sentence is written in. */
export type GroundingLocale = 'en' | 'nb';

/** A person or case named in a grounding entry. */
export interface NamedRef {
  readonly id: string;
  readonly label: string;
}

/** How well one code (with everything below it) is grounded. */
export interface GroundingEntry extends MatrixRow {
  readonly codings: number;
  /** The distinct informants its codings are attributed to, in the user's order. */
  readonly informants: readonly NamedRef[];
  /** The top-level cases its codings come from (a nested case counts as the case at the top of its tree). */
  readonly cases: readonly NamedRef[];
  readonly documents: number;
  /** informants / all informants in the analysis (0..1); 0 when there are none. */
  readonly share: number;
  readonly flags: readonly GroundingFlag[];
  /** "raised by 7 of 10 informants, both cases". */
  readonly text: string;
}

/** Grounding of every concept, theme and dimension, in tree order. */
export interface Grounding {
  /** Informants in the analysis. */
  readonly informants: number;
  /** Top-level cases with analysed material. */
  readonly cases: readonly NamedRef[];
  readonly entries: readonly GroundingEntry[];
}

const WORDS = {
  en: {
    notCoded: 'not coded yet',
    raised: (n: number, of: number) => `raised by ${n} of ${of} informant${of === 1 ? '' : 's'}`,
    documentsOnly: (codings: number) => `only in documents (${codings} coding${codings === 1 ? '' : 's'})`,
    bothCases: 'both cases',
    allCases: (n: number) => `all ${n} cases`,
    onlyIn: (name: string) => `only in ${name}`,
    someCases: (n: number, of: number, names: string) => `${n} of ${of} cases (${names})`,
  },
  nb: {
    notCoded: 'ikke kodet ennå',
    raised: (n: number, of: number) => `nevnt av ${n} av ${of} informant${of === 1 ? '' : 'er'}`,
    documentsOnly: (codings: number) => `bare i dokumenter (${codings} koding${codings === 1 ? '' : 'er'})`,
    bothCases: 'begge casene',
    allCases: (n: number) => `alle ${n} casene`,
    onlyIn: (name: string) => `bare i ${name}`,
    someCases: (n: number, of: number, names: string) => `${n} av ${of} caser (${names})`,
  },
} as const;

/**
 * The sentence for one code: "raised by 7 of 10 informants, both cases", "raised by 1 of 10
 * informants, only in Bærum (A)", "only in documents (3 codings)", "not coded yet". The case part is
 * left out when the project has fewer than two top-level cases.
 */
export function groundingText(
  entry: { readonly codings: number; readonly informants: number; readonly cases: readonly NamedRef[] },
  totals: { readonly informants: number; readonly cases: number },
  locale: GroundingLocale = 'en',
): string {
  const w = WORDS[locale];
  if (entry.codings === 0) return w.notCoded;
  const parts: string[] = [];
  if (entry.informants > 0 && totals.informants > 0) parts.push(w.raised(entry.informants, totals.informants));
  else parts.push(w.documentsOnly(entry.codings));
  if (totals.cases >= 2 && entry.cases.length > 0) {
    const n = entry.cases.length;
    if (n === totals.cases) parts.push(n === 2 ? w.bothCases : w.allCases(n));
    else if (n === 1) parts.push(w.onlyIn(entry.cases[0]!.label));
    else parts.push(w.someCases(n, totals.cases, entry.cases.map((c) => c.label).join(', ')));
  }
  return parts.join(', ');
}

/** The grounding of every code of the Gioia tree (see `GroundingEntry`), computed from `data`. */
export function computeGrounding(data: AnalysisData, locale: GroundingLocale = 'en'): Grounding {
  const { rows, rowsOfCode } = buildRows(data.codes, 'tree');
  const ancestry = caseAncestry(data.cases);
  const rootOf = (caseId: string | null): string | null => {
    if (!caseId) return null;
    const chain = ancestry.get(caseId);
    return chain && chain.length > 0 ? chain[chain.length - 1]! : null;
  };
  const caseById = new Map(data.cases.map((c) => [c.id, c]));
  const per = rows.map(() => ({ codings: new Set<number>(), informants: new Set<string>(), cases: new Set<string>(), documents: new Set<string>() }));
  const usedRoots = new Set<string>();
  for (const d of data.documents) {
    const root = rootOf(d.caseId);
    if (root) usedRoots.add(root);
  }
  for (const i of data.informants) {
    const root = rootOf(i.caseId);
    if (root) usedRoots.add(root);
  }
  for (const fact of factsOf(data)) {
    const root = rootOf(fact.caseId);
    for (const r of rowsOfCode.get(fact.codeId) ?? []) {
      const p = per[r]!;
      p.codings.add(fact.coding);
      p.documents.add(fact.documentId);
      if (fact.informantId) p.informants.add(fact.informantId);
      if (root) p.cases.add(root);
    }
  }
  const informantOrder = data.informants.map((i) => ({ id: i.id, label: i.label }));
  const rootCases = data.cases.filter((c) => usedRoots.has(c.id)).map((c) => ({ id: c.id, label: caseLabel(c) }));
  const totals = { informants: data.informants.length, cases: rootCases.length };
  const entries = rows.map((row, r): GroundingEntry => {
    const p = per[r]!;
    const informants = informantOrder.filter((i) => p.informants.has(i.id));
    const cases = data.cases.filter((c) => p.cases.has(c.id)).map((c) => ({ id: c.id, label: caseLabel(caseById.get(c.id)!) }));
    const flags: GroundingFlag[] = [];
    if (p.codings.size === 0) flags.push('noCodings');
    else if (informants.length === 0) flags.push('noInformant');
    if (informants.length === 1) flags.push('singleInformant');
    if (totals.cases >= 2 && cases.length === 1) flags.push('singleCase');
    return {
      ...row,
      codings: p.codings.size,
      informants,
      cases,
      documents: p.documents.size,
      share: totals.informants > 0 ? informants.length / totals.informants : 0,
      flags,
      text: groundingText({ codings: p.codings.size, informants: informants.length, cases }, totals, locale),
    };
  });
  return { informants: totals.informants, cases: rootCases, entries };
}
