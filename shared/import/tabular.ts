import { dsvFormat } from 'd3-dsv';
import { normalizeText } from '../text/normalize';
import { parseTimecode } from './timecode';
import { assembleTranscript, durationOf, type ParsedDocument, type Segment } from './transcript';

// Transcripts as tables (.csv, .tsv, .xlsx, .ods): one row per utterance, with columns such as
// TIMECODE / SPEAKER / TRANSCRIPT. The readers of each file type produce rows of strings; this
// module finds the columns and builds the turns. It also recognises a peer tool's export of coded
// quotes (Taguette, MAXQDA, ATLAS.ti), which is not a transcript.

/** The delimiters a delimited text file may use, most likely first. */
const DELIMITERS = ['\t', ';', ',', '|'] as const;

/**
 * The delimiter of a delimited text: the candidate that splits the first rows (quotes respected)
 * into the same number of fields, most often and into the most fields. Returns null when no
 * candidate splits the text at all.
 */
export function sniffDelimiter(text: string): string | null {
  const sample = text.slice(0, 65536);
  let best: { delimiter: string; score: number; width: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const rows = dsvFormat(delimiter).parseRows(sample).slice(0, 50).filter((row) => row.some((cell) => cell.trim() !== ''));
    const widths = new Map<number, number>();
    for (const row of rows) widths.set(row.length, (widths.get(row.length) ?? 0) + 1);
    const [width, count] = [...widths].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [1, 0];
    if (width < 2) continue;
    const score = count / Math.max(rows.length, 1);
    if (!best || score > best.score + 0.05 || (Math.abs(score - best.score) <= 0.05 && width > best.width)) {
      best = { delimiter, score, width };
    }
  }
  return best && best.score >= 0.6 ? best.delimiter : null;
}

/** The rows of a delimited text, with the delimiter sniffed (or given). */
export function parseDelimited(raw: string, delimiter?: string): { rows: string[][]; delimiter: string } | null {
  const text = normalizeText(raw);
  const found = delimiter ?? sniffDelimiter(text);
  if (!found) return null;
  return { rows: dsvFormat(found).parseRows(text), delimiter: found };
}

/** Why a table is not a transcript; `kind` lets callers word the message. */
export class NotATranscriptError extends Error {
  readonly kind: 'quote-export' | 'no-text-column' | 'empty';
  readonly details: Readonly<Record<string, unknown>>;
  constructor(kind: NotATranscriptError['kind'], message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.kind = kind;
    this.details = details;
  }
}

const COLUMN_NAMES = {
  start: /^(time ?code|tc|time|start|start ?time|start_time|begin|beginning|in|from|zeit|tid|starttid|timestamp|start ?\(ms\)|starttime)$/iu,
  end: /^(end|end ?time|end_time|stop|out|to|slutt|sluttid|ende|endtime)$/iu,
  speaker: /^(speaker|speaker ?name|speaker_label|sprecher|sprecher:in|name|talker|taler|person|participant|deltaker|who|informant|role|voice)$/iu,
  text: /^(text|transcript|transcription|utterance|content|transkript|transkription|tekst|dialogue|dialog|sentence|words|segment|quote|speech)$/iu,
  code: /^(tag|tags|code|codes|code ?name|kode|koder|category|categories|node|nodes)$/iu,
  document: /^(document|document ?name|doc|source|file|filename|dokument|kilde|document_name)$/iu,
};

interface Columns {
  start: number | null;
  end: number | null;
  speaker: number | null;
  text: number;
}

