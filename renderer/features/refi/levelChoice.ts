import type { Level } from '../../../shared/model/levels';
import { levelMappingProblem, type LevelMapping } from '../../../shared/refi/levels';

/** The Gioia level chosen for each depth of the file's code tree (index 0 = depth 1); null = not placed. */
export type DepthLevels = readonly (Level | null)[];

/**
 * The starting choice for a tree `depth` deep: a tree exactly three deep maps to dimension →
 * theme → concept (as the backend's `auto` does); any other tree starts with every code unplaced,
 * so nothing is placed on a guess, and the user picks the depths.
 */
export function defaultDepthLevels(depth: number): DepthLevels {
  if (depth === 3) return [3, 2, 1];
  return Array.from({ length: depth }, () => null);
}

/** The mapping the API takes for a per-depth choice. */
export function mappingOf(choice: DepthLevels): LevelMapping {
  const depthOf = (level: Level) => {
    const index = choice.indexOf(level);
    return index < 0 ? null : index + 1;
  };
  const mapping = { kind: 'depths' as const, dimension: depthOf(3), theme: depthOf(2), concept: depthOf(1) };
  return mapping.dimension === null && mapping.theme === null && mapping.concept === null ? { kind: 'unplaced' } : mapping;
}

/** Set `level` for one depth; a level can hold only one depth, so another depth holding it is cleared. */
export function chooseLevel(choice: DepthLevels, depthIndex: number, level: Level | null): DepthLevels {
  return choice.map((current, i) => (i === depthIndex ? level : level !== null && current === level ? null : current));
}

/**
 * Why a per-depth choice cannot be imported, in the project's level names (concept first), or null.
 * Gioia levels nest: the dimensions' depth must be above the themes', and the themes' above the concepts'.
 */
export function choiceProblem(choice: DepthLevels, levelNames: readonly [string, string, string]): string | null {
  const mapping = mappingOf(choice);
  if (!levelMappingProblem(mapping)) return null;
  const [concept, theme, dimension] = levelNames;
  return `Levels must nest from the top down: ${dimension} on a higher depth than ${theme}, and ${theme} higher than ${concept}.`;
}
