import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';

/** Export a REFI-QDA project or codebook (being built). */
export function ExportRefiDialog() {
  const openDialog = useApp((s) => s.openDialog);
  return (
    <Dialog title="Export a REFI-QDA project or codebook" onClose={() => openDialog(null)}>
      <p className="hint">Export a REFI-QDA project or codebook.</p>
    </Dialog>
  );
}
