import { ElementNode, type LexicalNode, type SerializedElementNode } from 'lexical';

/**
 * A block of consecutive paragraphs of the read-only transcript (a plain <div>). Why: Lexical
 * reconciles every child of a dirty element and the browser lays out every child of a changed
 * block, so with thousands of paragraphs directly under the root, highlighting one passage cost
 * work in proportion to the whole transcript. Grouped, a change touches its paragraph, its group
 * and the root's groups, and a group out of view is skipped by the browser (content-visibility).
 * A shadow root, so Lexical treats each paragraph inside as a top-level block. Edit mode does not
 * use groups (its paragraphs stay under the root).
 */
export class ParagraphGroupNode extends ElementNode {
  static override getType(): string {
    return 'transcript-paragraph-group';
  }

  static override clone(node: ParagraphGroupNode): ParagraphGroupNode {
    return new ParagraphGroupNode(node.__key);
  }

  static override importJSON(serialized: SerializedElementNode): ParagraphGroupNode {
    return $createParagraphGroupNode().updateFromJSON(serialized);
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('div');
    element.className = 'paragraph-group';
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isShadowRoot(): boolean {
    return true;
  }
}

export function $createParagraphGroupNode(): ParagraphGroupNode {
  return new ParagraphGroupNode();
}

export function $isParagraphGroupNode(node: LexicalNode | null | undefined): node is ParagraphGroupNode {
  return node instanceof ParagraphGroupNode;
}
