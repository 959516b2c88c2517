import type { AttributeScope } from '../attributes/values';
import { buildColumns, type AttributeValues } from './columns';
import { caseLabel, factsOf, type AnalysisData, type Fact } from './data';
import { buildRows, type MatrixRow, type RowsMode } from './rows';

/**
 * A group of material to compare: a case (with the cases inside it), the informants with one value
 * of an attribute (`value` null: those without a value), or a hand-picked set of informants.
 */
export type GroupSpec =
  | { readonly kind: 'case'; readonly caseId: string; readonly label?: string | undefined }
  | { readonly kind: 'attribute'; readonly name: string; readonly scope?: AttributeScope | undefined; readonly value: string | null; readonly label?: string | undefined }
  | { readonly kind: 'informants'; readonly informantIds: readonly string[]; readonly label?: string | undefined };

/** A group ready to count: which facts it holds and which informants make up its population. */
export interface ResolvedGroup {
  readonly label: string;
  readonly population: ReadonlySet<string>;
  accepts(fact: Fact): boolean;
}

/** One side's figures for a row. */
export interface GroupFigures {
  readonly codings: number;
  readonly informants: number;
  /** informants / the group's informants (0..1), or null when the group has no informants. */
  readonly share: number | null;
}

/** Where a row's code appears. */
export type Presence = 'onlyA' | 'onlyB' | 'both' | 'neither';

/** A row of a comparison. */
export interface ComparisonRow extends MatrixRow {
  readonly a: GroupFigures;
  readonly b: GroupFigures;
  readonly presence: Presence;
  /** A's share minus B's share, in percentage points (rounded to one decimal); null when either share is. */
  readonly difference: number | null;
}

/** Two groups side by side over the rows of the Gioia tree. */
export interface Comparison {
  readonly groups: readonly [{ readonly label: string; readonly informants: number }, { readonly label: string; readonly informants: number }];
  /** Informants who are in both groups (the groups overlap when this is not zero). */
  readonly sharedInformants: number;
  readonly rows: readonly ComparisonRow[];
  /** How many rows are in A only, B only, both, neither. */
  readonly counts: Readonly<Record<Presence, number>>;
}

/**
 * Turn a group spec into a group, with the attribute it names already looked up (`attribute`).
 * Returns a problem message instead when the case, value or informants name nothing in `data`.
 */
export function resolveGroup(data: AnalysisData, spec: GroupSpec, attribute: AttributeValues | null): ResolvedGroup | string {
  switch (spec.kind) {
    case 'case': {
      const built = buildColumns(data, { kind: 'cases' });
      const index = built.columns.findIndex((c) => c.kind === 'case' && c.id === spec.caseId);
      if (index < 0) return `There is no case with id ${spec.caseId}`;
      const found = data.cases.find((c) => c.id === spec.caseId)!;
      return { label: spec.label ?? caseLabel(found), population: built.populations[index]!, accepts: (fact) => built.assign(fact).includes(index) };
    }
    case 'attribute': {
      if (!attribute) return `There is no attribute named “${spec.name}”`;
      const built = buildColumns(data, { kind: 'attribute', attribute });
      const index = built.columns.findIndex((c) => c.id === spec.value);
      const label = spec.label ?? `${attribute.name}: ${spec.value ?? '(no value)'}`;
      if (index < 0) {
        if (spec.value !== null && attribute.type === 'choice' && !attribute.choices.includes(spec.value)) return `“${spec.value}” is not a choice of “${attribute.name}”`;
        return { label, population: new Set(), accepts: () => false };
      }
      return { label, population: built.populations[index]!, accepts: (fact) => built.assign(fact).includes(index) };
    }
    case 'informants': {
      const known = new Set(data.informants.map((i) => i.id));
      const ids = new Set(spec.informantIds);
      const label = spec.label ?? data.informants.filter((i) => ids.has(i.id)).map((i) => i.label).join(', ');
      return { label: label || 'No informants', population: new Set([...ids].filter((id) => known.has(id))), accepts: (fact) => !!fact.informantId && ids.has(fact.informantId) };
    }
    default: {
      const never: never = spec;
      throw new Error(`unknown group ${String(never)}`);
    }
  }
}

/**
 * Compare groups A and B over the rows of `rowsMode`: for each row, the codings and distinct
 * informants of each group (aggregated over the codes below the row, informants never counted
 * twice), each group's share of its own informants, and whether the row appears in only one group,
 * both, or neither (appearing = at least one coding).
 */
export function compareGroups(data: AnalysisData, rowsMode: RowsMode, a: ResolvedGroup, b: ResolvedGroup): Comparison {
  const { rows, rowsOfCode } = buildRows(data.codes, rowsMode);
  const sides = [a, b].map(() => rows.map(() => ({ codings: new Set<number>(), informants: new Set<string>() })));
  for (const fact of factsOf(data)) {
    const inA = a.accepts(fact);
    const inB = b.accepts(fact);
    if (!inA && !inB) continue;
    for (const r of rowsOfCode.get(fact.codeId) ?? []) {
      for (const [side, inside] of [[0, inA], [1, inB]] as const) {
        if (!inside) continue;
        const cell = sides[side]![r]!;
        cell.codings.add(fact.coding);
        if (fact.informantId) cell.informants.add(fact.informantId);
      }
    }
  }
  const counts: Record<Presence, number> = { onlyA: 0, onlyB: 0, both: 0, neither: 0 };
  const figures = (cell: { codings: Set<number>; informants: Set<string> }, group: ResolvedGroup): GroupFigures => ({
    codings: cell.codings.size,
    informants: cell.informants.size,
    share: group.population.size > 0 ? cell.informants.size / group.population.size : null,
  });
  const out = rows.map((row, r): ComparisonRow => {
    const fa = figures(sides[0]![r]!, a);
    const fb = figures(sides[1]![r]!, b);
    const presence: Presence = fa.codings > 0 ? (fb.codings > 0 ? 'both' : 'onlyA') : fb.codings > 0 ? 'onlyB' : 'neither';
    counts[presence] += 1;
    const difference = fa.share !== null && fb.share !== null ? Math.round((fa.share - fb.share) * 1000) / 10 : null;
    return { ...row, a: fa, b: fb, presence, difference };
  });
  const shared = [...a.population].filter((id) => b.population.has(id)).length;
  return {
    groups: [
      { label: a.label, informants: a.population.size },
      { label: b.label, informants: b.population.size },
    ],
    sharedInformants: shared,
    rows: out,
    counts,
  };
}
