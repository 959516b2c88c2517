import type { CodedSegment } from '../../../shared/api/methods/codings';
import { useApp } from '../../store/StoreContext';
import { plural } from './levelNames';

/** One quote: the passage (click to read it in the transcript), then who said it, where, under which code. */
function Quote({ segment, overlap }: { segment: CodedSegment; overlap?: { start: number; end: number } | null }) {
  const showQuote = useApp((s) => s.showQuote);
  const { coding } = segment;
  const target = overlap ?? { start: coding.start, end: coding.end };
  return (
    <div className="drill-quote">
      <button type="button" className="segment-quote" title="Show in the transcript" onClick={() => void showQuote(coding.documentId, target.start, target.end)}>
        <q>{coding.excerpt ?? coding.quote}</q>
      </button>
      <div className="small">
        <strong>{segment.informants.map((i) => i.label).join(', ') || 'no informant'}</strong>
        <span className="muted">
          {' '}
          · {segment.documentTitle}
          {segment.cases.length > 0 && ` · ${segment.cases.join(', ')}`} · {segment.codeLabel}
        </span>
      </div>
    </div>
  );
}

/**
 * The quotes behind the figure the user clicked (a matrix cell, one group's row, a co-occurrence
 * cell), beside the table; clicking a quote opens its passage in the transcript.
 */
export function QuoteDrawer() {
  const drill = useApp((s) => s.quoteDrill);
  const pairs = useApp((s) => s.pairDrill);
  const close = useApp((s) => s.closeDrill);
  if (!drill && !pairs) return null;
  const title = drill?.title ?? pairs!.title;
  const count = drill ? drill.segments?.length : pairs!.pairs?.length;
  return (
    <aside className="drill" aria-label="Quotes behind the figure">
      <header className="drill-header">
        <div>
          <h2>{title}</h2>
          {drill?.subtitle && <p className="muted small">{drill.subtitle}</p>}
          <p className="muted small">{count === undefined ? 'Loading…' : drill ? plural(count, 'quote') : plural(count, 'pair') + ' of passages'}</p>
        </div>
        <button type="button" className="icon" aria-label="Close the quotes" onClick={close}>
          ✕
        </button>
      </header>
      <ol className="drill-list">
        {drill?.segments?.map((s) => (
          <li key={s.coding.id}>
            <Quote segment={s} />
          </li>
        ))}
        {pairs?.pairs?.map((p) => (
          <li key={`${p.a.coding.id}-${p.b.coding.id}`} className="drill-pair">
            <p className="muted small">{p.overlap ? 'Overlapping passages' : 'Same speaker turn'}</p>
            <Quote segment={p.a} overlap={p.overlap} />
            <Quote segment={p.b} overlap={p.overlap} />
          </li>
        ))}
      </ol>
      {count === 0 && <p className="hint">Nothing here.</p>}
    </aside>
  );
}
