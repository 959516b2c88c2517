import { $getNearestNodeFromDOMNode, type LexicalEditor } from 'lexical';
import type { TextRange } from '../../../shared/text/offsets';
import { $offsetOfPoint, type TranscriptModel } from './transcriptModel';

/**
 * Map the browser's selection in the transcript to canonical offsets, trimmed of surrounding
 * whitespace (users drag past a word's end). Null when nothing inside the transcript is selected.
 * DOM points map to Lexical nodes (every text node and mark has one), then to offsets by
 * `$offsetOfPoint`; the speaker gutter is drawn by CSS and holds no text, so it never counts.
 */
export function transcriptSelection(editor: LexicalEditor, model: TranscriptModel, selection: Selection | null): TextRange | null {
  const raw = selectionOffsets(editor, model, selection);
  return raw && trimRange(model.text, raw.start, raw.end);
}

/** The browser's selection in the transcript as canonical offsets, untrimmed; null when none. */
function selectionOffsets(editor: LexicalEditor, model: TranscriptModel, selection: Selection | null): TextRange | null {
  const root = editor.getRootElement();
  if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const { anchorNode, focusNode } = selection;
  if (!anchorNode || !focusNode || !root.contains(anchorNode) || !root.contains(focusNode)) return null;
  const offsets = editor.read(() => {
    const at = (domNode: Node, domOffset: number): number | null => {
      const node = $getNearestNodeFromDOMNode(domNode);
      if (!node) return null;
      // A DOM text node maps to a Lexical text node with the same characters; an element's offset
      // is a child index, and Lexical's children mirror the DOM children of paragraphs and marks.
      return $offsetOfPoint(model, node, domOffset);
    };
    return [at(anchorNode, selection.anchorOffset), at(focusNode, selection.focusOffset)] as const;
  });
  const [a, b] = offsets;
  if (a === null || b === null) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/**
 * Run `rebuild` (which replaces paragraphs' DOM) without losing a selection the change is not
 * about: a passage selected while an earlier coding is still being saved must stay selected when
 * that coding lands and its paragraph is redrawn. A selection overlapping a `changed` range (the
 * passage just coded, undone or redone) is let go, as coding it is what the user just did.
 */
export function keepingSelection(editor: LexicalEditor, model: TranscriptModel, changed: readonly TextRange[], rebuild: () => void): void {
  const selection = window.getSelection();
  const kept = selectionOffsets(editor, model, selection);
  rebuild();
  if (!kept || !selection || changed.some((r) => r.start < kept.end && kept.start < r.end)) return;
  const root = editor.getRootElement();
  if (!selection.isCollapsed && selection.anchorNode && root?.contains(selection.anchorNode)) return;
  const range = domRangeFor(editor, model, kept.start, kept.end);
  if (!range) return;
  selection.removeAllRanges();
  selection.addRange(range);
}

/** Shrink `[start, end)` past whitespace at both ends; null when nothing but whitespace is left. */
export function trimRange(text: string, start: number, end: number): TextRange | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s += 1;
  while (e > s && /\s/.test(text[e - 1]!)) e -= 1;
  return s < e ? { start: s, end: e } : null;
}

/** A concept name from a selected passage, in vivo: trimmed, one line, at most `max` characters on a word boundary. */
export function inVivoLabel(passage: string, max = 60): string {
  const flat = stripQuotes(passage.replace(/\s+/g, ' ').trim().replace(/[,.;:!?…]+$/u, ''));
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trim()}…`;
}

const PAIRS: Readonly<Record<string, string>> = { '«': '»', '“': '”', '"': '"', "'": "'", '(': ')', '‘': '’' };

/** Drop quotation marks around a passage, and a lone opening or closing one at either end. */
function stripQuotes(text: string): string {
  let out = text;
  const first = out[0] ?? '';
  const close = PAIRS[first];
  if (close && out.endsWith(close) && out.length > 1) return out.slice(1, -1).trim();
  if (close && !out.slice(1).includes(close)) out = out.slice(1);
  const last = out[out.length - 1] ?? '';
  const open = Object.keys(PAIRS).find((o) => PAIRS[o] === last);
  if (open && !out.slice(0, -1).includes(open)) out = out.slice(0, -1);
  return out.trim();
}

/**
 * The DOM range showing `[start, end)` of the text, for scrolling to a passage and selecting it.
 * Walks the text nodes of the paragraphs the range spans (the gutter holds no text nodes).
 */
export function domRangeFor(editor: LexicalEditor, model: TranscriptModel, start: number, end: number): Range | null {
  const point = (offset: number, isEnd: boolean): [Node, number] | null => {
    let index = model.paragraphs.findIndex((p) => offset >= p.start && offset <= p.end);
    if (index < 0) index = model.paragraphs.length - 1;
    // An end at a paragraph's start belongs to the previous paragraph's end.
    if (isEnd && index > 0 && offset === model.paragraphs[index]!.start && offset > start) index -= 1;
    const element = editor.getElementByKey(model.keys[index] ?? '');
    if (!element) return null;
    let remaining = offset - model.paragraphs[index]!.start;
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      if (isEnd ? remaining <= text.data.length : remaining < text.data.length) return [text, remaining];
      remaining -= text.data.length;
      last = text;
    }
    return last ? [last, last.data.length] : [element, 0];
  };
  const from = point(start, false);
  const to = point(end, true);
  if (!from || !to) return null;
  const range = editor.getRootElement()!.ownerDocument.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range;
}
