import type { DeleteImpactResult } from '../../../shared/api/methods/codes';
import type { Level } from '../../../shared/model/levels';
import type { Code } from '../../../shared/model/types';
import { bySortOrder } from '../../store/selectors';

type Codes = Readonly<Record<string, Code>>;

/** The ids from `anchor` to `id` (inclusive) in the order shown; just `id` when the anchor is not shown. */
export function rangeSelection(shown: readonly string[], anchor: string | null, id: string): string[] {
  const from = anchor ? shown.indexOf(anchor) : -1;
  const to = shown.indexOf(id);
  if (from < 0 || to < 0) return [id];
  return from <= to ? shown.slice(from, to + 1) : shown.slice(to, from + 1).reverse();
}

/** `ids` with `id` added, or removed when it was there. */
export function toggleId(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}

/** The codes of one group (same parent, same level) in manual order. */
export function siblingsOf(codes: Codes, code: Code): Code[] {
  return Object.values(codes)
    .filter((c) => c.parentId === code.parentId && c.level === code.level)
    .sort(bySortOrder);
}

/** The group's order with `id` moved `delta` places (−1 up, +1 down); null when it cannot move further. */
export function moveWithin(ids: readonly string[], id: string, delta: number): string[] | null {
  const at = ids.indexOf(id);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= ids.length || delta === 0) return null;
  const next = [...ids];
  next.splice(at, 1);
  next.splice(to, 0, id);
  return next;
}

/** The level shared by all these codes; 'mixed' when they differ, null when none are given. */
export function commonLevel(codes: Codes, ids: readonly string[]): Level | null | 'mixed' | 'none' {
  const levels = new Set(ids.map((id) => codes[id]?.level ?? null));
  if (ids.length === 0) return 'none';
  if (levels.size > 1) return 'mixed';
  return [...levels][0]!;
}

/** Where promoting codes puts them: one level up, under the group their group belongs to (if all share it). */
export function promotion(codes: Codes, ids: readonly string[]): { level: Level; parentId: string | null } | null {
  const level = commonLevel(codes, ids);
  if (level !== 1 && level !== 2) return null;
  const grandparents = new Set(ids.map((id) => codes[codes[id]?.parentId ?? '']?.parentId ?? null));
  const parentId = grandparents.size === 1 ? [...grandparents][0]! : null;
  return { level: (level + 1) as Level, parentId };
}

/** Where demoting codes puts them: one level down, not yet grouped. */
export function demotion(codes: Codes, ids: readonly string[]): { level: Level; parentId: null } | null {
  const level = commonLevel(codes, ids);
  if (level !== 2 && level !== 3) return null;
  return { level: (level - 1) as Level, parentId: null };
}

/** Why an action cannot run on the selection (for the button's title), or null when it can. */
export interface SelectionActions {
  readonly merge: string | null;
  readonly split: string | null;
  readonly promote: string | null;
  readonly demote: string | null;
  readonly move: string | null;
}

/** What the selection allows, each with the reason when it does not. */
export function selectionActions(codes: Codes, ids: readonly string[], levelNames: readonly [string, string, string]): SelectionActions {
  const level = commonLevel(codes, ids);
  const mixed = level === 'mixed' ? 'The selected codes are on different levels' : null;
  const only = ids.length === 1 ? codes[ids[0]!] : undefined;
  return {
    merge: ids.length < 2 ? 'Select two or more codes on the same level to merge them' : mixed,
    split: !only ? 'Select one code to split it' : only.codingCount < 1 ? `“${only.label}” has no codings to split off` : null,
    promote: mixed ?? (level === 3 ? `${levelNames[2]} are the top level` : level === null ? 'Place the code in a level first' : null),
    demote: mixed ?? (level === 1 ? `${levelNames[0]} are the bottom level` : level === null ? 'Place the code in a level first' : null),
    move: mixed ?? (level === 3 ? `${levelNames[2]} belong to no group` : level === null ? 'Place the code in a level first' : null),
  };
}

/** The groups codes of `level` can go into (codes one level up), by label. */
export function groupsFor(codes: Codes, level: Level): Code[] {
  return Object.values(codes)
    .filter((c) => c.level === level + 1)
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** "3 codes, 12 codings, 2 starred, 4 released": what a deletion removes, as the confirmation says it. */
export function describeDeleteImpact(impact: Pick<DeleteImpactResult, 'codes' | 'codings' | 'representative' | 'released'>): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [n(impact.codes, 'code', 'codes'), n(impact.codings, 'coding', 'codings'), `${impact.representative} starred`, `${impact.released} released`].join(', ');
}

/** "Second-order themes" → "Second-order theme" for buttons; names that are not English plurals stay. */
export function singular(name: string): string {
  if (/ies$/i.test(name)) return name.replace(/ies$/i, 'y');
  if (/(ss|us)$/i.test(name)) return name;
  return name.replace(/s$/i, '');
}
