import { z } from 'zod';
import { method } from '../define';
import { Color, Id, Label, NoArgs, ShortText } from '../limits';
import type { Code } from '../../model/types';

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
};
