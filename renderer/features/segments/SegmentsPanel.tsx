import { useMemo, useState } from 'react';
import type { CodedSegment } from '../../../shared/api/methods/codings';
import { useApp } from '../../store/StoreContext';
import { codePath } from '../../store/selectors';

type SortKey = 'document' | 'informant' | 'coder' | 'code';

/** The values a segment can be filtered by. */
function facets(segment: CodedSegment) {
  return {
    informant: segment.informants.map((i) => i.label),
    case: segment.cases,
    document: [segment.documentTitle],
    coder: [segment.coderName],
  };
}

type Facet = keyof ReturnType<typeof facets>;
const FACETS: readonly { id: Facet; label: string }[] = [
  { id: 'informant', label: 'Informant' },
  { id: 'case', label: 'Case' },
  { id: 'document', label: 'Document' },
  { id: 'coder', label: 'Coder' },
];

/**
 * Every coded segment of a code (a theme or dimension shows its concepts' segments), with
 * informant, document and context; sortable and filterable; click to jump to the passage.
 * Starred segments (representative quotes) come first, in their manual order.
 */
export function SegmentsPanel() {
  const codeId = useApp((s) => s.segmentsCodeId);
  const segments = useApp((s) => s.segments);
  const codes = useApp((s) => s.codes);
  const jump = useApp((s) => s.jump);
  const setSideTab = useApp((s) => s.setSideTab);
  const [sort, setSort] = useState<SortKey>('document');
  const [filters, setFilters] = useState<Partial<Record<Facet, string>>>({});
  const [context, setContext] = useState(false);
  const blindCoderId = useApp((s) => s.blindCoderId);

  const shown = useMemo(() => {
    if (!segments) return [];
    // Blind coding: only the blind coder's own segments.
    const kept = segments.filter((s) => (!blindCoderId || s.coding.coderId === blindCoderId) && FACETS.every((f) => !filters[f.id] || facets(s)[f.id].includes(filters[f.id]!)));
    const key = (s: CodedSegment) =>
      sort === 'informant' ? (s.informants[0]?.label ?? '~') : sort === 'coder' ? s.coderName : sort === 'code' ? s.codeLabel : s.documentTitle;
    return [...kept].sort((a, b) => key(a).localeCompare(key(b)) || a.coding.start - b.coding.start);
  }, [segments, filters, sort, blindCoderId]);
  const starred = shown.filter((s) => s.coding.representative).sort((a, b) => a.coding.repOrder - b.coding.repOrder);
  const code = codeId ? codes[codeId] : undefined;

  if (!codeId || !code) {
    return (
      <div className="panel-body">
        <p className="hint">Click the count beside a code in the codebook to see its coded segments here.</p>
      </div>
    );
  }
  const options = (facet: Facet) => [...new Set((segments ?? []).flatMap((s) => facets(s)[facet]))].sort((a, b) => a.localeCompare(b));
  return (
    <div className="panel-body segments" aria-label={`Coded segments of ${code.label}`}>
      <header className="segments-header">
        <button type="button" className="link" onClick={() => setSideTab('codebook')}>
          ← Codebook
        </button>
        <h2>
          <span className="swatch" style={{ background: code.color }} /> {code.label}
        </h2>
        {codePath(codes, code.id) && <p className="muted small">{codePath(codes, code.id)}</p>}
        <p className="muted small">
          {segments === null ? 'Loading…' : `${shown.length} of ${segments.length} segment${segments.length === 1 ? '' : 's'}`}
        </p>
      </header>
      <div className="segment-controls">
        <label>
          <span className="muted small">Sort</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)} aria-label="Sort segments by">
            <option value="document">Document</option>
            <option value="informant">Informant</option>
            <option value="coder">Coder</option>
            <option value="code">Code</option>
          </select>
        </label>
        {FACETS.map((f) => (
          <label key={f.id}>
            <span className="muted small">{f.label}</span>
            <select
              aria-label={`Filter by ${f.label.toLowerCase()}`}
              value={filters[f.id] ?? ''}
              onChange={(e) => setFilters({ ...filters, [f.id]: e.target.value || undefined })}
            >
              <option value="">All</option>
              {options(f.id).map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="check">
          <input type="checkbox" checked={context} onChange={(e) => setContext(e.target.checked)} /> Context
        </label>
      </div>
      {starred.length > 0 && (
        <section aria-label="Representative quotes">
          <h3>★ Representative quotes</h3>
          <ol className="segment-list">
            {starred.map((segment, index) => (
              <SegmentItem key={segment.coding.id} segment={segment} context={context} onJump={jump} order={{ index, all: starred }} />
            ))}
          </ol>
        </section>
      )}
      <section aria-label="All segments">
        {starred.length > 0 && <h3>All segments</h3>}
        <ol className="segment-list">
          {shown.map((segment) => (
            <SegmentItem key={segment.coding.id} segment={segment} context={context} onJump={jump} />
          ))}
        </ol>
      </section>
    </div>
  );
}

function SegmentItem({
  segment,
  context,
  onJump,
  order,
}: {
  segment: CodedSegment;
  context: boolean;
  onJump: (documentId: string, start: number, end: number) => Promise<void>;
  order?: { index: number; all: readonly CodedSegment[] };
}) {
  const updateCoding = useApp((s) => s.setRepresentative);
  const reorder = useApp((s) => s.reorderRepresentative);
  const { coding } = segment;
  const move = (delta: number) => {
    if (!order) return;
    const ids = order.all.map((s) => s.coding.id);
    const [moved] = ids.splice(order.index, 1);
    ids.splice(order.index + delta, 0, moved!);
    void reorder(ids);
  };
  return (
    <li className={`segment${coding.status !== 'ok' ? ' flagged' : ''}`}>
      <button type="button" className="segment-quote" onClick={() => void onJump(coding.documentId, coding.start, coding.end)} title="Show in the transcript">
        {context && <span className="context">…{segment.before}</span>}
        <q>{coding.excerpt ?? coding.quote}</q>
        {context && <span className="context">{segment.after}…</span>}
      </button>
      <div className="segment-meta small">
        <span>{segment.informants.map((i) => i.label).join(', ') || 'no informant'}</span>
        <span className="muted"> · {segment.documentTitle}</span>
        {segment.cases.length > 0 && <span className="muted"> · {segment.cases.join(', ')}</span>}
        <span className="muted"> · {segment.codeLabel} · {segment.coderName}</span>
        {coding.status !== 'ok' && <span className="warning"> · text changed, review</span>}
      </div>
      <div className="segment-actions">
        <button
          type="button"
          className="link"
          aria-pressed={coding.representative}
          aria-label={coding.representative ? 'Unstar representative quote' : 'Star as representative quote'}
          onClick={() => void updateCoding(coding.id, !coding.representative)}
        >
          {coding.representative ? '★' : '☆'}
        </button>
        {order && (
          <>
            <button type="button" className="link" aria-label="Move up" disabled={order.index === 0} onClick={() => move(-1)}>
              ↑
            </button>
            <button type="button" className="link" aria-label="Move down" disabled={order.index === order.all.length - 1} onClick={() => move(1)}>
              ↓
            </button>
          </>
        )}
      </div>
    </li>
  );
}
