import { useMemo, useState } from 'react';
import type { CaseDeleteImpact } from '../../../shared/api/methods/roster';
import { caseLabel } from '../../../shared/analysis/data';
import type { AttributeDefinition } from '../../../shared/attributes/values';
import { useApp } from '../../store/StoreContext';
import { AddAttributeDialog } from './AddAttributeForm';
import { attributeColumns, attributeValues } from './attributeColumns';
import { BatchEditBar } from './BatchEditBar';
import { ConfirmDialog } from './ConfirmDialog';
import { refusalText } from './InformantsTab';
import { plural } from './levelNames';
import { SheetGrid, type SheetColumn, type SheetRow } from './SheetGrid';

type Open = { kind: 'addAttribute' } | { kind: 'deleteAttribute'; attribute: AttributeDefinition; values: number } | { kind: 'delete'; impact: CaseDeleteImpact } | null;

/**
 * The cases spreadsheet in tree order: name, display code (what tables print, "A"), the case it
 * sits inside (municipality → department → project), and case attributes.
 */
export function CasesTab() {
  const table = useApp((s) => s.caseTable);
  const setTableCells = useApp((s) => s.setTableCells);
  const addCase = useApp((s) => s.addCase);
  const deleteCase = useApp((s) => s.deleteCase);
  const deleteAttribute = useApp((s) => s.deleteAttribute);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<Open>(null);
  const [draft, setDraft] = useState({ name: '', code: '', parent: '' });

  const parentOptions = useMemo(
    () => [{ value: '', label: '— top level' }, ...(table?.rows ?? []).map((r) => ({ value: r.case.id, label: `${'  '.repeat(r.depth)}${caseLabel(r.case)}` }))],
    [table],
  );
  const columns = useMemo<SheetColumn[]>(() => {
    if (!table) return [];
    return [
      { key: 'name', header: 'Case', editor: 'text' },
      { key: 'code', header: 'Display code', editor: 'text', note: 'e.g. A, B — used in tables' },
      { key: 'parent', header: 'Inside', editor: 'choice', options: parentOptions, note: 'nesting' },
      ...attributeColumns(table.attributes, (attribute) => {
        void deleteAttribute(attribute.id, true).then((r) => r && setOpen({ kind: 'deleteAttribute', attribute, values: r.values }));
      }),
      { key: 'informants', header: 'Informants', editor: 'none', numeric: true },
      { key: 'documents', header: 'Documents', editor: 'none', numeric: true },
      { key: 'memo', header: 'Memo', editor: 'text' },
    ];
  }, [table, parentOptions, deleteAttribute]);
  const names = useMemo(() => new Map((table?.rows ?? []).map((r) => [r.case.id, caseLabel(r.case)])), [table]);
  const rows = useMemo<SheetRow[]>(
    () =>
      (table?.rows ?? []).map((r) => ({
        id: r.case.id,
        label: r.case.name,
        depth: r.depth,
        values: {
          name: r.case.name,
          code: r.case.code,
          parent: r.case.parentId ?? '',
          memo: r.case.memo,
          informants: String(r.informants),
          documents: String(r.documents),
          ...attributeValues(r.values),
        },
        shown: { parent: r.case.parentId ? (names.get(r.case.parentId) ?? '') : '' },
      })),
    [table, names],
  );

  if (!table) return <p className="hint">Loading the cases…</p>;
  const chosen = [...selected].filter((id) => rows.some((r) => r.id === id));
  return (
    <section className="compare-tab" aria-label="Cases">
      <div className="tab-toolbar">
        <p className="muted small">
          {plural(table.rows.length, 'case')}. A case holds informants and documents (a municipality, a department…); a case inside another counts towards it
          too. The display code is what tables and figures print.
        </p>
        <div className="toolbar-actions">
          <form
            className="inline-add"
            onSubmit={(e) => {
              e.preventDefault();
              if (draft.name.trim()) void addCase(draft.name.trim(), draft.code.trim(), draft.parent || null).then((ok) => ok && setDraft({ name: '', code: '', parent: '' }));
            }}
          >
            <input aria-label="New case's name" placeholder="New case…" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            <input aria-label="New case's code" placeholder="Code" className="short" value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.target.value })} />
            <select aria-label="New case inside" value={draft.parent} onChange={(e) => setDraft({ ...draft, parent: e.target.value })}>
              {parentOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.value ? `inside ${o.label.trim()}` : 'at the top level'}
                </option>
              ))}
            </select>
            <button type="submit" disabled={!draft.name.trim()}>
              Add
            </button>
          </form>
          <button type="button" onClick={() => setOpen({ kind: 'addAttribute' })}>
            + Attribute column
          </button>
        </div>
      </div>
      {chosen.length > 0 && (
        <BatchEditBar
          count={chosen.length}
          columns={columns}
          onClear={() => setSelected(new Set())}
          onApply={async (key, value) => refusalText(await setTableCells('case', chosen.map((ownerId) => ({ ownerId, key, value: value.trim() === '' ? null : value }))))}
        />
      )}
      {rows.length === 0 ? (
        <p className="hint">No cases yet. Add one above, or give documents a case when you import them.</p>
      ) : (
        <SheetGrid
          label="Cases table"
          columns={columns}
          rows={rows}
          selected={selected}
          onSelect={setSelected}
          onCommit={async (ownerId, key, value) => refusalText(await setTableCells('case', [{ ownerId, key, value: value.trim() === '' ? null : value }]))}
          rowActions={(row) => (
            <button
              type="button"
              className="link danger"
              aria-label={`Delete ${row.label}`}
              onClick={() => void deleteCase(row.id, true).then((impact) => impact && setOpen({ kind: 'delete', impact }))}
            >
              Delete…
            </button>
          )}
        />
      )}
      {open?.kind === 'addAttribute' && <AddAttributeDialog scope="case" onClose={() => setOpen(null)} />}
      {open?.kind === 'deleteAttribute' && (
        <ConfirmDialog title={`Delete the attribute “${open.attribute.name}”?`} confirmLabel="Delete attribute" onClose={() => setOpen(null)} onConfirm={() => deleteAttribute(open.attribute.id, false)}>
          <p>The column and its {plural(open.values, 'value')} go. You can undo this.</p>
        </ConfirmDialog>
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog title={`Delete the case ${open.impact.case.name}?`} confirmLabel="Delete" onClose={() => setOpen(null)} onConfirm={() => deleteCase(open.impact.case.id, false)}>
          <ul className="impact-list">
            <li>{plural(open.impact.informants, 'informant')} and {plural(open.impact.documents, 'document')} move to the case above it (or to no case).</li>
            <li>{plural(open.impact.children, 'case')} inside it move up a level.</li>
            <li>{plural(open.impact.values, 'attribute value')} go.</li>
          </ul>
          <p className="muted small">You can undo this.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
