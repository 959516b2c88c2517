import { useState, type ReactNode } from 'react';

/**
 * The foot of a dialog that runs one action (export, hand out, merge…): Cancel — which becomes
 * Close once the action has run — and the primary button, disabled while the action runs.
 */
export function RunActions({
  done,
  disabled = false,
  label,
  busyLabel,
  onRun,
  onClose,
}: {
  done: boolean;
  disabled?: boolean;
  label: ReactNode;
  busyLabel?: ReactNode;
  onRun(): Promise<unknown>;
  onClose(): void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <div className="dialog-actions">
      <button type="button" onClick={onClose}>
        {done ? 'Close' : 'Cancel'}
      </button>
      <button
        type="button"
        className="primary"
        disabled={busy || disabled}
        onClick={() => {
          setBusy(true);
          void onRun().finally(() => setBusy(false));
        }}
      >
        {busy && busyLabel ? busyLabel : label}
      </button>
    </div>
  );
}
