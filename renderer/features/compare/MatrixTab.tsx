import { useState } from 'react';
import type { MatrixResult } from '../../../shared/api/methods/analysis';
import { MATRIX_MEASURES, type MatrixMeasure } from '../../../shared/analysis/matrix';
import { heat, heatColor, measureLabel } from '../../../shared/analysis/matrixTable';
import type { MatrixRow, RowsMode } from '../../../shared/analysis/rows';
import { useApp } from '../../store/StoreContext';
import { MATRIX_FORMATS, type MatrixColumns } from '../../store/slices/compareSlice';
import { ExportDialog } from '../../components/ExportDialog';
import { levelName, levelPlural, plural } from './levelNames';
import { TreeRowHeader } from './TreeRowHeader';
import { useTreeExpansion } from './treeRows';

/** A matrix figure as people read it. */
export function formatFigure(measure: MatrixMeasure, value: number): string {
  switch (measure) {
    case 'presence':
      return value > 0 ? '✓' : '';
    case 'percent':
      return value > 0 ? `${value.toLocaleString('en')} %` : '';
    case 'chars':
      return value > 0 ? value.toLocaleString('en').replace(/,/g, '\u202f') : '';
    default:
      return value > 0 ? String(value) : '';
  }
}

/** The cell's shading: the same scale as the XLSX and DOCX exports. */
export function heatStyle(share: number): React.CSSProperties | undefined {
  if (share <= 0) return undefined;
  return { background: `#${heatColor(share)}`, color: share > 0.55 ? '#fff' : undefined };
}

function columnsKey(columns: MatrixColumns): string {
  return columns.kind === 'attribute' ? `attr:${columns.scope ?? ''}:${columns.name}` : columns.kind;
}

function columnsOf(key: string): MatrixColumns {
  if (key === 'informants' || key === 'cases' || key === 'documents') return { kind: key };
  const [, scope, ...name] = key.split(':');
  return { kind: 'attribute', name: name.join(':'), ...(scope === 'informant' || scope === 'case' ? { scope } : {}) };
}

/** A short unit for the cell's aria label ("3 informants"). */
function figureWords(measure: MatrixMeasure, value: number): string {
  switch (measure) {
    case 'codings':
      return plural(value, 'coding');
    case 'passages':
      return plural(value, 'passage');
    case 'informants':
      return plural(value, 'informant');
    case 'presence':
      return value > 0 ? 'present' : 'absent';
    case 'percent':
      return `${value} % of the informants`;
    case 'chars':
      return plural(value, 'character');
    default: {
      const never: never = measure;
      return String(never);
    }
  }
}

/**
 * The code × informants | cases | attribute values | documents matrix: rows are the Gioia tree
 * (folded to themes at first), the measure is the user's choice, cells are shaded by size; click a
 * figure to read the quotes behind it.
 */
