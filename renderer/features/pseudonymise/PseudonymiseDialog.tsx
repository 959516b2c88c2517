import { useState } from 'react';
import type { ReplaceMatch } from '../../../shared/api/methods/documents';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';

/**
 * Replace a name (a person's, a place's) with a pseudonym in every transcript at once: preview
 * every occurrence in context first, then apply as one undoable edit (codings are remapped).
 */
export function PseudonymiseDialog() {
  const openDialog = useApp((s) => s.openDialog);
  const previewReplace = useApp((s) => s.previewReplace);
  const replaceAll = useApp((s) => s.replaceAll);
  const [find, setFind] = useState('');
  const [replace, setReplace] = useState('');
  const [wholeWord, setWholeWord] = useState(true);
  const [caseSensitive, setCaseSensitive] = useState(true);
  const [preview, setPreview] = useState<{ matches: readonly ReplaceMatch[]; codingsAffected: number } | null>(null);
  const close = () => openDialog(null);
  const options = { find, replace, wholeWord, caseSensitive };
  return (
    <Dialog title="Replace names in all documents" onClose={close} wide>
      <p className="muted small">For pseudonymising: every occurrence is replaced in every document, as one step you can undo. Codings follow the text.</p>
      <form
        className="replace-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (find) void previewReplace(options).then((p) => setPreview(p ?? null));
        }}
      >
        <label className="field">
          <span>Find</span>
          <input autoFocus value={find} onChange={(e) => (setFind(e.target.value), setPreview(null))} placeholder="e.g. Kari Olsen" />
        </label>
        <label className="field">
          <span>Replace with</span>
          <input value={replace} onChange={(e) => (setReplace(e.target.value), setPreview(null))} placeholder="e.g. Inger" />
        </label>
        <label className="check">
          <input type="checkbox" checked={wholeWord} onChange={(e) => (setWholeWord(e.target.checked), setPreview(null))} /> Whole words only
        </label>
        <label className="check">
          <input type="checkbox" checked={caseSensitive} onChange={(e) => (setCaseSensitive(e.target.checked), setPreview(null))} /> Match case
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" disabled={!find}>
            Preview
          </button>
          <button
            type="button"
            className="primary"
            disabled={!preview || preview.matches.length === 0}
            onClick={() => {
              void replaceAll(options).then(close);
            }}
          >
            Replace {preview ? preview.matches.length : ''} occurrence{preview?.matches.length === 1 ? '' : 's'}
          </button>
        </div>
      </form>
      {preview && (
        <div className="replace-preview" aria-label="Preview">
          <p className="small">
            {preview.matches.length} occurrence{preview.matches.length === 1 ? '' : 's'} in {new Set(preview.matches.map((m) => m.documentId)).size} document(s);{' '}
            {preview.codingsAffected} coding{preview.codingsAffected === 1 ? '' : 's'} touched.
          </p>
          <ol className="hit-list">
            {preview.matches.slice(0, 200).map((m, i) => (
              <li key={`${m.documentId}-${m.start}-${i}`} className="small">
                <span className="muted">{m.documentTitle}: </span>…{m.before}
                <del>{find}</del>
                <ins>{replace}</ins>
                {m.after}…
              </li>
            ))}
          </ol>
        </div>
      )}
    </Dialog>
  );
}
