import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';

/** Check a thesis draft (being built). */
export function CheckDraftDialog() {
  const openDialog = useApp((s) => s.openDialog);
  return (
    <Dialog title="Check a thesis draft" onClose={() => openDialog(null)}>
      <p className="hint">Check a thesis draft.</p>
    </Dialog>
  );
}
