import { compareAttributeValues, type AttributeScope, type AttributeType } from '../attributes/values';
import { caseAncestry, caseLabel, caseTree, effectiveCases, type AnalysisData, type Fact } from './data';

/** What the columns of a matrix are, as a caller asks for them. */
export type ColumnsSpec =
  | { readonly kind: 'informants' }
  | { readonly kind: 'cases' }
  | { readonly kind: 'documents' }
  /** The values of an attribute; `scope` is needed only when an informant and a case attribute share the name. */
  | { readonly kind: 'attribute'; readonly name: string; readonly scope?: AttributeScope | undefined };

/** An attribute with the values of its owners (informant or case id → canonical value). */
export interface AttributeValues {
  readonly scope: AttributeScope;
  readonly name: string;
  readonly type: AttributeType;
  readonly choices: readonly string[];
  readonly values: ReadonlyMap<string, string>;
}

/** A columns spec with its attribute looked up. */
export type ResolvedColumns = { readonly kind: 'informants' } | { readonly kind: 'cases' } | { readonly kind: 'documents' } | { readonly kind: 'attribute'; readonly attribute: AttributeValues };

/** What a column stands for. `none` collects what has no case, or no value of the attribute. */
export type ColumnKind = 'informant' | 'case' | 'document' | 'value' | 'none';

/** A column of a matrix. */
export interface MatrixColumn {
  /** Informant, case or document id, the attribute value itself, or null for the `none` column. */
  readonly id: string | null;
  readonly label: string;
  readonly kind: ColumnKind;
  /** The parent case's column id (nested cases), else null. */
  readonly parentId: string | null;
  /** Nesting depth of a case column (0 otherwise). */
  readonly depth: number;
  /** The column's informants: the denominator of the percent measure. */
  readonly informants: number;
}

/** Columns with the informants each holds and the rule placing a fact in columns. */
export interface BuiltColumns {
  readonly columns: readonly MatrixColumn[];
  /** Informant ids of each column (same order as `columns`). */
  readonly populations: readonly ReadonlySet<string>[];
  /** The columns a fact counts in (a fact in a nested case counts in the case and every case above it). */
  assign(fact: Fact): readonly number[];
}

const NONE: readonly number[] = [];

/**
 * Read a CLI/URL columns argument: `informants`, `cases`, `documents`, `attr:NAME`, or
 * `attr:informant:NAME` / `attr:case:NAME` to pick the scope. Returns null when it is none of these.
 */
export function parseColumnsArg(text: string): ColumnsSpec | null {
  const value = text.trim();
  if (value === 'informants' || value === 'cases' || value === 'documents') return { kind: value };
  if (!value.startsWith('attr:')) return null;
  const rest = value.slice('attr:'.length);
  for (const scope of ['informant', 'case'] as const) {
    if (rest.startsWith(`${scope}:`) && rest.length > scope.length + 1) return { kind: 'attribute', name: rest.slice(scope.length + 1), scope };
  }
  return rest.trim() ? { kind: 'attribute', name: rest } : null;
}

/**
 * Build the columns of `spec` over `data`:
 * - informants: every informant who speaks in the analysed material, in the user's order; a fact
 *   counts in its informant's column.
 * - cases: every case in tree order; a fact counts in its case and all cases above it (a parent
 *   includes its children). A "No case" column collects facts without a case, when there are any.
 * - documents: every analysed document; a fact counts in its document's column.
 * - attribute (informant scope): one column per value (all choices of a choice attribute, else the
 *   values in use, in the type's order) and "(no value)" when an informant lacks one; a fact counts
 *   in its informant's value column; facts without an informant count nowhere.
 * - attribute (case scope): as above, over the fact's case; a case without a value inherits the
 *   nearest value above it; facts without a case (or value) go to "(no value)".
 * A column's informants (its population) are the informants it holds by the same rules, using each
 * informant's effective cases (see `effectiveCases`).
 */
