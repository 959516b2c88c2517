import type { SliceContext } from '../createAppStore';

/** State and actions of the team feature (its components call these, never the API directly). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the feature
export interface TeamSlice {}

export function createTeamSlice(_ctx: SliceContext): TeamSlice {
  return {};
}
