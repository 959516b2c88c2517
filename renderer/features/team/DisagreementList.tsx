import { useApp } from '../../store/StoreContext';

/** Passages where coders differ, side by side, with one click to settle each. */
export function DisagreementList() {
  const agreement = useApp((s) => s.agreement);
  const resolve = useApp((s) => s.resolveDisagreement);
  const jump = useApp((s) => s.jump);
  const setMainView = useApp((s) => s.setMainView);
  if (!agreement) return null;
  const { items, total } = agreement.disagreements;
  return (
    <div className="team-card" aria-label="Disagreements">
      <header>
        <h2>Disagreements ({total})</h2>
      </header>
      {total === 0 && <p className="muted">The coders agree on every passage of the chosen codes.</p>}
      {total > items.length && <p className="muted small">The first {items.length} are shown.</p>}
      {items.map((item) => (
        <article key={item.id} className="disagreement" aria-label={`Disagreement in ${item.documentTitle}`}>
          <p className="muted small">
            {item.documentTitle} · {item.codes.map((c) => c.label).join(', ')}
            {item.discussion ? ` · discussion ${item.discussion.status}` : ''}
          </p>
          <button
            type="button"
            className="passage"
            title="Show the passage in the transcript"
            onClick={() => {
              setMainView('coding');
              void jump(item.documentId, item.start, item.end);
            }}
          >
            «{item.text}
            {item.truncated ? '…' : ''}»
          </button>
          <div className="versions">
            {item.versions.map((v) => (
              <div key={v.coderId} className="version">
                <strong>{v.coderName}</strong>
                <div className="small">{v.codes.length ? v.codes.map((c) => c.label).join(', ') : <span className="muted">did not code it</span>}</div>
                <button type="button" className="link" onClick={() => void resolve(item, { kind: 'accept', coderId: v.coderId })}>
                  Accept {v.coderName}’s version
                </button>
              </div>
            ))}
          </div>
          <div className="actions">
            <button type="button" onClick={() => void resolve(item, { kind: 'merge' })} title="Every coder gets what any of them coded here">
              Merge both
            </button>
            <button type="button" onClick={() => void resolve(item, { kind: 'discuss' })} title="Write a memo on this passage; the codings stay">
              Discuss (memo)
            </button>
          </div>
        </article>
      ))}
    </div>
  );
}
