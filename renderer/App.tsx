import { useEffect } from 'react';
import { Notices } from './components/Notices';
import { CoderNameDialog } from './features/settings/CoderNameDialog';
import { Dialogs } from './components/Dialogs';
import { StartScreen } from './features/start/StartScreen';
import { Workspace } from './features/workspace/Workspace';
import { useApp, useAppStore } from './store/StoreContext';
import { useShortcuts } from './useShortcuts';

/** The app: the start screen until a project is open, then the workspace. */
export function App() {
  const store = useAppStore();
  const status = useApp((s) => s.status);
  const project = useApp((s) => s.project);
  useEffect(() => {
    void store.getState().start();
  }, [store]);
  useShortcuts();
  useEffect(() => {
    document.title = project ? `${project.name} — Stige` : 'Stige';
  }, [project]);
  if (!status) return <div className="loading">Starting Stige…</div>;
  return (
    <>
      {project ? <Workspace /> : <StartScreen />}
      {!status.coderName && <CoderNameDialog />}
      <Dialogs />
      <Notices />
    </>
  );
}
