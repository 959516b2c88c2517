import { CodebookPanel } from '../codebook/CodebookPanel';
import { MemosPanel } from '../memos/MemosPanel';
import { ReviewPanel } from '../review/ReviewPanel';
import { SearchPanel } from '../search/SearchPanel';
import { SegmentsPanel } from '../segments/SegmentsPanel';
import { useApp } from '../../store/StoreContext';
import type { SideTab } from '../../store/slices/uiSlice';

const TABS: readonly { id: SideTab; label: string }[] = [
  { id: 'codebook', label: 'Codebook' },
  { id: 'segments', label: 'Segments' },
  { id: 'search', label: 'Search' },
  { id: 'memos', label: 'Memos' },
  { id: 'review', label: 'Review' },
];

/** The right-hand column: the codebook and, a tab away, retrieval, search, memos and edit review. */
export function SidePanel() {
  const tab = useApp((s) => s.sideTab);
  const setSideTab = useApp((s) => s.setSideTab);
  const reviewCount = useApp((s) => s.review?.length ?? 0);
  return (
    <aside className="side-panel" aria-label="Side panel">
      <div className="tabs" role="tablist" aria-label="Side panel">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className={tab === t.id ? 'active' : ''}
            onClick={() => setSideTab(t.id)}
          >
            {t.label}
            {t.id === 'review' && reviewCount > 0 && <span className="badge">{reviewCount}</span>}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'codebook' && <CodebookPanel />}
        {tab === 'segments' && <SegmentsPanel />}
        {tab === 'search' && <SearchPanel />}
        {tab === 'memos' && <MemosPanel />}
        {tab === 'review' && <ReviewPanel />}
      </div>
    </aside>
  );
}
