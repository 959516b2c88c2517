import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';

/** Export representative quotes tables (being built). */
export function ExportQuotesDialog() {
  const openDialog = useApp((s) => s.openDialog);
  return (
    <Dialog title="Export representative quotes tables" onClose={() => openDialog(null)}>
      <p className="hint">Export representative quotes tables.</p>
    </Dialog>
  );
}
