import { useMemo, useState } from 'react';
import type { DocumentFull } from '../../../shared/model/types';
import { useApp } from '../../store/StoreContext';
import { selectCodingCount, selectGioiaTree, type CodeTreeNode } from '../../store/selectors';

/**
 * The number of codings shown, on its own so that coding re-renders only it, not the header and
 * its list of every code. Blind coding or the coder filter: that coder's codings only.
 */
function CodingCount() {
  const count = useApp(selectCodingCount);
  return <>{`${count} coding${count === 1 ? '' : 's'}`}</>;
}

/** Title and counts; the filter (code at any level, coder); the document memo; edit mode. */
export function TranscriptHeader({ document }: { document: DocumentFull }) {
  const filter = useApp((s) => s.filter);
  const blind = useApp((s) => s.teamStatus?.blindCoder ?? null);
  const setFilter = useApp((s) => s.setFilter);
  const coders = useApp((s) => s.coders);
  const tree = useApp(selectGioiaTree);
  const editMode = useApp((s) => s.editMode);
  const setEditMode = useApp((s) => s.setEditMode);
  const openDialog = useApp((s) => s.openDialog);
  const setDocumentMemo = useApp((s) => s.setDocumentMemo);
  const [memoOpen, setMemoOpen] = useState(false);
  const options = useMemo(() => {
    const out: { id: string; label: string }[] = [];
    const walk = (node: CodeTreeNode, depth: number) => {
      out.push({ id: node.code.id, label: `${'  '.repeat(depth)}${depth ? '└ ' : ''}${node.code.label}` });
      node.children.forEach((child) => walk(child, depth + 1));
    };
    [...tree.dimensions, ...tree.ungroupedThemes, ...tree.ungroupedConcepts, ...tree.unplaced].forEach((n) => walk(n, 0));
    return out;
  }, [tree]);
  return (
    <header className="transcript-header">
      <div className="title-row">
        <h2>{document.title}</h2>
        <span className="muted">
          {document.turns.length} turns · {document.chars.toLocaleString('en')} characters · <CodingCount />
        </span>
        <span className="spacer" />
        {!editMode && (
          <>
            <button type="button" className={memoOpen ? 'active' : ''} aria-pressed={memoOpen} onClick={() => setMemoOpen(!memoOpen)}>
              Memo{document.memo ? ' •' : ''}
            </button>
            <button type="button" onClick={() => openDialog('pseudonymise')} title="Replace a name in every transcript">
              Replace names…
            </button>
            <button type="button" onClick={() => setEditMode(true)} title="Fix transcription errors">
              Edit text
            </button>
          </>
        )}
      </div>
      {!editMode && (
        <div className="filter-row">
          <label>
            <span className="muted small">Show codes</span>
            <select aria-label="Show codings of" value={filter.codeId ?? ''} onChange={(e) => setFilter({ codeId: e.target.value || null })}>
              <option value="">All codes</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="muted small">by</span>
            {/* Blind coding overrides the filter: say whose codings are shown instead of "All coders". */}
            <select
              aria-label="Show codings by"
              value={blind ? blind.id : (filter.coderId ?? '')}
              disabled={!!blind}
              title={blind ? 'Blind coding is on: only your own codings are shown' : undefined}
              onChange={(e) => setFilter({ coderId: e.target.value || null })}
            >
              <option value="">All coders</option>
              {blind && !coders.some((c) => c.id === blind.id) && <option value={blind.id}>{blind.name}</option>}
              {coders.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          {(filter.codeId || filter.coderId) && (
            <button type="button" className="link" onClick={() => setFilter({ codeId: null, coderId: null })}>
              Show all
            </button>
          )}
        </div>
      )}
      {memoOpen && !editMode && (
        <textarea
          className="document-memo"
          aria-label={`Memo on ${document.title}`}
          placeholder="Notes on this document: context of the interview, first impressions…"
          defaultValue={document.memo}
          rows={3}
          onBlur={(e) => e.target.value !== document.memo && void setDocumentMemo(document.id, e.target.value)}
        />
      )}
    </header>
  );
}
