import { useEffect, useState } from 'react';
import type { Level } from '../../../shared/model/levels';
import { whenIdle } from '../../afterPaint';
import { useApp } from '../../store/StoreContext';
import { selectGioiaTree, type CodeTreeNode } from '../../store/selectors';
import { CodeRow } from './CodeRow';
import { singular } from './codebookModel';
import { NewCodeInput } from './NewCodeInput';
import { SelectionBar } from './SelectionBar';
import { DRAG_TYPE, useCodeDrop } from './dragAndDrop';

/**
 * The codebook in Gioia's three levels, under the project's own level names: each aggregate
 * dimension with its themes and their concepts, and a pool of what is not yet grouped. Codes are
 * grouped by dragging a concept onto a theme and a theme onto a dimension; dragging onto the pool
 * ungroups. Several codes can be selected (Ctrl/Shift+click, checkboxes) and merged, split,
 * promoted, demoted, moved or deleted together from the selection bar.
 */
/** One row and, through it, its children; module-level so memoised rows get the same function every time. */
const renderRow = (node: CodeTreeNode, depth: number) => <CodeRow key={node.code.id} node={node} depth={depth} render={renderRow} />;

export function CodebookPanel() {
  const project = useApp((s) => s.project);
  const tree = useApp(selectGioiaTree);
  const selecting = useApp((s) => s.selectedCodeIds.length > 0);
  const refreshCodeStats = useApp((s) => s.refreshCodeStats);
  const selectCodes = useApp((s) => s.selectCodes);
  const clearSelection = () => selectCodes([], null);
  const codes = useApp((s) => s.codes);
  const documents = useApp((s) => s.documents);
  const history = useApp((s) => s.history);
  const [adding, setAdding] = useState<Level | null>(null);
  const pool = useCodeDrop(null);
  // Informant counts change with codings, speakers and documents: every change refreshes history.
  // Asked for when the browser is idle: a change usually moves all three at once (one request, not
  // three), and opening a transcript or saving the next coding need not queue behind the counts.
  useEffect(() => whenIdle(() => void refreshCodeStats(), 300), [codes, documents, history, refreshCodeStats]);
  if (!project) return null;
  const [conceptName, themeName, dimensionName] = project.levels;
  const empty = tree.dimensions.length + tree.ungroupedThemes.length + tree.ungroupedConcepts.length + tree.unplaced.length === 0;
  return (
    <section
      className={`codebook${selecting ? ' selecting' : ''}`}
      aria-label="Codebook"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && selecting && !(e.target as HTMLElement).closest('input, textarea, select')) clearSelection();
      }}
    >
      <header className="panel-header">
        <div className="level-legend" aria-label="Levels">
          <span className="level-tag level-3">{dimensionName}</span>
          <span className="level-tag level-2">{themeName}</span>
          <span className="level-tag level-1">{conceptName}</span>
        </div>
        <div className="add-buttons">
          <button type="button" onClick={() => setAdding(3)} title={`New ${dimensionName.toLocaleLowerCase()}`}>
            + {singular(dimensionName)}
          </button>
          <button type="button" onClick={() => setAdding(2)} title={`New ${themeName.toLocaleLowerCase()}`}>
            + {singular(themeName)}
          </button>
          <button type="button" onClick={() => setAdding(1)} title={`New ${conceptName.toLocaleLowerCase()}`}>
            + {singular(conceptName)}
          </button>
        </div>
        {adding && <NewCodeInput level={adding} levelName={singular(project.levels[adding - 1]!)} onDone={() => setAdding(null)} />}
      </header>
      <div className="codebook-scroll">
        <div className="code-tree" role="tree" aria-label="Gioia data structure" aria-multiselectable="true">
          {empty && (
            <p className="hint">
              No codes yet. Select words in the transcript and press <kbd>C</kbd> to create a first {singular(conceptName).toLocaleLowerCase()}, then group
              concepts into {themeName.toLocaleLowerCase()} and those into {dimensionName.toLocaleLowerCase()} by dragging them here.
            </p>
          )}
          {tree.dimensions.map((node) => renderRow(node, 0))}
        </div>
        <section
          className={`pool${pool.over ? ' drop-ok' : ''}`}
          aria-label="Not yet grouped"
          onDragOver={pool.onDragOver}
          onDragLeave={pool.onDragLeave}
          onDrop={pool.onDrop}
          data-drop={DRAG_TYPE}
        >
          <h3>Not yet grouped</h3>
          {tree.ungroupedThemes.length + tree.ungroupedConcepts.length === 0 && <p className="muted small">Drag a code here to take it out of its group.</p>}
          {tree.ungroupedThemes.map((node) => renderRow(node, 0))}
          {tree.ungroupedConcepts.map((node) => renderRow(node, 0))}
        </section>
        {tree.unplaced.length > 0 && (
          <section className="pool unplaced" aria-label="Not yet placed">
            <h3>Not yet placed</h3>
            <p className="muted small">
              Codes from another tool, in their own tree. Drag one onto one of your {dimensionName.toLocaleLowerCase()} or {themeName.toLocaleLowerCase()}, or
              select some and choose Make …, to place them.
            </p>
            {tree.unplaced.map((node) => renderRow(node, 0))}
          </section>
        )}
      </div>
      {/* Below the list, so selecting never shifts the rows under the pointer. */}
      {selecting && <SelectionBar />}
    </section>
  );
}
