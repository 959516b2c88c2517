import type { MatrixRow } from '../../../shared/analysis/rows';
import { useApp } from '../../store/StoreContext';
import { levelName } from './levelNames';

/** The first cell of a row of the Gioia tree: indentation, a fold button when it has children, colour, label. */
export function TreeRowHeader({
  row,
  hasChildren,
  open,
  flat,
  onToggle,
}: {
  row: MatrixRow;
  hasChildren: boolean;
  open: boolean;
  /** Drawn as a flat list (filtered): no indentation, the level named instead. */
  flat?: boolean;
  onToggle(id: string): void;
}) {
  const project = useApp((s) => s.project);
  return (
    <th scope="row" className="row-head" title={levelName(project, row.level)}>
      <span className="row-label" style={{ paddingLeft: `${flat ? 0 : row.depth * 16}px` }}>
        {hasChildren && !flat ? (
          <button type="button" className="twisty" aria-expanded={open} aria-label={`${open ? 'Fold' : 'Unfold'} ${row.label}`} onClick={() => onToggle(row.id)}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="twisty" />
        )}
        <span className="swatch" style={{ background: row.color }} />
        <span>{row.label}</span>
        {flat && <span className="muted small"> · {levelName(project, row.level)}</span>}
      </span>
    </th>
  );
}
