import { z } from 'zod';
import { method } from '../define';
import { Color, Id, Label, NoArgs, ShortText } from '../limits';
import type { Code } from '../../model/types';

/** Support of one code, for lists and the figure (see `codes.stats`). */
export interface CodeStats {
  readonly codeId: string;
  readonly codings: number;
  readonly informants: number;
  readonly representative: number;
}

/** What deleting codes removes: the numbers a confirmation shows. */
export interface DeleteImpactResult {
  readonly codes: number;
  readonly codings: number;
  readonly representative: number;
  /** Children left not grouped. */
  readonly released: number;
  readonly labels: readonly string[];
}

const Ids = z.array(Id).min(1).max(10_000);

/** A stored level, or null for "not yet placed". */
export const LevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const codesMethods = {
  /** The whole codebook, every level, in manual order. Errors: NO_PROJECT. */
  'codes.list': method(NoArgs).returns<readonly Code[]>(),
  /**
   * Create a code at a level (null = not yet placed), optionally under a parent one level up.
   * Errors: NO_PROJECT, VALIDATION, NOT_FOUND (parent), CONFLICT (Gioia rule).
   */
  'codes.create': method(
    z.strictObject({
      label: Label,
      level: LevelSchema.nullable(),
      parentId: Id.nullable().optional(),
      color: Color.optional(),
      heading: ShortText.optional(),
      description: ShortText.optional(),
    }),
  ).returns<Code>(),
  /** Rename, recolour, describe a code. Errors: NO_PROJECT, NOT_FOUND, VALIDATION. */
  'codes.update': method(
    z.strictObject({
      id: Id,
      label: Label.optional(),
      color: Color.optional(),
      heading: ShortText.optional(),
      description: ShortText.optional(),
      memo: ShortText.optional(),
    }),
  ).returns<Code>(),
  /**
   * Move codes under `parentId` (null = out of any group), optionally before a sibling, as one
   * undoable step; every code keeps its level. Errors: NO_PROJECT, NOT_FOUND, CONFLICT (Gioia rule).
   */
  'codes.move': method(
    z.strictObject({
      ids: z.array(Id).min(1).max(10_000),
      parentId: Id.nullable(),
      beforeId: Id.nullable().optional(),
    }),
  ).returns<readonly Code[]>(),
  /**
   * Delete a code and its codings; its children stay, not grouped. Returns what was removed.
   * Errors: NO_PROJECT, NOT_FOUND.
   */
  'codes.delete': method(z.strictObject({ id: Id })).returns<{ readonly codes: number; readonly codings: number }>(),
  /**
   * Counts per code: codings, distinct informants (speakers of the turns a coding overlaps) and
   * representative codings, over non-orphaned codings in documents used in the analysis; themes
   * and dimensions include everything below them. Codes without codings have zeros.
   * Errors: NO_PROJECT.
   */
  'codes.stats': method(NoArgs).returns<readonly CodeStats[]>(),
  /**
   * Merge codes into `targetId` (same level) as one undoable step: their codings move to it (a
   * passage the target already has by the same coder collapses into one, keeping the star and
   * memo), their children move under it, their memos are appended; then they are deleted.
   * Errors: NO_PROJECT, NOT_FOUND, CONFLICT (different levels, nothing to merge).
   */
  'codes.merge': method(z.strictObject({ sourceIds: Ids, targetId: Id })).returns<{
    readonly code: Code;
    readonly moved: number;
    readonly collapsed: number;
    readonly removed: number;
    readonly children: number;
  }>(),
  /**
   * Split a code: the codings `codingIds` (all the code's own) go to an existing code on the same
   * level (`into: {id}`) or to a new code created right after it (`into: {label, description?}`),
   * as one undoable step. Errors: NO_PROJECT, NOT_FOUND, VALIDATION, CONFLICT (a coding of another
   * code, a target on another level or the code itself).
   */
  'codes.split': method(
    z.strictObject({
      id: Id,
      codingIds: Ids,
      into: z.union([z.strictObject({ id: Id }), z.strictObject({ label: Label, description: ShortText.optional() })]),
    }),
  ).returns<{ readonly code: Code; readonly created: boolean; readonly moved: number; readonly collapsed: number }>(),
  /**
   * Promote or demote codes to `level`, under `parentId` (a code one level up) or under nothing.
   * A code whose level changes cannot keep its children: `children: 'refuse'` (default) makes that
   * a CONFLICT naming them; `'release'` leaves them not grouped. One undoable step.
   * Errors: NO_PROJECT, NOT_FOUND, CONFLICT (Gioia rule, children).
   */
  'codes.setLevel': method(
    z.strictObject({
      ids: Ids,
      level: LevelSchema,
      parentId: Id.nullable().optional(),
      children: z.enum(['refuse', 'release']).optional(),
    }),
  ).returns<{ readonly codes: readonly Code[]; readonly released: number }>(),
  /**
   * Set the order of one group: `ids` lists every code with parent `parentId` (null: top of the
   * codebook) on `level` (null: not yet placed), in the new order. One undoable step.
   * Errors: NO_PROJECT, NOT_FOUND, VALIDATION, CONFLICT (the list is not exactly the group).
   */
  'codes.reorder': method(z.strictObject({ parentId: Id.nullable(), level: LevelSchema.nullable(), ids: Ids })).returns<readonly Code[]>(),
  /**
   * What deleting `ids` would remove (for the confirmation): codes, codings, starred codings and
   * children left not grouped. `withChildren` includes everything below them. Changes nothing.
   * Errors: NO_PROJECT, NOT_FOUND.
   */
  'codes.deletePreview': method(z.strictObject({ ids: Ids, withChildren: z.boolean().optional() })).returns<DeleteImpactResult>(),
  /**
   * Delete codes with their codings as one undoable step; with `withChildren` everything below
   * them too, else their children stay, not grouped. Returns what was removed.
   * Errors: NO_PROJECT, NOT_FOUND.
   */
  'codes.deleteMany': method(z.strictObject({ ids: Ids, withChildren: z.boolean().optional() })).returns<DeleteImpactResult>(),
};
