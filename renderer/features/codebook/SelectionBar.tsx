import { useApp } from '../../store/StoreContext';
import { commonLevel, demotion, promotion, selectionActions, singular } from './codebookModel';

/** What can be done with the selected codes: merge, split, promote, demote, move, delete. */
export function SelectionBar() {
  const project = useApp((s) => s.project);
  const codes = useApp((s) => s.codes);
  const ids = useApp((s) => s.selectedCodeIds);
  const selectCodes = useApp((s) => s.selectCodes);
  const openDialog = useApp((s) => s.openDialog);
  const setCodeLevel = useApp((s) => s.setCodeLevel);
  if (!project || ids.length === 0) return null;
  const can = selectionActions(codes, ids, project.levels);
  const up = promotion(codes, ids);
  const down = demotion(codes, ids);
  const levelName = (level: number) => singular(project.levels[level - 1]!).toLocaleLowerCase();
  // Codes from other tools may sit outside the three levels until placed.
  const unplaced = commonLevel(codes, ids) === null;
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected codes">
      <span className="selection-count" role="status">
        {ids.length === 1 ? `“${codes[ids[0]!]?.label ?? ''}”` : `${ids.length} codes`} selected
      </span>
      <div className="selection-actions">
        <button type="button" disabled={!!can.merge} title={can.merge ?? 'Merge the selected codes into one; their codings move to it'} onClick={() => openDialog('mergeCodes')}>
          Merge…
        </button>
        <button type="button" disabled={!!can.split} title={can.split ?? 'Move some of its codings to another or a new code'} onClick={() => openDialog('splitCode')}>
          Split…
        </button>
        {unplaced &&
          ([1, 2, 3] as const).map((level) => (
            <button key={level} type="button" title={`Place in the level “${project.levels[level - 1]}”, not yet grouped`} onClick={() => void setCodeLevel(ids, level, null)}>
              Make {levelName(level)}
            </button>
          ))}
        <button
          type="button"
          hidden={unplaced}
          disabled={!!can.promote || !up}
          title={can.promote ?? (up ? `Make ${ids.length === 1 ? 'it a' : 'them'} ${levelName(up.level)}${ids.length === 1 ? '' : 's'}` : '')}
          onClick={() => up && void setCodeLevel(ids, up.level, up.parentId)}
        >
          Promote ↑
        </button>
        <button
          type="button"
          hidden={unplaced}
          disabled={!!can.demote || !down}
          title={can.demote ?? (down ? `Make ${ids.length === 1 ? 'it a' : 'them'} ${levelName(down.level)}${ids.length === 1 ? '' : 's'}` : '')}
          onClick={() => down && void setCodeLevel(ids, down.level, down.parentId)}
        >
          Demote ↓
        </button>
        <button type="button" disabled={!!can.move} title={can.move ?? 'Move into a group (M)'} onClick={() => openDialog('moveCodes')}>
          Move to…
        </button>
        <button type="button" className="danger" title="Delete, after showing what goes with them (Del)" onClick={() => openDialog('deleteCodes')}>
          Delete…
        </button>
        <button type="button" className="icon" aria-label="Clear the selection" title="Clear the selection (Esc)" onClick={() => selectCodes([], null)}>
          ✕
        </button>
      </div>
    </div>
  );
}
