import type { Level } from '../model/levels';
import type { OrderOption } from './options';

/** How much material supports a code (for themes and dimensions: everything below them too). */
export interface CodeSupport {
  /** Codings (non-orphaned, in documents used in the analysis). */
  readonly codings: number;
  /** Distinct informants speaking in the turns those codings overlap. */
  readonly informants: number;
  /** Representative (starred) codings. */
  readonly representative: number;
}

/** No support at all. */
export const NO_SUPPORT: CodeSupport = { codings: 0, informants: 0, representative: 0 };

/** A code in the figure. */
export interface StructureNode extends CodeSupport {
  readonly id: string;
  readonly level: Level;
  readonly label: string;
  readonly color: string;
}

/** A second-order theme with its concepts. */
export interface StructureTheme extends StructureNode {
  readonly concepts: readonly StructureNode[];
}

/** An aggregate dimension with its themes. */
export interface StructureDimension extends StructureNode {
  readonly themes: readonly StructureTheme[];
}

/** What the figure shows: the three levels as a tree, plus what is not fully grouped yet. */
export interface StructureTree {
  /** Column headers: the project's names of the three levels, concept first. */
  readonly levelNames: readonly [string, string, string];
  readonly dimensions: readonly StructureDimension[];
  /** Themes not yet under a dimension (drawn below the dimensions, without a dimension box). */
  readonly looseThemes: readonly StructureTheme[];
  /** Concepts not yet under a theme (drawn only when the `ungrouped` option is on). */
  readonly ungrouped: readonly StructureNode[];
  /** Informants in the project: the top of the support shading scale. */
  readonly informantTotal: number;
}

/** The fields of a codebook entry the figure needs (a `Code` from the API has them all). */
export interface StructureCodeInput {
  readonly id: string;
  readonly level: Level | null;
  readonly parentId: string | null;
  readonly label: string;
  readonly color: string;
  readonly sortOrder: number;
}

/** Which codes and in which order. */
export interface StructureTreeOptions {
  readonly order: OrderOption;
  readonly onlyRepresentative: boolean;
}

/**
 * Build the figure's tree from the flat codebook: dimensions → themes → concepts in manual order
 * or by support (informants, then codings, then manual order). With `onlyRepresentative`, concepts
 * without a starred quote are left out, and so are themes and dimensions left empty by that.
 * Codes not placed in the three levels (level null) are not in the figure.
 */
export function buildStructureTree(
  codes: readonly StructureCodeInput[],
  support: ReadonlyMap<string, CodeSupport>,
  levelNames: readonly [string, string, string],
  informantTotal: number,
  options: StructureTreeOptions,
): StructureTree {
  const byParent = new Map<string | null, StructureCodeInput[]>();
  const byId = new Map(codes.map((c) => [c.id, c]));
  for (const code of codes) {
    if (code.level === null) continue;
    // A parent that is missing or on the wrong level counts as no parent (the backend forbids it; be safe).
    const parent = code.parentId ? byId.get(code.parentId) : undefined;
    const key = parent && parent.level === code.level + 1 ? parent.id : null;
    const list = byParent.get(key) ?? [];
    list.push(code);
    byParent.set(key, list);
  }
  const node = (code: StructureCodeInput): StructureNode => ({
    id: code.id,
    level: code.level!,
    label: code.label,
    color: code.color,
    ...(support.get(code.id) ?? NO_SUPPORT),
  });
  const ordered = <T extends StructureNode & { readonly sortOrder: number }>(items: T[]): T[] =>
    items.sort((a, b) => {
      if (options.order === 'support') {
        const diff = b.informants - a.informants || b.codings - a.codings;
        if (diff !== 0) return diff;
      }
      return a.sortOrder - b.sortOrder || a.label.localeCompare(b.label) || a.id.localeCompare(b.id);
    });
  const children = (parentId: string | null, level: Level) => (byParent.get(parentId) ?? []).filter((c) => c.level === level);
  const keepConcept = (c: StructureNode) => !options.onlyRepresentative || c.representative > 0;

  const concepts = (themeId: string | null): StructureNode[] =>
    ordered(children(themeId, 1).map((c) => ({ ...node(c), sortOrder: c.sortOrder })))
      .filter(keepConcept)
      .map(strip);
  const theme = (code: StructureCodeInput): StructureTheme & { sortOrder: number } => ({ ...node(code), sortOrder: code.sortOrder, concepts: concepts(code.id) });
  const keepTheme = (t: StructureTheme) => !options.onlyRepresentative || t.concepts.length > 0;
  const themes = (dimensionId: string | null) => ordered(children(dimensionId, 2).map(theme)).filter(keepTheme).map(strip);
  const dimensions = ordered(
    children(null, 3).map((d) => ({ ...node(d), sortOrder: d.sortOrder, themes: themes(d.id) })),
  )
    .filter((d) => !options.onlyRepresentative || d.themes.length > 0)
    .map(strip);
  return {
    levelNames,
    dimensions,
    looseThemes: themes(null),
    ungrouped: concepts(null),
    informantTotal,
  };
}

function strip<T extends { readonly sortOrder: number }>(item: T): Omit<T, 'sortOrder'> {
  const { sortOrder: _sortOrder, ...rest } = item;
  return rest;
}

/** True when the tree has nothing to draw in the three columns. */
export function isEmptyStructure(tree: StructureTree): boolean {
  return tree.dimensions.length === 0 && tree.looseThemes.length === 0;
}

/**
 * One tree per aggregate dimension (for a figure per page), plus one for themes without a
 * dimension if there are any. Not-yet-grouped concepts go with the last part.
 */
export function splitByDimension(tree: StructureTree): StructureTree[] {
  const parts: StructureTree[] = tree.dimensions.map((d) => ({ ...tree, dimensions: [d], looseThemes: [], ungrouped: [] }));
  if (tree.looseThemes.length > 0) parts.push({ ...tree, dimensions: [], looseThemes: tree.looseThemes, ungrouped: [] });
  if (parts.length === 0) return [tree];
  const last = parts.length - 1;
  parts[last] = { ...parts[last]!, ungrouped: tree.ungrouped };
  return parts;
}
