import { useMemo } from 'react';
import type { CooccurrenceMode } from '../../../shared/analysis/cooccurrence';
import type { LevelKey } from '../../../shared/model/levels';
import { useApp } from '../../store/StoreContext';
import { levelPlural, plural } from './levelNames';
import { heatStyle } from './MatrixTab';

/** More codes than this would be thousands of cells: only the codes with the most overlaps are drawn. */
const MAX_CODES = 40;

/**
 * Which codes occur together, on the same passage or in the same speaker turn, as a code × code
 * matrix; click a cell to read the pairs of passages.
 */
export function CooccurrenceTab() {
  const project = useApp((s) => s.project);
  const data = useApp((s) => s.cooccurrence);
  const options = useApp((s) => s.cooccurrenceOptions);
  const setOptions = useApp((s) => s.setCooccurrenceOptions);
  const openCell = useApp((s) => s.openCooccurrenceCell);
  // Codes with at least one co-occurrence, the busiest first when there are too many.
  const shown = useMemo(() => {
    if (!data) return [];
    const totals = data.codes.map((_, x) => data.cells[x]!.reduce((sum, v, y) => sum + (x === y ? 0 : v), 0));
    const used = data.codes.map((_, x) => x).filter((x) => totals[x]! > 0);
    if (used.length <= MAX_CODES) return used;
    return [...used].sort((p, q) => totals[q]! - totals[p]!).slice(0, MAX_CODES).sort((p, q) => p - q);
  }, [data]);
  const levels: LevelKey[] = ['concept', 'theme', 'dimension'];
  return (
    <section className="compare-tab" aria-label="Co-occurrence">
      <div className="tab-toolbar">
        <div className="toolbar-actions">
          <label>
            Codes
            <select aria-label="Level" value={options.level} onChange={(e) => void setOptions({ level: e.target.value as LevelKey })}>
              {levels.map((l) => (
                <option key={l} value={l}>
                  {levelPlural(project, l)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Together when
            <select aria-label="Together when" value={options.mode} onChange={(e) => void setOptions({ mode: e.target.value as CooccurrenceMode })}>
              <option value="passage">their passages overlap</option>
              <option value="turn">they are in the same speaker turn</option>
            </select>
          </label>
        </div>
        <p className="muted small">Each cell counts pairs of codings that occur together. Only codes that occur with another are listed. Click a figure to read the passages.</p>
      </div>
      {!data ? (
        <p className="hint">Looking for codes that occur together…</p>
      ) : shown.length === 0 ? (
        <p className="hint">No two codes occur together yet.</p>
      ) : (
        <>
          {shown.length === MAX_CODES && <p className="table-warning">Showing the {MAX_CODES} codes with the most co-occurrences.</p>}
          <div className="matrix-scroll">
            <table className="matrix cooccurrence" aria-label="Co-occurrence matrix">
              <thead>
                <tr>
                  <th className="corner" scope="col" />
                  {shown.map((y) => (
                    <th key={data.codes[y]!.id} scope="col">
                      {data.codes[y]!.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((x) => {
                  const row = data.codes[x]!;
                  return (
                    <tr key={row.id}>
                      <th scope="row" className="row-head">
                        <span className="row-label">
                          <span className="swatch" style={{ background: row.color }} />
                          <span>{row.label}</span>
                        </span>
                      </th>
                      {shown.map((y) => {
                        const col = data.codes[y]!;
                        const value = data.cells[x]![y]!;
                        if (x === y)
                          return (
                            <td key={col.id} className="diagonal" title={`${plural(value, 'coding')} of ${row.label}`}>
                              {value || ''}
                            </td>
                          );
                        return (
                          <td key={col.id} style={heatStyle(data.max > 0 ? value / data.max : 0)}>
                            {value > 0 && (
                              <button type="button" className="cell" aria-label={`${row.label} with ${col.label}: ${plural(value, 'pair')}`} onClick={() => void openCell(row.id, col.id, `${row.label} + ${col.label}`)}>
                                {value}
                              </button>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
