import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';

/** Export overview tables (being built). */
export function ExportOverviewDialog() {
  const openDialog = useApp((s) => s.openDialog);
  return (
    <Dialog title="Export overview tables" onClose={() => openDialog(null)}>
      <p className="hint">Export overview tables.</p>
    </Dialog>
  );
}
