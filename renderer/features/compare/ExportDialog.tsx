import { useState, type ReactNode } from 'react';
import type { ExportResult } from '../../../shared/api/exportTarget';
import { formatBytes } from '../../api/exportFiles';
import { Dialog } from '../../components/Dialog';

/** Pick a format (and any options given as children), export, and show where the file went. */
export function ExportDialog<F extends string>({
  title,
  description,
  formats,
  initial,
  children,
  onExport,
  onClose,
}: {
  title: string;
  description: ReactNode;
  formats: Readonly<Record<F, string>>;
  initial: F;
  children?: ReactNode;
  onExport(format: F): Promise<ExportResult | null | undefined>;
  onClose(): void;
}) {
  const [format, setFormat] = useState<F>(initial);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  return (
    <Dialog title={title} onClose={onClose}>
      <p className="muted small">{description}</p>
      <fieldset className="field">
        <legend>Format</legend>
        {(Object.keys(formats) as F[]).map((f) => (
          <label key={f} className="check">
            <input type="radio" name={`${title}-format`} checked={format === f} onChange={() => (setFormat(f), setResult(null))} /> {formats[f]}
          </label>
        ))}
      </fieldset>
      {children}
      {result && (
        <p className="export-done" role="status">
          ✓ {result.files.map((f) => `${f.path ?? f.name} (${formatBytes(f.bytes)})`).join(', ')}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {result ? 'Close' : 'Cancel'}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onExport(format).then((r) => {
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
