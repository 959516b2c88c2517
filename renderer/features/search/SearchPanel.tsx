import { useMemo, useState } from 'react';
import { useApp } from '../../store/StoreContext';
import { SEARCH_PAGE } from '../../store/slices/workspaceSlice';

/** A count as people read it ("9,123"). */
function count(n: number): string {
  return n.toLocaleString('en');
}

/**
 * Project-wide full-text search: phrase or all words, with letters folded (so "barum" finds
 * "Bærum"); hits in context, click to jump; code every hit with one concept as one undoable step.
 */
export function SearchPanel() {
  const search = useApp((s) => s.search);
  const runSearch = useApp((s) => s.runSearch);
  const jump = useApp((s) => s.jump);
  const codeAllHits = useApp((s) => s.codeAllHits);
  const loadMoreHits = useApp((s) => s.loadMoreHits);
  const codes = useApp((s) => s.codes);
  const [query, setQuery] = useState(search.query);
  const [phrase, setPhrase] = useState(search.options.phrase);
  const [fold, setFold] = useState(search.options.fold);
  const [concept, setConcept] = useState('');
  const concepts = useMemo(() => Object.values(codes).filter((c) => c.level === 1).sort((a, b) => a.label.localeCompare(b.label)), [codes]);
  const result = search.result;
  const applyAll = () => {
    const label = concept.trim();
    if (!label) return;
    const existing = concepts.find((c) => c.label === label);
    void codeAllHits(existing ? { id: existing.id } : { concept: label });
  };
  return (
    <div className="panel-body search" aria-label="Search">
      <form
        className="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim()) void runSearch(query.trim(), { phrase, fold });
        }}
      >
        <input type="search" aria-label="Search the documents" placeholder="Search all documents" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
        <button type="submit" className="primary" disabled={!query.trim() || search.running}>
          Search
        </button>
        <div className="search-options">
          <label className="check">
            <input type="checkbox" checked={phrase} onChange={(e) => setPhrase(e.target.checked)} /> Exact phrase
          </label>
          <label className="check" title="sok finds søk, barum finds Bærum">
            <input type="checkbox" checked={fold} onChange={(e) => setFold(e.target.checked)} /> Ignore accents (æ=ae, ø=o, å=a)
          </label>
        </div>
      </form>
      {result && (
        <>
          <p className="muted small" role="status">
            {count(result.total)} hit{result.total === 1 ? '' : 's'}
            {result.truncated ? ` (showing ${count(result.hits.length)})` : ''}
          </p>
          {result.hits.length > 0 && (
            <form
              className="code-all"
              onSubmit={(e) => {
                e.preventDefault();
                applyAll();
              }}
            >
              <input list="search-concepts" aria-label="Concept for all hits" placeholder="Concept to code every hit with" value={concept} onChange={(e) => setConcept(e.target.value)} />
              <datalist id="search-concepts">
                {concepts.map((c) => (
                  <option key={c.id} value={c.label} />
                ))}
              </datalist>
              <button type="submit" disabled={!concept.trim()}>
                Code all {count(result.total)} hits
              </button>
            </form>
          )}
          <ol className="hit-list">
            {result.hits.map((hit, index) => (
              <li key={`${hit.documentId}-${hit.start}-${index}`}>
                <button type="button" className="hit" onClick={() => void jump(hit.documentId, hit.start, hit.end)}>
                  <span className="muted small block">{hit.documentTitle}</span>
                  <span className="context">{hit.before}</span>
                  <mark className="hit-match">{hit.match}</mark>
                  <span className="context">{hit.after}</span>
                </button>
              </li>
            ))}
          </ol>
          {result.truncated && (
            <p className="search-more">
              <button type="button" onClick={() => void loadMoreHits()} disabled={search.running}>
                Show {count(Math.min(SEARCH_PAGE, result.total - result.hits.length))} more
              </button>{' '}
              <span className="muted small">
                {count(result.hits.length)} of {count(result.total)} shown
              </span>
            </p>
          )}
        </>
      )}
    </div>
  );
}
