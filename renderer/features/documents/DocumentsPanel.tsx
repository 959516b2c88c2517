import { useRef } from 'react';
import type { DocumentKind } from '../../../shared/model/types';
import { selectDocumentCodingCount } from '../../store/coderView';
import { useApp } from '../../store/StoreContext';
import { useImportPicker } from './useImportPicker';

const KIND_LABEL: Record<DocumentKind, string> = { interview: 'Interview', document: 'Document', note: 'Field note' };

/** The project's documents; click to open; import by button or by dropping files anywhere on the window. */
export function DocumentsPanel() {
  const documents = useApp((s) => s.documents);
  const openId = useApp((s) => s.openDocument?.id ?? null);
  const openDocumentById = useApp((s) => s.openDocumentById);
  const openDialog = useApp((s) => s.openDialog);
  // Blind coding or the coder filter: count that coder's codings only.
  const codingCounts = useApp((s) => s.documents.map((doc) => selectDocumentCodingCount(s, doc)).join(' '));
  const codingCount = codingCounts.split(' ').map(Number);
  const pick = useImportPicker();
  const listRef = useRef<HTMLUListElement | null>(null);
  return (
    <nav className="documents" aria-label="Documents">
      <header className="panel-header">
        <h2>Documents</h2>
        <button type="button" className="primary" onClick={pick}>
          Import…
        </button>
      </header>
      {documents.length === 0 ? (
        <p className="hint">Import interview transcripts (.txt) with the button above, or drop files onto the window.</p>
      ) : (
        <ul className="document-list" ref={listRef}>
          {documents.map((doc, i) => (
            <li key={doc.id} className="document-row">
              <button
                type="button"
                className={`document-item${doc.id === openId ? ' active' : ''}${doc.usedInAnalysis ? '' : ' unused'}`}
                aria-current={doc.id === openId ? 'page' : undefined}
                onClick={() => void openDocumentById(doc.id)}
              >
                <span className="doc-title">{doc.title}</span>
                <span className="muted small">
                  {KIND_LABEL[doc.kind]} · {doc.turnCount} turns · {codingCount[i]} coding{codingCount[i] === 1 ? '' : 's'}{doc.usedInAnalysis ? '' : ' · not analysed'}
                </span>
              </button>
              <button type="button" className="icon doc-more" aria-label={`About ${doc.title}`} title="Details, speakers, delete" onClick={() => openDialog('documentDetails', doc.id)}>
                ⋯
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
