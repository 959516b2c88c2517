import { useState } from 'react';
import type { SheetColumn } from './SheetGrid';

/**
 * Set one column to one value for every ticked row, as one undoable step (the backend's batch
 * write: checked in full first, so a wrong value changes nothing).
 */
export function BatchEditBar({
  count,
  columns,
  onApply,
  onClear,
}: {
  count: number;
  columns: readonly SheetColumn[];
  onApply(key: string, value: string): Promise<string | null>;
  onClear(): void;
}) {
  const editable = columns.filter((c) => c.editor !== 'none' && c.key !== 'label' && c.key !== 'name');
  const [key, setKey] = useState(editable[0]?.key ?? '');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const column = editable.find((c) => c.key === key) ?? editable[0];
  if (!column) return null;
  return (
    <form
      className="batch-bar"
      aria-label="Edit the selected rows"
      onSubmit={(e) => {
        e.preventDefault();
        void onApply(column.key, value).then((refused) => {
          setProblem(refused);
          if (!refused) setValue('');
        });
      }}
    >
      <strong>{count} selected</strong>
      <label>
        Set
        <select
          aria-label="Column to set"
          value={column.key}
          onChange={(e) => {
            setKey(e.target.value);
            setValue('');
          }}
        >
          {editable.map((c) => (
            <option key={c.key} value={c.key}>
              {c.header}
            </option>
          ))}
        </select>
      </label>
      <label>
        to
        {column.editor === 'choice' ? (
          <select aria-label="Value for the selected rows" value={value} onChange={(e) => setValue(e.target.value)}>
            <option value="">— (clear)</option>
            {(column.options ?? []).filter((o) => o.value !== '').map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          <input aria-label="Value for the selected rows" value={value} onChange={(e) => setValue(e.target.value)} placeholder="blank clears" />
        )}
      </label>
      <button type="submit" className="primary">
        Apply to {count}
      </button>
      <button type="button" className="link" onClick={onClear}>
        Clear selection
      </button>
      {problem && (
        <span className="sheet-problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
