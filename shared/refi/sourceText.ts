import { detectSpeakerLabels } from '../import/plainText';
import { paragraphTurns, type ParsedTurn } from '../import/transcript';

// Between the plain text other QDA tools exchange ("Inger: Det handler om …" on each turn, CRLF,
// decomposed letters) and Stige's canonical text (labels in turns, LF, NFC), with a position map
// in both directions so that every selection lands on the same words.

/** A label written into (or found in) a plain text: `length` UTF-16 units from `start` of that text. */
export interface LabelPrefix {
  readonly start: number;
  readonly length: number;
  readonly label: string;
}

/** A source's text made canonical, with turns and a way to carry positions over. */
export interface CanonicalSource {
  readonly text: string;
  readonly turns: readonly ParsedTurn[];
  /** The speaker labels that were moved out of the text. */
  readonly labels: readonly string[];
  readonly prefixes: readonly LabelPrefix[];
  /**
   * The canonical offset for a UTF-16 offset of the raw text. Offsets inside something that left
   * the text (a label, the CR of a CRLF, a letter recomposed by NFC) move forward for a start and
   * backward for an end, so a selection only ever shrinks to whole characters.
   */
  map(rawOffset: number, side: 'start' | 'end'): number;
  /** True when `[start, end)` of the raw text lies entirely within removed labels. */
  onlyLabel(rawStart: number, rawEnd: number): boolean;
}

const LABEL_PREFIX = /^([ \t]*)([^:\n]{1,60}?)[ \t]*:[ \t]+(?=\S)/u;

/**
 * Make `raw` (as written, BOM removed) canonical: line breaks become LF, lines are NFC, and speaker
 * labels at the start of lines leave the text for turns. Labels are the ones `detectSpeakerLabels`
 * finds (the transcript importer's rule), unless `exact` lists the prefixes to remove (a Stige
 * export, whose labels are known). Blank lines and spacing are kept, so positions stay faithful.
 */
export function canonicalizeSourceText(raw: string, exact?: readonly LabelPrefix[]): CanonicalSource {
  const normalizedForDetection = raw.replace(/\r\n?/g, '\n').normalize('NFC');
  const detected = exact ? null : (detectSpeakerLabels(normalizedForDetection) ?? detectSpeakerLabels(unwrapParagraphs(normalizedForDetection)));
  const exactByStart = new Map((exact ?? []).map((p) => [p.start, p]));
  const map = new Int32Array(raw.length + 1).fill(-1);
  const labelCovered = new Uint8Array(raw.length + 1);
  const parts: string[] = [];
  const prefixes: LabelPrefix[] = [];
  const starts: { at: number; label: string }[] = [];
  let c = 0;
  let i = 0;
  while (i <= raw.length) {
    let lineEnd = i;
    while (lineEnd < raw.length && raw.charCodeAt(lineEnd) !== 0x0a && raw.charCodeAt(lineEnd) !== 0x0d) lineEnd += 1;
    let contentStart = i;
    const line = raw.slice(i, lineEnd);
    const prefix = exact ? exactByStart.get(i) : detectedPrefix(line, detected, i);
    if (prefix && prefix.length <= line.length) {
      contentStart = i + prefix.length;
      prefixes.push(prefix);
      for (let k = i; k < contentStart; k += 1) labelCovered[k] = 1;
      map[i] = c;
      starts.push({ at: c, label: prefix.label });
    }
    c = appendNfc(raw, contentStart, lineEnd, c, parts, map);
    if (lineEnd >= raw.length) break;
    const crlf = raw.charCodeAt(lineEnd) === 0x0d && raw.charCodeAt(lineEnd + 1) === 0x0a;
    parts.push('\n');
    c += 1;
    i = lineEnd + (crlf ? 2 : 1);
    map[i] = c;
  }
  const text = parts.join('');
  const turns = starts.length === 0 ? paragraphTurns(text) : labelledTurns(text, starts);
  return {
    text,
    turns,
    labels: [...new Set(starts.map((s) => s.label))],
    prefixes,
    map(rawOffset, side) {
      let at = Math.max(0, Math.min(raw.length, rawOffset));
      if (side === 'start') while (map[at] === -1 && at < raw.length) at += 1;
      else while (map[at] === -1 && at > 0) at -= 1;
      return map[at] === -1 ? 0 : map[at]!;
    },
    onlyLabel(rawStart, rawEnd) {
      if (rawEnd <= rawStart) return false;
      for (let k = Math.max(0, rawStart); k < Math.min(rawEnd, raw.length); k += 1) {
        if (!labelCovered[k] && !/\s/.test(raw[k]!)) return false;
      }
      return true;
    },
  };
}

/**
 * Transcripts exported with hard line wrapping (qc, many word processors) have far more
 * continuation lines than labelled lines; label detection then sees them as blank-line-separated
 * paragraphs, each read as one line.
 */
