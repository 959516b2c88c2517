import { useState } from 'react';
import type { ExportResult } from '../../../shared/api/exportTarget';
import { formatBytes } from '../../api/exportFiles';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';
import { CODEBOOK_FORMATS, type CodebookExportFormat } from '../../store/slices/codebookSlice';

/** Export the codebook with definitions and counts, in the project's level names. */
export function ExportCodebookDialog() {
  const openDialog = useApp((s) => s.openDialog);
  const exportCodebook = useApp((s) => s.exportCodebook);
  const count = useApp((s) => Object.keys(s.codes).length);
  const [format, setFormat] = useState<CodebookExportFormat>('xlsx');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const close = () => openDialog(null);
  return (
    <Dialog title="Export the codebook" onClose={close}>
      <p className="muted small">
        {count} code{count === 1 ? '' : 's'} with their level, group, definition and counts (codings, informants, starred quotes). CSV and Excel files read back into
        Stige.
      </p>
      <fieldset className="field">
        <legend>Format</legend>
        {(Object.keys(CODEBOOK_FORMATS) as CodebookExportFormat[]).map((f) => (
          <label key={f} className="check">
            <input type="radio" name="codebook-format" checked={format === f} onChange={() => (setFormat(f), setResult(null))} /> {CODEBOOK_FORMATS[f].label}
          </label>
        ))}
      </fieldset>
      {result && (
        <p className="export-done" role="status">
          ✓ {result.files.map((f) => `${f.path ?? f.name} (${formatBytes(f.bytes)})`).join(', ')}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          {result ? 'Close' : 'Cancel'}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void exportCodebook(format).then((r) => {
              setBusy(false);
              if (r) setResult(r);
            });
          }}
        >
          Export
        </button>
      </div>
    </Dialog>
  );
}
