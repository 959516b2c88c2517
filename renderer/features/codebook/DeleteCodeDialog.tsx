import type { Code } from '../../../shared/model/types';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';

/** Confirm deleting a code: its codings go with it, its children stay (not grouped). Undoable. */
export function DeleteCodeDialog({ code, onClose }: { code: Code; onClose: () => void }) {
  const deleteCode = useApp((s) => s.deleteCode);
  const children = useApp((s) => Object.values(s.codes).filter((c) => c.parentId === code.id).length);
  return (
    <Dialog title={`Delete “${code.label}”?`} onClose={onClose}>
      <p>
        {code.codingCount > 0 ? (
          <>
            Its <strong>{code.codingCount}</strong> coding{code.codingCount === 1 ? '' : 's'} will be removed.
          </>
        ) : (
          'It has no codings.'
        )}{' '}
        {children > 0 && `Its ${children} sub-code${children === 1 ? '' : 's'} will stay, not grouped.`} You can undo this.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="danger primary"
          autoFocus
          onClick={() => {
            void deleteCode(code.id);
            onClose();
          }}
        >
          Delete
        </button>
      </div>
    </Dialog>
  );
}
