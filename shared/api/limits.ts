import { z } from 'zod';

/** Size limits on arguments; anything larger is a VALIDATION error before a handler runs. */
export const LIMITS = {
  id: 100,
  label: 500,
  shortText: 10_000,
  longText: 20_000_000,
  path: 4096,
  list: 100_000,
  /** Bytes accepted by one upload (a file to import) over HTTP. */
  uploadBytes: 200 * 1024 * 1024,
} as const;

/** A stable object id (a UUID for objects Stige made; a GUID from REFI-QDA imports). */
export const Id = z.string().min(1).max(LIMITS.id);
/** A non-blank display label (trimmed). */
export const Label = z.string().trim().min(1, 'must not be empty').max(LIMITS.label);
/** Memo or description text. */
export const ShortText = z.string().max(LIMITS.shortText);
/** A file-system path (validated further by the transport). */
export const FilePath = z.string().min(1).max(LIMITS.path);
/** A UTF-16 offset into a canonical text. */
export const Offset = z.number().int().min(0).max(2 ** 31);
/** A `#rrggbb` colour. */
export const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #e69f00');
/** An empty argument object. */
export const NoArgs = z.strictObject({});
