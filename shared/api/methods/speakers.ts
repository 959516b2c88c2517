import { z } from 'zod';
import { method } from '../define';
import { Id, Label, LIMITS, Offset } from '../limits';
import type { Speaker, Turn } from '../../model/types';
import { PersonRoleSchema } from './people';

/** A speaker of one document as the "Speakers" step lists it. */
export interface SpeakerOverview {
  readonly speaker: Speaker;
  /** The label of the informant it is mapped to, or null. */
  readonly informantLabel: string | null;
  readonly turnCount: number;
  /** The start of its first turn (up to 160 UTF-16 units), for recognising the voice. */
  readonly sample: string;
  readonly firstTurnId: string | null;
  /** The time its first turn starts in the recording, when the source had times. */
  readonly firstTimeMs: number | null;
}

export const speakersMethods = {
  /**
   * The speakers of a document with their turn counts, a sample line each and their mapping, in
   * order of first appearance: what the "Speakers" step after an import shows.
   * Errors: NO_PROJECT, NOT_FOUND (document).
   */
  'speakers.list': method(z.strictObject({ documentId: Id })).returns<readonly SpeakerOverview[]>(),
  /**
   * Add a speaker to a document (to split an unnamed speaker, say), optionally mapped to an
   * informant or marked interviewer. One undoable step.
   * Errors: NO_PROJECT, NOT_FOUND (document, informant), VALIDATION.
   */
  'speakers.create': method(
    z.strictObject({ documentId: Id, label: Label, informantId: Id.nullable().optional(), role: PersonRoleSchema.nullable().optional() }),
  ).returns<Speaker>(),
  /**
   * Merge speaker `id` into speaker `intoId` of the same document: every turn of `id` becomes
   * `intoId`'s and `id` is removed (two labels that are one person). One undoable step.
   * Errors: NO_PROJECT, NOT_FOUND, CONFLICT (different documents, or the same speaker).
   */
  'speakers.merge': method(z.strictObject({ id: Id, intoId: Id })).returns<Speaker>(),
  /** Remove a speaker that has no turns left. Errors: NO_PROJECT, NOT_FOUND, CONFLICT (it still has turns). */
  'speakers.delete': method(z.strictObject({ id: Id })).returns<null>(),
  /**
   * Give turns to another speaker of their document: an existing one (`speakerId`), a new one
   * (`newSpeaker`, created in the same step), or nobody (`speakerId: null`, for text that is no
   * one's speech, such as a header). This is how a file imported with one unnamed speaker is
   * split. One undoable step. Errors: NO_PROJECT, NOT_FOUND, VALIDATION (neither or both targets),
   * CONFLICT (turns of several documents, or a speaker of another document).
   */
  'turns.assign': method(
    z.strictObject({
      turnIds: z.array(Id).min(1).max(LIMITS.list),
      speakerId: Id.nullable().optional(),
      newSpeaker: z.strictObject({ label: Label, informantId: Id.nullable().optional(), role: PersonRoleSchema.nullable().optional() }).optional(),
    }),
  ).returns<{ readonly speaker: Speaker | null; readonly turns: readonly Turn[] }>(),
  /**
   * Split a turn in two at `at`, which must start a paragraph inside the turn (turns cover whole
   * paragraphs); both halves keep the speaker, the first keeps the start time and the second the
   * end time. Then either half can be assigned to another speaker. One undoable step.
   * Errors: NO_PROJECT, NOT_FOUND, VALIDATION (`at` is not a paragraph start inside the turn).
   */
  'turns.split': method(z.strictObject({ turnId: Id, at: Offset })).returns<readonly [Turn, Turn]>(),
};
