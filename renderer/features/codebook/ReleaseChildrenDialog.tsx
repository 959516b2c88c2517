import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';

/** A promotion or demotion refused because the code holds others: change it anyway and let them go to "not yet grouped"? */
export function ReleaseChildrenDialog() {
  const pending = useApp((s) => s.pendingLevelChange);
  const openDialog = useApp((s) => s.openDialog);
  const setCodeLevel = useApp((s) => s.setCodeLevel);
  const close = () => openDialog(null);
  if (!pending) return null;
  return (
    <Dialog title="Release the codes inside?" onClose={close}>
      <p>{pending.message}.</p>
      <p className="muted small">A code that changes level cannot keep the codes inside it. They stay, not yet grouped, and you can regroup them. You can undo this.</p>
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          autoFocus
          onClick={() => {
            close();
            void setCodeLevel(pending.ids, pending.level, pending.parentId, 'release');
          }}
        >
          Change level and release them
        </button>
      </div>
    </Dialog>
  );
}
