import { useEffect, useRef, useState } from 'react';
import type { RefiConflict, RefiImportReport } from '../../../shared/api/methods/refi';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';
import type { RefiFile, RefiImportChoices } from '../../store/slices/refiSlice';
import { choiceProblem, defaultDepthLevels, mappingOf, type DepthLevels } from './levelChoice';
import { LevelMappingChooser } from './LevelMappingChooser';
import { RefiConflicts } from './RefiConflicts';
import { RefiContents } from './RefiContents';
import { RefiFilePicker } from './RefiFilePicker';
import { RefiImportResult } from './RefiImportResult';
import { RefiLosses } from './RefiLosses';
import { describeFormat, plural } from './refiText';
import './refi.css';

type Busy = 'reading' | 'checking' | 'importing' | null;

/**
 * Import a REFI-QDA project (.qdpx, .qde) or codebook (.qdc) from NVivo, ATLAS.ti, MAXQDA or
 * QualCoder: choose the file, see what it holds and what importing would do (a dry run on the
 * backend), choose which code-tree depth becomes which Gioia level and who wins each conflict with
 * the project, import as one undoable step, and read what could not be brought over.
 */
export function ImportRefiDialog() {
  const project = useApp((s) => s.project);
  const hasContent = useApp((s) => s.documents.length > 0 || Object.keys(s.codes).length > 0);
  const openDialog = useApp((s) => s.openDialog);
  const prepareRefiFile = useApp((s) => s.prepareRefiFile);
  const inspectRefi = useApp((s) => s.inspectRefi);
  const importRefi = useApp((s) => s.importRefi);
  const [file, setFile] = useState<RefiFile | null>(null);
  const [preview, setPreview] = useState<RefiImportReport | null>(null);
  const [result, setResult] = useState<RefiImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [choice, setChoice] = useState<DepthLevels>([]);
  const [onConflict, setOnConflict] = useState<'keep' | 'replace'>('keep');
  const [resolve, setResolve] = useState<Readonly<Record<string, 'keep' | 'replace'>>>({});
  // Whether the project had anything when the file was chosen (after the import it always has).
  const [merging, setMerging] = useState(false);
  // Only the answer to the latest preview request counts.
  const request = useRef(0);
  const top = useRef<HTMLDivElement | null>(null);
  // A new step (preview, report) starts at its top, not where the previous one was scrolled to.
  useEffect(() => {
    top.current?.closest('.dialog')?.scrollTo({ top: 0 });
  }, [preview?.file, result]);
  const close = () => openDialog(null);
  if (!project) return null;

  const choices = (report: RefiImportReport, depths: DepthLevels): RefiImportChoices => ({
    levels: report.stigeData ? { kind: 'auto' } : mappingOf(depths),
    onConflict,
    resolve,
  });

  const pick = async (picked: File | string) => {
    const id = ++request.current;
    setBusy('reading');
    setError(null);
    setPreview(null);
    setResult(null);
    const prepared = await prepareRefiFile(picked);
    const outcome = prepared ? await inspectRefi(prepared, { levels: { kind: 'auto' }, onConflict: 'keep', resolve: {} }) : null;
    if (id !== request.current) return;
    setBusy(null);
    if (!prepared || !outcome) return;
    if ('error' in outcome) {
      setFile(null);
      setError(outcome.error);
      return;
    }
    setFile(prepared);
    setMerging(hasContent);
    setPreview(outcome.report);
    setChoice(defaultDepthLevels(outcome.report.levels.depth));
    setOnConflict('keep');
    setResolve({});
  };

  const changeLevels = async (next: DepthLevels) => {
    setChoice(next);
    if (!file || !preview || choiceProblem(next, project.levels)) return;
    const id = ++request.current;
    setBusy('checking');
    const outcome = await inspectRefi(file, { ...choices(preview, next), onConflict: 'keep', resolve: {} });
    if (id !== request.current) return;
    setBusy(null);
    if ('error' in outcome) setError(outcome.error);
    else setPreview(outcome.report);
  };

  const runImport = async () => {
    if (!file || !preview) return;
    const id = ++request.current;
    setBusy('importing');
    const outcome = await importRefi(file, choices(preview, choice));
    if (id !== request.current) return;
    setBusy(null);
    if ('error' in outcome) setError(outcome.error);
    else setResult(outcome.report);
  };

  const choiceFor = (c: RefiConflict) => resolve[c.guid] ?? onConflict;
  const chooseAll = (value: 'keep' | 'replace') => {
    setOnConflict(value);
    setResolve({});
  };
  const problem = preview && !preview.stigeData ? choiceProblem(choice, project.levels) : null;

  return (
    <Dialog title="Import a REFI-QDA project or codebook" onClose={busy === 'importing' ? undefined : close} wide className="refi-dialog">
      <div ref={top} />
      {result ? (
        <RefiImportResult report={result} levelNames={project.levels} merging={merging} />
      ) : (
        <>
          {!preview && (
            <p className="muted">
              REFI-QDA is the exchange format of NVivo, ATLAS.ti, MAXQDA and QualCoder. In the other tool, export the project (<strong>.qdpx</strong>) or its codebook (
              <strong>.qdc</strong>), then choose the file here. You see what it holds and decide how its codes fit your Gioia levels before anything is imported.
            </p>
          )}
          <div className="file-choice">
            {preview && (
              <p className="refi-file">
                <strong className="file-name">{preview.file}</strong>
                <span className="muted">
                  {describeFormat(preview.format)}
                  {preview.origin ? ` · made by ${preview.origin}` : ''}
                </span>
              </p>
            )}
            <RefiFilePicker label={preview ? 'Choose another file…' : 'Choose a .qdpx or .qdc file…'} onPick={(f) => void pick(f)} disabled={busy === 'importing'} />
            {busy === 'reading' && (
              <span className="muted small" role="status">
                Reading the file…
              </span>
            )}
          </div>
          {error && (
            <div className="refi-error" role="alert">
              <strong>This file cannot be imported.</strong> {error}
              <div className="small">Nothing was changed in the project.</div>
            </div>
          )}
          {preview && (
            <>
              <RefiContents report={preview} merging={merging} />
              {preview.imported.codes === 0 && preview.matched.codes > 0 ? (
                <p className="muted small">Every code in the file is already in the project: the codes keep the levels they have here.</p>
              ) : (
                preview.levels.depth > 0 &&
                (preview.stigeData ? (
                  <p className="muted small">This file was written by Stige: every code goes back to the level it had.</p>
                ) : (
                  <LevelMappingChooser levels={preview.levels} levelNames={project.levels} choice={choice} onChange={(next) => void changeLevels(next)} checking={busy === 'checking'} />
                ))
              )}
              {merging && (
                <section className="refi-section" aria-label="Merging with this project">
                  <h3>Merging with this project</h3>
                  <p className="small">
                    Stige matches objects by their ID (GUID), so what the project already has is not added twice; codings keep pointing at the same codes.{' '}
                    {preview.conflicts.length === 0
                      ? 'No conflicts: nothing the project and the file share differs.'
                      : `${plural(preview.conflicts.length, 'object')} ${preview.conflicts.length === 1 ? 'is' : 'are'} in both but differ${preview.conflicts.length === 1 ? 's' : ''}. The project’s version is kept unless you choose the file’s.`}
                  </p>
                  {preview.conflicts.length > 0 && (
                    <>
                      <div className="refi-conflict-all small">
                        <span>For every conflict:</span>
                        <button type="button" className={onConflict === 'keep' && Object.keys(resolve).length === 0 ? 'selected' : ''} onClick={() => chooseAll('keep')}>
                          Keep the project’s versions
                        </button>
                        <button type="button" className={onConflict === 'replace' && Object.keys(resolve).length === 0 ? 'selected' : ''} onClick={() => chooseAll('replace')}>
                          Take the file’s versions
                        </button>
                      </div>
                      <RefiConflicts conflicts={preview.conflicts} choiceFor={choiceFor} onChoose={(c, value) => setResolve((r) => ({ ...r, [c.guid]: value }))} />
                    </>
                  )}
                </section>
              )}
              <section className="refi-section" aria-label="Not brought over">
                <h3>What Stige cannot bring over</h3>
                <RefiLosses report={preview} done={false} />
              </section>
              {preview.warnings.length > 0 && (
                <ul className="warnings small">
                  {preview.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
      <div className="dialog-actions">
        {result ? (
          <button type="button" className="primary" onClick={close}>
            Done
          </button>
        ) : (
          <>
            {busy === 'importing' && (
              <span className="muted small refi-busy" role="status">
                Importing…
              </span>
            )}
            <button type="button" onClick={close} disabled={busy === 'importing'}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={!preview || !!problem || busy !== null} onClick={() => void runImport()}>
              Import into “{project.name}”
            </button>
          </>
        )}
      </div>
    </Dialog>
  );
}
