import { electronBridge } from '../../api/ipcTransport';
import { useApp } from '../../store/StoreContext';

/** File types a REFI-QDA import reads, for the browser's file input and Electron's open dialog. */
const REFI_ACCEPT = '.qdpx,.qde,.qdc';
const REFI_FILTERS = [{ name: 'REFI-QDA project or codebook', extensions: ['qdpx', 'qde', 'qdc'] }];

/** Choose one REFI-QDA file: Electron's native open dialog (by path) or a browser file input (uploaded). */
export function RefiFilePicker({ label, onPick, disabled }: { label: string; onPick: (file: File | string) => void; disabled?: boolean }) {
  const mode = useApp((s) => s.status?.mode);
  const bridge = mode === 'electron' ? electronBridge() : null;
  if (bridge) {
    return (
      <button type="button" disabled={disabled} onClick={() => void bridge.dialog('openFile', { title: label, filters: REFI_FILTERS }).then(([path]) => path && onPick(path))}>
        {label}
      </button>
    );
  }
  return (
    <label className={`button-like${disabled ? ' disabled' : ''}`}>
      {label}
      <input
        type="file"
        accept={REFI_ACCEPT}
        aria-label="REFI-QDA file"
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so choosing the same file again (after an error) still reports a change.
          e.target.value = '';
          if (file) onPick(file);
        }}
      />
    </label>
  );
}
