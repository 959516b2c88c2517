import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, ParagraphNode, type LexicalEditor } from 'lexical';
import { $isMarkNode, MarkNode } from '@lexical/mark';
import type { Code, Coding, DocumentFull } from '../../../shared/model/types';
import type { Anchored } from '../../../shared/text/sweep';
import { useApp, useAppStore } from '../../store/StoreContext';
import { $buildTranscript, $rebuildParagraphs, changedRanges, createTranscriptModel, paragraphsTouching, TRANSCRIPT_NODES, type TranscriptModel } from './transcriptModel';
import { transcriptSelection } from './domSelection';
import { codeInVivo } from './codingActions';
import { markStyle } from './markStyle';
import { turnLabels } from './turnLabels';
import { HoverCard } from './HoverCard';
import { SelectionToolbar } from './SelectionToolbar';
import { CodePalette } from './CodePalette';

const THEME = { paragraph: 'tp', mark: 'coding', markOverlap: 'coding-overlap' };

type Keyed = Anchored & { codeId: string };

function keyed(codings: Readonly<Record<string, Coding>>): Map<string, Keyed> {
  return new Map(Object.values(codings).map((c) => [c.id, { id: c.id, start: c.start, end: c.end, codeId: c.codeId }]));
}

/**
 * Keeps the Lexical editor in step with the open document: a full build when the document changes,
 * and afterwards a rebuild of only the paragraphs a coding change touches. Paragraph attributes
 * (speaker gutter) and mark colours are applied to the DOM by mutation listeners.
 */
function TranscriptSync({ document, onModel }: { document: DocumentFull; onModel: (model: TranscriptModel) => void }) {
  const [editor] = useLexicalComposerContext();
  const codings = useApp((s) => s.codings);
  const codes = useApp((s) => s.codes);
  const informants = useApp((s) => s.informants);
  const modelRef = useRef<TranscriptModel | null>(null);
  const shownRef = useRef<Map<string, Keyed>>(new Map());
  const stylesRef = useRef({ codings, codes });
  stylesRef.current = { codings, codes };
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
        if (element && index !== undefined) decorateParagraph(element, labelsRef.current[index]);
      }
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
      offMarks();
    };
  }, [editor]);

  // A new document: build everything once.
  useEffect(() => {
    const model = createTranscriptModel(document.text);
    modelRef.current = model;
    const shown = keyed(stylesRef.current.codings);
    shownRef.current = shown;
    editor.update(() => $buildTranscript(model, [...shown.values()]), { discrete: true });
    onModel(model);
  }, [editor, document, onModel]);

  // Codings changed: rebuild only the paragraphs the change touches.
  useEffect(() => {
    const model = modelRef.current;
    if (!model) return;
    const next = keyed(codings);
    const ranges = changedRanges(shownRef.current, next);
    shownRef.current = next;
    if (ranges.length === 0) return;
    const indices = paragraphsTouching(model, ranges);
    editor.update(() => $rebuildParagraphs(model, indices, [...next.values()]), { discrete: true });
  }, [editor, codings]);

  // A code's colour changed: restyle the marks already on screen.
  useEffect(() => {
    const root = editor.getRootElement();
    if (!root) return;
    for (const element of root.querySelectorAll<HTMLElement>('mark[data-codings]')) {
      styleMark(element, (element.dataset.codings ?? '').split(' ').filter(Boolean), codings, codes);
    }
  }, [editor, codes, codings]);

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

function decorateParagraph(element: HTMLElement, label: ReturnType<typeof turnLabels>[number] | undefined): void {
  element.classList.toggle('turn-start', !!label?.turnStart);
  element.classList.toggle('interviewer', label?.role === 'interviewer');
  element.classList.toggle('no-turn', !label);
  if (label?.turnStart) {
    element.dataset.speaker = label.speaker;
    if (label.time) element.dataset.time = label.time;
    else delete element.dataset.time;
  } else {
    delete element.dataset.speaker;
    delete element.dataset.time;
  }
}

function styleMark(element: HTMLElement, ids: readonly string[], codings: Readonly<Record<string, Coding>>, codes: Readonly<Record<string, Code>>): void {
  element.dataset.codings = ids.join(' ');
  const style = markStyle(ids.map((id) => codes[codings[id]?.codeId ?? '']?.color ?? '#999999'));
  element.style.backgroundColor = style.backgroundColor;
  element.style.boxShadow = style.boxShadow;
}

/** The open transcript: speaker gutter, highlighted codings, selection → code. */
export function TranscriptView() {
  const document = useApp((s) => s.openDocument);
  if (!document) {
    return (
      <section className="transcript empty" aria-label="Transcript">
        <p className="hint">Open a document from the list, or import a transcript to start coding.</p>
      </section>
    );
  }
  return <LoadedTranscript key={document.id} document={document} />;
}

function LoadedTranscript({ document }: { document: DocumentFull }) {
  const store = useAppStore();
  const selection = useApp((s) => s.selection);
  const paletteOpen = useApp((s) => s.paletteOpen);
  const codingCount = useApp((s) => Object.keys(s.codings).length);
  const [model, setModel] = useState<TranscriptModel | null>(null);
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
    const onChange = () => {
      const sel = window.getSelection();
      if (!sel || sel.isCollapsed) readSelection();
    };
    window.document.addEventListener('selectionchange', onChange);
    return () => window.document.removeEventListener('selectionchange', onChange);
  }, [readSelection]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const state = store.getState();
    if (!state.selection) return;
    if (event.key === 'c' || event.key === 'Enter') {
      event.preventDefault();
      state.openPalette(true);
    } else if (event.key === 'v') {
      event.preventDefault();
      void codeInVivo(store);
    }
  };

  return (
    <section className="transcript" aria-label={`Transcript: ${document.title}`}>
      <header className="transcript-header">
        <h2>{document.title}</h2>
        <span className="muted">
          {document.turns.length} turns · {document.chars.toLocaleString('en')} characters · {codingCount} coding{codingCount === 1 ? '' : 's'}
        </span>
      </header>
      <div className="transcript-scroll" ref={scrollRef} onMouseUp={readSelection} onKeyUp={readSelection} onKeyDown={onKeyDown}>
        <LexicalComposer initialConfig={initialConfig}>
          <EditorRef editorRef={editorRef} />
          <PlainTextPlugin
            contentEditable={<ContentEditable className="transcript-text" aria-label="Transcript text" tabIndex={0} data-testid="transcript-text" />}
            ErrorBoundary={LexicalErrorBoundary}
          />
          <TranscriptSync document={document} onModel={setModel} />
        </LexicalComposer>
        <HoverCard container={scrollRef} />
      </div>
      {selection && model && !paletteOpen && <SelectionToolbar text={model.text} />}
      {paletteOpen && selection && model && <CodePalette passage={model.text.slice(selection.start, selection.end)} />}
    </section>
  );
}

function EditorRef({ editorRef }: { editorRef: React.MutableRefObject<LexicalEditor | null> }) {
  const [editor] = useLexicalComposerContext();
  editorRef.current = editor;
  return null;
}
