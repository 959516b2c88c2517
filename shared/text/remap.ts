import { isCharBoundary, type TextRange } from './offsets';

/** One change to a canonical text: replace `[start, end)` (old offsets) with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What happened to a range through a set of edits. */
export type RangeChange = 'unchanged' | 'moved' | 'changed' | 'orphaned';

/** A range after remapping, with what happened to it. */
export interface RemappedRange extends TextRange {
  readonly change: RangeChange;
}

/** A speaker turn (or anything that must cover whole paragraphs) with an id. */
export interface ParagraphSpan extends TextRange {
  readonly id: string;
}

function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** Edits in text order (stable), without edits that change nothing (empty range, empty text). */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return edits
    .filter((e) => e.start !== e.end || e.text.length > 0)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map(({ e }) => e);
}

/**
 * Why `edits` (in any order) cannot be applied to `text`, or null: each must be within the text,
 * with `start <= end`, on character boundaries (never between the halves of an emoji), with no lone
 * surrogate in its new text; no two may overlap, and no two may insert at the same offset (their
 * order would be a guess). Edits that only touch (one ends where the next starts) are fine.
 */
export function editsProblem(text: string, edits: readonly TextEdit[]): string | null {
  for (const [index, edit] of edits.entries()) {
    const which = `edit ${index + 1} [${edit.start}, ${edit.end})`;
    if (!Number.isInteger(edit.start) || !Number.isInteger(edit.end)) return `${which}: start and end must be integers`;
    if (edit.start < 0) return `${which}: start is negative`;
    if (edit.end < edit.start) return `${which}: end is before start`;
    if (edit.end > text.length) return `${which}: end is past the end of the text (${text.length} chars)`;
    if (!isCharBoundary(text, edit.start)) return `${which}: start splits a character in two`;
    if (!isCharBoundary(text, edit.end)) return `${which}: end splits a character in two`;
    if (hasLoneSurrogate(edit.text)) return `${which}: the new text contains half a character (a lone surrogate)`;
  }
  const sorted = sortEdits(edits);
  for (let i = 1; i < sorted.length; i += 1) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (b.start < a.end) return `the edits [${a.start}, ${a.end}) and [${b.start}, ${b.end}) overlap`;
    if (a.start === a.end && b.start === b.end && a.start === b.start) {
      return `two edits insert text at offset ${a.start}; combine them into one`;
    }
  }
  return null;
}

/** The text after `edits` (sorted, validated: see `sortEdits`, `editsProblem`). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of edits) {
    parts.push(text.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/** Where text inserted exactly at an offset goes: before it (the offset moves past) or after it. */
export type InsertBias = 'before' | 'after';
/** Where an offset strictly inside a replaced stretch lands: at the replacement's start or its end. */
export type InsideBias = 'start' | 'end';

/**
 * Maps offsets of the old text to the new text through sorted, validated edits, in O(log n) per
 * offset. Offsets at a replaced stretch's own boundaries map to the replacement's boundaries; only
 * text inserted exactly at an offset, and offsets strictly inside a replaced stretch, need a bias.
 */
export class EditMap {
  readonly edits: readonly TextEdit[];
  private readonly ends: readonly number[];
  /** Sum of length changes of the edits before index k. */
  private readonly shift: number[];

  constructor(sortedEdits: readonly TextEdit[]) {
    this.edits = sortedEdits;
    this.ends = sortedEdits.map((e) => e.end);
    this.shift = [0];
    for (const e of sortedEdits) this.shift.push(this.shift[this.shift.length - 1]! + e.text.length - (e.end - e.start));
  }

  /** Index of the first edit whose end is >= x. */
  private firstEndingAtOrAfter(x: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The new offset of old offset `x`. */
  map(x: number, insert: InsertBias, inside: InsideBias): number {
    const edits = this.edits;
    let k = this.firstEndingAtOrAfter(x);
    while (k < edits.length && edits[k]!.end === x) {
      // A replacement ending at x lies wholly before x; an insertion at x goes where the bias says.
      if (edits[k]!.start < x || insert === 'before') k += 1;
      else break;
    }
    const edit = edits[k];
    if (edit && edit.start < x) {
      const newStart = edit.start + this.shift[k]!;
      return inside === 'start' ? newStart : newStart + edit.text.length;
    }
    return x + this.shift[k]!;
  }

  /** True when an edit changes text inside `[start, end)` (an insertion strictly inside counts). */
  touches(start: number, end: number): boolean {
    // The first edit ending after `start` is the only candidate that can begin before `end` first.
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! <= start) lo = mid + 1;
      else hi = mid;
    }
    const edit = this.edits[lo];
    return !!edit && edit.start < end;
  }
}

