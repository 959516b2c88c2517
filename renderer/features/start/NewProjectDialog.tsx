import { useState } from 'react';
import { LEVEL_NAME_PRESETS } from '../../../shared/model/levels';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';
import { electronBridge } from '../../api/ipcTransport';
import { LevelNamesField } from '../settings/LevelNamesField';

/** Name a new project and choose its level names; Electron asks where to save it. */
export function NewProjectDialog() {
  const status = useApp((s) => s.status);
  const openDialog = useApp((s) => s.openDialog);
  const createProject = useApp((s) => s.createProject);
  const [name, setName] = useState('');
  const [levels, setLevels] = useState<readonly [string, string, string]>(LEVEL_NAME_PRESETS[0]!.names);
  const close = () => openDialog(null);
  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const bridge = status?.mode === 'electron' ? electronBridge() : null;
    let path: string | undefined = trimmed.replace(/[\\/:*?"<>|]/g, '-');
    if (bridge) path = (await bridge.dialog('newProject'))[0];
    if (!path) return;
    close();
    await createProject(path, levels);
  };
  return (
    <Dialog title="New project" onClose={close}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>Project name</span>
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Masteroppgave innovasjon" />
        </label>
        <LevelNamesField value={levels} onChange={setLevels} />
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!name.trim()}>
            Create
          </button>
        </div>
      </form>
    </Dialog>
  );
}
