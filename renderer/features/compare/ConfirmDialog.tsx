import { useState, type ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';

/** Ask before something that changes a lot (it stays undoable); the body says how much. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): Promise<unknown>;
  onClose(): void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={title} onClose={onClose}>
      {children}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="danger primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onConfirm().then(() => onClose());
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