function unwrapParagraphs(text: string): string {
  if (!/\n[ \t]*\n/.test(text)) return text;
  return text
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function detectedPrefix(line: string, labels: ReadonlySet<string> | null, lineStart: number): LabelPrefix | null {
  if (!labels) return null;
  const match = LABEL_PREFIX.exec(line.normalize('NFC'));
  if (!match) return null;
  const label = match[2]!.trim();
  if (!labels.has(label)) return null;
  // Measure the prefix on the line as written (NFC may have shortened it).
  const written = LABEL_PREFIX.exec(line);
  if (!written || written[2]!.trim().normalize('NFC') !== label) return null;
  return { start: lineStart, length: written[0].length, label };
}

/**
 * Append `raw[from, to)` in NFC, recording canonical offsets in `map`. Lines that NFC leaves alone
 * (nearly all) map one to one; otherwise each base character with its combining marks is
 * normalised on its own, so offsets are known at every character boundary.
 */
function appendNfc(raw: string, from: number, to: number, c: number, parts: string[], map: Int32Array): number {
  const piece = raw.slice(from, to);
  const nfc = piece.normalize('NFC');
  if (nfc === piece) {
    for (let k = from; k <= to; k += 1) map[k] = c + (k - from);
    parts.push(piece);
    return c + piece.length;
  }
  let out = c;
  let k = from;
  map[k] = out;
  while (k < to) {
    let next = k + 1;
    if (isHighSurrogate(raw.charCodeAt(k)) && next < to) next += 1;
    while (next < to && /\p{M}/u.test(String.fromCodePoint(raw.codePointAt(next)!))) next += raw.codePointAt(next)! > 0xffff ? 2 : 1;
    const chunk = raw.slice(k, next).normalize('NFC');
    parts.push(chunk);
    out += chunk.length;
    k = next;
    map[k] = out;
  }
  return out;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Turns from label positions: each runs to the end of the last non-blank line before the next label. */
function labelledTurns(text: string, starts: readonly { at: number; label: string }[]): ParsedTurn[] {
  const turns: ParsedTurn[] = [];
  const first = starts[0]!.at;
  if (first > 0) {
    for (const t of paragraphTurns(text.slice(0, first))) turns.push(t);
  }
  starts.forEach((s, index) => {
    const limit = index + 1 < starts.length ? starts[index + 1]!.at : text.length;
    let end = limit;
    while (end > s.at && /\s/.test(text[end - 1]!)) end -= 1;
    // A turn covers whole paragraphs: extend to the end of the paragraph it stops in.
    const lineEnd = text.indexOf('\n', end);
    end = Math.min(lineEnd === -1 ? text.length : lineEnd, limit);
    if (end < s.at) end = s.at;
    turns.push({ start: s.at, end, speaker: s.label, timeStartMs: null, timeEndMs: null });
  });
  return turns;
}

/** The plain text written for another tool, with positions carried from the canonical text. */
export interface LabelledText {
  readonly text: string;
  readonly prefixes: readonly LabelPrefix[];
  /** Export offset for a canonical start offset (after a label inserted there). */
  mapStart(offset: number): number;
  /** Export offset for a canonical end offset (before a label inserted there). */
  mapEnd(offset: number): number;
}

/**
 * Write speaker labels back into a canonical text, "Label: " at the start of each labelled turn,
 * as other tools keep them. Turns without a label (unnamed speakers) get none.
 */
export function writeLabels(text: string, turns: readonly { readonly start: number; readonly label: string | null }[]): LabelledText {
  const inserts = turns
    .filter((t): t is { start: number; label: string } => !!t.label && t.start <= text.length)
    .map((t) => ({ at: t.start, prefix: `${t.label}: ` }))
    .sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  const prefixes: LabelPrefix[] = [];
  const cumulative: number[] = [];
  let from = 0;
  let shift = 0;
  for (const insert of inserts) {
    parts.push(text.slice(from, insert.at));
    prefixes.push({ start: insert.at + shift, length: insert.prefix.length, label: insert.prefix.slice(0, -2) });
    parts.push(insert.prefix);
    shift += insert.prefix.length;
    cumulative.push(shift);
    from = insert.at;
  }
  parts.push(text.slice(from));
  const shiftAt = (offset: number, inclusive: boolean): number => {
    let lo = 0;
    let hi = inserts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const at = inserts[mid]!.at;
      if (inclusive ? at <= offset : at < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : cumulative[lo - 1]!;
  };
  return {
    text: parts.join(''),
    prefixes,
    mapStart: (offset) => offset + shiftAt(offset, true),
    mapEnd: (offset) => offset + shiftAt(offset, false),
  };
}

/** A small stable hash (FNV-1a, 32 bits, hex) to recognise a text Stige wrote itself. */
export function textFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(16)}-${hash.toString(16).padStart(8, '0')}`;
}
