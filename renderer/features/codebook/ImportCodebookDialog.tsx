import { useState } from 'react';
import type { CodebookImportFile } from '../../../shared/api/methods/codebook';
import type { CodebookFormat } from '../../../shared/codebook/model';
import { electronBridge } from '../../api/ipcTransport';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';
import type { CodebookCandidate } from '../../store/slices/codebookSlice';

/** File types offered by the codebook picker. */
const CODEBOOK_ACCEPT = '.json,.csv,.tsv,.txt,.xlsx,.md';

/** How a detected codebook format is described to the user. */
export function describeCodebookFormat(format: CodebookFormat | null): string {
  switch (format) {
    case 'gioia-json':
      return 'Gioia data structure (JSON): dimensions, themes and concepts with definitions';
    case 'table':
      return 'Table with dimension, theme and concept columns';
    case 'qualcoder-plain':
      return 'QualCoder plain codebook (category>>code)';
    case null:
      return 'Not recognised as a codebook';
    default: {
      const never: never = format;
      return never;
    }
  }
}

/** "2 dimensions, 3 themes, 7 concepts" in the project's level names. */
function describeCreated(created: CodebookImportFile['created'], levels: readonly [string, string, string]): string {
  const part = (n: number, name: string) => `${n} ${name.toLocaleLowerCase()}`;
  return [part(created.dimension, levels[2]), part(created.theme, levels[1]), part(created.concept, levels[0])].join(', ');
}

/**
 * Import a codebook: choose files, see what each one is (recognised by its content), import, and
 * read the report. Each file is its own undoable step; codes already on the same level are reused.
 */
export function ImportCodebookDialog() {
  const project = useApp((s) => s.project);
  const mode = useApp((s) => s.status?.mode);
  const openDialog = useApp((s) => s.openDialog);
  const setMainView = useApp((s) => s.setMainView);
  const inspect = useApp((s) => s.inspectCodebookFiles);
  const importCodebooks = useApp((s) => s.importCodebooks);
  const [candidates, setCandidates] = useState<readonly CodebookCandidate[] | null>(null);
  const [explicit, setExplicit] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<readonly CodebookImportFile[] | null>(null);
  const close = () => openDialog(null);
  if (!project) return null;
  const choose = async (files: readonly File[] | readonly string[]) => {
    if (files.length === 0) return;
    setBusy(true);
    setReport(null);
    setCandidates((await inspect(files)) ?? null);
    setBusy(false);
  };
  const bridge = mode === 'electron' ? electronBridge() : null;
  const unknown = candidates?.filter((c) => c.format === null).length ?? 0;
  const importable = candidates?.filter((c) => c.format !== null || explicit) ?? [];
  return (
    <Dialog title="Import a codebook" onClose={close} wide>
      {!report && (
        <>
          <p className="muted small">
            A Gioia JSON file (dimensions → themes → concepts), a CSV or Excel table with dimension, theme, concept and definition columns, or QualCoder’s plain
            codebook. Codes already in the project on the same level are reused, not doubled.
          </p>
          <div className="file-choice">
            {bridge ? (
              <button type="button" onClick={() => void bridge.dialog('importFiles').then((paths) => choose(paths))}>
                Choose codebook files…
              </button>
            ) : (
              <label className="button-like">
                Choose codebook files…
                <input
                  type="file"
                  multiple
                  accept={CODEBOOK_ACCEPT}
                  aria-label="Codebook files"
                  onChange={(e) => {
                    const files = [...(e.target.files ?? [])];
                    e.target.value = '';
                    void choose(files);
                  }}
                />
              </label>
            )}
            {busy && <span className="muted small">Reading…</span>}
          </div>
          {candidates && candidates.length > 0 && (
            <table className="report-table" aria-label="Chosen files">
              <thead>
                <tr>
                  <th>File</th>
                  <th>What it is</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((c, i) => (
                  <tr key={`${c.name}-${i}`} className={c.format ? 'imported' : 'skipped'}>
                    <td className="file-name">{c.name}</td>
                    <td>{describeCodebookFormat(c.format)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {unknown > 0 && (
            <label className="check">
              <input type="checkbox" checked={explicit} onChange={(e) => setExplicit(e.target.checked)} /> Import {unknown === 1 ? 'it' : 'them'} anyway, as a table
              without header (dimension, theme, concept, definition) or a plain list of codes
            </label>
          )}
        </>
      )}
      {report && (
        <table className="report-table" aria-label="Codebook import report">
          <thead>
            <tr>
              <th>File</th>
              <th>Result</th>
              <th>Codes</th>
            </tr>
          </thead>
          <tbody>
            {report.map((file, i) => (
              <tr key={`${file.name}-${i}`} className={file.status}>
                <td className="file-name">{file.name}</td>
                <td>{file.status === 'imported' ? 'Imported' : 'Failed'}</td>
                <td>
                  {file.status === 'imported' ? (
                    <>
                      {describeCreated(file.created, project.levels)} created{file.reused ? `, ${file.reused} reused` : ''}
                      {file.warnings.length > 0 && (
                        <ul className="warnings small">
                          {file.warnings.map((w, j) => (
                            <li key={j}>{w}</li>
                          ))}
                        </ul>
                      )}
                    </>
                  ) : (
                    <span className="warning">{file.reason}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-actions">
        {report ? (
          <>
            <button
              type="button"
              onClick={() => {
                setReport(null);
                setCandidates(null);
              }}
            >
              Import another
            </button>
            <button
              type="button"
              onClick={() => {
                setMainView('structure');
                close();
              }}
            >
              Show the data structure
            </button>
            <button type="button" className="primary" onClick={close}>
              Done
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy || importable.length === 0}
              onClick={() => {
                setBusy(true);
                void importCodebooks(
                  importable.map((c) => c.source),
                  explicit,
                ).then((files) => {
                  setBusy(false);
                  if (files) setReport(files);
                });
              }}
            >
              Import{importable.length > 1 ? ` ${importable.length} files` : ''}
            </button>
          </>
        )}
      </div>
    </Dialog>
  );
}
