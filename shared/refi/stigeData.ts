import { z } from 'zod';

// What REFI-QDA has no place for, written by Stige into one note of its exports ("Stige data") so
// that a Stige → .qdpx → Stige round trip loses nothing: levels and headings of codes, speaker
// turns and where the labels were written into each text, representative-quote flags and excerpts,
// informants' roles and cases. Other tools show it as an ordinary memo; Stige reads it back only
// for objects whose GUIDs and texts still match.

/** The note's name in exports. */
export const STIGE_DATA_NOTE_NAME = 'Stige data (used by Stige to restore this project; leave unchanged)';

const Level = z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable();

/** The JSON in the "Stige data" note. Parsed with zod because the file comes from outside. */
export const StigeDataSchema = z.object({
  format: z.literal('stige-refi'),
  version: z.literal(1),
  project: z.object({
    id: z.string(),
    levels: z.tuple([z.string(), z.string(), z.string()]),
  }),
  codes: z.record(
    z.string(),
    z.object({ level: Level, heading: z.string(), originalPath: z.string().nullable(), sortOrder: z.number().int(), createdBy: z.string().nullable(), createdAt: z.number(), updatedAt: z.number() }),
  ),
  documents: z.record(
    z.string(),
    z.object({
      /** textFingerprint of the plain text written to the .txt. */
      fingerprint: z.string(),
      kind: z.enum(['interview', 'document', 'note']),
      date: z.string().nullable(),
      durationMs: z.number().nullable(),
      usedInAnalysis: z.boolean(),
      sourceName: z.string(),
      sourceFormat: z.string(),
      caseId: z.string().nullable(),
      /** [start, length, label] of each label written into the text (UTF-16 offsets of the written text). */
      labels: z.array(z.tuple([z.number().int(), z.number().int(), z.string()])),
      speakers: z.array(z.object({ id: z.string(), label: z.string(), informantId: z.string().nullable(), role: z.enum(['informant', 'interviewer']).nullable() })),
      /** [start, end, speaker index or null, time start, time end] over the canonical text. */
      turns: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int().nullable(), z.number().nullable(), z.number().nullable()])),
    }),
  ),
  codings: z.record(z.string(), z.object({ representative: z.boolean(), repOrder: z.number().int(), excerpt: z.string().nullable(), status: z.enum(['ok', 'changed', 'orphaned']) })),
  informants: z.record(z.string(), z.object({ role: z.enum(['informant', 'interviewer']), caseId: z.string().nullable(), sortOrder: z.number().int() })),
  cases: z.record(z.string(), z.object({ parentId: z.string().nullable(), code: z.string(), sortOrder: z.number().int() })),
  memos: z.array(z.string()),
});

/** The decoded "Stige data" note. */
export type StigeData = z.infer<typeof StigeDataSchema>;

/** Read a "Stige data" note's text; null when it is not one (or was edited into something else). */
export function readStigeData(content: string): StigeData | null {
  try {
    const parsed = StigeDataSchema.safeParse(JSON.parse(content));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
