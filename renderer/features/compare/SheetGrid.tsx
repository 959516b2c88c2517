import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** How a column's cells are edited. */
export type SheetEditor = 'text' | 'number' | 'date' | 'choice' | 'none';

/** A column of an editable sheet. `key` is the backend's column key (`label`, `attr:<id>` …). */
export interface SheetColumn {
  readonly key: string;
  readonly header: string;
  readonly editor: SheetEditor;
  /** Choices of a choice column (value sent, label shown); a blank entry clears the cell. */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** A line under the header ("kept out of exports", "number"). */
  readonly note?: string;
  /** Controls in the header (delete the column). */
  readonly actions?: ReactNode;
  readonly numeric?: boolean;
}

/** A row of an editable sheet. */
export interface SheetRow {
  readonly id: string;
  /** How the row is named to screen readers and in messages ("Inger"). */
  readonly label: string;
  /** The raw value of each column, as the editor starts from it. */
  readonly values: Readonly<Record<string, string>>;
  /** What a cell shows when it differs from the raw value (a case's name instead of its id). */
  readonly shown?: Readonly<Record<string, ReactNode>>;
  /** Indentation of the first column (nested cases). */
  readonly depth?: number;
  /** A warning about the row (two informants sharing a label). */
  readonly flag?: string;
}

interface Position {
  readonly r: number;
  readonly c: number;
}

const PLACEHOLDER: Partial<Record<SheetEditor, string>> = { date: 'YYYY-MM-DD', number: '0' };

/**
 * A spreadsheet-like table: arrow keys move between cells; Enter, F2 or typing starts editing;
 * Enter saves and moves down, Tab saves and moves right (Shift+Tab left), Esc cancels; Delete clears
 * a cell. Each saved cell is one undoable step. A refused value keeps the editor open with the
 * backend's reason. Rows can be ticked for batch edits.
 */
