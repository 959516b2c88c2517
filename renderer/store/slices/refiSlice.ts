import type { SliceContext } from '../createAppStore';

/** State and actions of the refi feature (its components call these, never the API directly). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the feature
export interface RefiSlice {}

export function createRefiSlice(_ctx: SliceContext): RefiSlice {
  return {};
}
