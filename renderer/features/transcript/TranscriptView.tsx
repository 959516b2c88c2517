import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, ParagraphNode, type LexicalEditor } from 'lexical';
import { $isMarkNode, MarkNode } from '@lexical/mark';
import type { Code, Coding, DocumentFull } from '../../../shared/model/types';
import { useApp, useAppStore } from '../../store/StoreContext';
import { PENDING_PREFIX } from '../../store/slices/codingsSlice';
import { selectVisibleCodings } from '../../store/selectors';
import type { AppStore } from '../../store/createAppStore';
import { $buildTranscript, $rebuildParagraphs, changedRanges, createTranscriptModel, paragraphsTouching, TRANSCRIPT_NODES, type TranscriptModel } from './transcriptModel';
import { domRangeFor, keepingSelection, transcriptSelection } from './domSelection';
import { codeInVivo } from './codingActions';
import { markStyle } from './markStyle';
import { $isParagraphGroupNode, ParagraphGroupNode } from './ParagraphGroupNode';
import { turnLabels } from './turnLabels';
import { firstIndexWhere } from './firstIndexWhere';
import { HoverCard } from './HoverCard';
import { SelectionToolbar } from './SelectionToolbar';
import { CodePalette } from './CodePalette';
import { CodingStripes } from './CodingStripes';
import { CodingDetails } from './CodingDetails';
import { TranscriptHeader } from './TranscriptHeader';
import { EditableTranscript } from './EditableTranscript';
import { DRAG_TYPE, draggedCode, endCodeDrag } from '../codebook/dragAndDrop';
import { TurnMenu, type TurnMenuAt } from './TurnMenu';

const THEME = { paragraph: 'tp', mark: 'coding', markOverlap: 'coding-overlap' };

function byId(codings: readonly Coding[]): Map<string, Coding> {
  return new Map(codings.map((c) => [c.id, c]));
}

/** Whether `after` holds an optimistic coding (not saved yet) that `before` did not. */
function addsPending(before: ReadonlyMap<string, Coding>, after: ReadonlyMap<string, Coding>): boolean {
  for (const id of after.keys()) if (id.startsWith(PENDING_PREFIX) && !before.has(id)) return true;
  return false;
}

/**
 * Keeps the Lexical editor in step with the open document: a full build when the document changes,
 * and afterwards a rebuild of only the paragraphs a coding change touches. Paragraph attributes
 * (speaker gutter) and mark colours are applied to the DOM by mutation listeners.
 */
