import type { LevelKey } from '../../../shared/model/levels';
import type { Project } from '../../../shared/model/types';
import { singular } from '../codebook/codebookModel';

/** The project's own name for a level, singular ("2. ordens kode", "Second-order theme"). */
export function levelName(project: Project | null, level: LevelKey): string {
  const names = project?.levels ?? ['Concepts', 'Themes', 'Dimensions'];
  const index = level === 'concept' ? 0 : level === 'theme' ? 1 : 2;
  return singular(names[index]!);
}

/** The project's own name for a level, plural as the user wrote it ("Second-order themes"). */
export function levelPlural(project: Project | null, level: LevelKey): string {
  const names = project?.levels ?? ['Concepts', 'Themes', 'Dimensions'];
  return names[level === 'concept' ? 0 : level === 'theme' ? 1 : 2]!;
}

/** "1 informant", "3 informants". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
