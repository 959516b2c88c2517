import { useState, type ReactNode } from 'react';
import type { ExportResult } from '../../shared/api/exportTarget';
import { Dialog } from './Dialog';
import { ExportDone } from './ExportDone';
import { RunActions } from './RunActions';

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
      {result && <ExportDone files={result.files} warnings={result.warnings} />}
      <RunActions done={!!result} label="Export" onClose={onClose} onRun={() => onExport(format).then((r) => r && setResult(r))} />
    </Dialog>
  );
}
