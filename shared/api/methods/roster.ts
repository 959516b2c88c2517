import { z } from 'zod';
import { method } from '../define';
import { Id, Label, ShortText } from '../limits';
import type { Case, Informant } from '../../model/types';

/** What deleting an informant removes or unlinks. */
export interface InformantDeleteImpact {
  readonly informant: Informant;
  /** Speakers mapped to this person; they stay, unmapped. */
  readonly speakers: number;
  /** Documents in which this person speaks. */
  readonly documents: number;
  /** Codings attributed to this person; they stay, and lose this attribution. */
  readonly codings: number;
  /** Attribute values that go with the person. */
  readonly values: number;
  readonly deleted: boolean;
}

/** What deleting a case changes. */
export interface CaseDeleteImpact {
  readonly case: Case;
  /** Cases directly inside it; they move up to its parent (or the top level). */
  readonly children: number;
  /** Informants in it; they move to its parent case (or no case). */
  readonly informants: number;
  /** Documents in it; they move to its parent case (or no case). */
  readonly documents: number;
  readonly values: number;
  readonly deleted: boolean;
}

export const rosterMethods = {
  /**
   * Delete an informant or interviewer (undoable). Speakers mapped to the person become unmapped;
   * codings stay. With `dryRun` nothing changes and the result gives the counts for a confirmation.
   * Errors: NO_PROJECT, NOT_FOUND.
   */
  'informants.delete': method(z.strictObject({ id: Id, dryRun: z.boolean().optional() })).returns<InformantDeleteImpact>(),
  /**
   * Rename a case, change its display code or memo, or move it inside another case (`parentId`
   * null: top level). Errors: NO_PROJECT, NOT_FOUND, CONFLICT (a case cannot be inside itself or
   * one of its own sub-cases).
   */
  'cases.update': method(
    z.strictObject({ id: Id, name: Label.optional(), code: z.string().trim().max(50).optional(), parentId: Id.nullable().optional(), memo: ShortText.optional() }),
  ).returns<Case>(),
  /**
   * Delete a case (undoable): its sub-cases, informants and documents move up to its parent case
   * (or to no case at the top). With `dryRun` nothing changes; the result gives the counts.
   * Errors: NO_PROJECT, NOT_FOUND.
   */
  'cases.delete': method(z.strictObject({ id: Id, dryRun: z.boolean().optional() })).returns<CaseDeleteImpact>(),
};
