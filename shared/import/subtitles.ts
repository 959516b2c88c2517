import { normalizeText } from '../text/normalize';
import { isPauseMarker, splitOverlaps } from './overlaps';
import { detectSpeakerStyle } from './plainText';
import { parseTimecode } from './timecode';
import { assembleTranscript, durationOf, type ParsedDocument, type Segment } from './transcript';

// WebVTT (Teams classic/Premium/new, Zoom, OneDrive, noScribe, oral-history archives) and SubRip
// (Whisper, WhisperX). Both are read into cues first, then cues into speaker turns the same way.

/** One cue as read: where it starts in the file (1-based line), its id, times and payload lines. */
export interface Cue {
  readonly line: number;
  readonly id: string | null;
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly payload: readonly string[];
}

/** Thrown by the subtitle parsers when a file has no cue at all; the caller names the file. */
export class NoCuesError extends Error {}

interface Block {
  readonly line: number;
  readonly lines: readonly string[];
}

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let startLine = 1;
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push({ line: startLine, lines: current });
      current = [];
    } else {
      if (current.length === 0) startLine = index + 1;
      current.push(line);
    }
  });
  if (current.length > 0) blocks.push({ line: startLine, lines: current });
  return blocks;
}

const ARROW = /-->/;

/**
 * Read blocks into cues. A block whose timing line cannot be read keeps its text without a time;
 * text outside any cue is kept with the cue before it. Both are reported with line numbers.
 */
function readCues(blocks: readonly Block[], warnings: string[], skip: (block: Block) => boolean): Cue[] {
  const cues: Cue[] = [];
  for (const block of blocks) {
    if (skip(block)) continue;
    const timingIndex = block.lines.findIndex((line) => ARROW.test(line));
    if (timingIndex < 0) {
      const previous = cues.pop();
      if (previous) {
        cues.push({ ...previous, payload: [...previous.payload, ...block.lines] });
        warnings.push(`line ${block.line}: text without a cue timing line; kept with the cue before it`);
      } else {
        warnings.push(`line ${block.line}: text before the first cue was skipped (“${block.lines[0]!.slice(0, 60)}”)`);
      }
      continue;
    }
    const timingLine = block.line + timingIndex;
    const [rawStart = '', rawRest = ''] = block.lines[timingIndex]!.split('-->');
    const rawEnd = rawRest.trim().split(/\s+/)[0] ?? '';
    const startMs = parseTimecode(rawStart.trim());
    const endMs = parseTimecode(rawEnd);
    const bad = [startMs === null ? rawStart.trim() : null, endMs === null ? rawEnd : null].filter((t) => t !== null);
    if (bad.length > 0) {
      warnings.push(`line ${timingLine}: malformed timestamp ${bad.map((t) => `“${t || '(missing)'}”`).join(' and ')}; the cue's text was kept without it`);
    }
    const id = timingIndex > 0 ? block.lines.slice(0, timingIndex).join(' ').trim() : null;
    cues.push({ line: timingLine, id, startMs, endMs, payload: block.lines.slice(timingIndex + 1) });
  }
  return cues;
}

/** Parse WebVTT text into cues, with warnings for what could not be read. Throws NoCuesError. */
export function readWebVtt(raw: string): { cues: Cue[]; warnings: string[] } {
  const text = normalizeText(raw);
  const warnings: string[] = [];
  const blocks = blocksOf(text);
  const first = blocks[0];
  const hasHeader = first !== undefined && /^WEBVTT(?:[ \t]|$)/.test(first.lines[0]!);
  if (!hasHeader) warnings.push('line 1: the file does not start with “WEBVTT”; read as WebVTT anyway');
  const cues = readCues(blocks, warnings, (block) => {
    if (hasHeader && block === first) return true;
    return /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block.lines[0]!) && !ARROW.test(block.lines[0]!);
  });
  if (cues.length === 0) throw new NoCuesError('it has no cues (no “00:00:00.000 --> 00:00:01.000” timing lines)');
  return { cues, warnings };
}

