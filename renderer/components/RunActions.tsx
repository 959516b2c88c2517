import { useState, type ReactNode } from 'react';

/**
 * The foot of a dialog that runs one action (export, hand out, merge…): Cancel — which becomes
 * Close once the action has run — and the primary button, disabled while the action runs. A
 * dialog that closes itself when the action succeeds leaves `done` unset.
 */
export function RunActions({
  done = false,
  disabled = false,
  danger = false,
  autoFocus = false,
  why,
  label,
  busyLabel,
  leading,
  className = '',
  onRun,
  onClose,
}: {
  done?: boolean;
  disabled?: boolean;
  /** The action destroys something (a red button). */
  danger?: boolean;
  /** Focus the primary button when the dialog opens (Enter confirms). */
  autoFocus?: boolean;
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
        className={danger ? 'danger primary' : 'primary'}
        autoFocus={autoFocus}
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
