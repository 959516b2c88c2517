// Which unit a REFI-QDA file's selection positions count in. The standard says Unicode code points
// of the plain-text file; NVivo for Windows writes UTF-16 code units; some producers count a CRLF
// line break as one character (positions in the text after line endings were normalised) and a
// few count a byte-order mark. The unit is decided per source from the data: the reading that
// puts the most selection boundaries on word boundaries wins.

/** How positions count characters. */
export type OffsetUnit = 'codepoint' | 'utf16';

/** How a CRLF line break counts: as written (two characters) or as one. */
export type LineBreakCount = 'as-written' | 'crlf-as-one';

/** One way of reading the positions of a source. */
export interface OffsetReading {
  readonly unit: OffsetUnit;
  readonly lineBreaks: LineBreakCount;
  /** Whether position 0 is the byte-order mark. */
  readonly bomCounted: boolean;
}

/** The chosen reading, how well it fits, and how the others fared. */
export interface OffsetDetection {
  readonly reading: OffsetReading;
  /** Share of selection boundaries (starts and ends) on word boundaries under the chosen reading, 0..1; null without selections. */
  readonly score: number | null;
  /** Number of boundaries checked. */
  readonly checked: number;
  /** True when the text makes every reading equivalent (no CRLF, no BOM, no character outside the BMP). */
  readonly equivalent: boolean;
  readonly alternatives: readonly { readonly reading: OffsetReading; readonly score: number }[];
}

/** The reading the standard prescribes, preferred when readings tie. */
export const STANDARD_READING: OffsetReading = { unit: 'codepoint', lineBreaks: 'as-written', bomCounted: false };

/** A short description of a reading for reports ("UTF-16 code units, CRLF as two"). */
export function describeReading(reading: OffsetReading): string {
  const unit = reading.unit === 'codepoint' ? 'Unicode code points' : 'UTF-16 code units';
  const breaks = reading.lineBreaks === 'as-written' ? 'line breaks as written' : 'CRLF counted as one';
  return `${unit}, ${breaks}${reading.bomCounted ? ', byte-order mark counted' : ''}`;
}

const MAX_CHECKED = 4000;

/**
 * Decide how a source's positions count. `raw` is the plain text as written (CRLF kept, BOM
 * removed; `hadBom` says whether there was one); `ranges` are the selections' positions as the file
 * wrote them. Readings the text cannot tell apart are not considered; ties go to the standard.
 */
export function detectOffsetReading(raw: string, hadBom: boolean, ranges: readonly { readonly start: number; readonly end: number }[]): OffsetDetection {
  const hasAstral = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(raw);
  const hasCrlf = raw.includes('\r\n');
  const candidates: OffsetReading[] = [];
  for (const unit of hasAstral ? (['codepoint', 'utf16'] as const) : (['codepoint'] as const)) {
    for (const lineBreaks of hasCrlf ? (['as-written', 'crlf-as-one'] as const) : (['as-written'] as const)) {
      for (const bomCounted of hadBom ? [false, true] : [false]) candidates.push({ unit, lineBreaks, bomCounted });
    }
  }
  const sample = ranges.slice(0, MAX_CHECKED);
  const equivalent = candidates.length === 1;
  if (sample.length === 0 || equivalent) {
    const score = sample.length === 0 ? null : scoreReading(raw, STANDARD_READING, sample);
    return { reading: STANDARD_READING, score, checked: sample.length * 2, equivalent, alternatives: [] };
  }
  const scored = candidates.map((reading) => ({ reading, score: scoreReading(raw, reading, sample) }));
  // Stable sort keeps the standard's order among equal scores.
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const best = ranked[0]!;
  return { reading: best.reading, score: best.score, checked: sample.length * 2, equivalent, alternatives: ranked.slice(1) };
}

/**
 * A function from a file position (under `reading`) to a UTF-16 offset in `raw` (as written), or
 * null when the position is outside the text.
 */
export function positionConverter(raw: string, reading: OffsetReading): (position: number) => number | null {
  const shift = reading.bomCounted ? 1 : 0;
  if (reading.unit === 'utf16' && reading.lineBreaks === 'as-written') {
    return (position) => {
      const index = position - shift;
      return Number.isInteger(index) && index >= 0 && index <= raw.length ? index : null;
    };
  }
  // Offsets of the text the positions count in, as UTF-16 offsets of `raw`.
  const boundaries = new Int32Array(raw.length + 1);
  let count = 0;
  for (let i = 0; i <= raw.length; ) {
    boundaries[count] = i;
    count += 1;
    if (i === raw.length) break;
    const code = raw.charCodeAt(i);
    let step = 1;
    if (reading.unit === 'codepoint' && code >= 0xd800 && code <= 0xdbff) {
      const next = raw.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) step = 2;
    }
    if (reading.lineBreaks === 'crlf-as-one' && code === 0x0d && raw.charCodeAt(i + 1) === 0x0a) step = 2;
    i += step;
  }
  return (position) => {
    const index = position - shift;
    if (!Number.isInteger(index) || index < 0 || index >= count) return null;
    return boundaries[index]!;
  };
}

function scoreReading(raw: string, reading: OffsetReading, ranges: readonly { readonly start: number; readonly end: number }[]): number {
  const convert = positionConverter(raw, reading);
  let good = 0;
  for (const range of ranges) {
    const start = convert(range.start);
    const end = convert(range.end);
    if (start === null || end === null || end < start) continue;
    if (onWordBoundary(raw, start)) good += 1;
    if (onWordBoundary(raw, end)) good += 1;
  }
  return good / (ranges.length * 2);
}

const WORD = /[\p{L}\p{N}\p{M}_'’]/u;

/** True when `offset` does not fall inside a word, a surrogate pair or a CRLF pair. */
export function onWordBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return false;
  if (before === 0x0d && after === 0x0a) return false;
  return !(WORD.test(text[offset - 1]!) && WORD.test(text[offset]!));
}

/**
 * A fast UTF-16 offset → code point offset conversion for one text (a prefix table, so that
 * thousands of selections in a long transcript cost one pass).
 */
export function codePointCounter(text: string): (utf16Offset: number) => number {
  const table = new Uint32Array(text.length + 1);
  let points = 0;
  for (let i = 0; i < text.length; i += 1) {
    table[i] = points;
    const code = text.charCodeAt(i);
    const pairEnd = code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
    if (!pairEnd) points += 1;
  }
  table[text.length] = points;
  return (offset) => table[Math.max(0, Math.min(text.length, offset))]!;
}
