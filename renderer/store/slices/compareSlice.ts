import type { SliceContext } from '../createAppStore';

/** State and actions of the compare feature (its components call these, never the API directly). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the feature
export interface CompareSlice {}

export function createCompareSlice(_ctx: SliceContext): CompareSlice {
  return {};
}
