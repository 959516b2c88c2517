import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';

const PHASE_LABEL: Record<string, string> = {
  waiting: 'Waiting',
  uploading: 'Uploading',
  reading: 'Reading',
  parsing: 'Reading the text',
  saving: 'Saving',
  done: 'Imported',
  skipped: 'Skipped',
  failed: 'Failed',
};
const PHASE_PROGRESS: Record<string, number> = { waiting: 0, uploading: 0.15, reading: 0.3, parsing: 0.55, saving: 0.8, done: 1, skipped: 1, failed: 1 };

/** Per-file progress while an import runs, then the report: imported, skipped, failed (with reasons). */
export function ImportStatus() {
  const importing = useApp((s) => s.importing);
  const report = useApp((s) => s.importReport);
  const dismiss = useApp((s) => s.dismissImportReport);
  const openDialog = useApp((s) => s.openDialog);
  if (importing) {
    return (
      <div className="import-progress" role="status" aria-label="Import progress">
        <h3>Importing {importing.length} file{importing.length === 1 ? '' : 's'}</h3>
        <ul>
          {importing.map((file, index) => (
            <li key={index}>
              <span className="file-name">{file.name}</span>
              <progress max={1} value={PHASE_PROGRESS[file.phase] ?? 0} aria-label={`${file.name}: ${PHASE_LABEL[file.phase]}`} />
              <span className="muted small">{PHASE_LABEL[file.phase]}</span>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (!report) return null;
  const count = (status: string) => report.files.filter((f) => f.status === status).length;
  return (
    <Dialog title="Import finished" onClose={dismiss} wide>
      <p>
        <strong>{count('imported')}</strong> imported · <strong>{count('skipped')}</strong> skipped · <strong>{count('failed')}</strong> failed
      </p>
      <table className="report-table">
        <thead>
          <tr>
            <th>File</th>
            <th>Result</th>
            <th>Speakers / reason</th>
          </tr>
        </thead>
        <tbody>
          {report.files.map((file, index) => (
            <tr key={index} className={file.status}>
              <td>{file.name}</td>
              <td>{file.status === 'imported' ? 'Imported' : file.status === 'skipped' ? 'Skipped' : 'Failed'}</td>
              <td>
                {file.status === 'imported' ? (
                  <>
                    {file.speakers.map((s) => `${s.label} (${s.turns} turns)`).join(', ')}{' '}
                    {file.documentId && (
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          dismiss();
                          openDialog('speakers', file.documentId);
                        }}
                      >
                        Who is who…
                      </button>
                    )}
                  </>
                ) : (
                  file.reason
                )}
                {file.warnings.map((w, i) => (
                  <div key={i} className="warning small">
                    {w}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="primary" autoFocus onClick={dismiss}>
          OK
        </button>
      </div>
    </Dialog>
  );
}