/**
 * Remap a coded range. Text inserted exactly at its start or end stays outside it; text inserted
 * inside, or replacing part of it, becomes part of it. The result is:
 * - `unchanged`: same offsets, same text;
 * - `moved`: other offsets, same text (edits only before it);
 * - `changed`: its own text differs;
 * - `orphaned`: its text was deleted entirely; `start = end` at the deletion point.
 * An empty range (an already orphaned coding) is remapped as a point and reported unchanged/moved.
 */
export function remapRange(map: EditMap, oldText: string, newText: string, range: TextRange): RemappedRange {
  if (range.end <= range.start) {
    const at = map.map(range.start, 'before', 'start');
    return { start: at, end: at, change: at === range.start ? 'unchanged' : 'moved' };
  }
  const start = map.map(range.start, 'before', 'start');
  const end = map.map(range.end, 'after', 'end');
  if (end <= start) return { start, end: start, change: 'orphaned' };
  if (map.touches(range.start, range.end) && newText.slice(start, end) !== oldText.slice(range.start, range.end)) {
    return { start, end, change: 'changed' };
  }
  return { start, end, change: start === range.start && end === range.end ? 'unchanged' : 'moved' };
}

/** A coding's review status after an edit, from its status before and what the edit did to it. */
export function nextStatus(before: 'ok' | 'changed' | 'orphaned', change: RangeChange): 'ok' | 'changed' | 'orphaned' {
  if (before === 'orphaned' || change === 'orphaned') return 'orphaned';
  if (before === 'changed' || change === 'changed') return 'changed';
  return 'ok';
}

/**
 * Remap speaker turns, which cover whole paragraphs (`\n`-separated lines), through edits.
 * Text inserted at a turn's start or end joins the turn; each turn is then widened to whole
 * paragraphs of the new text. Where an edit removes the line break between two turns, their
 * paragraphs merge and the merged paragraph belongs to the turn it starts in (the earlier one):
 * the later turn keeps its remaining paragraphs, or is removed when none remain. Turns whose text
 * is gone entirely are removed too. Turns come back in text order and never overlap.
 */
export function remapTurns(
  map: EditMap,
  newText: string,
  turns: readonly ParagraphSpan[],
): { turns: ParagraphSpan[]; removed: string[] } {
  const ordered = [...turns].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: ParagraphSpan[] = [];
  const removed: string[] = [];
  let floor = -1;
  for (const turn of ordered) {
    const mappedStart = map.map(turn.start, 'after', 'start');
    const mappedEnd = Math.max(mappedStart, map.map(turn.end, 'before', 'end'));
    let start = newText.lastIndexOf('\n', mappedStart - 1) + 1;
    const end = paragraphEnd(newText, mappedEnd);
    if (start <= floor) start = floor + 1; // the paragraph after the previous turn's last one
    if (start > newText.length || end <= start || newText.slice(start, end).trim() === '') {
      removed.push(turn.id);
      continue;
    }
    kept.push({ id: turn.id, start, end });
    floor = end;
  }
  return { turns: kept, removed };
}

function paragraphEnd(text: string, offset: number): number {
  const at = text.indexOf('\n', offset);
  return at < 0 ? text.length : at;
}

/**
 * Remap contiguous spans such as pages: both ends move alike (text inserted at a boundary goes to
 * the later span, a deleted boundary lands at the deletion point), so neighbours stay adjacent.
 * Spans may become empty; none is dropped.
 */
export function remapAdjacent<T extends TextRange>(map: EditMap, spans: readonly T[]): T[] {
  return spans.map((s) => ({ ...s, start: map.map(s.start, 'after', 'start'), end: map.map(s.end, 'after', 'start') }));
}
