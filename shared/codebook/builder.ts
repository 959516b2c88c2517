import type { Level } from '../model/levels';
import type { ImportedCode } from './model';

interface Draft {
  level: Level;
  label: string;
  description: string;
  memo: string;
  children: Draft[];
  parent: Draft | null;
  originalPath: string | null;
}

/**
 * Builds a three-level tree from entries read one at a time (table rows, QualCoder lines): a label
 * names one code per level, so repeated rows reuse it; a code listed under two parents stays under
 * the first, with a warning.
 */
export class CodebookBuilder {
  private readonly byLevel = new Map<Level, Map<string, Draft>>([
    [1, new Map()],
    [2, new Map()],
    [3, new Map()],
  ]);
  private readonly rootList: Draft[] = [];
  readonly warnings: string[] = [];

  /** Add (or find) a code; `where` names the line for warnings. Returns the code for use as a parent. */
  add(level: Level, rawLabel: string, parent: Draft | null, details: { description?: string; memo?: string; originalPath?: string | null }, where: string): Draft {
    const label = rawLabel.replace(/\s+/g, ' ').trim();
    const map = this.byLevel.get(level)!;
    const existing = map.get(label);
    if (existing) {
      if (details.description && !existing.description) existing.description = details.description;
      if (details.memo && !existing.memo) existing.memo = details.memo;
      if (parent && existing.parent !== parent) {
        if (existing.parent === null) {
          this.rootList.splice(this.rootList.indexOf(existing), 1);
          existing.parent = parent;
          parent.children.push(existing);
        } else {
          this.warnings.push(`${where}: “${label}” is also listed under “${parent.label}”; it stays under “${existing.parent.label}”, where it was first listed`);
        }
      }
      return existing;
    }
    const draft: Draft = {
      level,
      label,
      description: details.description ?? '',
      memo: details.memo ?? '',
      children: [],
      parent,
      originalPath: details.originalPath ?? null,
    };
    map.set(label, draft);
    if (parent) parent.children.push(draft);
    else this.rootList.push(draft);
    return draft;
  }

  /** How many codes were added. */
  get size(): number {
    return [...this.byLevel.values()].reduce((sum, m) => sum + m.size, 0);
  }

  /** The tree: roots in the order first seen, dimensions first, then themes, then concepts. */
  roots(): ImportedCode[] {
    const freeze = (d: Draft): ImportedCode => ({
      level: d.level,
      label: d.label,
      description: d.description,
      memo: d.memo,
      children: d.children.map(freeze),
      originalPath: d.originalPath,
    });
    return [...this.rootList].sort((a, b) => b.level - a.level).map(freeze);
  }
}
