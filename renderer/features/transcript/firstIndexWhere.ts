/**
 * The first index in 0..count for which `holds` is true, by binary search; `count` when none.
 * `holds` must be monotonic (false, …, false, true, …, true): e.g. "this paragraph ends below the
 * viewport's top". Used to find paragraphs in view without measuring every one (each measure of a
 * paragraph out of view would force its layout).
 */
export function firstIndexWhere(count: number, holds: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
