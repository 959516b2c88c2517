import { z } from 'zod';

/** One "Save as type" entry of a native save dialog: a name and extensions without dots. */
export interface SaveFileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/** What the renderer may ask of a native save dialog: a proposed file name and the file types. */
export interface SaveFileRequest {
  /** A bare file name (no folder), e.g. `Thesis – data structure.svg`. */
  readonly defaultName: string;
  readonly filters: readonly SaveFileFilter[];
}

/** What the renderer may ask of a native open dialog: its title and the file types offered. */
export interface OpenFileRequest {
  readonly title: string;
  readonly filters: readonly SaveFileFilter[];
}

// The renderer is untrusted: a name may not climb folders or name a device, and filters are short.
const Filters = z
  .array(
    z.strictObject({
      name: z.string().trim().min(1).max(100),
      extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,10}$/, 'must be an extension without a dot')).min(1).max(10),
    }),
  )
  .max(10);

const SaveFileRequestSchema = z.strictObject({
  defaultName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .refine((name) => !/[\\/\0]/.test(name) && name !== '.' && name !== '..', 'must be a file name without a folder'),
  filters: Filters,
});

const OpenFileRequestSchema = z.strictObject({ title: z.string().trim().min(1).max(100), filters: Filters.min(1) });

/**
 * Check a save-dialog request coming from the renderer (Electron's main process calls this before
 * showing the dialog). Returns the request, or null when it is not one: a name with a folder, an
 * extension with a dot or path characters, too many or too long entries, or any unknown field.
 */
export function parseSaveFileRequest(value: unknown): SaveFileRequest | null {
  const parsed = SaveFileRequestSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Check an open-dialog request from the renderer, as parseSaveFileRequest does a save request. */
export function parseOpenFileRequest(value: unknown): OpenFileRequest | null {
  const parsed = OpenFileRequestSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
