import { decodeHTML } from 'entities';
import { normalizeText } from '../text/normalize';
import { isPauseMarker } from './overlaps';
import { parsePlainText, trimBlankLines } from './plainText';
import { leadingTimecode } from './timecode';
import { assembleTranscript, durationOf, type ParsedDocument, type Segment } from './transcript';

// HTML transcripts: noScribe's own .html (each segment an <a name="ts_START_END_SPEAKER">, overlaps
// with a `//` speaker), and any other HTML page as paragraphs of plain text.

/** Elements whose content is never text. */
const HIDDEN = new Set(['head', 'script', 'style', 'template', 'noscript', 'title']);
/** Elements that end a line. */
const BLOCK = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'blockquote', 'pre', 'section', 'article', 'ul', 'ol', 'dt', 'dd', 'hr']);

/** One piece of an HTML body: text, with the noScribe anchor it is in and the paragraph it is in. */
interface Run {
  text: string;
  anchor: string | null;
  paragraph: number;
}

/** Tokenise HTML into text runs (entities decoded, block elements as line breaks). */
function runsOf(html: string): Run[] {
  const runs: Run[] = [];
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)/g;
  let hidden: string | null = null;
  let anchor: string | null = null;
  let paragraph = 0;
  const push = (text: string) => {
    const last = runs[runs.length - 1];
    if (last && last.anchor === anchor && last.paragraph === paragraph) last.text += text;
    else runs.push({ text, anchor, paragraph });
  };
  for (const match of html.matchAll(tag)) {
    const [, closing, rawName, attrs, text] = match;
    if (text !== undefined) {
      if (!hidden) push(decodeHTML(text).replace(/[ \t\r\n]+/g, ' '));
      continue;
    }
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (hidden) {
      if (closing && name === hidden) hidden = null;
      continue;
    }
    if (HIDDEN.has(name) && !closing && !/\/\s*$/.test(attrs ?? '')) {
      hidden = name;
      continue;
    }
    if (name === 'a') {
      const named = closing ? null : /\bname\s*=\s*["']?(ts_[^"'\s>]*)/i.exec(attrs ?? '');
      anchor = named ? named[1]! : null;
      continue;
    }
    if (BLOCK.has(name)) {
      if (name === 'br') push('\n');
      else {
        paragraph += 1;
        anchor = null;
      }
    }
  }
  return runs;
}

/** True when the HTML is noScribe's: segments in `<a name="ts_START_END_SPEAKER">` anchors. */
export function isNoScribeHtml(html: string): boolean {
  return /<a\s+name\s*=\s*["']ts_\d+_\d+_/i.test(html);
}

/** noScribe's HTML: speakers and times from the anchors; overlaps (`//S02`) become turns. */
function parseNoScribe(runs: readonly Run[]): ParsedDocument {
  const segments: Segment[] = [];
  const speakerOf = new Map<number, string | null>();
  for (const run of runs) {
    const text = run.text.replace(/\u00a0/g, ' ');
    const anchor = run.anchor ? /^ts_(\d+)_(\d+)_(.*)$/.exec(run.anchor) : null;
    if (!anchor) {
      for (const line of text.split('\n')) if (line.trim()) segments.push({ speaker: null, text: line, aside: true });
      continue;
    }
    const [, start, end, rawSpeaker = ''] = anchor;
    const overlap = rawSpeaker.startsWith('//');
    const label = decodeURIComponent(rawSpeaker.replace(/^\/\//, '')).trim() || null;
    // Text: "S01: [00:00:12] …" opens a paragraph, " //S02: …" opens an overlap, "// …" closes one.
    let body = text.trim();
    body = body.replace(/^\/\/\s*(?:[^\s:/][^:/]{0,39}:\s*)?/u, '');
    if (label && body.startsWith(`${label}:`)) body = body.slice(label.length + 1);
    const lead = leadingTimecode(body);
    if (lead) body = lead.rest;
    body = body.replace(/\s*\/\/\s*$/u, '').trim();
    if (!body) continue;
    if (!overlap && label) speakerOf.set(run.paragraph, label);
    const speaker = label ?? speakerOf.get(run.paragraph) ?? null;
    if (!speaker && isPauseMarker(body)) {
      segments.push({ speaker: null, text: body, aside: true, timeStartMs: Number(start), timeEndMs: Number(end) });
      continue;
    }
    segments.push({
      speaker,
      text: body,
      timeStartMs: Number(start),
      timeEndMs: Number(end),
      group: overlap ? `p${run.paragraph} overlap ${label}` : `p${run.paragraph}`,
    });
  }
  const { text, turns } = assembleTranscript(segments, { joinWith: 'cues' });
  return { format: 'html', text, turns, warnings: [], durationMs: durationOf(turns) };
}

/**
 * An HTML transcript: noScribe's own format with speakers, times and overlaps, or any other page
 * as its visible text (block elements as paragraphs), then speaker detection as for plain text.
 */
export function parseHtml(raw: string): ParsedDocument {
  const html = normalizeText(raw);
  const runs = runsOf(html);
  if (isNoScribeHtml(html)) return parseNoScribe(runs);
  let text = '';
  let paragraph = -1;
  for (const run of runs) {
    if (run.paragraph !== paragraph && text && !text.endsWith('\n')) text += '\n';
    paragraph = run.paragraph;
    text += run.text;
  }
  const lines = text.split('\n').map((line) => line.replace(/\u00a0/g, ' ').trim());
  return parsePlainText(trimBlankLines(lines.join('\n').replace(/\n{3,}/g, '\n\n')), 'html');
}
