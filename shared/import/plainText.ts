import { normalizeText } from '../text/normalize';
import { isPauseMarker, splitOverlaps } from './overlaps';
import { leadingTimecode, parseTimecode } from './timecode';
import { assembleTranscript, durationOf, paragraphTurns, type ParsedDocument, type Segment } from './transcript';

// Speaker detection in plain text, for the styles transcription tools and people write:
//   Inger: text                        Rev, Teams, Word transcripts typed by hand
//   Interviewer: / Informant 3:        role labels, recognised even when used once
//   S01: [00:00:12] text               noScribe (with //S02: overlaps //)
//   [00:01:02] Inger: text             tools that put the time first
//   Inger (00:01:02): text             Rev-like, time after the name
//   Inger Hansen  0:03  (own line)     Otter and the newer Teams Word export: name and time, text below
//   [id1] text  /  {Inger} text        QualCoder-style bracket tags
//   0:0:0.0 --> 0:0:3.5 / name / text  the older Teams Word export (cue blocks)

/** `Label: text` at the start of a line; a label is short and has no sentence punctuation. */
const LABEL_LINE = /^[ \t]*([^\s:.!?"«»“”()[\]{}][^:.!?\n"«»“”]{0,39}?)[ \t]*(?:[([]([\d:.,]{4,12})[)\]])?[ \t]*:(?:[ \t]+(\S.*))?$/u;
/** `[id1] text` or `{Inger} text`. */
const BRACKET_LINE = /^[ \t]*(?:\[([^\]\n:]{1,40})\]|\{([^}\n:]{1,40})\})[ \t]*(\S.*)?$/u;
/** `Inger Hansen  0:03` (Otter, Teams Word export): a name and a time, nothing else. */
const NAME_TIME_LINE = /^[ \t]*(\S[^\t\n]{0,59}?)[ \t]+((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[ \t]*$/u;
/** A cue timing line of the older Teams Word export: `0:0:0.0 --> 0:0:3.510`. */
const TIMING_LINE = /^[ \t]*([\d:.,-]+)[ \t]*-->[ \t]*([\d:.,-]+)[ \t]*$/;
/** Labels that name a role rather than a person (recognised even when used once). */
const ROLE_LABEL = /^(interviewer|intervjuer|interviewerin|moderator|informant|respondent|participant|deltaker|speaker|taler|sprecher|[IQAR]|[A-Z]\d{1,2}|P\d{1,3}|S\d{1,3}|id\d{1,3})(\s*\d{1,3})?$/iu;
/** Bracketed words that annotate speech rather than name a speaker. */
const ANNOTATION = /^(inaudible|unclear|laughs?|laughter|pause|crosstalk|music|silence|noise|uforståelig|uhørbart|latter|ler|pause|stillhet|unverständlich|lachen|\?+|\.+|…)$/iu;
const MAX_LABEL_WORDS = 5;
/** Up to three capitalised words, or a code such as "S01": how a person or role is labelled. */
const NAME_LIKE = /^(\p{Lu}[\p{L}'’.-]*|\p{Lu}*\d+)(,?\s+(\p{Lu}[\p{L}'’.-]*|\d+|\([^)]*\))){0,3}$/u;

/** What a line says about its speaker: the label, the rest of the line, a time if it had one. */
interface LabelledLine {
  readonly label: string;
  readonly rest: string;
  readonly timeMs: number | null;
  /** The label stands on its own line (Otter, `Inger:` alone); its text follows on the next lines. */
  readonly header: boolean;
}

function plausibleLabel(label: string): boolean {
  if (!label || label.split(/\s+/).length > MAX_LABEL_WORDS) return false;
  if (/^\d+$/.test(label) || /^(https?|www|ftp|mailto)$/i.test(label)) return false;
  return parseTimecode(label) === null;
}

/** The speaker label a line opens with, in any of the styles above, or null. */
function labelOf(line: string): LabelledLine | null {
  const lead = leadingTimecode(line);
  const body = lead ? lead.rest : line;
  const colon = LABEL_LINE.exec(body);
  if (colon && plausibleLabel(colon[1]!.trim())) {
    let rest = colon[3] ?? '';
    let timeMs = lead?.ms ?? (colon[2] ? parseTimecode(colon[2]) : null);
    const after = leadingTimecode(rest);
    if (after) {
      timeMs ??= after.ms;
      rest = after.rest;
    }
    return { label: colon[1]!.trim(), rest, timeMs, header: rest.trim() === '' };
  }
  if (lead) return null;
  const bracket = BRACKET_LINE.exec(line);
  if (bracket) {
    const label = (bracket[1] ?? bracket[2]!).trim();
    if (plausibleLabel(label) && !ANNOTATION.test(label)) {
      const rest = bracket[3] ?? '';
      return { label, rest, timeMs: null, header: rest.trim() === '' };
    }
  }
  const nameTime = NAME_TIME_LINE.exec(line);
  if (nameTime && plausibleLabel(nameTime[1]!.trim()) && NAME_LIKE.test(nameTime[1]!.trim())) {
    return { label: nameTime[1]!.trim(), rest: '', timeMs: parseTimecode(nameTime[2]!), header: true };
  }
  return null;
}

