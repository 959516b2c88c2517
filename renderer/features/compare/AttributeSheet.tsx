import { useMemo, useState, type ReactNode } from 'react';
import type { AttributeDefinition, AttributeScope } from '../../../shared/attributes/values';
import { useApp } from '../../store/StoreContext';
import type { TableRefusal } from '../../store/slices/compareSlice';
import { AddAttributeDialog } from './AddAttributeForm';
import { attributeColumns } from './attributeColumns';
import { BatchEditBar } from './BatchEditBar';
import { ConfirmDialog } from './ConfirmDialog';
import { plural } from './levelNames';
import { SheetGrid, type SheetColumn, type SheetRow } from './SheetGrid';

/** The reason a write was refused, as one line. */
export function refusalText(refusal: TableRefusal | null): string | null {
  if (!refusal) return null;
  if (refusal.problems.length === 1) return `${refusal.problems[0]!.column}: ${refusal.problems[0]!.message}`;
  return refusal.message;
}

/**
 * A spreadsheet of people or cases with their typed attribute columns (between `leading` and
 * `trailing`): cells edited in place, ticked rows batch-edited, attribute columns added and
 * deleted, and a Delete… action per row that the owning tab confirms with its own impact.
 */
export function AttributeSheet({
  scope,
  label,
  leading,
  attributes,
  trailing,
  rows,
  empty,
  addingAttribute,
  onAddingDone,
  onDeleteRow,
}: {
  scope: AttributeScope;
  label: string;
  leading: readonly SheetColumn[];
  attributes: readonly AttributeDefinition[];
  trailing: readonly SheetColumn[];
  rows: readonly SheetRow[];
  empty: ReactNode;
  addingAttribute: boolean;
  onAddingDone(): void;
  onDeleteRow(id: string): void;
}) {
  const setTableCells = useApp((s) => s.setTableCells);
  const deleteAttribute = useApp((s) => s.deleteAttribute);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [deleting, setDeleting] = useState<{ attribute: AttributeDefinition; values: number } | null>(null);
  const columns = useMemo<SheetColumn[]>(
    () => [
      ...leading,
      ...attributeColumns(attributes, (attribute) => {
        void deleteAttribute(attribute.id, true).then((r) => r && setDeleting({ attribute, values: r.values }));
      }),
      ...trailing,
    ],
    [leading, attributes, trailing, deleteAttribute],
  );
  const write = async (ownerIds: readonly string[], key: string, value: string) =>
    refusalText(await setTableCells(scope, ownerIds.map((ownerId) => ({ ownerId, key, value: value.trim() === '' ? null : value }))));
  const chosen = [...selected].filter((id) => rows.some((r) => r.id === id));
  return (
    <>
      {chosen.length > 0 && <BatchEditBar count={chosen.length} columns={columns} onClear={() => setSelected(new Set())} onApply={(key, value) => write(chosen, key, value)} />}
      {rows.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <SheetGrid
          label={label}
          columns={columns}
          rows={rows}
          selected={selected}
          onSelect={setSelected}
          onCommit={(ownerId, key, value) => write([ownerId], key, value)}
          rowActions={(row) => (
            <button type="button" className="link danger" aria-label={`Delete ${row.label}`} onClick={() => onDeleteRow(row.id)}>
              Delete…
            </button>
          )}
        />
      )}
      {addingAttribute && <AddAttributeDialog scope={scope} onClose={onAddingDone} />}
      {deleting && (
        <ConfirmDialog
          title={`Delete the attribute “${deleting.attribute.name}”?`}
          confirmLabel="Delete attribute"
          onClose={() => setDeleting(null)}
          onConfirm={() => deleteAttribute(deleting.attribute.id, false)}
        >
          <p>The column and its {plural(deleting.values, 'value')} go. You can undo this.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
