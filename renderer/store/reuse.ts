// Structural sharing for data reloaded from the backend. After a change the slices reload whole
// lists (codes, documents, statistics), and most entries come back unchanged; keeping the previous
// objects for those lets memoised components and selectors skip them, so adding one coding
// re-renders the one code row it touched, not the whole codebook.

/** Shallow equality of two plain objects (own enumerable keys, values by identity). */
function sameFields(a: object, b: object): boolean {
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  for (const key of ak) if ((a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key]) return false;
  return true;
}

/** `next`, with each entry equal (field by field) to `previous`'s entry of the same key replaced by it; `previous` itself when nothing changed. */
export function reuseRecord<T extends object>(previous: Readonly<Record<string, T>>, next: Record<string, T>): Readonly<Record<string, T>> {
  let changed = Object.keys(previous).length !== Object.keys(next).length;
  for (const [key, value] of Object.entries(next)) {
    const old = previous[key];
    if (old !== undefined && sameFields(old, value)) next[key] = old;
    else changed = true;
  }
  return changed ? next : previous;
}

/** `next`, with entries equal to `previous`'s entry of the same id replaced by it; `previous` itself when nothing changed. */
export function reuseList<T extends { readonly id: string }>(previous: readonly T[], next: T[]): readonly T[] {
  const byId = new Map(previous.map((item) => [item.id, item]));
  let changed = previous.length !== next.length;
  next.forEach((item, i) => {
    const old = byId.get(item.id);
    if (old !== undefined && sameFields(old, item)) next[i] = old;
    if (next[i] !== previous[i]) changed = true;
  });
  return changed ? next : previous;
}
