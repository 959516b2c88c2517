import { useEffect, useMemo, useState } from 'react';
import { PT_PER_CM } from '../../../shared/layout/options';
import type { StructureFigure } from '../../../shared/layout/pages';
import { useApp } from '../../store/StoreContext';
import { selectGioiaTree } from '../../store/selectors';
import { singular } from '../codebook/codebookModel';
import { currentDrag, dragPlacement, endCodeDrag } from '../codebook/dragAndDrop';
import { loadFigureFont } from './figureFont';
import { FigureOptionsPanel } from './FigureOptionsPanel';
import { StructureCanvas, type CanvasDrop } from './StructureCanvas';

/** "A4 portrait · 16.0 × 7.5 cm" or "3 parts, one per dimension · A4 portrait". */
export function describePages(figure: StructureFigure, dimensionName: string): string {
  const cm = (pt: number) => (pt / PT_PER_CM).toFixed(1);
  const orientations = [...new Set(figure.pages.map((p) => p.orientation))].join(' and ');
  if (figure.pages.length === 1) {
    const { layout } = figure.pages[0]!;
    return `A4 ${orientations} · ${cm(layout.width)} × ${cm(layout.height)} cm`;
  }
  return `${figure.pages.length} parts, one per ${singular(dimensionName).toLocaleLowerCase()} · A4 ${orientations}`;
}

/**
 * The live data-structure figure: drawn from the same layout every export uses, redrawn after
 * every change to codes, codings, documents or speakers; click a box to read its coded segments;
 * drag codes from the codebook onto a box to regroup them; options beside it, Export above it.
 */
export function StructureView() {
  const project = useApp((s) => s.project);
  const figure = useApp((s) => s.figure);
  const options = useApp((s) => s.figureOptions);
  const refreshFigure = useApp((s) => s.refreshFigure);
  const setFigureOptions = useApp((s) => s.setFigureOptions);
  const codes = useApp((s) => s.codes);
  const documents = useApp((s) => s.documents);
  const informants = useApp((s) => s.informants);
  const history = useApp((s) => s.history);
  const selectedIds = useApp((s) => s.selectedCodeIds);
  const active = useApp((s) => (s.sideTab === 'segments' ? s.segmentsCodeId : null));
  const showSegments = useApp((s) => s.showSegments);
  const openDialog = useApp((s) => s.openDialog);
  const moveCodes = useApp((s) => s.moveCodes);
  const tree = useApp(selectGioiaTree);
  const blindCoderId = useApp((s) => s.blindCoderId);
  const [optionsOpen, setOptionsOpen] = useState(true);
  const [dropTarget, setDropTarget] = useState<string | null>(null);

  useEffect(() => {
    void loadFigureFont();
  }, []);
  // Every write refreshes the undo history, so a new history object means "something changed".
  useEffect(() => {
    void refreshFigure();
  }, [codes, documents, informants, history, project, blindCoderId, refreshFigure]);

  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);
  if (!project) return null;
  const [conceptName, themeName, dimensionName] = project.levels;
  const pages = figure?.pages ?? [];
  const hasCodes = pages.some((p) => p.layout.boxes.some((b) => b.codeId));
  const loose = tree.ungroupedConcepts.length;

  const drop: CanvasDrop = {
    onDragOver(event, codeId) {
      const drag = currentDrag();
      const target = codeId ? codes[codeId] : undefined;
      if (!drag || !target || !dragPlacement(drag, target)) {
        setDropTarget(null);
        return;
      }
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setDropTarget(codeId);
    },
    onDragLeave() {
      setDropTarget(null);
    },
    onDrop(event, codeId) {
      setDropTarget(null);
      const drag = currentDrag();
      const target = codeId ? codes[codeId] : undefined;
      const placement = drag && target ? dragPlacement(drag, target) : null;
      if (!drag || !placement) return;
      event.preventDefault();
      endCodeDrag();
      void moveCodes(drag.ids, placement.parentId, placement.beforeId);
    },
  };

  return (
    <section className="structure-view main-area" aria-label="Data structure">
      <header className="structure-header">
        <div className="structure-title">
          <h2>Data structure</h2>
          {figure && <span className="muted small page-info">{describePages(figure, dimensionName)}</span>}
        </div>
        <div className="spacer" />
        <button type="button" aria-pressed={optionsOpen} aria-controls="figure-options" onClick={() => setOptionsOpen(!optionsOpen)} className={optionsOpen ? 'active' : ''}>
          Options
        </button>
        <button type="button" className="primary" onClick={() => openDialog('exportStructure')}>
          Export…
        </button>
      </header>
      {(figure?.warnings.length ?? 0) > 0 && (
        <ul className="figure-warnings" aria-label="Figure warnings">
          {figure!.warnings.map((w) => (
            <li key={w}>⚠ {w}</li>
          ))}
        </ul>
      )}
      {loose > 0 && options && !options.ungrouped && hasCodes && (
        <p className="figure-note small">
          {loose} {loose === 1 ? singular(conceptName).toLocaleLowerCase() : conceptName.toLocaleLowerCase()} not yet grouped under a {singular(themeName).toLocaleLowerCase()}{' '}
          {loose === 1 ? 'is' : 'are'} left out.{' '}
          <button type="button" className="link" onClick={() => void setFigureOptions({ ungrouped: true })}>
            List {loose === 1 ? 'it' : 'them'} below the figure
          </button>
        </p>
      )}
      <div className="structure-body">
        <StructureCanvas
          pages={pages}
          label="Data-structure figure"
          interaction={{ selected, active, dropTarget, onOpen: (id) => void showSegments(id) }}
          drop={drop}
          overlay={
            figure && !hasCodes ? (
              <div className="figure-overlay">
                <h3>The figure draws itself from the codebook</h3>
                <p>
                  Create {dimensionName.toLocaleLowerCase()} and {themeName.toLocaleLowerCase()} in the codebook on the right, then drag{' '}
                  {conceptName.toLocaleLowerCase()} onto {themeName.toLocaleLowerCase()} and {themeName.toLocaleLowerCase()} onto {dimensionName.toLocaleLowerCase()}. Every change shows here at once.
                </p>
                {loose > 0 && options && !options.ungrouped && (
                  <button type="button" onClick={() => void setFigureOptions({ ungrouped: true })}>
                    Show the {loose} {loose === 1 ? singular(conceptName).toLocaleLowerCase() : conceptName.toLocaleLowerCase()} not yet grouped
                  </button>
                )}
              </div>
            ) : !figure ? (
              <div className="figure-overlay quiet">Drawing the figure…</div>
            ) : null
          }
        />
        {optionsOpen && options && (
          <aside className="figure-options" id="figure-options" aria-label="Figure options">
            <FigureOptionsPanel options={options} levels={project.levels} projectName={project.name} onChange={(patch) => void setFigureOptions(patch)} idPrefix="view" />
            <p className="muted small options-foot">Options are saved in the project and used by every export. Click a box to read its coded segments.</p>
          </aside>
        )}
      </div>
    </section>
  );
}
