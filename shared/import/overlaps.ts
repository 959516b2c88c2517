/**
 * noScribe marks speech that overlaps a turn inline: `… versüßt. //S02: Ist das herrlich. // Ich
 * kann …`. The overlap is another speaker's short turn; the text around it stays the main
 * speaker's. An overlap that is never closed runs to the end of the text.
 */
const LABEL = String.raw`[^\s/:.][^/:.\n]{0,39}?`;
// A closing `//` directly followed by another `Label:` closes one overlap and opens the next.
const OVERLAP = new RegExp(String.raw`(?<!\S)\/\/[ \t]*(${LABEL})[ \t]*:[ \t]*([\s\S]*?)[ \t]*(?:(?=\/\/[ \t]*${LABEL}[ \t]*:)|\/\/|$)`, 'gu');

/** A piece of a turn: the main speaker's text, or an overlap by `speaker`. */
export interface TurnPiece {
  readonly speaker: string | null;
  readonly text: string;
  readonly overlap: boolean;
}

/**
 * Split `text`, spoken by `speaker`, at noScribe overlap markers. Returns one piece when there is
 * no marker. Empty pieces are dropped.
 */
export function splitOverlaps(text: string, speaker: string | null): TurnPiece[] {
  if (!text.includes('//')) return [{ speaker, text, overlap: false }];
  const pieces: TurnPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(OVERLAP)) {
    const before = text.slice(at, match.index).trim();
    if (before) pieces.push({ speaker, text: before, overlap: false });
    const said = match[2]!.trim();
    if (said) pieces.push({ speaker: match[1]!.trim(), text: said, overlap: true });
    at = match.index + match[0].length;
  }
  const rest = text.slice(at).trim();
  if (rest) pieces.push({ speaker, text: rest, overlap: false });
  return pieces.length > 0 ? pieces : [{ speaker, text, overlap: false }];
}

/**
 * True for a transcriber's pause marker standing alone, such as noScribe's `(12 seconds pause)`,
 * `(..)` or `(5 s)`: nobody's speech.
 */
export function isPauseMarker(text: string): boolean {
  return /^[([]\s*(?:\.{1,4}|…|\d+(?:[.,]\d+)?\s*(?:s|sec|secs|seconds?|sek|sekunden|sekunder)?\.?(?:\s*(?:pause|pausa))?|pause)\s*[)\]]$/iu.test(text.trim());
}
