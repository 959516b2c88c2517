import { useEffect, useMemo, useState } from 'react';
import type { ComparisonRow, GroupFigures, Presence } from '../../../shared/analysis/compare';
import { caseLabel } from '../../../shared/analysis/data';
import type { AttributeDefinition } from '../../../shared/attributes/values';
import { useApp } from '../../store/StoreContext';
import type { GroupSpec } from '../../store/slices/compareSlice';
import { levelName, levelPlural, plural } from './levelNames';
import { TreeRowHeader } from './TreeRowHeader';
import { useTreeExpansion } from './treeRows';

/** A group as the value of one option of the group menus. */
function keyOf(group: GroupSpec | null): string {
  if (!group) return '';
  if (group.kind === 'case') return `case:${group.caseId}`;
  if (group.kind === 'attribute') return `attr:${group.scope ?? ''}:${group.name}:${group.value ?? ''}`;
  return '';
}

function groupOf(key: string): GroupSpec | null {
  if (key.startsWith('case:')) return { kind: 'case', caseId: key.slice(5) };
  if (!key.startsWith('attr:')) return null;
  const [, scope, name, ...value] = key.split(':');
  const text = value.join(':');
  return { kind: 'attribute', name: name!, scope: scope === 'case' ? 'case' : 'informant', value: text === '' ? null : text };
}

