import type { Code, Coding } from '../../shared/model/types';
import type { AppState } from './createAppStore';
import { selectCountedCoderId } from './coderView';

/** A code with its children, for the Gioia tree. */
export interface CodeTreeNode {
  readonly code: Code;
  readonly children: readonly CodeTreeNode[];
}

/** The codebook as the Gioia tree: dimensions with their themes and concepts, and what is not yet grouped. */
export interface GioiaTree {
  readonly dimensions: readonly CodeTreeNode[];
  readonly ungroupedThemes: readonly CodeTreeNode[];
  readonly ungroupedConcepts: readonly CodeTreeNode[];
  /** Codes outside the three levels (from imports), as their own tree. */
  readonly unplaced: readonly CodeTreeNode[];
}

/** The codebook's manual order: sort order, then creation, then label. */
export const bySortOrder = (a: Code, b: Code) => a.sortOrder - b.sortOrder || a.createdAt - b.createdAt || a.label.localeCompare(b.label);

let lastCodes: AppState['codes'] | null = null;
let lastTree: GioiaTree | null = null;
/** The previous tree's nodes by code id: a node whose code and children are unchanged is reused, so memoised rows skip it. */
let lastNodes = new Map<string, CodeTreeNode>();

/** The Gioia tree of the codebook (memoised on the codes object; unchanged subtrees keep their identity). */
export function selectGioiaTree(state: AppState): GioiaTree {
  if (state.codes === lastCodes && lastTree) return lastTree;
  const all = Object.values(state.codes);
  const children = new Map<string | null, Code[]>();
  for (const code of all) {
    const list = children.get(code.parentId) ?? [];
    list.push(code);
    children.set(code.parentId, list);
  }
  const nodes = new Map<string, CodeTreeNode>();
  const node = (code: Code): CodeTreeNode => {
    const kids = (children.get(code.id) ?? []).sort(bySortOrder).map(node);
    const previous = lastNodes.get(code.id);
    const same = previous && previous.code === code && previous.children.length === kids.length && previous.children.every((child, i) => child === kids[i]);
    const built = same ? previous : { code, children: kids };
    nodes.set(code.id, built);
    return built;
  };
  const roots = (children.get(null) ?? []).sort(bySortOrder);
  lastTree = {
    dimensions: roots.filter((c) => c.level === 3).map(node),
    ungroupedThemes: roots.filter((c) => c.level === 2).map(node),
    ungroupedConcepts: roots.filter((c) => c.level === 1).map(node),
    unplaced: roots.filter((c) => c.level === null).map(node),
  };
  lastNodes = nodes;
  lastCodes = state.codes;
  return lastTree;
}

/** "Theme › Dimension" above a code, for showing where a concept belongs. */
export function codePath(codes: AppState['codes'], id: string): string {
  const names: string[] = [];
  let current = codes[id]?.parentId ?? null;
  while (current && codes[current]) {
    names.push(codes[current]!.label);
    current = codes[current]!.parentId;
  }
  return names.join(' › ');
}

/** The ids of a code and every code under it. */
export function withDescendants(codes: AppState['codes'], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const code of Object.values(codes)) {
      if (code.parentId && ids.has(code.parentId) && !ids.has(code.id)) {
        ids.add(code.id);
        grew = true;
      }
    }
  }
  return ids;
}

let lastVisibleInput: [AppState['codings'], AppState['codes'], AppState['filter'], AppState['blindCoderId']] | null = null;
let lastVisible: readonly Coding[] = [];

/**
 * The open document's codings the transcript shows under the current filter (memoised). While
 * blind coding is on only the blind coder's codings are shown, whatever the filter says.
 */
export function selectVisibleCodings(state: AppState): readonly Coding[] {
  const input: [AppState['codings'], AppState['codes'], AppState['filter'], AppState['blindCoderId']] = [state.codings, state.codes, state.filter, state.blindCoderId];
  if (lastVisibleInput && input.every((v, i) => v === lastVisibleInput![i])) return lastVisible;
  const all = Object.values(state.codings);
  const codeIds = state.filter.codeId ? withDescendants(state.codes, state.filter.codeId) : null;
  const coderId = selectCountedCoderId(state);
  lastVisible = all.filter((c) => (!codeIds || codeIds.has(c.codeId)) && (!coderId || c.coderId === coderId));
  lastVisibleInput = input;
  return lastVisible;
}

let lastCounted: [AppState['codings'], string | null] | null = null;
let lastCodingCount = 0;

/**
 * How many codings the open document has — only the counted coder's under blind coding or the
 * coder filter (memoised: selectors run on every store change).
 */
export function selectCodingCount(state: AppState): number {
  const coderId = selectCountedCoderId(state);
  if (!lastCounted || state.codings !== lastCounted[0] || coderId !== lastCounted[1]) {
    lastCounted = [state.codings, coderId];
    const all = Object.values(state.codings);
    lastCodingCount = coderId ? all.filter((c) => c.coderId === coderId).length : all.length;
  }
  return lastCodingCount;
}
