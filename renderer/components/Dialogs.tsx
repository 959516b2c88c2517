import { PseudonymiseDialog } from '../features/pseudonymise/PseudonymiseDialog';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { useApp } from '../store/StoreContext';

/** The dialog the store says is open (one at a time). */
export function Dialogs() {
  const dialog = useApp((s) => s.dialog);
  const project = useApp((s) => s.project);
  if (dialog === 'settings') return <SettingsDialog />;
  if (!project) return null;
  switch (dialog) {
    case 'pseudonymise':
      return <PseudonymiseDialog />;
    default:
      return null;
  }
}