/** Parse SubRip text into cues. Throws NoCuesError. */
export function readSubRip(raw: string): { cues: Cue[]; warnings: string[] } {
  const text = normalizeText(raw);
  const warnings: string[] = [];
  const cues = readCues(blocksOf(text), warnings, () => false);
  if (cues.length === 0) throw new NoCuesError('it has no subtitles (no “00:00:00,000 --> 00:00:01,000” timing lines)');
  return { cues, warnings };
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '', rlm: '', quot: '"', apos: "'" };

/** Replace the character references WebVTT allows. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Markup of WebVTT and SubRip (`<i>`, `<c.x>`, `<00:01.000>`, `{\an8}`) — not the text. Unknown `<…>` stays. */
const MARKUP = /<\/?(?:c|i|b|u|lang|ruby|rt|font|v)(?:[.\s][^>]*)?>|<\d{1,2}:[\d:.]+>|\{\\[^}]*\}/giu;

/** One voice's stretch of a cue payload. */
interface Voiced {
  readonly voice: string | null;
  readonly text: string;
}

/** Split a payload at `<v Name>` voice spans; text before the first span has no voice. */
function voices(payload: string): Voiced[] {
  const parts: Voiced[] = [];
  const span = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/giu;
  let at = 0;
  let voice: string | null = null;
  for (const match of payload.matchAll(span)) {
    parts.push({ voice, text: payload.slice(at, match.index) });
    voice = decodeEntities((match[1] ?? '').trim()) || null;
    at = match.index + match[0].length;
  }
  parts.push({ voice, text: payload.slice(at) });
  return parts
    .map((p) => ({ voice: p.voice, text: decodeEntities(p.text.replace(MARKUP, '')).replace(/\s+/g, ' ').trim() }))
    .filter((p) => p.text !== '');
}

/** `[SPEAKER_00]: text`, `[SPEAKER_00] text`, `SPEAKER_00: text` (WhisperX and friends). */
const WHISPER_SPEAKER = /^\[?(SPEAKER_\d{1,3})\]?:?[ \t]+/u;

/** Teams and OneDrive cue ids: `<guid>/<utterance>-<part>` and `<guid>-<part>`; parts of one utterance share the rest. */
function utteranceOf(id: string | null): string | null {
  if (!id) return null;
  const match = /^(.*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*?)-\d+$/iu.exec(id);
  return match ? match[1]! : null;
}

/**
 * Turn cues into a document. Speakers come from `<v Name>` voice spans (Teams, noScribe, oral
 * history), from `Name: text` payloads (Zoom), or from WhisperX `[SPEAKER_00]` labels.
 * - With voice spans, a cue without one continues the speaker before it (some tools tag only the
 *   first cue of a turn).
 * - With `Name:` labels, a cue without one is someone unknown (Zoom leaves out names it does not
 *   know), a turn of its own.
 * - Without any speaker information, cues are grouped into utterances (by Teams/OneDrive cue ids,
 *   or into sentences) of one unknown speaker.
 * Cues stay in file order; a pause marker alone is an aside; noScribe overlaps become turns.
 */
