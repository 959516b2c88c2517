import { FIGURE_FONT_METRICS, type FaceMetricsData } from './fontMetrics';

/** The two faces the figure uses: regular for concepts and counts, semibold for themes, dimensions, headers. */
export type FaceName = 'regular' | 'semibold';

/** The CSS/SVG font family of the figure font (Source Sans 3, shipped with Stige). */
export const FIGURE_FONT_FAMILY = 'Source Sans 3';

/** What SVG and CSS should name: the shipped font first, then look-alikes, then any sans-serif. */
export const FIGURE_FONT_STACK = "'Source Sans 3', 'Source Sans Pro', 'Segoe UI', Arial, sans-serif";

/** The numeric CSS weight of a face. */
export function faceWeight(face: FaceName): 400 | 600 {
  return face === 'regular' ? 400 : 600;
}

interface Face {
  readonly data: FaceMetricsData;
  readonly advances: ReadonlyMap<number, number>;
}

const faces = new Map<FaceName, Face>();

function face(name: FaceName): Face {
  let found = faces.get(name);
  if (!found) {
    const data = FIGURE_FONT_METRICS[name];
    const advances = new Map<number, number>();
    for (const run of data.runs) {
      const first = run[0]!;
      for (let i = 1; i < run.length; i++) advances.set(first + i - 1, run[i]!);
    }
    found = { data, advances };
    faces.set(name, found);
  }
  return found;
}

/** Combining marks and zero-width characters take no room of their own. */
function isZeroWidth(cp: number): boolean {
  return (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfe0f || cp === 0xfe0e || cp === 0x2060;
}

/**
 * Width of `text` in points at `size` points, from the font's advance widths (no kerning, no
 * ligatures: every renderer is told to draw without them). A character the font lacks (an emoji)
 * counts as one em, the usual width of the fallback glyph.
 */
export function measureText(text: string, faceName: FaceName, size: number): number {
  const { data, advances } = face(faceName);
  let units = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isZeroWidth(cp)) continue;
    units += advances.get(cp) ?? data.unitsPerEm;
  }
  return (units / data.unitsPerEm) * size;
}

/** Ascent and descent (positive, in points) of a face at `size`. */
export function fontExtents(faceName: FaceName, size: number): { readonly ascent: number; readonly descent: number; readonly capHeight: number } {
  const { data } = face(faceName);
  return {
    ascent: (data.ascent / data.unitsPerEm) * size,
    descent: (-data.descent / data.unitsPerEm) * size,
    capHeight: (data.capHeight / data.unitsPerEm) * size,
  };
}

/** True when the figure font has a glyph for every character of `text` (else a fallback font draws some). */
export function fontCovers(text: string): boolean {
  const { advances } = face('regular');
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!isZeroWidth(cp) && !advances.has(cp) && cp >= 0x20) return false;
  }
  return true;
}

/** Label text as one line: runs of white space (newlines, tabs) become one space. */
export function flattenLabel(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Split a word that is wider than `maxWidth` on its own: after hyphens or slashes if that helps, else between characters. */
function breakWord(word: string, faceName: FaceName, size: number, maxWidth: number): string[] {
  const parts = word.split(/(?<=[-‐/–])/u).filter(Boolean);
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current) pieces.push(current);
    current = '';
  };
  for (const part of parts) {
    if (measureText(current + part, faceName, size) <= maxWidth) {
      current += part;
      continue;
    }
    flush();
    if (measureText(part, faceName, size) <= maxWidth) {
      current = part;
      continue;
    }
    // Between characters (whole code points, so an emoji or a surrogate pair is never cut).
    for (const ch of part) {
      if (current && measureText(current + ch, faceName, size) > maxWidth) flush();
      current += ch;
    }
  }
  flush();
  return pieces;
}

/**
 * Wrap `text` into lines no wider than `maxWidth` points: greedy, at spaces; a word too long for
 * a line of its own is broken after a hyphen or slash, or else between characters. Never returns
 * an empty list for non-blank text; blank text gives [].
 */
export function wrapText(text: string, faceName: FaceName, size: number, maxWidth: number): string[] {
  const words = flattenLabel(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measureText(candidate, faceName, size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    if (measureText(word, faceName, size) <= maxWidth) {
      line = word;
      continue;
    }
    const pieces = breakWord(word, faceName, size, maxWidth);
    lines.push(...pieces.slice(0, -1));
    line = pieces[pieces.length - 1] ?? '';
  }
  if (line) lines.push(line);
  return lines;
}
