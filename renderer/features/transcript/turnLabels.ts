import type { DocumentFull, Informant, PersonRole } from '../../../shared/model/types';
import { paragraphIndexAt, paragraphRanges } from '../../../shared/text/paragraphs';

/** What the gutter shows beside one paragraph. */
export interface ParagraphLabel {
  readonly turnStart: boolean;
  readonly speaker: string;
  readonly role: PersonRole | null;
  readonly time: string | null;
}

/** "1:02:03" or "02:03" from milliseconds. */
export function formatTime(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/**
 * For each paragraph of the document, its turn's speaker (the informant's label when mapped), role
 * and start time, and whether it opens the turn (only then is the label drawn).
 */
export function turnLabels(document: DocumentFull, informants: readonly Informant[]): (ParagraphLabel | undefined)[] {
  const paragraphs = paragraphRanges(document.text);
  const labels: (ParagraphLabel | undefined)[] = new Array(paragraphs.length).fill(undefined);
  const speakers = new Map(document.speakers.map((s) => [s.id, s]));
  const people = new Map(informants.map((i) => [i.id, i]));
  let previousSpeaker: string | null | undefined;
  for (const turn of document.turns) {
    const speaker = turn.speakerId ? speakers.get(turn.speakerId) : undefined;
    const person = speaker?.informantId ? people.get(speaker.informantId) : undefined;
    const name = person?.label ?? speaker?.label ?? '';
    const role = speaker?.role ?? person?.role ?? null;
    const first = paragraphIndexAt(paragraphs, turn.start);
    const last = paragraphIndexAt(paragraphs, Math.max(turn.start, turn.end - 1));
    // The label is drawn where the speaker changes (a file without speakers shows it once).
    const changed = turn.speakerId !== previousSpeaker;
    previousSpeaker = turn.speakerId;
    for (let i = first; i <= last; i += 1) {
      labels[i] = {
        turnStart: i === first,
        speaker: i === first && changed ? name : '',
        role,
        time: i === first && turn.timeStartMs !== null ? formatTime(turn.timeStartMs) : null,
      };
    }
  }
  return labels;
}
