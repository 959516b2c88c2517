import { normalizeText } from '../text/normalize';

/**
 * One piece of a source in reading order: who speaks (null = someone unknown) and what, with times
 * if known. `aside` marks text that is nobody's speech (a header before the first speaker, a
 * transcriber's "(12 seconds pause)"): it is kept in the text but gets no speaker. `group` names
 * the utterance a cue belongs to (Teams and OneDrive split one utterance over several cues): cues
 * of one group merge even when their speaker is unknown.
 */
export interface Segment {
  readonly speaker: string | null;
  readonly text: string;
  readonly timeStartMs?: number | null;
  readonly timeEndMs?: number | null;
  readonly aside?: boolean;
  readonly group?: string | null;
  /**
   * A zero-width mark instead of text (`text` is ignored): its offset in the assembled text — where
   * the next text begins — is returned under this name (page breaks use it).
   */
  readonly mark?: string;
}

/**
 * A turn over the canonical text, with the speaker's label as the source wrote it. `speaker` null
 * is an unknown speaker (saved as UNNAMED_SPEAKER, for the user to assign), unless `aside` says the
 * turn is nobody's speech (saved without a speaker).
 */
export interface ParsedTurn {
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
  readonly timeStartMs: number | null;
  readonly timeEndMs: number | null;
  readonly aside?: boolean;
}

/** A page of a paged source (PDF) over the canonical text; `label` is the printed page number when it differs. */
export interface ParsedPage {
  readonly page: number;
  readonly start: number;
  readonly end: number;
  readonly label?: string;
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
 * merge into one turn, as do consecutive cues of one utterance `group`; segments without a speaker
 * otherwise stay turns of their own, so the user can later assign them to different speakers, and
 * asides always do. Merged texts become paragraphs of the turn (`joinWith: '\n'`, the default),
 * are joined by a space (`' '`), or, for subtitle cues (`'cues'`), are joined by a space within an
 * utterance or a sentence and start a new paragraph after a sentence ends. Each segment's text is
 * normalised and trimmed; empty segments are dropped.
 */
export function assembleTranscript(
  segments: readonly Segment[],
  options: { readonly joinWith?: '\n' | ' ' | 'cues' } = {},
): { text: string; turns: ParsedTurn[]; marks: { name: string; offset: number }[] } {
  const joinWith = options.joinWith ?? '\n';
  interface Open {
    speaker: string | null;
    aside: boolean;
    group: string | null;
    parts: { text: string; group: string | null; marks: string[] }[];
    timeStartMs: number | null;
    timeEndMs: number | null;
  }
  const merged: Open[] = [];
  let pendingMarks: string[] = [];
  for (const segment of segments) {
    if (segment.mark !== undefined) {
      pendingMarks.push(segment.mark);
      continue;
    }
    const body = normalizeText(segment.text).trim();
    if (!body) continue;
    const aside = segment.aside === true;
    const speaker = aside || segment.speaker === null ? null : normalizeText(segment.speaker).trim() || null;
    const group = segment.group ?? null;
    const last = merged[merged.length - 1];
    const sameVoice = last !== undefined && !aside && !last.aside && last.speaker === speaker;
    if (sameVoice && (speaker !== null || (group !== null && last.group === group))) {
      last.parts.push({ text: body, group, marks: pendingMarks });
      last.timeStartMs ??= segment.timeStartMs ?? null;
      last.timeEndMs = segment.timeEndMs ?? last.timeEndMs;
      last.group = group;
    } else {
      merged.push({ speaker, aside, group, parts: [{ text: body, group, marks: pendingMarks }], timeStartMs: segment.timeStartMs ?? null, timeEndMs: segment.timeEndMs ?? null });
    }
    pendingMarks = [];
  }
  const marks: { name: string; offset: number }[] = [];
  let text = '';
  const turns: ParsedTurn[] = [];
  for (const turn of merged) {
    if (text) text += '\n';
    const start = text.length;
    turn.parts.forEach((part, index) => {
      const before = turn.parts[index - 1];
      if (before) text += separator(before, part, joinWith);
      for (const name of part.marks) marks.push({ name, offset: text.length });
      text += part.text;
    });
    turns.push({
      start,
      end: text.length,
      speaker: turn.speaker,
      timeStartMs: turn.timeStartMs,
      timeEndMs: turn.timeEndMs,
      ...(turn.aside ? { aside: true } : {}),
    });
  }
  for (const name of pendingMarks) marks.push({ name, offset: text.length });
  return { text, turns, marks };
}

const SENTENCE_END = /[.!?…:;"»”’)\]]$/u;

function separator(before: { text: string; group: string | null }, part: { group: string | null }, joinWith: '\n' | ' ' | 'cues'): string {
  if (joinWith !== 'cues') return joinWith;
  if (before.group !== null && before.group === part.group) return ' ';
  return SENTENCE_END.test(before.text) ? '\n' : ' ';
}

/** The length of a recording as its timestamps show it (the latest time), or null without times. */
export function durationOf(turns: readonly ParsedTurn[]): number | null {
  let latest: number | null = null;
  for (const turn of turns) {
    const time = turn.timeEndMs ?? turn.timeStartMs;
    if (time !== null && (latest === null || time > latest)) latest = time;
  }
  return latest;
}

/** Whether a turn list names at least one speaker (otherwise the source had no speaker information). */
export function hasSpeakers(turns: readonly ParsedTurn[]): boolean {
  return turns.some((turn) => turn.speaker !== null);
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