export function SheetGrid({
  label,
  columns,
  rows,
  selected,
  onSelect,
  onCommit,
  rowActions,
}: {
  label: string;
  columns: readonly SheetColumn[];
  rows: readonly SheetRow[];
  selected: ReadonlySet<string>;
  onSelect(ids: ReadonlySet<string>): void;
  /** Save a cell; resolves to null, or the reason it was refused. */
  onCommit(rowId: string, key: string, value: string): Promise<string | null>;
  rowActions?(row: SheetRow): ReactNode;
}) {
  const [active, setActive] = useState<Position | null>(null);
  const [editing, setEditing] = useState<{ at: Position; draft: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const focusWanted = useRef(false);
  // The editor being closed (saved or cancelled): its blur on unmount must not save it again.
  const closing = useRef(false);

  useEffect(() => {
    if (!active || editing || !focusWanted.current) return;
    focusWanted.current = false;
    cells.current.get(`${active.r}:${active.c}`)?.focus();
  }, [active, editing]);

  const clamp = (p: Position): Position => ({ r: Math.max(0, Math.min(rows.length - 1, p.r)), c: Math.max(0, Math.min(columns.length - 1, p.c)) });
  const moveTo = (p: Position) => {
    focusWanted.current = true;
    setActive(clamp(p));
  };
  const startEdit = (at: Position, draft?: string) => {
    const column = columns[at.c];
    const row = rows[at.r];
    if (!column || !row || column.editor === 'none') return;
    setProblem(null);
    closing.current = false;
    setEditing({ at, draft: draft ?? row.values[column.key] ?? '' });
  };
  const commit = async (next: Position | null) => {
    if (!editing || saving || closing.current) return;
    const column = columns[editing.at.c]!;
    const row = rows[editing.at.r]!;
    const before = row.values[column.key] ?? '';
    if (editing.draft.trim() !== before.trim()) {
      setSaving(true);
      closing.current = true;
      const refused = await onCommit(row.id, column.key, editing.draft);
      setSaving(false);
      if (refused) {
        closing.current = false;
        setProblem(refused);
        return;
      }
    }
    closing.current = true;
    setProblem(null);
    setEditing(null);
    moveTo(next ?? editing.at);
  };
  const cancel = () => {
    if (!editing) return;
    const at = editing.at;
    closing.current = true;
    setEditing(null);
    setProblem(null);
    moveTo(at);
  };

  const onCellKey = (e: KeyboardEvent, at: Position) => {
    if (editing) return;
    const column = columns[at.c]!;
    switch (e.key) {
      case 'ArrowUp':
        return e.preventDefault(), moveTo({ r: at.r - 1, c: at.c });
      case 'ArrowDown':
        return e.preventDefault(), moveTo({ r: at.r + 1, c: at.c });
      case 'ArrowLeft':
        return e.preventDefault(), moveTo({ r: at.r, c: at.c - 1 });
      case 'ArrowRight':
        return e.preventDefault(), moveTo({ r: at.r, c: at.c + 1 });
      case 'Enter':
      case 'F2':
        return e.preventDefault(), startEdit(at);
      case 'Tab': {
        const c = at.c + (e.shiftKey ? -1 : 1);
        if (c < 0 || c >= columns.length) return; // leave the grid
        return e.preventDefault(), moveTo({ r: at.r, c });
      }
      case 'Delete':
      case 'Backspace':
        if (column.editor === 'none' || !rows[at.r]?.values[column.key]) return;
        e.preventDefault();
        void onCommit(rows[at.r]!.id, column.key, '').then(setProblem);
        return;
      default:
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && column.editor !== 'choice') {
          e.preventDefault();
          startEdit(at, e.key);
        }
    }
  };
  const onEditorKey = (e: KeyboardEvent) => {
    if (!editing) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void commit({ r: editing.at.r + 1, c: editing.at.c });
    } else if (e.key === 'Tab') {
      e.preventDefault();
      void commit({ r: editing.at.r, c: editing.at.c + (e.shiftKey ? -1 : 1) });
    }
  };

  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <>
      <div className="sheet-scroll">
        <table className="sheet" role="grid" aria-label={label}>
          <thead>
            <tr>
              <th className="sheet-select">
                <input
                  type="checkbox"
                  aria-label="Select all rows"
                  checked={allSelected}
                  onChange={() => onSelect(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
                />
              </th>
              {columns.map((column) => (
                <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
                  <span className="sheet-header">
                    <span>{column.header}</span>
                    {column.actions}
                  </span>
                  {column.note && <span className="sheet-note">{column.note}</span>}
                </th>
              ))}
              {rowActions && (
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={row.id} aria-selected={selected.has(row.id)} className={selected.has(row.id) ? 'selected' : undefined}>
                <td className="sheet-select">
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.label}`}
                    checked={selected.has(row.id)}
                    onChange={() => {
                      const next = new Set(selected);
                      if (next.has(row.id)) next.delete(row.id);
                      else next.add(row.id);
                      onSelect(next);
                    }}
                  />
                </td>
                {columns.map((column, c) => {
                  const at = { r, c };
                  const isActive = active?.r === r && active.c === c;
                  const isEditing = editing?.at.r === r && editing.at.c === c;
                  const value = row.values[column.key] ?? '';
                  const shown = row.shown?.[column.key] ?? value;
                  return (
                    <td
                      key={column.key}
                      ref={(el) => {
                        if (el) cells.current.set(`${r}:${c}`, el);
                        else cells.current.delete(`${r}:${c}`);
                      }}
                      role="gridcell"
                      aria-label={`${column.header} of ${row.label}: ${value === '' ? 'empty' : typeof shown === 'string' ? shown : value}`}
                      aria-readonly={column.editor === 'none' || undefined}
                      tabIndex={isActive || (!active && r === 0 && c === 0) ? 0 : -1}
                      className={[isActive ? 'active' : '', column.editor === 'none' ? 'readonly' : '', column.numeric ? 'numeric' : '', isEditing && problem ? 'refused' : '']
                        .filter(Boolean)
                        .join(' ')}
                      onClick={() => setActive(at)}
                      onDoubleClick={() => startEdit(at)}
                      onKeyDown={(e) => onCellKey(e, at)}
                    >
                      {isEditing ? (
                        <CellEditor column={column} draft={editing.draft} onDraft={(draft) => setEditing({ at, draft })} onKeyDown={onEditorKey} onBlur={() => void commit(null)} rowLabel={row.label} />
                      ) : (
                        <span className="sheet-value" style={c === 0 && row.depth ? { paddingLeft: `${row.depth * 16}px` } : undefined}>
                          {c === 0 && row.flag && (
                            <span className="warning" title={row.flag} aria-label={row.flag} role="img">
                              ⚠{' '}
                            </span>
                          )}
                          {shown}
                        </span>
                      )}
                    </td>
                  );
                })}
                {rowActions && <td className="sheet-actions">{rowActions(row)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problem && (
        <p className="sheet-problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

function CellEditor({
  column,
  draft,
  onDraft,
  onKeyDown,
  onBlur,
  rowLabel,
}: {
  column: SheetColumn;
  draft: string;
  onDraft(value: string): void;
  onKeyDown(e: KeyboardEvent): void;
  onBlur(): void;
  rowLabel: string;
}) {
  const name = `${column.header} of ${rowLabel}`;
  if (column.editor === 'choice') {
    const options = column.options ?? [];
    return (
      <select className="sheet-editor" autoFocus aria-label={name} value={draft} onChange={(e) => onDraft(e.target.value)} onKeyDown={onKeyDown} onBlur={onBlur}>
        {!options.some((o) => o.value === '') && <option value="">—</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      className="sheet-editor"
      autoFocus
      aria-label={name}
      value={draft}
      inputMode={column.editor === 'number' ? 'decimal' : undefined}
      placeholder={PLACEHOLDER[column.editor]}
      onChange={(e) => onDraft(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    />
  );
}
