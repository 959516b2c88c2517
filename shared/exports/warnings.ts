/**
 * What the checks before an export can find. None of them blocks an export; the dialog lists them
 * and the CLI prints them on stderr.
 * - attribution-conflict: the same passage (or overlapping passages of one informant) is attributed
 *   in two ways across tables or exports, which lets readers link a pseudonym to a case.
 * - excerpt-mismatch: an excerpt no longer fits its source passage (the text was edited).
 * - passage-changed: the coded text changed or vanished after coding; the quote is as it is now.
 * - shared-label: two informants quoted in the tables print the same label.
 * - missing-case / missing-role: the attribution needs the informant's case (role label) and there
 *   is none; the quote is attributed anonymously instead.
 * - no-informant: an interview passage spoken by no known informant; attributed anonymously.
 * - no-dimension: a theme outside any dimension; its quotes are left out of per-dimension tables.
 * - no-quotes: a theme or dimension without quotes to show.
 * - footnotes-not-native: the footnote style in a format without footnotes (notes follow the table).
 */
export const EXPORT_WARNING_KINDS = [
  'attribution-conflict',
  'excerpt-mismatch',
  'passage-changed',
  'shared-label',
  'missing-case',
  'missing-role',
  'no-informant',
  'no-dimension',
  'no-quotes',
  'footnotes-not-native',
] as const;

/** One of EXPORT_WARNING_KINDS. */
export type ExportWarningKind = (typeof EXPORT_WARNING_KINDS)[number];

/** A warning with the objects it is about, so the UI can link to them. */
export interface ExportWarning {
  readonly kind: ExportWarningKind;
  readonly message: string;
  readonly codingIds: readonly string[];
  readonly informantIds: readonly string[];
  readonly codeIds: readonly string[];
  /** Earlier exports involved (attribution conflicts). */
  readonly exportIds: readonly string[];
}

/** A warning with empty id lists filled in. */
export function warning(
  kind: ExportWarningKind,
  message: string,
  ids: { codingIds?: readonly string[]; informantIds?: readonly string[]; codeIds?: readonly string[]; exportIds?: readonly string[] } = {},
): ExportWarning {
  return {
    kind,
    message,
    codingIds: ids.codingIds ?? [],
    informantIds: ids.informantIds ?? [],
    codeIds: ids.codeIds ?? [],
    exportIds: ids.exportIds ?? [],
  };
}
