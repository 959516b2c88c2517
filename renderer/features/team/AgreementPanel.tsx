import { useState } from 'react';
import type { AgreementRow } from '../../../shared/api/methods/team';
import { useApp } from '../../store/StoreContext';
import { AGREEMENT_FORMATS, type AgreementFormat } from '../../store/slices/teamSlice';
import { DisagreementList } from './DisagreementList';

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);
const coef = (v: number | null) => (v === null ? '–' : v.toFixed(3));
const UNITS = { char: 'Characters', turn: 'Speaker turns', paragraph: 'Paragraphs' } as const;

/** Choose what to compare, then see percent agreement, Cohen's κ and Krippendorff's α per code. */
export function AgreementPanel() {
  const coders = useApp((s) => s.teamCoders) ?? [];
  const documents = useApp((s) => s.documents);
  const levels = useApp((s) => s.project?.levels);
  const agreement = useApp((s) => s.agreement);
  const compute = useApp((s) => s.computeAgreement);
  const exportAgreement = useApp((s) => s.exportAgreement);
  const withCodings = coders.filter((c) => c.codings > 0);
  const [picked, setPicked] = useState<ReadonlySet<string> | null>(null);
  const coderIds = picked ?? new Set(withCodings.map((c) => c.id));
  const [docIds, setDocIds] = useState<ReadonlySet<string>>(new Set());
  const [level, setLevel] = useState<1 | 2 | 3>(1);
  const [unit, setUnit] = useState<keyof typeof UNITS>('char');
  const [excludeUncoded, setExcludeUncoded] = useState(true);
  const [format, setFormat] = useState<AgreementFormat>('xlsx');
  const toggle = (set: ReadonlySet<string>, id: string) => {
    const next = new Set(set);
    if (!next.delete(id)) next.add(id);
    return next;
  };
  const report = agreement?.report;
  // Codes none of the chosen coders used agree trivially; listing them would bury the ones that matter.
  const used = report?.rows.filter((r) => r.coded.some((n) => n > 0)) ?? [];
  const unused = (report?.rows.length ?? 0) - used.length;
  return (
    <>
      <div className="team-card" aria-label="Inter-coder agreement">
        <header>
          <h2>Inter-coder agreement</h2>
        </header>
        <div className="agreement-form">
          <fieldset className="field">
            <legend>Coders (two or more)</legend>
            <div className="choices">
              {coders.map((c) => (
                <label key={c.id} className="check">
                  <input type="checkbox" checked={coderIds.has(c.id)} onChange={() => setPicked(toggle(coderIds, c.id))} /> {c.name}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="field">
            <legend>Documents</legend>
            <div className="choices">
              <p className="muted small">{docIds.size === 0 ? 'All documents' : `${docIds.size} chosen`}</p>
              {documents.map((d) => (
                <label key={d.id} className="check">
                  <input type="checkbox" checked={docIds.has(d.id)} onChange={() => setDocIds(toggle(docIds, d.id))} /> {d.title}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label className="field">
              Codes at level
              <select value={level} onChange={(e) => setLevel(Number(e.target.value) as 1 | 2 | 3)}>
                {[1, 2, 3].map((l) => (
                  <option key={l} value={l}>
                    {levels?.[l - 1] ?? l}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              Unit
              <select value={unit} onChange={(e) => setUnit(e.target.value as keyof typeof UNITS)}>
                {Object.entries(UNITS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={excludeUncoded} onChange={(e) => setExcludeUncoded(e.target.checked)} /> Leave out text no coder coded
            </label>
          </div>
        </div>
        <div className="dialog-actions" style={{ justifyContent: 'flex-start' }}>
          <button
            type="button"
            className="primary"
            disabled={coderIds.size < 2}
            onClick={() => void compute({ coderIds: [...coderIds], level, unit, excludeUncoded, ...(docIds.size ? { documentIds: [...docIds] } : {}) })}
          >
            Compute agreement
          </button>
          {coderIds.size < 2 && <span className="muted small">Choose at least two coders.</span>}
        </div>
        {report && (
          <>
            <table aria-label="Agreement report">
              <thead>
                <tr>
                  <th>Code</th>
                  {report.coders.map((c) => (
                    <th key={c.id} className="num">
                      {c.name}
                    </th>
                  ))}
                  <th className="num">Agreement</th>
                  <th className="num" title="Cohen's kappa (two coders)">
                    Cohen’s κ
                  </th>
                  <th className="num" title="Krippendorff's alpha (nominal)">
                    Krippendorff’s α
                  </th>
                </tr>
              </thead>
              <tbody>
                {used.map((r) => (
                  <Row key={r.codeId ?? r.label} row={r} />
                ))}
                <Row row={report.overall} total />
              </tbody>
            </table>
            <p className="muted small">
              Units: {UNITS[report.unit].toLocaleLowerCase()}
              {report.excludeUncoded ? ', text no coder coded left out' : ''}. Coder columns: units each coder coded. Agreement: share of units where the coders agree. κ is given for two coders;
              α for any number.
              {unused > 0 ? ` ${unused} code${unused === 1 ? '' : 's'} none of these coders used ${unused === 1 ? 'is' : 'are'} not listed (the export has every code).` : ''}
            </p>
            <div className="dialog-actions" style={{ justifyContent: 'flex-start' }}>
              <select aria-label="Report format" value={format} onChange={(e) => setFormat(e.target.value as AgreementFormat)}>
                {Object.entries(AGREEMENT_FORMATS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => void exportAgreement(format)}>
                Export the report
              </button>
            </div>
          </>
        )}
      </div>
      {agreement && <DisagreementList />}
    </>
  );
}

function Row({ row, total }: { row: AgreementRow; total?: boolean }) {
  return (
    <tr className={total ? 'total' : ''}>
      <td>
        {row.label}
        {row.path && <span className="muted small"> · {row.path}</span>}
      </td>
      {row.coded.map((n, i) => (
        <td key={i} className="num">
          {n.toLocaleString('en')}
        </td>
      ))}
      <td className="num">{pct(row.percent)}</td>
      <td className="num">{coef(row.kappa)}</td>
      <td className="num">{coef(row.alpha)}</td>
    </tr>
  );
}