function TranscriptSync({ document, onModel }: { document: DocumentFull; onModel: (model: TranscriptModel) => void }) {
  const [editor] = useLexicalComposerContext();
  const visible = useApp(selectVisibleCodings);
  const codings = useApp((s) => s.codings);
  const codes = useApp((s) => s.codes);
  const informants = useApp((s) => s.informants);
  const modelRef = useRef<TranscriptModel | null>(null);
  const shownRef = useRef<Map<string, Coding>>(new Map());
  const stylesRef = useRef({ codings, codes, visible });
  stylesRef.current = { codings, codes, visible };
  const labels = useMemo(() => turnLabels(document, informants), [document, informants]);
  const labelsRef = useRef(labels);
  labelsRef.current = labels;

  // Decorate paragraphs (speaker gutter) and marks (colours) as Lexical creates their DOM.
  useEffect(() => {
    const offParagraphs = editor.registerMutationListener(ParagraphNode, (mutations) => {
      const model = modelRef.current;
      if (!model) return;
      for (const [key, kind] of mutations) {
        if (kind !== 'created') continue;
        const element = editor.getElementByKey(key);
        const index = model.indexOfKey.get(key);
        if (element && index !== undefined) {
          element.dataset.index = String(index);
          decorateParagraph(element, labelsRef.current[index]);
        }
      }
    });
    // A group out of view is not laid out (content-visibility): until it is, it takes the height
    // its text would take, so the scrollbar and jumps to passages are about right.
    const offGroups = editor.registerMutationListener(ParagraphGroupNode, (mutations) => {
      const model = modelRef.current;
      if (!model) return;
      editor.read(() => {
        for (const [key, kind] of mutations) {
          const element = kind === 'created' ? editor.getElementByKey(key) : null;
          const group = $getNodeByKey(key);
          if (!element || !$isParagraphGroupNode(group)) continue;
          const indices = group.getChildrenKeys().map((k) => model.indexOfKey.get(k) ?? -1);
          element.style.containIntrinsicSize = `auto ${estimatedHeight(model, indices)}px`;
        }
      });
    });
    const offMarks = editor.registerMutationListener(MarkNode, (mutations) => {
      editor.read(() => {
        for (const [key, kind] of mutations) {
          if (kind === 'destroyed') continue;
          const node = $getNodeByKey(key);
          const element = editor.getElementByKey(key);
          if (element && $isMarkNode(node)) styleMark(element, node.getIDs(), stylesRef.current.codings, stylesRef.current.codes);
        }
      });
    });
    return () => {
      offParagraphs();
      offGroups();
      offMarks();
    };
  }, [editor]);

  // A new document: build everything once.
  useEffect(() => {
    const model = createTranscriptModel(document.text);
    modelRef.current = model;
    shownRef.current = byId(stylesRef.current.visible);
    editor.update(() => $buildTranscript(model, stylesRef.current.visible), { discrete: true });
    onModel(model);
  }, [editor, document, onModel]);

  // Codings (or the filter) changed: rebuild only the paragraphs the change touches.
  useEffect(() => {
    const model = modelRef.current;
    if (!model) return;
    const next = byId(visible);
    const before = shownRef.current;
    const ranges = changedRanges(before, next);
    shownRef.current = next;
    if (ranges.length === 0) return;
    const indices = paragraphsTouching(model, ranges);
    const rebuild = () => editor.update(() => $rebuildParagraphs(model, indices, visible), { discrete: true });
    // A coding just made from the selection (optimistic, drawn in the same input event): the
    // selection is that passage, so there is nothing to keep, and reading it would force a layout.
    if (ranges.length === 1 && next.size === before.size + 1 && addsPending(before, next)) rebuild();
    else keepingSelection(editor, model, ranges, rebuild);
  }, [editor, visible]);

  // A code's colour changed: restyle the marks of its codings. Compared per code, so adding or
  // recoding a coding (whose paragraphs are rebuilt, and styled as created) costs nothing here.
  const coloursRef = useRef<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    const previous = coloursRef.current;
    const next = new Map(Object.values(codes).map((code) => [code.id, code.color]));
    coloursRef.current = next;
    const recoloured = new Set([...next].filter(([id, color]) => previous.has(id) && previous.get(id) !== color).map(([id]) => id));
    const root = editor.getRootElement();
    if (!root || recoloured.size === 0) return;
    const { codings: current, codes: currentCodes } = stylesRef.current;
    for (const element of root.querySelectorAll<HTMLElement>('mark[data-codings]')) {
      const ids = (element.dataset.codings ?? '').split(' ').filter(Boolean);
      if (ids.some((id) => recoloured.has(current[id]?.codeId ?? ''))) styleMark(element, ids, current, currentCodes);
    }
  }, [editor, codes]);

  // Speaker labels changed (an informant renamed): redecorate paragraphs.
  useEffect(() => {
    const model = modelRef.current;
    if (!model) return;
    model.keys.forEach((key, index) => {
      const element = editor.getElementByKey(key);
      if (element) decorateParagraph(element, labels[index]);
    });
  }, [editor, labels]);

  return null;
}

/** About 90 characters a line, 28 px a line, 14 px above each turn: a group's height unseen. */
function estimatedHeight(model: TranscriptModel, indices: readonly number[]): number {
  let height = 0;
  for (const index of indices) {
    const range = model.paragraphs[index];
    if (range) height += Math.max(1, Math.ceil((range.end - range.start) / 90)) * 28 + 14;
  }
  return height;
}

function decorateParagraph(element: HTMLElement, label: ReturnType<typeof turnLabels>[number] | undefined): void {
  element.classList.toggle('turn-start', !!label?.turnStart);
  element.classList.toggle('interviewer', label?.role === 'interviewer');
  element.classList.toggle('no-turn', !label);
  if (label?.turnStart && label.speaker) element.dataset.speaker = label.speaker;
  else delete element.dataset.speaker;
  if (label?.time) element.dataset.time = label.time;
  else delete element.dataset.time;
}

function styleMark(element: HTMLElement, ids: readonly string[], codings: Readonly<Record<string, Coding>>, codes: Readonly<Record<string, Code>>): void {
  element.dataset.codings = ids.join(' ');
  const style = markStyle(ids.map((id) => codes[codings[id]?.codeId ?? '']?.color ?? '#999999'));
  element.style.backgroundColor = style.backgroundColor;
  element.style.boxShadow = style.boxShadow;
}

