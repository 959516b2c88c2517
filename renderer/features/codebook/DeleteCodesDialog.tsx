import { useEffect, useState } from 'react';
import type { DeleteImpactResult } from '../../../shared/api/methods/codes';
import { Dialog } from '../../components/Dialog';
import { RunActions } from '../../components/RunActions';
import { useApp, useAppStore } from '../../store/StoreContext';
import { describeDeleteImpact } from './codebookModel';

/**
 * Confirm deleting the selected codes, saying exactly what goes with them (from the backend's
 * preview): codes, codings, starred quotes, and the codes under them that are released to "not
 * yet grouped" or, when asked, deleted too. One undoable step.
 */
export function DeleteCodesDialog() {
  const store = useAppStore();
  const [ids] = useState(() => store.getState().selectedCodeIds);
  const codes = useApp((s) => s.codes);
  const openDialog = useApp((s) => s.openDialog);
  const previewDelete = useApp((s) => s.previewDelete);
  const deleteCodes = useApp((s) => s.deleteCodes);
  const [withChildren, setWithChildren] = useState(false);
  const [impact, setImpact] = useState<DeleteImpactResult | null>(null);
  useEffect(() => {
    if (ids.length) void previewDelete(ids, withChildren).then((p) => setImpact(p ?? null));
  }, [ids, withChildren, previewDelete]);
  const close = () => openDialog(null);
  if (ids.length === 0) return null;
  const hasChildren = Object.values(codes).some((c) => c.parentId && ids.includes(c.parentId));
  const title = ids.length === 1 ? `Delete “${codes[ids[0]!]?.label ?? ''}”?` : `Delete ${ids.length} codes?`;
  return (
    <Dialog title={title} onClose={close}>
      {impact ? (
        <>
          <p className="impact" role="status">
            {describeDeleteImpact(impact)}
          </p>
          <p className="small">
            {impact.codings > 0 ? `${impact.codings} coding${impact.codings === 1 ? '' : 's'} will be removed` : 'No codings will be removed'}
            {impact.representative > 0 ? `, ${impact.representative} of them starred as representative quotes` : ''}.
            {impact.released > 0 && ` ${impact.released} code${impact.released === 1 ? '' : 's'} inside will go to “Not yet grouped”.`} You can undo this.
          </p>
          {impact.labels.length > 1 && (
            <ul className="impact-labels small">
              {impact.labels.slice(0, 12).map((label, i) => (
                <li key={`${label}-${i}`}>{label}</li>
              ))}
              {impact.labels.length > 12 && <li className="muted">and {impact.labels.length - 12} more</li>}
            </ul>
          )}
        </>
      ) : (
        <p className="muted">Counting what goes with {ids.length === 1 ? 'it' : 'them'}…</p>
      )}
      {hasChildren && (
        <label className="check">
          <input type="checkbox" checked={withChildren} onChange={(e) => setWithChildren(e.target.checked)} /> Also delete the codes inside {ids.length === 1 ? 'it' : 'them'}
        </label>
      )}
      <RunActions
        label="Delete"
        danger
        autoFocus
        disabled={!impact}
        onRun={() =>
          deleteCodes(ids, withChildren).then((done) => {
            if (done) store.getState().notify('info', `Deleted ${describeDeleteImpact(done)}`);
            close();
          })
        }
        onClose={close}
      />
    </Dialog>
  );
}
