import { useEffect, useMemo, useRef } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_CRITICAL,
  DELETE_CHARACTER_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  KEY_ENTER_COMMAND,
  PASTE_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import type { DocumentFull } from '../../../shared/model/types';
import { useApp, useAppStore } from '../../store/StoreContext';
import { $buildTranscript, createTranscriptModel, TRANSCRIPT_NODES, type TranscriptModel } from './transcriptModel';
import { paragraphEdits } from './paragraphEdits';

/**
 * Edit mode: fix transcription errors in place. Lines cannot be split or joined here (turns and
 * paragraphs stay as they are); saving sends the changed words as edits, through which the backend
 * remaps every coding and flags those whose own words changed.
 */
export function EditableTranscript({ document }: { document: DocumentFull }) {
  const store = useAppStore();
  const setEditMode = useApp((s) => s.setEditMode);
  const editText = useApp((s) => s.editText);
  const model = useMemo(() => createTranscriptModel(document.text), [document.text]);
  const editorRef = useRef<LexicalEditor | null>(null);
  const initialConfig = useMemo(
    () => ({
      namespace: 'stige-transcript-edit',
      nodes: TRANSCRIPT_NODES,
      editable: true,
      theme: { paragraph: 'tp' },
      onError: (error: Error) => store.getState().notify('error', `Edit mode failed: ${error.message}`),
      editorState: () => $buildTranscript(model, [], Infinity),
    }),
    [model, store],
  );
  const save = async () => {
    const editor = editorRef.current;
    if (!editor) return;
    const lines = editor.read(() => $getRoot().getChildren().map((p) => p.getTextContent()));
    const edits = paragraphEdits(model, lines);
    if (edits === null) {
      store.getState().notify('error', 'Lines were split or joined. Edit mode changes words only; undo that change (Ctrl+Z) and save again.');
      return;
    }
    if (edits.length > 0) {
      const result = await editText(edits);
      if (!result) return;
      const flagged = result.changed + result.orphaned;
      store.getState().notify('info', flagged ? `Saved. ${flagged} coding${flagged === 1 ? '' : 's'} changed with the text; see Review.` : 'Saved.');
      if (flagged) store.getState().setSideTab('review');
    }
    setEditMode(false);
  };
  return (
    <>
      <div className="edit-bar" role="region" aria-label="Edit mode">
        <span>
          <strong>Edit mode.</strong> Fix transcription errors; codings follow the text, and any whose words change are flagged for review.
        </span>
        <button type="button" onClick={() => setEditMode(false)}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          Save changes
        </button>
      </div>
      <div className="transcript-scroll">
        <div className="transcript-page editing">
          <LexicalComposer initialConfig={initialConfig}>
            <EditorHandle editorRef={editorRef} model={model} />
            <PlainTextPlugin
              contentEditable={<ContentEditable className="transcript-text" aria-label="Transcript text (editing)" data-testid="transcript-edit" />}
              ErrorBoundary={LexicalErrorBoundary}
            />
            <HistoryPlugin />
          </LexicalComposer>
        </div>
      </div>
    </>
  );
}

/** Keeps lines as they are: Enter does nothing, pasted line breaks become spaces, Backspace at a line's start stops. */
function EditorHandle({ editorRef, model }: { editorRef: React.MutableRefObject<LexicalEditor | null>; model: TranscriptModel }) {
  const [editor] = useLexicalComposerContext();
  editorRef.current = editor;
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(KEY_ENTER_COMMAND, (event) => (event?.preventDefault(), true), COMMAND_PRIORITY_CRITICAL),
        editor.registerCommand(INSERT_PARAGRAPH_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL),
        editor.registerCommand(INSERT_LINE_BREAK_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL),
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const text = event instanceof ClipboardEvent ? event.clipboardData?.getData('text/plain') : null;
            if (text === null || text === undefined) return true;
            event.preventDefault();
            editor.update(() => {
              const selection = $getSelection();
              if ($isRangeSelection(selection)) selection.insertText(text.replace(/\s*[\r\n]+\s*/g, ' '));
            });
            return true;
          },
          COMMAND_PRIORITY_CRITICAL,
        ),
        editor.registerCommand(
          DELETE_CHARACTER_COMMAND,
          (isBackward) => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
            const anchor = selection.anchor;
            const node = anchor.getNode();
            const paragraph = node.getTopLevelElement();
            if (!paragraph) return false;
            const atStart = anchor.offset === 0 && (node.is(paragraph) || node.is(paragraph.getFirstDescendant()));
            const atEnd = anchor.offset === node.getTextContentSize() && (node.is(paragraph) || node.is(paragraph.getLastDescendant()));
            return isBackward ? atStart : atEnd;
          },
          COMMAND_PRIORITY_CRITICAL,
        ),
      ),
    [editor, model],
  );
  return null;
}