/** What detection found: the speaker labels, and whether unlabelled lines continue the last speaker. */
export interface SpeakerStyle {
  readonly labels: ReadonlySet<string>;
  /**
   * True when several speakers are labelled, so an unlabelled paragraph continues the turn before
   * it. With a single labelled speaker ("only the moderator is labelled"), unlabelled paragraphs
   * are someone else's: turns of an unknown speaker.
   */
  readonly continuation: boolean;
}

/**
 * Speaker labels a text uses: labels that open at least two lines, role labels such as
 * "Interviewer" and "Informant 3", and labels with a timestamp. Returns null when labelled lines
 * are too few for the text to be a speaker transcript (a document that merely contains "Note: …"
 * once stays plain text).
 */
export function detectSpeakerLabels(text: string): Set<string> | null {
  const style = detectSpeakerStyle(text);
  return style ? new Set(style.labels) : null;
}

/** Like `detectSpeakerLabels`, with how unlabelled paragraphs are to be read. */
export function detectSpeakerStyle(text: string): SpeakerStyle | null {
  const counts = new Map<string, { n: number; timed: number }>();
  let nonEmpty = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    nonEmpty += 1;
    const found = labelOf(line);
    if (!found) continue;
    const entry = counts.get(found.label) ?? { n: 0, timed: 0 };
    entry.n += 1;
    if (found.timeMs !== null) entry.timed += 1;
    counts.set(found.label, entry);
  }
  const strong = [...counts].filter(([label, c]) => c.n >= 2 || ROLE_LABEL.test(label) || c.timed > 0).map(([label]) => label);
  if (strong.length === 0) return null;
  // In a text that is a transcript, a name-like label used once is a speaker too ("Inger: …" answering).
  const nameLike = [...counts.keys()].filter((label) => NAME_LIKE.test(label));
  const labelled = [...new Set([...strong, ...nameLike])].reduce((sum, label) => sum + counts.get(label)!.n, 0);
  const timed = strong.reduce((sum, label) => sum + counts.get(label)!.timed, 0);
  const roleUsedTwice = strong.some((label) => ROLE_LABEL.test(label) && counts.get(label)!.n >= 2);
  if (labelled < 2) return null;
  if (labelled / nonEmpty < 0.25 && !roleUsedTwice && timed < 2) return null;
  const labels = new Set([...strong, ...nameLike]);
  return { labels, continuation: labels.size > 1 };
}

/** Lines that mostly open with a timestamp and name nobody: `[00:01:02] text`. */
function timedLines(lines: readonly string[]): boolean {
  const nonEmpty = lines.filter((line) => line.trim());
  const timed = nonEmpty.filter((line) => leadingTimecode(line) !== null).length;
  return timed >= 2 && timed >= nonEmpty.length * 0.5;
}

/** Blocks of `start --> end`, an optional speaker line, and text (the older Teams Word export). */
function cueBlocks(lines: readonly string[]): Segment[] | null {
  const timings = lines.filter((line) => TIMING_LINE.test(line)).length;
  if (timings < 2 || timings < lines.filter((line) => line.trim()).length * 0.2) return null;
  const segments: Segment[] = [];
  let block: { start: number | null; end: number | null; lines: string[] } | null = null;
  const flush = () => {
    if (!block || block.lines.length === 0) return;
    const [first, ...rest] = block.lines;
    const speaker = rest.length > 0 && NAME_LIKE.test(first!.trim()) ? first!.trim() : null;
    const text = (speaker ? rest : block.lines).join(' ');
    segments.push({ speaker, text, timeStartMs: block.start, timeEndMs: block.end });
  };
  for (const line of lines) {
    const timing = TIMING_LINE.exec(line);
    if (timing) {
      flush();
      block = { start: parseTimecode(timing[1]!), end: parseTimecode(timing[2]!), lines: [] };
    } else if (line.trim()) {
      if (block) block.lines.push(line.trim());
      else segments.push({ speaker: null, text: line, aside: true });
    }
  }
  flush();
  return segments;
}