export function cuesToDocument(cues: readonly Cue[], format: string, warnings: readonly string[]): ParsedDocument {
  const payloads = cues.map((cue) => cue.payload.join('\n'));
  const hasVoices = payloads.some((p) => /<v[\s.>]/i.test(p));
  const flat = payloads.map((p) => decodeEntities(p.replace(MARKUP, '')).replace(/\s*\n\s*/g, ' ').trim());
  const whisper = !hasVoices && flat.filter((p) => WHISPER_SPEAKER.test(p)).length >= 1;
  const colonStyle = !hasVoices && !whisper ? detectSpeakerStyle(flat.join('\n')) : null;
  const segments: Segment[] = [];
  const notes = [...warnings];
  const voiceCounts = new Map<string, number>();
  if (hasVoices) {
    for (const payload of payloads) {
      for (const part of voices(payload)) if (part.voice && !part.voice.startsWith('//')) voiceCounts.set(part.voice, (voiceCounts.get(part.voice) ?? 0) + 1);
    }
  }
  let current: string | null = null;
  cues.forEach((cue, index) => {
    const times = { timeStartMs: cue.startMs, timeEndMs: cue.endMs };
    const group = utteranceOf(cue.id);
    if (hasVoices) {
      for (const part of voices(payloads[index]!)) {
        if (part.voice?.startsWith('//')) {
          const guess = overlapVoiceOwner(part, current, voiceCounts);
          notes.push(
            `line ${cue.line}: the cue's voice is “${part.voice}”, the speaker of an overlap inside it (noScribe writes it so); ` +
              (guess ? `read as ${guess}, the likeliest other speaker — check this turn` : 'its speaker is left unknown'),
          );
          current = guess;
        } else if (part.voice) current = part.voice;
        pushCue(segments, part.text, current, times, group);
      }
      return;
    }
    const text = flat[index]!;
    if (whisper) {
      const match = WHISPER_SPEAKER.exec(text);
      pushCue(segments, match ? text.slice(match[0].length) : text, match ? match[1]! : null, times, group);
      return;
    }
    if (colonStyle) {
      const match = /^([^:]{1,40}?)[ \t]*:[ \t]+([\s\S]*)$/u.exec(text);
      const label = match && colonStyle.labels.has(match[1]!.trim()) ? match[1]!.trim() : null;
      pushCue(segments, label ? match![2]! : text, label, times, group);
      return;
    }
    pushCue(segments, text, null, times, group ?? (hasIds(cues) ? `cue ${index}` : null));
  });
  const anyGroups = cues.some((cue) => utteranceOf(cue.id) !== null);
  const assembled = assembleTranscript(
    anyGroups || hasVoices || whisper || colonStyle ? segments : sentenceGroups(segments),
    { joinWith: 'cues' },
  );
  if (assembled.text === '') throw new NoCuesError('its cues hold no text');
  return { format, ...assembled, warnings: notes, durationMs: durationOf(assembled.turns) };
}

/**
 * noScribe gives a paragraph the voice of its last segment, so a paragraph ending in an overlap
 * (`//S02: … //`) carries the overlapping speaker's voice, written `//S02`. Its real speaker
 * changed from the paragraph before (noScribe starts a paragraph when the speaker changes) and is
 * none of the overlapping speakers: of the voices left, the one who speaks most.
 */
function overlapVoiceOwner(part: Voiced, previous: string | null, counts: ReadonlyMap<string, number>): string | null {
  const overlapping = new Set(splitOverlaps(part.text, null).filter((p) => p.overlap).map((p) => p.speaker));
  overlapping.add(part.voice!.slice(2).trim());
  const candidates = [...counts].filter(([voice]) => voice !== previous && !overlapping.has(voice)).sort((a, b) => b[1] - a[1]);
  return candidates[0]?.[0] ?? null;
}

function hasIds(cues: readonly Cue[]): boolean {
  return cues.some((cue) => utteranceOf(cue.id) !== null);
}

function pushCue(
  segments: Segment[],
  text: string,
  speaker: string | null,
  times: { timeStartMs: number | null; timeEndMs: number | null },
  group: string | null,
): void {
  if (isPauseMarker(text)) {
    segments.push({ speaker: null, text, aside: true, ...times });
    return;
  }
  const pieces = splitOverlaps(text, speaker);
  pieces.forEach((piece, i) => {
    segments.push({
      speaker: piece.speaker,
      text: piece.text,
      timeStartMs: i === 0 ? times.timeStartMs : null,
      timeEndMs: i === pieces.length - 1 ? times.timeEndMs : null,
      group: pieces.length === 1 ? group : null,
    });
  });
}

/** Unknown-speaker cues without utterance ids: a sentence cut over several cues becomes one turn. */
function sentenceGroups(segments: readonly Segment[]): Segment[] {
  let sentence = 0;
  return segments.map((segment, index) => {
    const before = segments[index - 1];
    if (before && /[.!?…]["»”’)]*$/u.test(before.text.trim())) sentence += 1;
    return segment.aside ? segment : { ...segment, group: `sentence ${sentence}` };
  });
}

/** A WebVTT file as a document. Throws NoCuesError when there is nothing to import. */
export function parseWebVtt(raw: string): ParsedDocument {
  const { cues, warnings } = readWebVtt(raw);
  return cuesToDocument(cues, 'vtt', warnings);
}

/** A SubRip file as a document. Throws NoCuesError when there is nothing to import. */
export function parseSubRip(raw: string): ParsedDocument {
  const { cues, warnings } = readSubRip(raw);
  return cuesToDocument(cues, 'srt', warnings);
}
