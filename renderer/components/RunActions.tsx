import { useState, type ReactNode } from 'react';

/**
 * The foot of a dialog that runs one action (export, hand out, merge…): Cancel — which becomes
 * Close once the action has run — and the primary button, disabled while the action runs.
 */
export function RunActions({
  done,
  disabled = false,
  why,
  label,
  busyLabel,
  leading,
  className = '',
  onRun,
  onClose,
}: {
  done: boolean;
  disabled?: boolean;
  /** Why the button is disabled (its tooltip). */
  why?: string;
  label: ReactNode;
  busyLabel?: ReactNode;
  /** Shown at the start of the row (a format picker), pushed apart from the buttons. */
  leading?: ReactNode;
  className?: string;
  onRun(): Promise<unknown>;
  onClose(): void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <div className={`dialog-actions ${className}`.trim()}>
      {leading && (
        <>
          {leading}
          <span className="spacer" />
        </>
      )}
      <button type="button" onClick={onClose}>
        {done ? 'Close' : 'Cancel'}
      </button>
      <button
        type="button"
        className="primary"
        disabled={busy || disabled}
        title={disabled ? why : undefined}
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
