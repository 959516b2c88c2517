import { normalizeText } from '../text/normalize';
import { assembleTranscript, paragraphTurns, type ParsedDocument, type Segment } from './transcript';

/** `Label: text` at the start of a line; a label is short and has no sentence punctuation. */
const LABEL_LINE = /^[ \t]*([^\s:.!?"«»“”()[\]{}][^:.!?\n"«»“”]{0,39}?)[ \t]*:[ \t]+(\S.*)$/u;
/** Labels that name a role rather than a person (recognised even when used once). */
const ROLE_LABEL = /^(interviewer|intervjuer|moderator|informant|respondent|participant|deltaker|speaker|taler|[IQAR]|[A-Z]\d{1,2}|P\d{1,3}|S\d{1,3})(\s*\d{1,3})?$/iu;
const MAX_LABEL_WORDS = 5;
/** Up to three capitalised words, or a code such as "S01": how a person or role is labelled. */
const NAME_LIKE = /^(\p{Lu}[\p{L}'’.-]*|\p{Lu}*\d+)(\s+(\p{Lu}[\p{L}'’.-]*|\d+|\([^)]*\))){0,2}$/u;

function labelOf(line: string): { label: string; rest: string } | null {
  const match = LABEL_LINE.exec(line);
  if (!match) return null;
  const label = match[1]!.trim();
  if (label.split(/\s+/).length > MAX_LABEL_WORDS) return null;
  if (/^\d+$/.test(label) || /^(https?|www)$/i.test(label)) return null;
  return { label, rest: match[2]! };
}

/**
 * Speaker labels a text uses: labels that open at least two lines, or role labels such as
 * "Interviewer" and "Informant 3". Returns null when labelled lines are too few for the text to be
 * a speaker transcript (a document that merely contains "Note: …" once stays plain text).
 */
export function detectSpeakerLabels(text: string): Set<string> | null {
  const counts = new Map<string, number>();
  let nonEmpty = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    nonEmpty += 1;
    const found = labelOf(line);
    if (found) counts.set(found.label, (counts.get(found.label) ?? 0) + 1);
  }
  const strong = [...counts].filter(([label, n]) => n >= 2 || ROLE_LABEL.test(label)).map(([label]) => label);
  if (strong.length === 0) return null;
  // In a text that is a transcript, a name-like label used once is a speaker too ("Inger: …" answering).
  const nameLike = [...counts.keys()].filter((label) => !strong.includes(label) && NAME_LIKE.test(label));
  const labelled = [...strong, ...nameLike].reduce((sum, label) => sum + (counts.get(label) ?? 0), 0);
  if (labelled < 2 || labelled / nonEmpty < 0.25) return null;
  return new Set([...strong, ...nameLike]);
}

/**
 * A plain-text transcript or document. Lines opening with a known speaker label (`Inger: …`,
 * `Interviewer: …`) start turns, and the labels leave the text for the turns; following lines
 * without a label continue the turn as paragraphs. A text without speaker labels is kept exactly as
 * it is (normalised), one turn per paragraph.
 */
export function parsePlainText(raw: string, format = 'txt'): ParsedDocument {
  const text = normalizeText(raw);
  const labels = detectSpeakerLabels(text);
  if (!labels) return { format, text, turns: paragraphTurns(text), warnings: [] };
  const segments: Segment[] = [];
  let current: string | null = null;
  for (const line of text.split('\n')) {
    const found = labelOf(line);
    if (found && labels.has(found.label)) {
      current = found.label;
      segments.push({ speaker: current, text: found.rest });
    } else if (line.trim()) {
      segments.push({ speaker: current, text: line });
    }
  }
  return { format, ...assembleTranscript(segments), warnings: [] };
}
