import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';
import { LevelNamesField } from './LevelNamesField';

/** Your name as coder, and the project's name and level names. */
export function SettingsDialog() {
  const status = useApp((s) => s.status);
  const project = useApp((s) => s.project);
  const openDialog = useApp((s) => s.openDialog);
  const setCoderName = useApp((s) => s.setCoderName);
  const updateProject = useApp((s) => s.updateProject);
  const clearHistory = useApp((s) => s.clearHistory);
  const history = useApp((s) => s.history);
  const [clearing, setClearing] = useState(false);
  const [originals, setOriginals] = useState(true);
  const [coder, setCoder] = useState(status?.coderName ?? '');
  const [name, setName] = useState(project?.name ?? '');
  const [levels, setLevels] = useState<readonly [string, string, string]>(project?.levels ?? ['', '', '']);
  const close = () => openDialog(null);
  const save = async () => {
    if (coder.trim() && coder.trim() !== status?.coderName) await setCoderName(coder.trim());
    if (project) {
      const changedLevels = levels.some((l, i) => l.trim() !== project.levels[i]) && levels.every((l) => l.trim());
      const changedName = name.trim() && name.trim() !== project.name;
      if (changedLevels || changedName) {
        await updateProject({ ...(changedName ? { name: name.trim() } : {}), ...(changedLevels ? { levels: levels.map((l) => l.trim()) as unknown as [string, string, string] } : {}) });
      }
    }
    close();
  };
  return (
    <Dialog title="Settings" onClose={close}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>Your name as coder</span>
          <input value={coder} onChange={(e) => setCoder(e.target.value)} autoFocus />
          <span className="muted small">New codings are recorded under this name.</span>
        </label>
        {project && (
          <>
            <label className="field">
              <span>Project name</span>
              <input value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <LevelNamesField value={levels} onChange={setLevels} />
            <fieldset className="field">
              <legend>Undo history</legend>
              <p className="muted small">
                The project keeps the last 500 steps so you can undo them, even after a restart. It also keeps the old text of edits — clear it after
                pseudonymising, before you share the file.
              </p>
              {clearing ? (
                <div className="dialog-actions">
                  <label className="check small">
                    <input type="checkbox" checked={originals} onChange={(e) => setOriginals(e.target.checked)} /> Also forget the original imported files
                  </label>
                  <span className="small">This cannot be undone.</span>
                  <button type="button" onClick={() => setClearing(false)}>
                    Keep
                  </button>
                  <button
                    type="button"
                    className="danger primary"
                    onClick={() => {
                      void clearHistory(originals);
                      setClearing(false);
                    }}
                  >
                    Clear history
                  </button>
                </div>
              ) : (
                <button type="button" disabled={!history.canUndo && !history.canRedo} onClick={() => setClearing(true)}>
                  Clear the undo history…
                </button>
              )}
            </fieldset>
          </>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
