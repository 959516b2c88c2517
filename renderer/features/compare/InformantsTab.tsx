import { useMemo, useState } from 'react';
import type { InformantDeleteImpact } from '../../../shared/api/methods/roster';
import { caseLabel } from '../../../shared/analysis/data';
import { useApp } from '../../store/StoreContext';
import { AttributeSheet } from './AttributeSheet';
import { attributeValues } from './attributeColumns';
import { ConfirmDialog } from './ConfirmDialog';
import { ExportInformantsDialog } from './ExportInformantsDialog';
import { ImportInformantsDialog } from './ImportInformantsDialog';
import { plural } from './levelNames';
import type { SheetColumn, SheetRow } from './SheetGrid';

type Open = { kind: 'addAttribute' } | { kind: 'delete'; impact: InformantDeleteImpact } | { kind: 'import' } | { kind: 'export' } | null;

const TRAILING: readonly SheetColumn[] = [
  { key: 'documents', header: 'Interviews', editor: 'none', numeric: true },
  { key: 'codings', header: 'Codings', editor: 'none', numeric: true },
  { key: 'memo', header: 'Memo', editor: 'text' },
];

/**
 * The informants spreadsheet: label, real name (kept out of exports), speaking role, case and the
 * typed attributes, edited in place; tick rows to set a column for all of them at once.
 */
export function InformantsTab() {
  const table = useApp((s) => s.informantTable);
  const cases = useApp((s) => s.caseTable?.rows ?? null);
  const allCases = useApp((s) => s.cases);
  const addInformant = useApp((s) => s.addInformant);
  const deleteInformant = useApp((s) => s.deleteInformant);
  const [interviewers, setInterviewers] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const [newLabel, setNewLabel] = useState('');

  const caseOptions = useMemo(() => {
    const ordered = cases ? cases.map((r) => ({ c: r.case, depth: r.depth })) : allCases.map((c) => ({ c, depth: 0 }));
    return [{ value: '', label: '— no case' }, ...ordered.map(({ c, depth }) => ({ value: c.id, label: `${'  '.repeat(depth)}${caseLabel(c)}` }))];
  }, [cases, allCases]);

  const leading = useMemo<SheetColumn[]>(
    () => [
      { key: 'label', header: 'Label', editor: 'text', note: 'as quotes are attributed' },
      { key: 'realName', header: 'Real name', editor: 'text', note: 'private: kept out of exports' },
      {
        key: 'role',
        header: 'Role',
        editor: 'choice',
        options: [
          { value: 'informant', label: 'informant' },
          { value: 'interviewer', label: 'interviewer' },
        ],
      },
      { key: 'case', header: 'Case', editor: 'choice', options: caseOptions },
    ],
    [caseOptions],
  );

  const shared = useMemo(() => {
    const map = new Map<string, string>();
    for (const w of table?.warnings ?? []) for (const id of w.ids) map.set(id, w.message);
    return map;
  }, [table]);

  const rows = useMemo<SheetRow[]>(
    () =>
      (table?.rows ?? [])
        .filter((r) => interviewers || r.informant.role === 'informant')
        .map((r) => ({
          id: r.informant.id,
          label: r.informant.label,
          values: {
            label: r.informant.label,
            realName: r.informant.realName,
            role: r.informant.role,
            case: r.informant.caseId ?? '',
            memo: r.informant.memo,
            documents: String(r.documents),
            codings: String(r.codings),
            ...attributeValues(r.values),
          },
          shown: { case: r.caseName ?? '' },
          ...(shared.has(r.informant.id) ? { flag: shared.get(r.informant.id)! } : {}),
        })),
    [table, interviewers, shared],
  );

  if (!table) return <p className="hint">Loading the informants…</p>;
  const people = table.rows.filter((r) => r.informant.role === 'informant').length;
  const interviewerCount = table.rows.length - people;
  return (
    <section className="compare-tab" aria-label="Informants">
      <div className="tab-toolbar">
        <p className="muted small">
          {plural(people, 'informant')} · {plural(interviewerCount, 'interviewer')}. Click a cell and type, or press Enter; Tab and Enter save and move on, Esc
          cancels. Real names stay in this project and are left out of every export unless you include them.
        </p>
        <div className="toolbar-actions">
          <form
            className="inline-add"
            onSubmit={(e) => {
              e.preventDefault();
              if (newLabel.trim()) void addInformant(newLabel.trim(), null).then((ok) => ok && setNewLabel(''));
            }}
          >
            <input aria-label="New informant's label" placeholder="New informant…" value={newLabel} onChange={(e) => setNewLabel(e.target.value)} />
            <button type="submit" disabled={!newLabel.trim()}>
              Add
            </button>
          </form>
          <button type="button" onClick={() => setOpen({ kind: 'addAttribute' })}>
            + Attribute column
          </button>
          <button type="button" onClick={() => setOpen({ kind: 'import' })}>
            Import CSV/Excel…
          </button>
          <button type="button" onClick={() => setOpen({ kind: 'export' })}>
            Export…
          </button>
          <label className="check small">
            <input type="checkbox" checked={interviewers} onChange={(e) => setInterviewers(e.target.checked)} /> Show interviewers
          </label>
        </div>
      </div>
      {table.warnings.map((w) => (
        <p key={w.label} className="table-warning" role="note">
          ⚠ {w.message}
        </p>
      ))}
      <AttributeSheet
        scope="informant"
        label="Informants table"
        leading={leading}
        attributes={table.attributes}
        trailing={TRAILING}
        rows={rows}
        empty="No informants yet. They appear when a transcript’s speakers are mapped to informants, or add them here."
        addingAttribute={open?.kind === 'addAttribute'}
        onAddingDone={() => setOpen(null)}
        onDeleteRow={(id) => void deleteInformant(id, true).then((impact) => impact && setOpen({ kind: 'delete', impact }))}
      />
      {open?.kind === 'delete' && (
        <ConfirmDialog title={`Delete ${open.impact.informant.label}?`} confirmLabel="Delete" onClose={() => setOpen(null)} onConfirm={() => deleteInformant(open.impact.informant.id, false)}>
          <ul className="impact-list">
            <li>{plural(open.impact.speakers, 'speaker')} in {plural(open.impact.documents, 'document')} become unmapped (the transcripts stay).</li>
            <li>{plural(open.impact.codings, 'coding')} stay, but are no longer attributed to this person.</li>
            <li>{plural(open.impact.values, 'attribute value')} go.</li>
          </ul>
          <p className="muted small">You can undo this.</p>
        </ConfirmDialog>
      )}
      {open?.kind === 'import' && <ImportInformantsDialog onClose={() => setOpen(null)} />}
      {open?.kind === 'export' && <ExportInformantsDialog onClose={() => setOpen(null)} />}
    </section>
  );
}
