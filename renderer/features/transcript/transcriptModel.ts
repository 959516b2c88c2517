import { $createMarkNode, $isMarkNode, MarkNode } from '@lexical/mark';
import {
  $createParagraphNode,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isParagraphNode,
  $isRootNode,
  $isTextNode,
  type LexicalNode,
  type NodeKey,
  type ParagraphNode,
} from 'lexical';
import type { Anchored } from '../../../shared/text/sweep';
import { sweepRuns } from '../../../shared/text/sweep';
import { paragraphIndexAt, paragraphRanges } from '../../../shared/text/paragraphs';
import type { TextRange } from '../../../shared/text/offsets';
import { $createParagraphGroupNode, $isParagraphGroupNode, ParagraphGroupNode } from './ParagraphGroupNode';

// SQLite is the source of truth; the Lexical editor is a view of one document built from its
// canonical text and codings. Each `\n`-separated line is a ParagraphNode; codings are swept into
// flat runs, and each run covered by codings is wrapped in a MarkNode carrying their ids, so
// overlapping codings become sibling marks with several ids (the mechanism of @lexical/mark).
// In the read-only view the paragraphs sit in groups of GROUP_SIZE (see ParagraphGroupNode).
// Nothing here is persisted: the editor is rebuilt from the database.

/** Paragraphs per group in the read-only view: a change costs about GROUP_SIZE + count / GROUP_SIZE. */
export const GROUP_SIZE = 16;

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

/**
 * Replace the editor's content with the document, paragraphs in groups of `groupSize` (edit mode
 * passes Infinity: its paragraphs stay directly under the root). Call inside `editor.update`.
 */
export function $buildTranscript(model: TranscriptModel, codings: readonly Anchored[], groupSize = GROUP_SIZE): void {
  const root = $getRoot();
  root.clear();
  const sorted = [...codings].sort((a, b) => a.start - b.start);
  // Sweep once per paragraph over the codings that reach it; a pointer walks the sorted list.
  let from = 0;
  let group: ParagraphGroupNode | null = null;
  model.keys = [];
  model.indexOfKey = new Map();
  model.paragraphs.forEach((range, index) => {
    while (from < sorted.length && sorted[from]!.end <= range.start) from += 1;
    const paragraph = $createParagraphNode();
    $fillParagraph(paragraph, model, range, codingsIn(sorted, range, from));
    if (!Number.isFinite(groupSize)) root.append(paragraph);
    else {
      if (index % groupSize === 0) root.append((group = $createParagraphGroupNode()));
      group!.append(paragraph);
    }
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
    if (b === a) continue;
    if (!b) ranges.push(a);
    else if (b.start !== a.start || b.end !== a.end || b.codeId !== a.codeId) ranges.push(a, b);
  }
  for (const [id, b] of before) if (!after.has(id)) ranges.push(b);
  return ranges;
}

/** Rebuild only the given paragraphs with the current codings. Call inside `editor.update`. */
export function $rebuildParagraphs(model: TranscriptModel, indices: readonly number[], codings: readonly Anchored[]): void {
  if (indices.length === 0) return;
  // Only the codings that reach the rebuilt paragraphs are sorted (not all of a long transcript's).
  const from = model.paragraphs[indices[0]!]!.start;
  const to = model.paragraphs[indices[indices.length - 1]!]!.end;
  const sorted = codings.filter((c) => c.start <= to && c.end >= from).sort((a, b) => a.start - b.start);
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
    // A point between paragraphs, on the root or on a group: before its child `offset`.
    if (!$isRootNode(node) && !$isParagraphGroupNode(node)) return null;
    const next = $firstParagraphIn(node.getChildAtIndex(offset)) ?? ($isParagraphGroupNode(node) ? $firstParagraphIn(node.getNextSibling()) : null);
    const index = next ? model.indexOfKey.get(next.getKey()) : undefined;
    return index === undefined ? model.text.length : model.paragraphs[index]!.start;
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

/** A paragraph itself, or the first paragraph of a group; null for anything else. */
function $firstParagraphIn(node: LexicalNode | null): LexicalNode | null {
  return $isParagraphGroupNode(node) ? node.getFirstChild() : node;
}

/** The paragraphs in document order, whether grouped or directly under the root. */
export function $paragraphNodes(): LexicalNode[] {
  return $getRoot()
    .getChildren()
    .flatMap((child) => ($isParagraphGroupNode(child) ? child.getChildren() : [child]));
}

/** The editor's text as canonical text: paragraphs joined by `\n` (the invariant tests check). */
export function $editorText(): string {
  return $paragraphNodes()
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
export const TRANSCRIPT_NODES = [MarkNode, ParagraphGroupNode];
