import { useEffect, useState } from 'react';
import type { MemoEntry } from '../../../shared/api/methods/memos';
import { useApp } from '../../store/StoreContext';

const KIND_LABEL: Record<MemoEntry['kind'], string> = {
  project: 'Memo',
  document: 'Document',
  code: 'Code',
  coding: 'Coding',
  informant: 'Informant',
  case: 'Case',
};

/** Every memo in the project in one index; free memos are written and edited here. */
export function MemosPanel() {
  const memos = useApp((s) => s.memos);
  const loadMemos = useApp((s) => s.loadMemos);
  const createMemo = useApp((s) => s.createMemo);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  useEffect(() => {
    void loadMemos();
  }, [loadMemos]);
  return (
    <div className="panel-body memos" aria-label="Memos">
      <form
        className="memo-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!title.trim()) return;
          void createMemo(title.trim(), body);
          setTitle('');
          setBody('');
        }}
      >
        <input aria-label="Memo title" placeholder="New memo title" value={title} onChange={(e) => setTitle(e.target.value)} />
        <textarea aria-label="Memo text" placeholder="Ideas, decisions, questions…" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        <button type="submit" className="primary" disabled={!title.trim()}>
          Add memo
        </button>
      </form>
      {memos === null ? (
        <p className="muted">Loading…</p>
      ) : memos.length === 0 ? (
        <p className="hint">No memos yet. Write one here, or on a document, a code or a coding.</p>
      ) : (
        <ul className="memo-list">
          {memos.map((memo) => (
            <MemoItem key={`${memo.kind}-${memo.id}`} memo={memo} />
          ))}
        </ul>
      )}
    </div>
  );
}

function MemoItem({ memo }: { memo: MemoEntry }) {
  const updateMemo = useApp((s) => s.updateMemo);
  const deleteMemo = useApp((s) => s.deleteMemo);
  const openDocumentById = useApp((s) => s.openDocumentById);
  const showSegments = useApp((s) => s.showSegments);
  const editable = memo.kind === 'project';
  const open = () => {
    if (memo.kind === 'document') void openDocumentById(memo.id);
    else if (memo.kind === 'coding' && memo.documentId) void openDocumentById(memo.documentId);
    else if (memo.kind === 'code') void showSegments(memo.id);
  };
  return (
    <li className="memo">
      <div className="memo-head">
        <span className="kind-tag">{KIND_LABEL[memo.kind]}</span>
        {editable ? (
          <strong>{memo.title}</strong>
        ) : (
          <button type="button" className="link" onClick={open}>
            {memo.title}
          </button>
        )}
        {editable && (
          <button type="button" className="icon danger" aria-label={`Delete memo ${memo.title}`} onClick={() => void deleteMemo(memo.id)}>
            ✕
          </button>
        )}
      </div>
      {editable ? (
        <textarea
          aria-label={`Text of memo ${memo.title}`}
          defaultValue={memo.body}
          rows={3}
          onBlur={(e) => e.target.value !== memo.body && void updateMemo(memo.id, { body: e.target.value })}
        />
      ) : (
        <p className="memo-body">{memo.body}</p>
      )}
    </li>
  );
}
