/**
 * Canonical text: the one normalisation applied to every imported text (see README.md).
 * BOM removed, CRLF and lone CR become LF, Unicode NFC.
 */
export function normalizeText(raw: string): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  text = text.replace(/\r\n?/g, '\n');
  return text.normalize('NFC');
}

/** True when `text` is already canonical, i.e. `normalizeText(text) === text`. */
export function isCanonical(text: string): boolean {
  return normalizeText(text) === text;
}

/**
 * Normalise a short passage typed by a user (CLI `--text`, search box) the same way as the
 * canonical text, so it can be found in it.
 */
export function normalizePassage(passage: string): string {
  return normalizeText(passage);
}