export function buildColumns(data: AnalysisData, spec: ResolvedColumns): BuiltColumns {
  const documentCase = new Map(data.documents.map((d) => [d.id, d.caseId]));
  switch (spec.kind) {
    case 'informants': {
      const index = new Map(data.informants.map((i, n) => [i.id, [n]]));
      return {
        columns: data.informants.map((i) => ({ id: i.id, label: i.label, kind: 'informant', parentId: null, depth: 0, informants: 1 })),
        populations: data.informants.map((i) => new Set([i.id])),
        assign: (fact) => (fact.informantId ? (index.get(fact.informantId) ?? NONE) : NONE),
      };
    }
    case 'documents': {
      const index = new Map(data.documents.map((d, n) => [d.id, [n]]));
      const populations = data.documents.map((d) => new Set(data.informants.filter((i) => i.documentIds.includes(d.id)).map((i) => i.id)));
      return {
        columns: data.documents.map((d, n) => ({ id: d.id, label: d.title, kind: 'document', parentId: null, depth: 0, informants: populations[n]!.size })),
        populations,
        assign: (fact) => index.get(fact.documentId) ?? NONE,
      };
    }
    case 'cases': {
      const tree = caseTree(data.cases);
      const ancestry = caseAncestry(data.cases);
      const position = new Map(tree.map((t, n) => [t.case.id, n]));
      const columnsOfCase = new Map([...ancestry].map(([id, chain]) => [id, chain.map((c) => position.get(c)!).filter((n) => n !== undefined)]));
      const populations = tree.map(() => new Set<string>());
      const noCase = new Set<string>();
      for (const informant of data.informants) {
        const cases = effectiveCases(informant, documentCase);
        if (cases.length === 0) noCase.add(informant.id);
        for (const c of cases) for (const n of columnsOfCase.get(c) ?? []) populations[n]!.add(informant.id);
      }
      const columns: MatrixColumn[] = tree.map((t, n) => ({
        id: t.case.id,
        label: caseLabel(t.case),
        kind: 'case',
        parentId: t.case.parentId && position.has(t.case.parentId) ? t.case.parentId : null,
        depth: t.depth,
        informants: populations[n]!.size,
      }));
      const hasCaseless = noCase.size > 0 || data.codings.some((c) => !documentCase.get(c.documentId) && c.informantIds.length === 0);
      const noneIndex = hasCaseless ? columns.length : -1;
      if (hasCaseless) {
        columns.push({ id: null, label: 'No case', kind: 'none', parentId: null, depth: 0, informants: noCase.size });
        populations.push(noCase);
      }
      const noneList = noneIndex >= 0 ? [noneIndex] : NONE;
      return {
        columns,
        populations,
        assign: (fact) => (fact.caseId ? (columnsOfCase.get(fact.caseId) ?? noneList) : noneList),
      };
    }
    case 'attribute':
      return attributeColumns(data, spec.attribute, documentCase);
    default: {
      const never: never = spec;
      throw new Error(`unknown columns ${String(never)}`);
    }
  }
}

function attributeColumns(data: AnalysisData, attribute: AttributeValues, documentCase: ReadonlyMap<string, string | null>): BuiltColumns {
  // The value each informant (informant scope) or case (case scope, inherited downwards) has.
  let valueOfCase = new Map<string, string>();
  if (attribute.scope === 'case') {
    for (const [id, chain] of caseAncestry(data.cases)) {
      const holder = chain.find((c) => attribute.values.has(c));
      if (holder) valueOfCase.set(id, attribute.values.get(holder)!);
    }
  } else {
    valueOfCase = new Map();
  }
  const informantValues = (informantId: string): string[] => {
    if (attribute.scope === 'informant') {
      const v = attribute.values.get(informantId);
      return v === undefined ? [] : [v];
    }
    const informant = data.informants.find((i) => i.id === informantId);
    if (!informant) return [];
    return [...new Set(effectiveCases(informant, documentCase).map((c) => valueOfCase.get(c)).filter((v): v is string => v !== undefined))];
  };

  const used = new Set<string>();
  const perInformant = new Map(data.informants.map((i) => [i.id, informantValues(i.id)]));
  for (const values of perInformant.values()) for (const v of values) used.add(v);
  if (attribute.scope === 'case') for (const v of valueOfCase.values()) used.add(v);
  const values = attribute.type === 'choice' ? [...attribute.choices, ...[...used].filter((v) => !attribute.choices.includes(v))] : [...used];
  values.sort((a, b) => compareAttributeValues(attribute, a, b));
  const index = new Map(values.map((v, n) => [v, n]));
  const populations = values.map(() => new Set<string>());
  const noValue = new Set<string>();
  for (const [informantId, vs] of perInformant) {
    if (vs.length === 0) noValue.add(informantId);
    for (const v of vs) populations[index.get(v)!]!.add(informantId);
  }
  const columns: MatrixColumn[] = values.map((v, n) => ({ id: v, label: v, kind: 'value', parentId: null, depth: 0, informants: populations[n]!.size }));
  const factWithoutValue =
    attribute.scope === 'case' && data.codings.some((c) => c.informantIds.length === 0 && !valueOfCase.has(documentCase.get(c.documentId) ?? ''));
  const hasNone = noValue.size > 0 || factWithoutValue;
  const noneList = hasNone ? [columns.length] : NONE;
  if (hasNone) {
    columns.push({ id: null, label: '(no value)', kind: 'none', parentId: null, depth: 0, informants: noValue.size });
    populations.push(noValue);
  }
  const byInformant = new Map([...perInformant].map(([id, vs]) => [id, vs.length ? vs.map((v) => index.get(v)!) : noneList]));
  return {
    columns,
    populations,
    assign: (fact) => {
      if (attribute.scope === 'informant') return fact.informantId ? (byInformant.get(fact.informantId) ?? NONE) : NONE;
      const v = fact.caseId ? valueOfCase.get(fact.caseId) : undefined;
      return v === undefined ? noneList : [index.get(v)!];
    },
  };
}
