import { useEffect } from 'react';
import { selectReviewShown } from '../../store/coderView';
import { useApp } from '../../store/StoreContext';

/**
 * Codings whose text changed or vanished in a text edit. Each is kept until the user decides:
 * accept the new text, or uncode. Nothing is dropped silently.
 */
export function ReviewPanel() {
  const allReview = useApp((s) => s.review);
  // Blind coding or the coder filter: only that coder's codings are listed.
  const review = useApp(selectReviewShown);
  // Under the coder filter say what it hides; while blind even that number would tell.
  const blind = useApp((s) => s.blindCoderId !== null);
  const hidden = blind ? 0 : (allReview?.length ?? 0) - (review?.length ?? 0);
  const loadReview = useApp((s) => s.loadReview);
  const acceptReview = useApp((s) => s.acceptReview);
  const uncode = useApp((s) => s.uncode);
  const jump = useApp((s) => s.jump);
  useEffect(() => {
    void loadReview();
  }, [loadReview]);
  if (review === null) return <p className="muted panel-body">Loading…</p>;
  return (
    <div className="panel-body review" aria-label="Codings to review">
      {hidden > 0 && (
        <p className="muted small">
          {hidden} more by other coders, hidden by the coder filter (status bar: “Showing”).
        </p>
      )}
      {review.length === 0 ? (
        <p className="hint">Nothing to review. When you edit a transcript, codings whose words changed are listed here.</p>
      ) : (
        <ul className="review-list">
          {review.map((item) => (
            <li key={item.coding.id} className="review-item">
              <p className="small">
                <strong>{item.codeLabel}</strong> <span className="muted">in {item.documentTitle}</span>
                {item.coding.status === 'orphaned' && <span className="warning"> · its text was deleted</span>}
              </p>
              <p className="small">
                <span className="muted">Before: </span>
                <del>{item.coding.quote}</del>
              </p>
              {item.coding.status === 'changed' && (
                <p className="small">
                  <span className="muted">Now: </span>
                  <ins>{item.currentText}</ins>
                </p>
              )}
              <div className="review-actions">
                {item.coding.status === 'changed' && (
                  <button type="button" className="primary" onClick={() => void acceptReview(item.coding.id)}>
                    Accept new text
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => {
                    void uncode(item.coding.id).then(() => loadReview());
                  }}
                >
                  Uncode
                </button>
                {item.coding.status === 'changed' && (
                  <button type="button" className="link" onClick={() => void jump(item.coding.documentId, item.coding.start, item.coding.end)}>
                    Show
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
