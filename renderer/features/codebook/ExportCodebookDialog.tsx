import { ExportDialog } from '../../components/ExportDialog';
import { useApp } from '../../store/StoreContext';
import { CODEBOOK_FORMATS, type CodebookExportFormat } from '../../store/slices/codebookSlice';

const FORMAT_LABELS = Object.fromEntries(Object.entries(CODEBOOK_FORMATS).map(([f, { label }]) => [f, label])) as Record<CodebookExportFormat, string>;

/** Export the codebook with definitions and counts, in the project's level names. */
export function ExportCodebookDialog() {
  const openDialog = useApp((s) => s.openDialog);
  const exportCodebook = useApp((s) => s.exportCodebook);
  const count = useApp((s) => Object.keys(s.codes).length);
  return (
    <ExportDialog
      title="Export the codebook"
      description={`${count} code${count === 1 ? '' : 's'} with their level, group, definition and counts (codings, informants, starred quotes). CSV and Excel files read back into Stige.`}
      formats={FORMAT_LABELS}
      initial="xlsx"
      onExport={exportCodebook}
      onClose={() => openDialog(null)}
    />
  );
}
