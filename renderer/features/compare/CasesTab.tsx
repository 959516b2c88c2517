import { useMemo, useState } from 'react';
import type { CaseDeleteImpact } from '../../../shared/api/methods/roster';
import { caseLabel } from '../../../shared/analysis/data';
import { useApp } from '../../store/StoreContext';
import { AttributeSheet } from './AttributeSheet';
import { attributeValues } from './attributeColumns';
import { ConfirmDialog } from './ConfirmDialog';
import { plural } from './levelNames';
import type { SheetColumn, SheetRow } from './SheetGrid';

type Open = { kind: 'addAttribute' } | { kind: 'delete'; impact: CaseDeleteImpact } | null;

const TRAILING: readonly SheetColumn[] = [
  { key: 'informants', header: 'Informants', editor: 'none', numeric: true },
  { key: 'documents', header: 'Documents', editor: 'none', numeric: true },
  { key: 'memo', header: 'Memo', editor: 'text' },
];

/**
 * The cases spreadsheet in tree order: name, display code (what tables print, "A"), the case it
 * sits inside (municipality → department → project), and case attributes.
 */
export function CasesTab() {
  const table = useApp((s) => s.caseTable);
  const addCase = useApp((s) => s.addCase);
  const deleteCase = useApp((s) => s.deleteCase);
  const [open, setOpen] = useState<Open>(null);
  const [draft, setDraft] = useState({ name: '', code: '', parent: '' });

  const parentOptions = useMemo(
    () => [{ value: '', label: '— top level' }, ...(table?.rows ?? []).map((r) => ({ value: r.case.id, label: `${'  '.repeat(r.depth)}${caseLabel(r.case)}` }))],
    [table],
  );
  const leading = useMemo<SheetColumn[]>(
    () => [
      { key: 'name', header: 'Case', editor: 'text' },
      { key: 'code', header: 'Display code', editor: 'text', note: 'e.g. A, B — used in tables' },
      { key: 'parent', header: 'Inside', editor: 'choice', options: parentOptions, note: 'nesting' },
    ],
    [parentOptions],
  );
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
      <AttributeSheet
        scope="case"
        label="Cases table"
        leading={leading}
        attributes={table.attributes}
        trailing={TRAILING}
        rows={rows}
        empty="No cases yet. Add one above, or give documents a case when you import them."
        addingAttribute={open?.kind === 'addAttribute'}
        onAddingDone={() => setOpen(null)}
        onDeleteRow={(id) => void deleteCase(id, true).then((impact) => impact && setOpen({ kind: 'delete', impact }))}
      />
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
