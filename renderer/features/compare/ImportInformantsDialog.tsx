import { useState } from 'react';
import type { InformantImportReport } from '../../../shared/api/methods/attributes';
import type { FileSource } from '../../api/transport';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';
import type { TableRefusal } from '../../store/slices/compareSlice';
import { plural } from './levelNames';

const TARGET_LABEL: Readonly<Record<InformantImportReport['columns'][number]['target'], string>> = {
  label: 'matches informants by label',
  realName: 'real name',
  role: 'speaking role',
  case: 'case',
  memo: 'memo',
  attribute: 'attribute',
  ignored: 'ignored',
};

/**
 * Import informants' attributes from CSV or Excel: pick a file, see a preview of what would change
 * (a dry run: nothing is written), then import it as one undoable step.
 */
export function ImportInformantsDialog({ onClose }: { onClose(): void }) {
  const fileSource = useApp((s) => s.fileSource);
  const importInformants = useApp((s) => s.importInformants);
  const [file, setFile] = useState<{ name: string; source: FileSource } | null>(null);
  const [createMissing, setCreateMissing] = useState(false);
  const [createAttributes, setCreateAttributes] = useState(true);
  const [preview, setPreview] = useState<InformantImportReport | null>(null);
  const [refusal, setRefusal] = useState<TableRefusal | null>(null);
  const [done, setDone] = useState<InformantImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (source: FileSource, dryRun: boolean, options = { createMissing, createAttributes }) => {
    setBusy(true);
    const outcome = await importInformants(source, { ...options, dryRun });
    setBusy(false);
    setRefusal(outcome && 'refusal' in outcome ? outcome.refusal : null);
    const report = outcome && 'report' in outcome ? outcome.report : null;
    if (dryRun) setPreview(report);
    else if (report) setDone(report);
  };
  const choose = async (picked: File | undefined) => {
    if (!picked) return;
    setPreview(null);
    setDone(null);
    const source = await fileSource(picked);
    if (!source) return;
    setFile({ name: picked.name, source });
    await run(source, true);
  };
  const option = (set: (v: boolean) => void, next: boolean, key: 'createMissing' | 'createAttributes') => {
    set(next);
    if (file) void run(file.source, true, { createMissing, createAttributes, [key]: next });
  };
  const shown = done ?? preview;
  return (
    <Dialog title="Import informants from CSV or Excel" onClose={onClose} wide>
      {!done && (
        <>
          <p className="muted small">
            The first row names the columns. A column called Label (or Informant, Pseudonym) finds each informant; Real name, Role, Case and Memo are read as such;
            every other column is an attribute. You see what would change before anything is written.
          </p>
          <div className="file-choice">
            <label className="button-like">
              Choose a file…
              <input
                type="file"
                accept=".csv,.tsv,.txt,.xlsx"
                aria-label="Informants file"
                onChange={(e) => {
                  const picked = e.target.files?.[0];
                  e.target.value = '';
                  void choose(picked);
                }}
              />
            </label>
            {file && <span className="file-name">{file.name}</span>}
            {busy && <span className="muted small">Reading…</span>}
          </div>
          <label className="check">
            <input type="checkbox" checked={createMissing} onChange={(e) => option(setCreateMissing, e.target.checked, 'createMissing')} /> Add informants the project does
            not have yet
          </label>
          <label className="check">
            <input type="checkbox" checked={createAttributes} onChange={(e) => option(setCreateAttributes, e.target.checked, 'createAttributes')} /> Add new columns as
            attributes
          </label>
        </>
      )}
      {refusal && (
        <div className="import-refusal" role="alert">
          <p>Nothing can be imported until these cells are fixed in the file:</p>
          <ul>
            {refusal.problems.slice(0, 20).map((p, i) => (
              <li key={i}>
                Row {p.row} ({p.rowLabel}), {p.column}: “{p.value}” — {p.message}
              </li>
            ))}
          </ul>
          {refusal.problems.length > 20 && <p className="muted small">…and {refusal.problems.length - 20} more.</p>}
        </div>
      )}
      {shown && <ImportSummary report={shown} />}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {done ? 'Close' : 'Cancel'}
        </button>
        {!done && (
          <button type="button" className="primary" disabled={!file || !preview || busy} onClick={() => file && void run(file.source, false)}>
            Import
          </button>
        )}
      </div>
    </Dialog>
  );
}

function ImportSummary({ report }: { report: InformantImportReport }) {
  return (
    <div className="import-summary" role="status" aria-label={report.dryRun ? 'Preview of the import' : 'Import finished'}>
      <p className="impact">
        {report.dryRun ? 'Preview: ' : '✓ Imported: '}
        {plural(report.rows, 'row')} read · {report.matched} matched · {report.created} new · {plural(report.changed, 'cell')} {report.dryRun ? 'would change' : 'changed'}
      </p>
      <table className="report-table" aria-label="Columns of the file">
        <thead>
          <tr>
            <th>Column in the file</th>
            <th>Read as</th>
          </tr>
        </thead>
        <tbody>
          {report.columns.map((c) => (
            <tr key={c.header} className={c.target === 'ignored' ? 'skipped' : undefined}>
              <td>{c.header}</td>
              <td>
                {TARGET_LABEL[c.target]}
                {c.created ? ' (new)' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.unmatched.length > 0 && (
        <p className="warning small">
          Not in the project ({report.unmatched.length}): {report.unmatched.map((u) => `${u.label} (row ${u.row})`).join(', ')}
          {report.dryRun ? ' — tick “Add informants…” to add them.' : ''}
        </p>
      )}
      {report.ambiguous.length > 0 && (
        <p className="warning small">Skipped, several informants share the label: {report.ambiguous.map((a) => `${a.label} (row ${a.row})`).join(', ')}</p>
      )}
      {report.createdCases.length > 0 && <p className="small">New cases: {report.createdCases.join(', ')}</p>}
      {report.warnings.length > 0 && (
        <ul className="warnings">
          {report.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
