import { useEffect, useMemo, useState } from 'react';
import type { ExportResult } from '../../../shared/api/exportTarget';
import type { StructureFormatName } from '../../../shared/api/methods/structure';
import { Dialog } from '../../components/Dialog';
import { ExportDone } from '../../components/ExportDone';
import { RunActions } from '../../components/RunActions';
import { useApp } from '../../store/StoreContext';
import { FIGURE_FORMATS } from '../../store/slices/figureSlice';
import { stackSheets } from './figureGeometry';
import { FigureSheets } from './FigureSheets';
import { loadFigureFont } from './figureFont';
import { FigureOptionsPanel } from './FigureOptionsPanel';
import { describePages } from './StructureView';

const FORMATS = Object.keys(FIGURE_FORMATS) as StructureFormatName[];

/**
 * Export the data-structure figure: choose the format, adjust caption and options (saved in the
 * project, so the preview and the main view show exactly what is exported), and export: a save
 * dialog in the desktop app, downloads in a browser.
 */
export function ExportStructureDialog() {
  const project = useApp((s) => s.project);
  const figure = useApp((s) => s.figure);
  const options = useApp((s) => s.figureOptions);
  const history = useApp((s) => s.history);
  const codes = useApp((s) => s.codes);
  const refreshFigure = useApp((s) => s.refreshFigure);
  const setFigureOptions = useApp((s) => s.setFigureOptions);
  const exportFigure = useApp((s) => s.exportFigure);
  const openDialog = useApp((s) => s.openDialog);
  const [format, setFormat] = useState<StructureFormatName>('svg');
  const [result, setResult] = useState<ExportResult | null>(null);
  useEffect(() => {
    void loadFigureFont();
  }, []);
  useEffect(() => {
    void refreshFigure();
  }, [history, codes, refreshFigure]);
  const placed = useMemo(() => stackSheets((figure?.pages ?? []).map((p) => ({ width: p.layout.width, height: p.layout.height }))), [figure]);
  const close = () => openDialog(null);
  if (!project) return null;
  const split = (figure?.pages.length ?? 0) > 1;
  const perFile = split && (format === 'svg' || format === 'png');
  return (
    <Dialog title="Export the data structure" onClose={close} className="export-structure">
      <div className="export-layout">
        <div className="export-preview" aria-label="Preview">
          {figure && placed.width > 0 ? (
            <svg className="export-preview-svg" viewBox={`-8 -8 ${placed.width + 16} ${placed.height + 16}`} role="img" aria-label="Preview of the exported figure">
              <FigureSheets pages={figure.pages} sheets={placed.sheets} />
            </svg>
          ) : (
            <p className="muted">Drawing the preview…</p>
          )}
          {figure && <p className="muted small">{describePages(figure, project.levels[2])}</p>}
        </div>
        <div className="export-settings">
          <fieldset className="field format-choice">
            <legend>
              <h3>Format</h3>
            </legend>
            {FORMATS.map((f) => (
              <label key={f} className="check">
                <input type="radio" name="figure-format" checked={format === f} onChange={() => (setFormat(f), setResult(null))} /> {FIGURE_FORMATS[f].label}
              </label>
            ))}
          </fieldset>
          {perFile && <p className="small muted">Split figures give one file per part (name-1.{format}, name-2.{format}, …).</p>}
          {options && (
            <FigureOptionsPanel
              options={options}
              levels={project.levels}
              projectName={project.name}
              onChange={(patch) => {
                setResult(null);
                void setFigureOptions(patch);
              }}
              idPrefix="export"
            />
          )}
        </div>
      </div>
      {(figure?.warnings.length ?? 0) > 0 && (
        <ul className="figure-warnings in-dialog">
          {figure!.warnings.map((w) => (
            <li key={w}>⚠ {w}</li>
          ))}
        </ul>
      )}
      {result && <ExportDone files={result.files} warnings={result.warnings} />}
      <RunActions done={!!result} disabled={!figure} label={`Export ${FIGURE_FORMATS[format].short}`} onClose={close} onRun={() => exportFigure(format).then((r) => r && setResult(r))} />
    </Dialog>
  );
}
