import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, $isElementNode, $isTextNode, type LexicalNode } from 'lexical';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  $buildTranscript,
  $editorText,
  $markIds,
  $offsetOfPoint,
  $paragraphNodes,
  $rebuildParagraphs,
  changedRanges,
  createTranscriptModel,
  paragraphsTouching,
  TRANSCRIPT_NODES,
} from '../../../../../renderer/features/transcript/transcriptModel';

const TEXT = 'Hva er innovasjon?\nFor meg er det «nyskapning» 👍 i kommunen.\n\nOg i Bærum prøver vi igjen.';

function editor() {
  return createHeadlessEditor({ nodes: TRANSCRIPT_NODES, onError: (e) => { throw e; } });
}

function textNodes(node: LexicalNode, out: LexicalNode[] = []): LexicalNode[] {
  if ($isTextNode(node)) out.push(node);
  if ($isElementNode(node)) node.getChildren().forEach((c) => textNodes(c, out));
  return out;
}

describe('the transcript model (Lexical as a view of canonical text + codings)', () => {
  it('keeps editor text === canonical text, with overlapping codings as flat sibling marks', () => {
    const e = editor();
    const model = createTranscriptModel(TEXT);
    const a = { id: 'a', start: TEXT.indexOf('det'), end: TEXT.indexOf('👍') + 2 };
    const b = { id: 'b', start: TEXT.indexOf('«'), end: TEXT.indexOf('kommunen') };
    e.update(() => $buildTranscript(model, [a, b]), { discrete: true });
    e.read(() => {
      expect($editorText()).toBe(TEXT);
      expect($markIds()).toEqual([['a'], ['a', 'b'], ['b']]);
      expect($paragraphNodes()).toHaveLength(4);
    });
  });

  it('groups paragraphs under the root in the view, and leaves them under the root for editing', () => {
    const model = createTranscriptModel(TEXT);
    const grouped = editor();
    grouped.update(() => $buildTranscript(model, [], 3), { discrete: true });
    grouped.read(() => {
      expect($getRoot().getChildren().map((g) => g.getType())).toEqual(['transcript-paragraph-group', 'transcript-paragraph-group']);
      expect($getRoot().getChildren().map((g) => ($isElementNode(g) ? g.getChildrenSize() : 0))).toEqual([3, 1]);
      expect($editorText()).toBe(TEXT);
    });
    const flat = editor();
    flat.update(() => $buildTranscript(model, [], Infinity), { discrete: true });
    flat.read(() => {
      expect($getRoot().getChildren().map((p) => p.getType())).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
      expect($editorText()).toBe(TEXT);
    });
  });

  it('maps every point of every text node back to its canonical offset', () => {
    const e = editor();
    const model = createTranscriptModel(TEXT);
    // Groups of three: points inside the first group, on it, and in the second group.
    e.update(() => $buildTranscript(model, [{ id: 'x', start: 5, end: 30 }, { id: 'y', start: 20, end: 45 }], 3), { discrete: true });
    e.read(() => {
      let checked = 0;
      $paragraphNodes().forEach((paragraph, index) => {
        let offset = model.paragraphs[index]!.start;
        for (const node of textNodes(paragraph)) {
          const size = node.getTextContentSize();
          for (let i = 0; i <= size; i += 1) {
            expect($offsetOfPoint(model, node, i)).toBe(offset + i);
            checked += 1;
          }
          offset += size;
        }
        // An element point counts whole children before it.
        expect($offsetOfPoint(model, paragraph, 0)).toBe(model.paragraphs[index]!.start);
      });
      expect(checked).toBeGreaterThan(TEXT.length);
      // Points between paragraphs: on the root before the second group (the fourth paragraph),
      // on a group before its second paragraph, at the end of a group and of the root.
      const [first, second] = $getRoot().getChildren();
      expect($offsetOfPoint(model, $getRoot(), 1)).toBe(model.paragraphs[3]!.start);
      expect($offsetOfPoint(model, first!, 1)).toBe(model.paragraphs[1]!.start);
      expect($offsetOfPoint(model, first!, 3)).toBe(model.paragraphs[3]!.start);
      expect($offsetOfPoint(model, second!, 1)).toBe(TEXT.length);
      expect($offsetOfPoint(model, $getRoot(), 2)).toBe(TEXT.length);
    });
  });

  it('rebuilds only the paragraphs a coding change touches', () => {
    const e = editor();
    const model = createTranscriptModel(TEXT);
    const before = new Map([['a', { id: 'a', start: 0, end: 5, codeId: 'c1' }]]);
    e.update(() => $buildTranscript(model, [...before.values()]), { discrete: true });
    const keysBefore = e.read(() => $paragraphNodes().map((p) => ($isElementNode(p) ? p.getChildren().map((c) => c.getKey()) : [])));
    const after = new Map([...before, ['b', { id: 'b', start: TEXT.indexOf('Bærum'), end: TEXT.indexOf('Bærum') + 5, codeId: 'c2' }]]);
    const touched = paragraphsTouching(model, changedRanges(before, after));
    expect(touched).toEqual([3]);
    e.update(() => $rebuildParagraphs(model, touched, [...after.values()]), { discrete: true });
    const keysAfter = e.read(() => $paragraphNodes().map((p) => ($isElementNode(p) ? p.getChildren().map((c) => c.getKey()) : [])));
    expect(keysAfter.slice(0, 3)).toEqual(keysBefore.slice(0, 3));
    expect(keysAfter[3]).not.toEqual(keysBefore[3]);
    e.read(() => {
      expect($editorText()).toBe(TEXT);
      expect($markIds()).toEqual([['a'], ['b']]);
    });
  });

  it('reports moved, recoded and removed codings as changed ranges', () => {
    const a = { id: 'a', start: 0, end: 5, codeId: 'c1' };
    expect(changedRanges(new Map([['a', a]]), new Map([['a', { ...a, codeId: 'c2' }]]))).toHaveLength(2);
    expect(changedRanges(new Map([['a', a]]), new Map())).toEqual([a]);
    expect(changedRanges(new Map([['a', a]]), new Map([['a', a]]))).toEqual([]);
  });

  it('holds the invariant for random texts and codings (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }),
        (raw, pairs) => {
          const text = raw.replace(/\r/g, '');
          const model = createTranscriptModel(text);
          const codings = pairs
            .map(([x, y], i) => ({ id: `k${i}`, start: Math.min(x, y) % (text.length + 1), end: Math.max(x, y) % (text.length + 1) }))
            .filter((c) => c.end > c.start);
          const e = editor();
          e.update(() => $buildTranscript(model, codings, 2), { discrete: true });
          e.read(() => expect($editorText()).toBe(text));
        },
      ),
      { numRuns: 60 },
    );
  });
});
