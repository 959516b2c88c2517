/** A paragraph of a thesis draft, as read from the .docx. */
export interface DraftParagraph {
  readonly text: string;
  /** The Word style's name ("Quote", "Sitat", "Normal") or null. */
  readonly style: string | null;
  /** Left indent in twips (0 when none). */
  readonly indent: number;
  /** Hanging indent in twips (bibliographies have one; block quotes don't). */
  readonly hanging: number;
  /** Part of a numbered or bulleted list. */
  readonly numbered: boolean;
  /** Footnote references: where the marker sits in `text`, and the note's text. */
  readonly notes: readonly { readonly at: number; readonly text: string }[];
}

/** A quotation found in a draft. */
export interface DraftQuotation {
  /** Index of its (first) paragraph. */
  readonly paragraph: number;
  /** The quoted words, without the enclosing marks. */
  readonly text: string;
  /** A block quote (an indented or "Quote"-styled paragraph) rather than one inside running text. */
  readonly block: boolean;
  /** The attribution after it: in parentheses, after a dash, in a footnote, or on the next line. */
  readonly attribution: string | null;
}

const BLOCK_STYLE = /quote|sitat|citat|zitat|blokk|block|lang/i;
/** Indents from 1 cm on mark a block quote (Word measures in twips: 567 per cm). */
const BLOCK_INDENT = 567;

const CLOSERS: Readonly<Record<string, readonly string[]>> = {
  '«': ['»'],
  '“': ['”'],
  '„': ['“', '”'],
  '"': ['"'],
};

/** True when a paragraph is a block quote by its style or its indent. */
export function isBlockQuote(p: DraftParagraph): boolean {
  if (p.style && BLOCK_STYLE.test(p.style) && !/caption|bildetekst/i.test(p.style)) return true;
  return p.indent >= BLOCK_INDENT && p.hanging === 0 && !p.numbered && p.text.trim().length > 0;
}

/**
 * Find every quotation of a draft: «…», “…”, „…“ and "…" inside paragraphs, and block quotes
 * (consecutive block paragraphs form one), each with the attribution that follows it.
 */
export function findQuotations(paragraphs: readonly DraftParagraph[]): DraftQuotation[] {
  const found: DraftQuotation[] = [];
  for (let i = 0; i < paragraphs.length; i += 1) {
    const p = paragraphs[i]!;
    if (!isBlockQuote(p)) {
      found.push(...inlineQuotations(p, i));
      continue;
    }
    let j = i;
    const parts: string[] = [];
    while (j < paragraphs.length && isBlockQuote(paragraphs[j]!)) {
      parts.push(paragraphs[j]!.text);
      j += 1;
    }
    const last = paragraphs[j - 1]!;
    let text = parts.join('\n').trim();
    let attribution: string | null = null;
    // A footnote at the end of the block names the speaker.
    const tailNote = last.notes.find((n) => /^[\s.,;:!?»”"]*$/u.test(last.text.slice(n.at)));
    if (tailNote) attribution = cleanAttribution(tailNote.text);
    const trailing = /[\s\u00a0]*(?:\(([^()]{1,100})\)|[–—]\s*(\p{Lu}[^–—()«»“”"\n]{0,59}))[\s.]*$/u.exec(text);
    if (!attribution && trailing) {
      attribution = cleanAttribution(trailing[1] ?? trailing[2] ?? '');
      if (attribution) text = text.slice(0, trailing.index).trim();
    }
    const next = paragraphs[j];
    if (!attribution && next && next.text.trim().length <= 60) {
      const line = /^[\s\u00a0]*(?:\(([^()]{1,58})\)|[–—-]\s*(\p{Lu}.{0,57}))[\s.]*$/u.exec(next.text);
      if (line) {
        attribution = cleanAttribution(line[1] ?? line[2] ?? '');
        j += 1;
      }
    }
    found.push({ paragraph: i, text: stripEnclosingMarks(text), block: true, attribution });
    i = j - 1;
  }
  return found;
}

function inlineQuotations(p: DraftParagraph, index: number): DraftQuotation[] {
  const out: DraftQuotation[] = [];
  const text = p.text;
  let i = 0;
  while (i < text.length) {
    const open = text[i]!;
    const closers = CLOSERS[open];
    if (!closers) {
      i += 1;
      continue;
    }
    const close = closingIndex(text, i, open, closers);
    if (close < 0) {
      i += 1;
      continue;
    }
    const inner = text.slice(i + 1, close).trim();
    out.push({ paragraph: index, text: inner, block: false, attribution: attributionAfter(p, close + 1) });
    i = close + 1;
  }
  return out;
}

function closingIndex(text: string, from: number, open: string, closers: readonly string[]): number {
  if (open === '«') {
    let depth = 0;
    for (let k = from; k < text.length; k += 1) {
      if (text[k] === '«') depth += 1;
      else if (text[k] === '»') {
        depth -= 1;
        if (depth === 0) return k;
      }
    }
    return -1;
  }
  for (let k = from + 1; k < text.length; k += 1) if (closers.includes(text[k]!)) return k;
  return -1;
}

function attributionAfter(p: DraftParagraph, from: number): string | null {
  const rest = p.text.slice(from);
  const note = p.notes.find((n) => n.at >= from && /^[\s.,;:!?]*$/u.test(p.text.slice(from, n.at)));
  if (note) return cleanAttribution(note.text);
  const paren = /^[\s\u00a0]*\(([^()]{1,100})\)/u.exec(rest);
  if (paren) return cleanAttribution(paren[1]!);
  const dash = /^[\s\u00a0]*[–—]\s*(\p{Lu}[^.,;:!?()«»“”"\n–—]{0,59})/u.exec(rest);
  if (dash) return cleanAttribution(dash[1]!);
  return null;
}

function cleanAttribution(text: string): string | null {
  const cleaned = text.replace(/\s+/g, ' ').replace(/^[\s(–—-]+|[\s).,;:]+$/g, '').trim();
  // "(…)" is an omission, not an attribution.
  return cleaned && !/^(?:…|\.{2,})$/u.test(cleaned) ? cleaned : null;
}

function stripEnclosingMarks(text: string): string {
  const t = text.trim();
  const closers = CLOSERS[t[0] ?? ''];
  if (closers && t.length > 1 && closers.includes(t[t.length - 1]!)) return t.slice(1, -1).trim();
  return t;
}
