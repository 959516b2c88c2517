import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';

/** Import a REFI-QDA project or codebook (being built). */
export function ImportRefiDialog() {
  const openDialog = useApp((s) => s.openDialog);
  return (
    <Dialog title="Import a REFI-QDA project or codebook" onClose={() => openDialog(null)}>
      <p className="hint">Import a REFI-QDA project or codebook.</p>
    </Dialog>
  );
}
