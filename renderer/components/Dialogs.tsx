import { DocumentDetailsDialog } from '../features/documents/DocumentDetailsDialog';
import { SpeakersDialog } from '../features/documents/SpeakersDialog';
import { CodeDetailsDialog } from '../features/codebook/CodeDetailsDialog';
import { DeleteCodesDialog } from '../features/codebook/DeleteCodesDialog';
import { ExportCodebookDialog } from '../features/codebook/ExportCodebookDialog';
import { ImportCodebookDialog } from '../features/codebook/ImportCodebookDialog';
import { MergeCodesDialog } from '../features/codebook/MergeCodesDialog';
import { MoveCodesDialog } from '../features/codebook/MoveCodesDialog';
import { ReleaseChildrenDialog } from '../features/codebook/ReleaseChildrenDialog';
import { SplitCodeDialog } from '../features/codebook/SplitCodeDialog';
import { PseudonymiseDialog } from '../features/pseudonymise/PseudonymiseDialog';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { ExportStructureDialog } from '../features/structure/ExportStructureDialog';
import { CheckDraftDialog } from '../features/exports/CheckDraftDialog';
import { ExportOverviewDialog } from '../features/exports/ExportOverviewDialog';
import { ExportQuotesDialog } from '../features/exports/ExportQuotesDialog';
import { ExportRefiDialog } from '../features/refi/ExportRefiDialog';
import { ImportRefiDialog } from '../features/refi/ImportRefiDialog';
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
    case 'exportStructure':
      return <ExportStructureDialog />;
    case 'importCodebook':
      return <ImportCodebookDialog />;
    case 'exportCodebook':
      return <ExportCodebookDialog />;
    case 'codeDetails':
      return <CodeDetailsDialog />;
    case 'mergeCodes':
      return <MergeCodesDialog />;
    case 'splitCode':
      return <SplitCodeDialog />;
    case 'deleteCodes':
      return <DeleteCodesDialog />;
    case 'moveCodes':
      return <MoveCodesDialog />;
    case 'releaseChildren':
      return <ReleaseChildrenDialog />;
    case 'exportQuotes':
      return <ExportQuotesDialog />;
    case 'exportOverview':
      return <ExportOverviewDialog />;
    case 'checkDraft':
      return <CheckDraftDialog />;
    case 'exportRefi':
      return <ExportRefiDialog />;
    case 'importRefi':
      return <ImportRefiDialog />;
    default:
      return null;
  }
}
