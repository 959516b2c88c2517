import { AppError } from '../api/errors';
import type { Level } from '../model/levels';

/**
 * How an imported code tree's depths become Gioia levels:
 * - `auto`: levels Stige recorded in its own export; otherwise a tree exactly three deep maps to
 *   dimension → theme → concept; any other tree stays unplaced;
 * - `unplaced`: every code stays unplaced (level null), its tree kept;
 * - `depths`: the depth (1 = top-level codes) that holds the dimensions, the themes and the
 *   concepts; null = no code becomes that level. Codes at other depths stay unplaced.
 */
export type LevelMapping =
  | { readonly kind: 'auto' }
  | { readonly kind: 'unplaced' }
  | { readonly kind: 'depths'; readonly dimension: number | null; readonly theme: number | null; readonly concept: number | null };

/**
 * Read the CLI's `--levels` value: `auto`, `none`, or `D,T,C` — the depths of dimensions, themes
 * and concepts, with `-` (or 0) for a level no depth maps to, e.g. `2,3,4` or `-,-,1`.
 */
export function parseLevelsOption(value: string): LevelMapping {
  const v = value.trim().toLowerCase();
  if (v === 'auto') return { kind: 'auto' };
  if (v === 'none' || v === 'unplaced') return { kind: 'unplaced' };
  const parts = v.split(',').map((p) => p.trim());
  if (parts.length !== 3) {
    throw new AppError('VALIDATION', `--levels must be auto, none, or three depths D,T,C for dimension, theme and concept (e.g. 1,2,3 or 2,3,4 or -,-,1); got “${value}”`);
  }
  const depth = (p: string, what: string): number | null => {
    if (p === '-' || p === '0' || p === '') return null;
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1 || n > 100) throw new AppError('VALIDATION', `--levels: the ${what} depth must be a whole number from 1 (top-level codes), or -; got “${p}”`);
    return n;
  };
  const mapping = { kind: 'depths' as const, dimension: depth(parts[0]!, 'dimension'), theme: depth(parts[1]!, 'theme'), concept: depth(parts[2]!, 'concept') };
  const problem = levelMappingProblem(mapping);
  if (problem) throw new AppError('VALIDATION', `--levels: ${problem}`);
  return mapping;
}

/** Why a depth mapping cannot be used, or null. Depths must grow from dimension to theme to concept. */
export function levelMappingProblem(mapping: LevelMapping): string | null {
  if (mapping.kind !== 'depths') return null;
  const given = [mapping.dimension, mapping.theme, mapping.concept].filter((d): d is number => d !== null);
  if (given.length === 0) return 'no depth is mapped to any level (use none to leave every code unplaced)';
  for (let i = 1; i < given.length; i += 1) {
    if (given[i]! <= given[i - 1]!) return 'dimensions must be above themes, and themes above concepts (the depths must grow: dimension < theme < concept)';
  }
  return null;
}

/** A code tree as the level mapping sees it. */
export interface TreeNode {
  readonly guid: string;
  readonly name: string;
  readonly children: readonly TreeNode[];
}

/** How deep a tree is and how many codes sit at each depth (index 0 = depth 1). */
export function treeShape(roots: readonly TreeNode[]): { readonly depth: number; readonly perDepth: readonly number[] } {
  const perDepth: number[] = [];
  const walk = (nodes: readonly TreeNode[], depth: number) => {
    for (const node of nodes) {
      perDepth[depth - 1] = (perDepth[depth - 1] ?? 0) + 1;
      walk(node.children, depth + 1);
    }
  };
  walk(roots, 1);
  return { depth: perDepth.length, perDepth };
}

/** Where one imported code goes. */
export interface Placement {
  readonly level: Level | null;
  /** The tree parent's guid when the Gioia rules allow keeping it, else null. */
  readonly parentGuid: string | null;
  /** Names from the top of the original tree down to this code. */
  readonly path: readonly string[];
  /** True when the original parent could not be kept (the code was lifted to the top). */
  readonly detached: boolean;
  readonly depth: number;
}

/**
 * Place every code of a tree: its level from `fixed` (levels a Stige export recorded) or from the
 * mapping, and its parent kept only where the Gioia rules allow it (a placed code's parent is one
 * level up; an unplaced code's parent is unplaced). Returns the placements in tree order.
 */
export function placeCodes(
  roots: readonly TreeNode[],
  mapping: LevelMapping,
  fixed?: ReadonlyMap<string, Level | null>,
): { readonly placements: ReadonlyMap<string, Placement>; readonly rule: string } {
  const shape = treeShape(roots);
  const { levelAt, rule } = depthLevels(mapping, shape.depth, !!fixed && fixed.size > 0);
  const placements = new Map<string, Placement>();
  const walk = (nodes: readonly TreeNode[], parent: { guid: string; level: Level | null } | null, path: readonly string[], depth: number) => {
    for (const node of nodes) {
      const level = fixed?.has(node.guid) ? fixed.get(node.guid)! : levelAt(depth);
      const keep = parent !== null && ((level === null && parent.level === null) || (level !== null && parent.level === level + 1));
      const here = [...path, node.name];
      placements.set(node.guid, { level, parentGuid: keep ? parent.guid : null, path: here, detached: parent !== null && !keep, depth });
      walk(node.children, { guid: node.guid, level }, here, depth + 1);
    }
  };
  walk(roots, null, [], 1);
  return { placements, rule };
}

function depthLevels(mapping: LevelMapping, depth: number, hasFixed: boolean): { levelAt: (depth: number) => Level | null; rule: string } {
  switch (mapping.kind) {
    case 'auto':
      if (hasFixed) return { levelAt: () => null, rule: 'levels as recorded by Stige' };
      if (depth === 3) return { levelAt: (d) => (d === 1 ? 3 : d === 2 ? 2 : 1), rule: 'a tree three deep: dimension → theme → concept' };
      return { levelAt: () => null, rule: depth === 0 ? 'no codes' : `a tree ${depth} deep: codes left unplaced (choose levels to place them)` };
    case 'unplaced':
      return { levelAt: () => null, rule: 'all codes left unplaced' };
    case 'depths': {
      const { dimension, theme, concept } = mapping;
      const describe = (d: number | null, name: string) => (d === null ? null : `depth ${d} → ${name}`);
      return {
        levelAt: (d) => (d === dimension ? 3 : d === theme ? 2 : d === concept ? 1 : null),
        rule: [describe(dimension, 'dimension'), describe(theme, 'theme'), describe(concept, 'concept')].filter(Boolean).join(', '),
      };
    }
    default: {
      const never: never = mapping;
      throw new Error(`unknown mapping ${JSON.stringify(never)}`);
    }
  }
}