/**
 * A plain-text transcript or document. Lines opening with a known speaker label start turns, and
 * the labels (and timestamps) leave the text for the turns; following lines without a label
 * continue the turn as paragraphs (or, when only one speaker is labelled, are an unknown speaker's).
 * With several labelled speakers, text before the first label is an aside (a header: title, date,
 * place). noScribe's `//S02: … //`
 * overlaps become short turns of their own. A text without speaker labels is kept exactly as it is
 * (normalised, outer blank lines removed), one unknown-speaker turn per paragraph. A form feed on a
 * line of its own separates pages: it leaves the text, and the pages are reported.
 */
export function parsePlainText(raw: string, format = 'txt'): ParsedDocument {
  // pdftotext ends every page with a form feed, the last one too: that one separates nothing.
  const normal = normalizeText(raw).replace(/\f\s*$/, '');
  const text = trimBlankLines(normal.includes('\f') ? normal.replace(/[ \t]*\f[ \t]*/g, '\n\f\n') : normal);
  const lines = text.split('\n');
  const cues = cueBlocks(lines);
  if (cues) return finish(format, cues, '\n');
  const paged = lines.some(isPageBreak);
  const style = detectSpeakerStyle(paged ? lines.filter((line) => !isPageBreak(line)).join('\n') : text);
  if (!style) {
    if (paged) {
      return finish(format, lines.map((line): Segment => (isPageBreak(line) ? { speaker: null, text: '', mark: PAGE } : { speaker: null, text: line })), '\n');
    }
    if (timedLines(lines)) {
      const segments = lines.map((line): Segment => {
        const lead = leadingTimecode(line);
        return lead ? { speaker: null, text: lead.rest, timeStartMs: lead.ms } : { speaker: null, text: line };
      });
      return finish(format, segments, '\n');
    }
    return { format, text, turns: paragraphTurns(text), warnings: [], durationMs: null };
  }
  const segments: Segment[] = [];
  let current: string | null = null;
  let pendingTime: number | null = null;
  let seenLabel = false;
  for (const line of lines) {
    if (isPageBreak(line)) {
      segments.push({ speaker: null, text: '', mark: PAGE });
      continue;
    }
    const found = labelOf(line);
    if (found && style.labels.has(found.label)) {
      seenLabel = true;
      current = found.label;
      pendingTime = found.timeMs;
      if (found.rest.trim()) {
        pushPieces(segments, found.rest, current, pendingTime);
        pendingTime = null;
      }
      if (!style.continuation && !found.header) current = null;
      continue;
    }
    if (!line.trim()) continue;
    if (!seenLabel && style.continuation) {
      segments.push({ speaker: null, text: line, aside: true });
    } else if (isPauseMarker(line)) {
      segments.push({ speaker: null, text: line, aside: true });
    } else {
      pushPieces(segments, line, current, pendingTime);
      pendingTime = null;
      if (!style.continuation) current = null;
    }
  }
  return finish(format, segments, '\n');
}

/** A timestamp inside a turn's text, as noScribe adds to long paragraphs: not text. */
const INLINE_TIMECODE = /[ \t]*\[\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\][ \t]*/g;

function pushPieces(segments: Segment[], text: string, speaker: string | null, timeMs: number | null): void {
  splitOverlaps(text.replace(INLINE_TIMECODE, ' ').trim(), speaker).forEach((piece, index) => {
    segments.push({ speaker: piece.speaker, text: piece.text, timeStartMs: index === 0 ? timeMs : null });
  });
}

const PAGE = 'page';

/** A form feed on a line of its own separates pages (pdftotext writes them, and so does the PDF reader). */
function isPageBreak(line: string): boolean {
  return line === '\f';
}

function finish(format: string, segments: readonly Segment[], joinWith: '\n' | ' ' | 'cues'): ParsedDocument {
  const { text, turns, marks } = assembleTranscript(segments, { joinWith });
  const breaks = marks.filter((m) => m.name === PAGE).map((m) => m.offset);
  if (breaks.length === 0) return { format, text, turns, warnings: [], durationMs: durationOf(turns) };
  const starts = [0, ...breaks];
  const pages = starts.map((start, i) => {
    const next = starts[i + 1];
    const end = next === undefined ? text.length : Math.max(start, /[\n ]/.test(text[next - 1] ?? '') ? next - 1 : next);
    return { page: i + 1, start, end };
  });
  return { format, text, turns, pages, warnings: [], durationMs: durationOf(turns) };
}

/** Remove blank lines at the start and end of a text (they carry nothing and differ between formats). */
export function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, '').replace(/^[ \t]+$/, '');
}
