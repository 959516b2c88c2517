import { z } from 'zod';
import { method } from '../define';
import { Id, Label, LIMITS, NoArgs, ShortText } from '../limits';
import type { Case, Coder, Informant, Speaker } from '../../model/types';

/** Informant or interviewer. */
export const PersonRoleSchema = z.enum(['informant', 'interviewer']);

/** A role label exports print ("Informant KS"); '' removes it. */
export const RoleLabel = z.string().trim().max(LIMITS.label);

export const peopleMethods = {
  /** Everyone who has coded in this project. Errors: NO_PROJECT. */
  'coders.list': method(NoArgs).returns<readonly Coder[]>(),
  /** Every informant and interviewer. Errors: NO_PROJECT. */
  'informants.list': method(NoArgs).returns<readonly Informant[]>(),
  /** Add an informant or interviewer. Errors: NO_PROJECT, VALIDATION, NOT_FOUND (case). */
  'informants.create': method(
    z.strictObject({
      label: Label,
      role: PersonRoleSchema.optional(),
      caseId: Id.nullable().optional(),
      realName: ShortText.optional(),
      roleLabel: RoleLabel.optional(),
    }),
  ).returns<Informant>(),
  /** Edit an informant. Errors: NO_PROJECT, NOT_FOUND, VALIDATION. */
  'informants.update': method(
    z.strictObject({
      id: Id,
      label: Label.optional(),
      role: PersonRoleSchema.optional(),
      caseId: Id.nullable().optional(),
      realName: ShortText.optional(),
      roleLabel: RoleLabel.optional(),
      memo: ShortText.optional(),
    }),
  ).returns<Informant>(),
  /** Every case. Errors: NO_PROJECT. */
  'cases.list': method(NoArgs).returns<readonly Case[]>(),
  /** Add a case, optionally inside another. Errors: NO_PROJECT, VALIDATION, NOT_FOUND (parent). */
  'cases.create': method(z.strictObject({ name: Label, code: z.string().max(50).optional(), parentId: Id.nullable().optional() })).returns<Case>(),
  /**
   * Rename a speaker (every turn follows) or map it to an informant or the interviewer role.
   * `informantLabel` maps it to the informant with that label, created (in the document's case)
   * when missing, in the same undoable step; it cannot be combined with `informantId`.
   * Errors: NO_PROJECT, NOT_FOUND, VALIDATION.
   */
  'speakers.update': method(
    z.strictObject({
      id: Id,
      label: Label.optional(),
      informantId: Id.nullable().optional(),
      informantLabel: Label.optional(),
      role: PersonRoleSchema.nullable().optional(),
    }),
  ).returns<Speaker>(),
};
