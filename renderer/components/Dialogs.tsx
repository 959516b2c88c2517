import { DocumentDetailsDialog } from '../features/documents/DocumentDetailsDialog';
import { SpeakersDialog } from '../features/documents/SpeakersDialog';
import { PseudonymiseDialog } from '../features/pseudonymise/PseudonymiseDialog';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { useApp } from '../store/StoreContext';

/** The dialog the store says is open (one at a time). */
export function Dialogs() {
  const dialog = useApp((s) => s.dialog);
  const project = useApp((s) => s.project);
  const target = useApp((s) => s.dialogTarget);
  if (dialog === 'settings') return <SettingsDialog />;
  if (!project) return null;
  switch (dialog) {
    case 'pseudonymise':
      return <PseudonymiseDialog />;
    case 'speakers':
      return target ? <SpeakersDialog documentId={target} /> : null;
    case 'documentDetails':
      return target ? <DocumentDetailsDialog documentId={target} /> : null;
    default:
      return null;
  }
}