/** Scroll to the requested passage, select it (ready to code) and flash it. */
function JumpPlugin({ model, onSelect }: { model: TranscriptModel | null; onSelect: () => void }) {
  const [editor] = useLexicalComposerContext();
  const jumpTo = useApp((s) => s.jumpTo);
  const documentId = useApp((s) => s.openDocument?.id);
  useEffect(() => {
    if (!jumpTo || !model || jumpTo.documentId !== documentId) return;
    const range = domRangeFor(editor, model, jumpTo.start, jumpTo.end);
    if (!range) return;
    const rect = range.getBoundingClientRect();
    const scroller = editor.getRootElement()?.closest('.transcript-scroll');
    if (scroller) {
      const box = scroller.getBoundingClientRect();
      scroller.scrollTop += rect.top - box.top - box.height / 3;
    }
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    onSelect();
    const highlights = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
    const HighlightClass = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
    if (highlights && HighlightClass) {
      highlights.set('stige-jump', new HighlightClass(range.cloneRange()));
      const timer = setTimeout(() => highlights.delete('stige-jump'), 1600);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [editor, jumpTo, model, documentId, onSelect]);
  return null;
}

/** The open transcript: speaker gutter, highlighted codings, selection → code. */
export function TranscriptView() {
  const document = useApp((s) => s.openDocument);
  const editMode = useApp((s) => s.editMode);
  if (!document) {
    return (
      <section className="transcript empty" aria-label="Transcript">
        <p className="hint">Open a document from the list, or import a transcript to start coding.</p>
      </section>
    );
  }
  return (
    <section className="transcript" aria-label={`Transcript: ${document.title}`}>
      <TranscriptHeader document={document} />
      {editMode ? <EditableTranscript key={`edit-${document.id}`} document={document} /> : <LoadedTranscript key={document.id} document={document} />}
    </section>
  );
}

function LoadedTranscript({ document }: { document: DocumentFull }) {
  const store = useAppStore();
  const selection = useApp((s) => s.selection);
  const paletteOpen = useApp((s) => s.paletteOpen);
  const recodingId = useApp((s) => s.recodingId);
  const selectedCodingId = useApp((s) => s.selectedCodingId);
  const [model, setModel] = useState<TranscriptModel | null>(null);
  const [turnMenu, setTurnMenu] = useState<TurnMenuAt | null>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);

  const initialConfig = useMemo(
    () => ({
      namespace: 'stige-transcript',
      nodes: TRANSCRIPT_NODES,
      editable: false,
      theme: THEME,
      onError: (error: Error) => {
        store.getState().notify('error', `The transcript view failed: ${error.message}`);
      },
    }),
    [store],
  );

  const readSelection = useCallback(() => {
    const editor = editorRef.current;
    if (!editor || !model || store.getState().paletteOpen) return;
    store.getState().setSelection(transcriptSelection(editor, model, window.getSelection()));
  }, [model, store]);

  useEffect(() => {
    // A click inside the transcript that collapses the selection clears it; a click elsewhere (the
    // codebook, to drag a code onto the passage) keeps the passage selected for coding.
    const onChange = () => {
      const sel = window.getSelection();
      const root = editorRef.current?.getRootElement();
      if (!sel || (sel.isCollapsed && (!sel.anchorNode || root?.contains(sel.anchorNode)))) readSelection();
    };
    window.document.addEventListener('selectionchange', onChange);
    return () => window.document.removeEventListener('selectionchange', onChange);
  }, [readSelection]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (handleSelectionKeys(event, editorRef.current)) {
      requestAnimationFrame(readSelection);
      return;
    }
    void handleCodingKeys(event, store);
  };

  return (
    <>
      <div
        className="transcript-scroll"
        ref={scrollRef}
        onMouseUp={readSelection}
        onKeyUp={readSelection}
        onKeyDown={onKeyDown}
        onContextMenu={(e) => {
          const paragraph = (e.target as HTMLElement).closest<HTMLElement>('p.tp');
          if (!paragraph?.dataset.index) return;
          e.preventDefault();
          setTurnMenu({ x: e.clientX, y: e.clientY, paragraph: Number(paragraph.dataset.index) });
        }}
        // Capture: the editor handles drag events on its own element and would swallow these.
        onDragOverCapture={(e) => {
          if (store.getState().selection && e.dataTransfer.types.includes(DRAG_TYPE)) {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
          }
        }}
        onDropCapture={(e) => {
          const code = draggedCode();
          if (!code || !store.getState().selection || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
          e.preventDefault();
          e.stopPropagation();
          endCodeDrag();
          void store.getState().codeSelection({ id: code.id });
        }}
      >
        <div className="transcript-page">
          <LexicalComposer initialConfig={initialConfig}>
            <EditorRef editorRef={editorRef} />
            <PlainTextPlugin
              contentEditable={<ContentEditable className="transcript-text" aria-label="Transcript text" tabIndex={0} data-testid="transcript-text" />}
              ErrorBoundary={LexicalErrorBoundary}
            />
            <TranscriptSync document={document} onModel={setModel} />
            <JumpPlugin model={model} onSelect={readSelection} />
            <CodingStripes model={model} />
          </LexicalComposer>
        </div>
        <HoverCard container={scrollRef} />
      </div>
      {turnMenu && <TurnMenu at={turnMenu} document={document} onClose={() => setTurnMenu(null)} />}
      {selectedCodingId && <CodingDetails codingId={selectedCodingId} text={document.text} />}
      {selection && model && !paletteOpen && <SelectionToolbar text={model.text} />}
      {paletteOpen && recodingId && <CodePalette passage={store.getState().codings[recodingId]?.quote ?? ''} recodingId={recodingId} />}
      {paletteOpen && !recodingId && selection && model && <CodePalette passage={model.text.slice(selection.start, selection.end)} />}
    </>
  );
}

function EditorRef({ editorRef }: { editorRef: React.MutableRefObject<LexicalEditor | null> }) {
  const [editor] = useLexicalComposerContext();
  editorRef.current = editor;
  return null;
}

/**
 * Keyboard selection in the read-only transcript: the arrows move and Shift+arrows extend the
 * selection (Ctrl/Alt: by word), as in a text editor, so passages can be coded without a mouse.
 */
function handleSelectionKeys(event: React.KeyboardEvent, editor: LexicalEditor | null): boolean {
  const moves: Record<string, ['forward' | 'backward', 'character' | 'word' | 'line' | 'lineboundary']> = {
    ArrowRight: ['forward', event.ctrlKey || event.altKey ? 'word' : 'character'],
    ArrowLeft: ['backward', event.ctrlKey || event.altKey ? 'word' : 'character'],
    ArrowDown: ['forward', 'line'],
    ArrowUp: ['backward', 'line'],
    End: ['forward', 'lineboundary'],
    Home: ['backward', 'lineboundary'],
  };
  const move = moves[event.key];
  const root = editor?.getRootElement();
  const selection = window.getSelection();
  if (!move || !root || !selection || event.metaKey) return false;
  if (!selection.anchorNode || !root.contains(selection.anchorNode)) {
    // Start from the first paragraph that is in view.
    const paragraphs = root.querySelectorAll('p');
    const top = root.closest('.transcript-scroll')!.getBoundingClientRect().top;
    const first = paragraphs[firstIndexWhere(paragraphs.length, (i) => paragraphs[i]!.getBoundingClientRect().bottom > top)];
    const walker = root.ownerDocument.createTreeWalker(first ?? root, NodeFilter.SHOW_TEXT);
    const text = walker.nextNode();
    if (!text) return false;
    selection.collapse(text, 0);
  }
  event.preventDefault();
  (selection as Selection & { modify(alter: string, direction: string, granularity: string): void }).modify(event.shiftKey ? 'extend' : 'move', move[0], move[1]);
  return true;
}

/** Coding keys on a selection: C palette, V in vivo, 1–9 recent concepts. */
async function handleCodingKeys(event: React.KeyboardEvent, store: AppStore): Promise<void> {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const state = store.getState();
  if (!state.selection) return;
  if (event.key === 'c' || event.key === 'Enter') {
    event.preventDefault();
    state.openPalette(true);
  } else if (event.key === 'v') {
    event.preventDefault();
    await codeInVivo(store);
  } else if (/^[1-9]$/.test(event.key)) {
    const id = state.recentConceptIds[Number(event.key) - 1];
    if (id) {
      event.preventDefault();
      await state.codeSelection({ id });
    }
  }
}
