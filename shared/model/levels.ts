/** Gioia levels as stored: 1 = first-order concept, 2 = second-order theme, 3 = aggregate dimension. */
export type Level = 1 | 2 | 3;

/** The names the CLI and JSON use for levels. */
export type LevelKey = 'concept' | 'theme' | 'dimension';

/** The three level keys, from concept up to dimension. */
export const LEVEL_KEYS: readonly LevelKey[] = ['concept', 'theme', 'dimension'];

/** Default display names of the three levels (the project may rename them). */
export const DEFAULT_LEVEL_NAMES: readonly [string, string, string] = [
  'First-order concepts',
  'Second-order themes',
  'Aggregate dimensions',
];

/** Presets offered for the level names (users may also type their own). */
export const LEVEL_NAME_PRESETS: readonly { readonly id: string; readonly names: readonly [string, string, string] }[] = [
  { id: 'en', names: DEFAULT_LEVEL_NAMES },
  { id: 'nb-ordens-kode', names: ['1. ordens kode', '2. ordens kode', '3. ordens kode'] },
  { id: 'nb-begreper', names: ['Første ordens begreper', 'Andre ordens tema', 'Aggregerte dimensjoner'] },
];

/** Level key → stored level. */
export function levelOf(key: LevelKey): Level {
  switch (key) {
    case 'concept':
      return 1;
    case 'theme':
      return 2;
    case 'dimension':
      return 3;
    default: {
      const never: never = key;
      throw new Error(`unknown level ${String(never)}`);
    }
  }
}

/** Stored level → level key. */
export function levelKey(level: Level): LevelKey {
  return LEVEL_KEYS[level - 1]!;
}

/** The level a code's parent must have, or null when it may have no parent (dimensions). */
export function parentLevel(level: Level): Level | null {
  return level === 3 ? null : ((level + 1) as Level);
}

/**
 * Why `child` may not sit under `parent` by the Gioia rules, or null when it may.
 * Levels are `null` for codes not yet placed in the three levels.
 */
export function placementProblem(
  child: { readonly level: Level | null; readonly label: string },
  parent: { readonly level: Level | null; readonly label: string } | null,
): string | null {
  if (parent === null) return null;
  if (child.level === null) {
    return parent.level === null ? null : `“${child.label}” is not placed yet; place it as a concept, theme or dimension first`;
  }
  const expected = parentLevel(child.level);
  if (expected === null) return `“${child.label}” is an aggregate dimension, the top level: it cannot go inside “${parent.label}”`;
  if (parent.level !== expected) {
    const what = child.level === 1 ? 'A first-order concept belongs under a second-order theme' : 'A second-order theme belongs under an aggregate dimension';
    return `${what}; “${parent.label}” is ${describeLevel(parent.level)}`;
  }
  return null;
}

/** "a first-order concept", "a second-order theme", ... for messages. */
export function describeLevel(level: Level | null): string {
  switch (level) {
    case 1:
      return 'a first-order concept';
    case 2:
      return 'a second-order theme';
    case 3:
      return 'an aggregate dimension';
    case null:
      return 'not placed yet';
    default: {
      const never: never = level;
      return String(never);
    }
  }
}
