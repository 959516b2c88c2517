import { MenuButton } from '../../components/MenuButton';
import { useApp } from '../../store/StoreContext';
import type { MainView } from '../../store/slices/uiSlice';
import { useImportPicker } from '../documents/useImportPicker';

const VIEWS: readonly { id: MainView; label: string }[] = [
  { id: 'coding', label: 'Code' },
  { id: 'structure', label: 'Data structure' },
  { id: 'compare', label: 'Compare' },
  { id: 'team', label: 'Team' },
];

/** Project name, the views, import and export menus, undo/redo with what they will do, settings, close. */
export function TopBar() {
  const project = useApp((s) => s.project);
  const history = useApp((s) => s.history);
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  const openDialog = useApp((s) => s.openDialog);
  const closeProject = useApp((s) => s.closeProject);
  const mainView = useApp((s) => s.mainView);
  const setMainView = useApp((s) => s.setMainView);
  const pickTranscripts = useImportPicker();
  return (
    <header className="topbar">
      <span className="app-name">Stige</span>
      <span className="project-name" title={project?.path}>
        {project?.name}
      </span>
      <nav className="view-switch" aria-label="Views">
        {VIEWS.map((v) => (
          <button key={v.id} type="button" aria-pressed={mainView === v.id} className={mainView === v.id ? 'active' : ''} onClick={() => setMainView(v.id)}>
            {v.label}
          </button>
        ))}
      </nav>
      <div className="spacer" />
      <MenuButton
        label="Import"
        entries={[
          { label: 'Transcripts and documents…', onSelect: pickTranscripts },
          { label: 'Codebook…', onSelect: () => openDialog('importCodebook') },
          { label: 'REFI-QDA project or codebook (NVivo, ATLAS.ti, MAXQDA)…', onSelect: () => openDialog('importRefi') },
        ]}
      />
      <MenuButton
        label="Export"
        entries={[
          { label: 'Representative quotes tables…', onSelect: () => openDialog('exportQuotes') },
          { label: 'Data-structure figure…', onSelect: () => openDialog('exportStructure') },
          { label: 'Overview tables…', onSelect: () => openDialog('exportOverview') },
          { label: 'Codebook…', onSelect: () => openDialog('exportCodebook') },
          { label: 'REFI-QDA project or codebook…', onSelect: () => openDialog('exportRefi') },
          { label: 'Check a thesis draft…', onSelect: () => openDialog('checkDraft') },
        ]}
      />
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
