import { $createMarkNode, $isMarkNode, MarkNode } from '@lexical/mark';
import {
  $createParagraphNode,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isParagraphNode,
  $isTextNode,
  type LexicalNode,
  type NodeKey,
  type ParagraphNode,
} from 'lexical';
import type { Anchored } from '../../../shared/text/sweep';
import { sweepRuns } from '../../../shared/text/sweep';
import { paragraphIndexAt, paragraphRanges } from '../../../shared/text/paragraphs';
import type { TextRange } from '../../../shared/text/offsets';

// SQLite is the source of truth; the Lexical editor is a view of one document built from its
// canonical text and codings. Each `\n`-separated line is a ParagraphNode; codings are swept into
// flat runs, and each run covered by codings is wrapped in a MarkNode carrying their ids, so
// overlapping codings become sibling marks with several ids (the mechanism of @lexical/mark).
// Nothing here is persisted: the editor is rebuilt from the database.

/** What the view keeps beside the editor: which paragraph node holds which range of the text. */
export interface TranscriptModel {
  readonly text: string;
  readonly paragraphs: readonly TextRange[];
  /** Lexical key of each paragraph, by paragraph index. */
  keys: NodeKey[];
  /** Paragraph index by Lexical key. */
  indexOfKey: Map<NodeKey, number>;
}

/** A new model for `text` (keys are filled in by `$buildTranscript`). */
export function createTranscriptModel(text: string): TranscriptModel {
  return { text, paragraphs: paragraphRanges(text), keys: [], indexOfKey: new Map() };
}

function $fillParagraph(paragraph: ParagraphNode, model: TranscriptModel, range: TextRange, codings: readonly Anchored[]): void {
  for (const run of sweepRuns(codings, range)) {
    if (run.end === run.start) continue;
    const text = $createTextNode(model.text.slice(run.start, run.end));
    if (run.ids.length === 0) paragraph.append(text);
    else paragraph.append($createMarkNode(run.ids).append(text));
  }
}

/** Codings overlapping `range`, scanning a list sorted by start from index `from`. */
function codingsIn(sorted: readonly Anchored[], range: TextRange, from = 0): Anchored[] {
  const out: Anchored[] = [];
  for (let i = from; i < sorted.length; i += 1) {
    const coding = sorted[i]!;
    if (coding.start >= range.end) break;
    if (coding.end > range.start) out.push(coding);
  }
  return out;
}

/** Replace the editor's content with the document. Call inside `editor.update`. */
export function $buildTranscript(model: TranscriptModel, codings: readonly Anchored[]): void {
  const root = $getRoot();
  root.clear();
  const sorted = [...codings].sort((a, b) => a.start - b.start);
  // Sweep once per paragraph over the codings that reach it; a pointer walks the sorted list.
  let from = 0;
  model.keys = [];
  model.indexOfKey = new Map();
  model.paragraphs.forEach((range, index) => {
    while (from < sorted.length && sorted[from]!.end <= range.start) from += 1;
    const paragraph = $createParagraphNode();
    $fillParagraph(paragraph, model, range, codingsIn(sorted, range, from));
    root.append(paragraph);
    model.keys.push(paragraph.getKey());
    model.indexOfKey.set(paragraph.getKey(), index);
  });
}

/** Indices of the paragraphs that any of `ranges` touches. */
export function paragraphsTouching(model: TranscriptModel, ranges: readonly TextRange[]): number[] {
  const touched = new Set<number>();
  for (const range of ranges) {
    const first = paragraphIndexAt(model.paragraphs, range.start);
    const last = paragraphIndexAt(model.paragraphs, Math.max(range.start, range.end - 1));
    for (let i = first; i <= last; i += 1) touched.add(i);
  }
  return [...touched].sort((a, b) => a - b);
}

/**
 * The ranges whose highlighting differs between two sets of codings: added, removed, and moved
 * codings (and ones whose code changed, since the colour changes).
 */
export function changedRanges(
  before: ReadonlyMap<string, Anchored & { codeId: string }>,
  after: ReadonlyMap<string, Anchored & { codeId: string }>,
): TextRange[] {
  const ranges: TextRange[] = [];
  for (const [id, a] of after) {
    const b = before.get(id);
    if (!b) ranges.push(a);
    else if (b.start !== a.start || b.end !== a.end || b.codeId !== a.codeId) ranges.push(a, b);
  }
  for (const [id, b] of before) if (!after.has(id)) ranges.push(b);
  return ranges;
}

/** Rebuild only the given paragraphs with the current codings. Call inside `editor.update`. */
export function $rebuildParagraphs(model: TranscriptModel, indices: readonly number[], codings: readonly Anchored[]): void {
  const sorted = [...codings].sort((a, b) => a.start - b.start);
  for (const index of indices) {
    const paragraph = $getNodeByKey<ParagraphNode>(model.keys[index]!);
    const range = model.paragraphs[index]!;
    if (!paragraph) continue;
    paragraph.clear();
    $fillParagraph(paragraph, model, range, codingsIn(sorted, range));
  }
}

/**
 * The canonical offset of a point in the editor: a text node and an offset in it, or an element and
 * a child index (as DOM and Lexical selections both give). Null outside the transcript.
 */
export function $offsetOfPoint(model: TranscriptModel, node: LexicalNode, offset: number): number | null {
  let paragraph: LexicalNode | null = node;
  while (paragraph && !$isParagraphNode(paragraph)) paragraph = paragraph.getParent();
  if (!paragraph) {
    // A point on the root: before child `offset`.
    if (node.getKey() === 'root') {
      const key = model.keys[offset];
      return key === undefined ? model.text.length : model.paragraphs[offset]!.start;
    }
    return null;
  }
  const index = model.indexOfKey.get(paragraph.getKey());
  if (index === undefined) return null;
  const range = model.paragraphs[index]!;
  let within = 0;
  const walk = (current: LexicalNode): boolean => {
    if (current.is(node)) {
      if ($isTextNode(current)) within += offset;
      else if ($isElementNode(current)) for (const child of current.getChildren().slice(0, offset)) within += child.getTextContentSize();
      return true;
    }
    if ($isTextNode(current)) {
      within += current.getTextContentSize();
      return false;
    }
    if ($isElementNode(current)) return current.getChildren().some(walk);
    return false;
  };
  walk(paragraph);
  return Math.min(range.start + within, range.end);
}

/** The editor's text as canonical text: paragraphs joined by `\n` (the invariant tests check). */
export function $editorText(): string {
  return $getRoot()
    .getChildren()
    .map((p) => p.getTextContent())
    .join('\n');
}

/** The coding ids of every mark, for tests. */
export function $markIds(): string[][] {
  const out: string[][] = [];
  const visit = (node: LexicalNode) => {
    if ($isMarkNode(node)) out.push(node.getIDs());
    if ($isElementNode(node)) node.getChildren().forEach(visit);
  };
  visit($getRoot());
  return out;
}

/** The nodes the transcript editor uses. */
export const TRANSCRIPT_NODES = [MarkNode];
