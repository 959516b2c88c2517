import type { TranscriptModel } from './transcriptModel';

/** One change to the canonical text. */
export interface TextEditRange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The edits that turn the model's paragraphs into `lines`: per changed line, the smallest
 * replacement (common prefix and suffix kept), so codings elsewhere in the line stay untouched.
 * Null when the number of lines changed (edit mode keeps lines).
 */
export function paragraphEdits(model: TranscriptModel, lines: readonly string[]): TextEditRange[] | null {
  if (lines.length !== model.paragraphs.length) return null;
  const edits: TextEditRange[] = [];
  lines.forEach((line, index) => {
    const range = model.paragraphs[index]!;
    const before = model.text.slice(range.start, range.end);
    if (line === before) return;
    let prefix = 0;
    while (prefix < line.length && prefix < before.length && line[prefix] === before[prefix]) prefix += 1;
    let suffix = 0;
    while (suffix < line.length - prefix && suffix < before.length - prefix && line[line.length - 1 - suffix] === before[before.length - 1 - suffix]) suffix += 1;
    // Never split a surrogate pair (an emoji) between kept and replaced text.
    const isLow = (s: string, i: number) => i < s.length && s.charCodeAt(i) >= 0xdc00 && s.charCodeAt(i) <= 0xdfff;
    if (prefix > 0 && isLow(before, prefix)) prefix -= 1;
    if (suffix > 0 && isLow(before, before.length - suffix)) suffix -= 1;
    edits.push({ start: range.start + prefix, end: range.end - suffix, text: line.slice(prefix, line.length - suffix) });
  });
  return edits;
}
