import { useApp } from '../../store/StoreContext';

/** Project name, undo/redo with what they will do, settings, close. */
export function TopBar() {
  const project = useApp((s) => s.project);
  const history = useApp((s) => s.history);
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  const openDialog = useApp((s) => s.openDialog);
  const closeProject = useApp((s) => s.closeProject);
  return (
    <header className="topbar">
      <span className="app-name">Stige</span>
      <span className="project-name" title={project?.path}>
        {project?.name}
      </span>
      <div className="spacer" />
      <button type="button" disabled={!history.canUndo} onClick={() => void undo()} title={history.undoLabel ? `Undo ${history.undoLabel} (Ctrl+Z)` : 'Nothing to undo'} aria-label={history.undoLabel ? `Undo ${history.undoLabel}` : 'Undo'}>
        ↶ Undo
      </button>
      <button type="button" disabled={!history.canRedo} onClick={() => void redo()} title={history.redoLabel ? `Redo ${history.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'} aria-label={history.redoLabel ? `Redo ${history.redoLabel}` : 'Redo'}>
        ↷ Redo
      </button>
      <button type="button" onClick={() => openDialog('settings')}>
        Settings
      </button>
      <button type="button" onClick={() => void closeProject()}>
        Close project
      </button>
    </header>
  );
}
