import { useMemo, useState } from 'react';
import type { GroundingEntry, GroundingFlag } from '../../../shared/analysis/grounding';
import { useApp } from '../../store/StoreContext';
import { levelPlural, plural } from './levelNames';
import { TreeRowHeader } from './TreeRowHeader';
import { useTreeExpansion, type VisibleRow } from './treeRows';

const FLAG_TEXT: Readonly<Record<GroundingFlag, { label: string; help: string }>> = {
  singleInformant: { label: 'one informant', help: 'Rests on a single informant: one voice, however often it is coded' },
  singleCase: { label: 'one case', help: 'All its support comes from one case' },
  noInformant: { label: 'documents only', help: 'Coded only in documents or unmapped speakers, so no informant raised it' },
  noCodings: { label: 'not coded', help: 'Nothing is coded with it yet' },
};

/** The flags that deserve a reviewer's question (not coded is shown, but is not "weak grounding"). */
const WEAK: readonly GroundingFlag[] = ['singleInformant', 'singleCase', 'noInformant'];

/**
 * How well each concept, theme and dimension is grounded: how many informants raised it, from which
 * cases, as the sentence a thesis can use ("raised by 7 of 10 informants, both cases"), with flags
 * for what rests on one informant or one case.
 */
export function GroundingTab() {
  const project = useApp((s) => s.project);
  const grounding = useApp((s) => s.grounding);
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const entries = useMemo(() => grounding?.entries ?? [], [grounding]);
  const { visible, toggle, openAll, openToThemes } = useTreeExpansion(entries);
  const flagged = useMemo(
    () => entries.map((row, index) => ({ row, index, hasChildren: false, open: false })).filter((v) => v.row.flags.some((f) => WEAK.includes(f))),
    [entries],
  );
  if (!grounding) return <p className="hint">Counting the support of every code…</p>;
  if (entries.length === 0) return <p className="hint">No codes in the Gioia tree yet.</p>;
  const themes = entries.filter((e) => e.level === 'theme');
  const themeName = levelPlural(project, 'theme').toLocaleLowerCase();
  const oneInformant = themes.filter((e) => e.flags.includes('singleInformant')).length;
  const oneCase = themes.filter((e) => e.flags.includes('singleCase')).length;
  const rows: VisibleRow<GroundingEntry>[] = flaggedOnly ? flagged : visible;
  return (
    <section className="compare-tab" aria-label="Grounding">
      <div className="tab-toolbar">
        <p className="grounding-summary">
          {plural(grounding.informants, 'informant')}
          {grounding.cases.length > 0 && ` in ${plural(grounding.cases.length, 'case')} (${grounding.cases.map((c) => c.label).join(', ')})`}. Of {themes.length}{' '}
          {themeName}, <strong>{oneInformant}</strong> rest{oneInformant === 1 ? 's' : ''} on one informant
          {grounding.cases.length > 1 && (
            <>
              {' '}
              and <strong>{oneCase}</strong> on one case
            </>
          )}
          .
        </p>
        <div className="toolbar-actions">
          <label className="check small">
            <input type="checkbox" checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)} /> Only codes with thin support
          </label>
          {!flaggedOnly && (
            <>
              <button type="button" className="link" onClick={openAll}>
                Show all {levelPlural(project, 'concept').toLocaleLowerCase()}
              </button>
              <button type="button" className="link" onClick={openToThemes}>
                Fold to {themeName}
              </button>
            </>
          )}
        </div>
      </div>
      <div className="matrix-scroll">
        <table className="grounding" aria-label="Grounding of every code">
          <thead>
            <tr>
              <th className="corner" scope="col">
                Code
              </th>
              <th scope="col">Support</th>
              <th scope="col">Informants</th>
              <th scope="col">Cases</th>
              <th scope="col">Look again</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, hasChildren, open }) => (
              <tr key={row.id} className={`level-${row.level}`}>
                <TreeRowHeader row={row} hasChildren={hasChildren} open={open} flat={flaggedOnly} onToggle={toggle} />
                <td className="support">
                  <span className="share-bar" aria-hidden="true">
                    <span style={{ width: `${Math.round(row.share * 100)}%` }} />
                  </span>
                  <span>{row.text}</span>
                </td>
                <td className="names small">{row.informants.map((i) => i.label).join(', ')}</td>
                <td className="small">
                  {row.cases.map((c) => (
                    <span key={c.id} className="chip">
                      {c.label}
                    </span>
                  ))}
                </td>
                <td>
                  {row.flags.map((f) => (
                    <span key={f} className={`flag flag-${f}`} title={FLAG_TEXT[f].help}>
                      {FLAG_TEXT[f].label}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {flaggedOnly && rows.length === 0 && <p className="hint">Every code rests on more than one informant and case.</p>}
      </div>
    </section>
  );
}
