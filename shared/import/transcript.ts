import { normalizeText } from '../text/normalize';

/** One piece of a source in reading order: who speaks (null = unknown) and what, with times if known. */
export interface Segment {
  readonly speaker: string | null;
  readonly text: string;
  readonly timeStartMs?: number | null;
  readonly timeEndMs?: number | null;
}

/** A turn over the canonical text, with the speaker's label as the source wrote it. */
export interface ParsedTurn {
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
  readonly timeStartMs: number | null;
  readonly timeEndMs: number | null;
}

/** A page of a paged source (PDF) over the canonical text. */
export interface ParsedPage {
  readonly page: number;
  readonly start: number;
  readonly end: number;
}

/** What every importer produces: canonical text, turns over it, and what it noticed on the way. */
export interface ParsedDocument {
  readonly format: string;
  readonly text: string;
  readonly turns: readonly ParsedTurn[];
  readonly pages?: readonly ParsedPage[];
  readonly warnings: readonly string[];
  readonly durationMs?: number | null;
}

/**
 * Build canonical text and turns from segments. Consecutive segments of the same named speaker
 * merge into one turn (their texts become paragraphs of it, or are joined by a space with
 * `joinWith: ' '`, as subtitle cues are); segments without a speaker each stay a turn of their own,
 * so the user can later assign them to different speakers. Each turn's text is normalised and
 * trimmed; empty segments are dropped.
 */
export function assembleTranscript(
  segments: readonly Segment[],
  options: { readonly joinWith?: '\n' | ' ' } = {},
): { text: string; turns: ParsedTurn[] } {
  const joinWith = options.joinWith ?? '\n';
  interface Open { speaker: string | null; parts: string[]; timeStartMs: number | null; timeEndMs: number | null }
  const merged: Open[] = [];
  for (const segment of segments) {
    const body = normalizeText(segment.text).trim();
    if (!body) continue;
    const speaker = segment.speaker === null ? null : normalizeText(segment.speaker).trim() || null;
    const last = merged[merged.length - 1];
    if (last && speaker !== null && last.speaker === speaker) {
      last.parts.push(body);
      last.timeEndMs = segment.timeEndMs ?? last.timeEndMs;
    } else {
      merged.push({ speaker, parts: [body], timeStartMs: segment.timeStartMs ?? null, timeEndMs: segment.timeEndMs ?? null });
    }
  }
  let text = '';
  const turns: ParsedTurn[] = [];
  for (const turn of merged) {
    if (text) text += '\n';
    const start = text.length;
    text += turn.parts.join(joinWith);
    turns.push({ start, end: text.length, speaker: turn.speaker, timeStartMs: turn.timeStartMs, timeEndMs: turn.timeEndMs });
  }
  return { text, turns };
}

/**
 * Turns for a text without speaker information: one turn per non-empty paragraph, no speaker, over
 * the text exactly as it is (so offsets equal the source's).
 */
export function paragraphTurns(text: string): ParsedTurn[] {
  const turns: ParsedTurn[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    if (line.trim()) turns.push({ start, end, speaker: null, timeStartMs: null, timeEndMs: null });
    start = end + 1;
  }
  return turns;
}