function headerColumns(header: readonly string[]): Partial<Record<keyof typeof COLUMN_NAMES, number>> {
  const found: Partial<Record<keyof typeof COLUMN_NAMES, number>> = {};
  header.forEach((cell, index) => {
    const name = cell.trim().replace(/^#\s*/, '');
    for (const key of Object.keys(COLUMN_NAMES) as (keyof typeof COLUMN_NAMES)[]) {
      if (found[key] === undefined && COLUMN_NAMES[key].test(name)) found[key] = index;
    }
  });
  return found;
}

/** Columns found by their content when there is no header: times, short repeated labels, long text. */
function contentColumns(rows: readonly (readonly string[])[]): Columns | null {
  const width = Math.max(...rows.map((row) => row.length));
  const stats = Array.from({ length: width }, (_, col) => {
    const cells = rows.map((row) => (row[col] ?? '').trim()).filter((cell) => cell !== '');
    const times = cells.filter((cell) => parseTimecode(cell) !== null).length;
    const length = cells.reduce((sum, cell) => sum + cell.length, 0) / Math.max(cells.length, 1);
    return { col, filled: cells.length, timed: cells.length > 0 && times / cells.length > 0.8, length, distinct: new Set(cells).size };
  });
  const timeCols = stats.filter((s) => s.timed).map((s) => s.col);
  const others = stats.filter((s) => !s.timed && s.filled > 0);
  const text = [...others].sort((a, b) => b.length - a.length)[0];
  if (!text) return null;
  const speaker = others.find((s) => s.col !== text.col && s.length < 40 && s.distinct <= Math.max(2, s.filled / 2) && s.distinct <= 30);
  return { start: timeCols[0] ?? null, end: timeCols[1] ?? null, speaker: speaker?.col ?? null, text: text.col };
}

/**
 * A table of rows as a transcript. The first row is a header when it names known columns; without
 * one the columns are found by content. A row without a speaker continues the speaker before it
 * (oral-history exports name the speaker only when it changes). Throws NotATranscriptError for a
 * table of coded quotes exported by another tool, or a table without a text column.
 */
export function parseTranscriptRows(input: readonly (readonly string[])[], format: string): ParsedDocument {
  const rows = input.filter((row) => row.some((cell) => (cell ?? '').trim() !== ''));
  if (rows.length === 0) throw new NotATranscriptError('empty', 'the table is empty');
  const header = headerColumns(rows[0]!);
  if (header.code !== undefined && header.document !== undefined && (header.text !== undefined || rows[0]!.length >= 3)) {
    const body = rows.slice(1);
    const documents = new Set(body.map((row) => row[header.document!] ?? '')).size;
    const codes = new Set(body.map((row) => row[header.code!] ?? '')).size;
    throw new NotATranscriptError(
      'quote-export',
      `it is an export of coded quotes from another tool (columns ${rows[0]!.map((c) => `“${c}”`).join(', ')}: ${body.length} quotes from ${documents} documents with ${codes} codes), not a transcript`,
      { quotes: body.length, documents, codes, columns: rows[0] },
    );
  }
  let columns: Columns | null;
  let body: readonly (readonly string[])[];
  if (header.text !== undefined) {
    columns = { start: header.start ?? null, end: header.end ?? null, speaker: header.speaker ?? null, text: header.text };
    body = rows.slice(1);
  } else if (header.start !== undefined || header.speaker !== undefined) {
    const found = contentColumns(rows.slice(1));
    columns = found && { start: header.start ?? found.start, end: header.end ?? found.end, speaker: header.speaker ?? found.speaker, text: found.text };
    body = rows.slice(1);
  } else {
    columns = contentColumns(rows);
    body = rows;
  }
  if (!columns || body.length === 0) {
    throw new NotATranscriptError('no-text-column', `no column holds the transcript text (columns: ${rows[0]!.map((c) => `“${c}”`).join(', ')})`);
  }
  const segments: Segment[] = [];
  let current: string | null = null;
  const startOf = (row: readonly string[] | undefined) => (row && columns.start !== null ? parseTimecode(row[columns.start] ?? '') : null);
  body.forEach((row, index) => {
    const text = (row[columns.text] ?? '').trim();
    const speaker = columns.speaker === null ? null : (row[columns.speaker] ?? '').trim();
    if (speaker) current = speaker;
    if (!text) return;
    // Without an end column a row lasts until the next one starts.
    const end = columns.end !== null ? parseTimecode(row[columns.end] ?? '') : startOf(body[index + 1]);
    segments.push({ speaker: columns.speaker === null ? null : current, text, timeStartMs: startOf(row), timeEndMs: end });
  });
  const { text, turns } = assembleTranscript(segments, { joinWith: 'cues' });
  if (!text) throw new NotATranscriptError('no-text-column', 'the text column is empty');
  return { format, text, turns, warnings: [], durationMs: durationOf(turns) };
}