/** The values an attribute has: its choices, or the values in use (informants' or cases'). */
function valuesOf(attribute: AttributeDefinition, used: readonly Readonly<Record<string, string>>[]): string[] {
  if (attribute.type === 'choice') return [...attribute.choices];
  return [...new Set(used.map((v) => v[attribute.id]).filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}

function GroupMenu({ label, value, onChange }: { label: string; value: GroupSpec | null; onChange(group: GroupSpec | null): void }) {
  const cases = useApp((s) => s.caseTable?.rows ?? []);
  const attributes = useApp((s) => s.attributes);
  const informantValues = useApp((s) => s.informantTable?.rows);
  const usedInformant = useMemo(() => (informantValues ?? []).map((r) => r.values), [informantValues]);
  const usedCase = useMemo(() => cases.map((r) => r.values), [cases]);
  return (
    <label className="group-menu">
      <span>{label}</span>
      <select aria-label={label} value={keyOf(value)} onChange={(e) => onChange(groupOf(e.target.value))}>
        <option value="">Choose a group…</option>
        {cases.length > 0 && (
          <optgroup label="Cases">
            {cases.map((r) => (
              <option key={r.case.id} value={`case:${r.case.id}`}>
                {`${'  '.repeat(r.depth)}${caseLabel(r.case)}`}
              </option>
            ))}
          </optgroup>
        )}
        {attributes.map((a) => (
          <optgroup key={a.id} label={`${a.name} (${a.scope === 'informant' ? 'informants' : 'cases'})`}>
            {valuesOf(a, a.scope === 'informant' ? usedInformant : usedCase).map((v) => (
              <option key={v} value={`attr:${a.scope}:${a.name}:${v}`}>
                {a.name}: {v}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

function Figures({ figures, onOpen, label }: { figures: GroupFigures; onOpen?: (() => void) | undefined; label: string }) {
  if (figures.codings === 0) return <span className="muted">—</span>;
  const share = figures.share ?? 0;
  const text = figures.share === null ? plural(figures.codings, 'coding') : `${plural(figures.informants, 'informant')} (${Math.round(share * 100)} %)`;
  return (
    <button type="button" className="cell figures" aria-label={`${label}: ${text}, ${plural(figures.codings, 'coding')}`} onClick={onOpen}>
      <span className="share-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span>{text}</span>
      <span className="muted small"> · {plural(figures.codings, 'coding')}</span>
    </button>
  );
}

/**
 * Two groups side by side (case A vs case B, leaders vs politicians): which themes appear only in
 * one, in both, and how strongly (the share of each group's informants who raised them).
 */
export function GroupsTab() {
  const project = useApp((s) => s.project);
  const groups = useApp((s) => s.groups);
  const comparison = useApp((s) => s.comparison);
  const cases = useApp((s) => s.caseTable?.rows);
  const setGroups = useApp((s) => s.setGroups);
  const openGroupRow = useApp((s) => s.openGroupRow);
  const [only, setOnly] = useState<Presence | null>(null);
  const rows = useMemo(() => comparison?.rows ?? [], [comparison]);
  const { visible, toggle, openAll, openToThemes } = useTreeExpansion(rows);

  // First visit: compare the first two top-level cases, the most common question.
  useEffect(() => {
    if (groups.a || groups.b || !cases) return;
    const top = cases.filter((r) => r.depth === 0);
    if (top.length >= 2) void setGroups({ a: { kind: 'case', caseId: top[0]!.case.id }, b: { kind: 'case', caseId: top[1]!.case.id } });
  }, [cases, groups, setGroups]);

  const shownRows = only ? rows.map((row, index) => ({ row, index, hasChildren: false, open: false })).filter((v) => v.row.presence === only) : visible;
  const [a, b] = comparison?.groups ?? [];
  const where = (row: ComparisonRow) => {
    switch (row.presence) {
      case 'onlyA':
        return `only ${a?.label}`;
      case 'onlyB':
        return `only ${b?.label}`;
      case 'both':
        return 'both';
      case 'neither':
        return '—';
      default: {
        const never: never = row.presence;
        return never;
      }
    }
  };
  return (
    <section className="compare-tab" aria-label="Compare groups">
      <div className="tab-toolbar">
        <div className="toolbar-actions">
          <GroupMenu label="Group A" value={groups.a} onChange={(g) => void setGroups({ ...groups, a: g })} />
          <span className="muted">vs</span>
          <GroupMenu label="Group B" value={groups.b} onChange={(g) => void setGroups({ ...groups, b: g })} />
        </div>
        <p className="muted small">A group is a case (with the cases inside it) or the informants with one value of an attribute. Add attributes in the Informants tab.</p>
      </div>
      {!comparison ? (
        <p className="hint">Choose two groups to compare.</p>
      ) : (
        <>
          {comparison.sharedInformants > 0 && <p className="table-warning">⚠ {plural(comparison.sharedInformants, 'informant is', 'informants are')} in both groups.</p>}
          <div className="presence-filter" role="group" aria-label={`Show ${levelPlural(project, 'theme').toLocaleLowerCase()}`}>
            <button type="button" aria-pressed={only === null} onClick={() => setOnly(null)}>
              All
            </button>
            <button type="button" aria-pressed={only === 'onlyA'} className="presence-onlyA" onClick={() => setOnly('onlyA')}>
              Only in {a?.label}: {comparison.counts.onlyA}
            </button>
            <button type="button" aria-pressed={only === 'both'} className="presence-both" onClick={() => setOnly('both')}>
              In both: {comparison.counts.both}
            </button>
            <button type="button" aria-pressed={only === 'onlyB'} className="presence-onlyB" onClick={() => setOnly('onlyB')}>
              Only in {b?.label}: {comparison.counts.onlyB}
            </button>
            {!only && (
              <>
                <button type="button" className="link" onClick={openAll}>
                  Show all {levelPlural(project, 'concept').toLocaleLowerCase()}
                </button>
                <button type="button" className="link" onClick={openToThemes}>
                  Fold to {levelPlural(project, 'theme').toLocaleLowerCase()}
                </button>
              </>
            )}
          </div>
          <div className="matrix-scroll">
            <table className="groups" aria-label="Comparison of the two groups">
              <thead>
                <tr>
                  <th className="corner" scope="col">
                    Code
                  </th>
                  <th scope="col">
                    {a?.label} <span className="col-note">{plural(a?.informants ?? 0, 'informant')}</span>
                  </th>
                  <th scope="col">
                    {b?.label} <span className="col-note">{plural(b?.informants ?? 0, 'informant')}</span>
                  </th>
                  <th scope="col" title="A's share of informants minus B's, in percentage points">
                    Difference
                  </th>
                  <th scope="col">Where</th>
                </tr>
              </thead>
              <tbody>
                {shownRows.map(({ row, hasChildren, open }) => (
                  <tr key={row.id} className={`level-${row.level} presence-${row.presence}`}>
                    <TreeRowHeader row={row} hasChildren={hasChildren} open={open} flat={only !== null} onToggle={toggle} />
                    <td>
                      <Figures
                        figures={row.a}
                        label={`${row.label} in ${a?.label}`}
                        onOpen={() => groups.a && void openGroupRow(groups.a, row.id, `${row.label} — ${a?.label}`, levelName(project, row.level))}
                      />
                    </td>
                    <td>
                      <Figures
                        figures={row.b}
                        label={`${row.label} in ${b?.label}`}
                        onOpen={() => groups.b && void openGroupRow(groups.b, row.id, `${row.label} — ${b?.label}`, levelName(project, row.level))}
                      />
                    </td>
                    <td className="numeric">{row.difference === null || row.presence === 'neither' ? '' : `${row.difference > 0 ? '+' : ''}${row.difference} pp`}</td>
                    <td>
                      <span className={`where where-${row.presence}`}>{where(row)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
