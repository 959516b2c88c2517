import type { SliceContext } from '../createAppStore';

/** State and actions of the exports feature (its components call these, never the API directly). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the feature
export interface ExportsSlice {}

export function createExportsSlice(_ctx: SliceContext): ExportsSlice {
  return {};
}