export function MatrixTab() {
  const project = useApp((s) => s.project);
  const options = useApp((s) => s.matrixOptions);
  const matrix = useApp((s) => s.matrix);
  const attributes = useApp((s) => s.attributes);
  const setOptions = useApp((s) => s.setMatrixOptions);
  const [exporting, setExporting] = useState(false);
  const rowsModes: { id: RowsMode; label: string }[] = [
    { id: 'tree', label: `Gioia tree (${levelPlural(project, 'dimension').toLocaleLowerCase()} ▸ ${levelPlural(project, 'theme').toLocaleLowerCase()} ▸ ${levelPlural(project, 'concept').toLocaleLowerCase()})` },
    { id: 'dimensions', label: `${levelPlural(project, 'dimension')} only` },
    { id: 'themes', label: `${levelPlural(project, 'theme')} only` },
    { id: 'concepts', label: `${levelPlural(project, 'concept')} only` },
  ];
  return (
    <section className="compare-tab matrix-tab" aria-label="Matrix">
      <div className="tab-toolbar">
        <div className="toolbar-actions">
          <label>
            Rows
            <select aria-label="Rows" value={options.rows} onChange={(e) => void setOptions({ rows: e.target.value as RowsMode })}>
              {rowsModes.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Columns
            <select aria-label="Columns" value={columnsKey(options.columns)} onChange={(e) => void setOptions({ columns: columnsOf(e.target.value) })}>
              <option value="cases">Cases</option>
              <option value="informants">Informants</option>
              <option value="documents">Documents</option>
              {attributes.map((a) => (
                <option key={a.id} value={`attr:${a.scope}:${a.name}`}>
                  {a.scope === 'informant' ? 'Informant' : 'Case'} attribute: {a.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Show
            <select aria-label="Measure" value={options.measure} onChange={(e) => void setOptions({ measure: e.target.value as MatrixMeasure })}>
              {MATRIX_MEASURES.map((m) => (
                <option key={m} value={m}>
                  {measureLabel(m)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setExporting(true)}>
            Export…
          </button>
        </div>
        <p className="muted small">Darker cells hold more. Click a figure to read the quotes behind it; a row counts everything below it, each coding and informant once.</p>
      </div>
      {matrix ? <MatrixTable matrix={matrix} /> : <p className="hint">Computing the matrix…</p>}
      {matrix?.warnings.map((w) => (
        <p key={w} className="table-warning">
          ⚠ {w}
        </p>
      ))}
      {exporting && <ExportMatrixDialog onClose={() => setExporting(false)} />}
    </section>
  );
}

function MatrixTable({ matrix }: { matrix: MatrixResult }) {
  const project = useApp((s) => s.project);
  const openCell = useApp((s) => s.openMatrixCell);
  const { visible, toggle, openAll, openToThemes } = useTreeExpansion(matrix.rows);
  if (matrix.rows.length === 0) return <p className="hint">No codes in the Gioia tree yet: group concepts into themes and dimensions in the codebook, and they show here.</p>;
  if (matrix.cols.length === 0) return <p className="hint">Nothing to put in the columns yet (no informants, cases or values with coded material).</p>;
  const measure = matrix.measure;
  const open = (row: MatrixRow, colId: string | null | undefined, colLabel: string, value: number) => {
    void openCell(row.id, colId, `${row.label} — ${colLabel}`, `${levelName(project, row.level)} · ${figureWords(measure, value)}`);
  };
  const tree = matrix.rowsMode === 'tree';
  return (
    <>
      {tree && (
        <div className="tree-controls">
          <button type="button" className="link" onClick={openAll}>
            Show all {levelPlural(project, 'concept').toLocaleLowerCase()}
          </button>
          <button type="button" className="link" onClick={openToThemes}>
            Fold to {levelPlural(project, 'theme').toLocaleLowerCase()}
          </button>
        </div>
      )}
      <div className="matrix-scroll">
        <table className="matrix" aria-label={`${measureLabel(measure)} per code and column`}>
          <thead>
            <tr>
              <th className="corner" scope="col">
                {tree ? 'Code' : levelName(project, matrix.rows[0]!.level)}
              </th>
              {matrix.cols.map((col) => (
                <th key={col.id ?? '(none)'} scope="col" title={`${col.label}: ${plural(col.informants, 'informant')}`}>
                  {col.depth > 0 && <span className="muted">{'↳'.padStart(col.depth, ' ')} </span>}
                  {col.label}
                  <span className="col-note">{plural(col.informants, 'informant')}</span>
                </th>
              ))}
              <th scope="col" className="total">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map(({ row, index, hasChildren, open: isOpen }) => (
              <tr key={row.id} className={`level-${row.level}`}>
                <TreeRowHeader row={row} hasChildren={hasChildren} open={isOpen} onToggle={toggle} />
                {matrix.cols.map((col, c) => {
                  const value = matrix.cells[index]![c]!;
                  return (
                    <td key={col.id ?? '(none)'} style={heatStyle(heat(matrix, value))}>
                      {value > 0 && (
                        <button type="button" className="cell" aria-label={`${row.label} × ${col.label}: ${figureWords(measure, value)}`} onClick={() => open(row, col.id, col.label, value)}>
                          {formatFigure(measure, value)}
                        </button>
                      )}
                    </td>
                  );
                })}
                <td className="total">
                  {matrix.rowTotals[index]! > 0 && (
                    <button type="button" className="cell" aria-label={`${row.label}, all columns: ${figureWords(measure, matrix.rowTotals[index]!)}`} onClick={() => open(row, undefined, 'all columns', matrix.rowTotals[index]!)}>
                      {formatFigure(measure, matrix.rowTotals[index]!)}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="row-head">
                Total
              </th>
              {matrix.colTotals.map((v, c) => (
                <td key={matrix.cols[c]!.id ?? '(none)'}>{formatFigure(measure, v)}</td>
              ))}
              <td className="total">{formatFigure(measure, matrix.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

function ExportMatrixDialog({ onClose }: { onClose(): void }) {
  const exportMatrix = useApp((s) => s.exportMatrix);
  const options = useApp((s) => s.matrixOptions);
  return (
    <ExportDialog
      title="Export the matrix"
      description={`${measureLabel(options.measure)}, every row of the tree (the export is not folded), with totals and the same shading.`}
      formats={MATRIX_FORMATS}
      initial="xlsx"
      onExport={exportMatrix}
      onClose={onClose}
    />
  );
}
