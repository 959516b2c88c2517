import { useEffect } from 'react';
import { useApp } from '../../store/StoreContext';
import { electronBridge } from '../../api/ipcTransport';
import { NewProjectDialog } from './NewProjectDialog';
import { ProjectBrowser } from './ProjectBrowser';

function when(ms: number): string {
  return new Date(ms).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** First screen: new project, open project, recent projects, and the sample project. */
export function StartScreen() {
  const status = useApp((s) => s.status);
  const listing = useApp((s) => s.listing);
  const dialog = useApp((s) => s.dialog);
  const openDialog = useApp((s) => s.openDialog);
  const openProject = useApp((s) => s.openProject);
  const openSample = useApp((s) => s.openSample);
  const loadListing = useApp((s) => s.loadListing);
  useEffect(() => {
    void loadListing();
  }, [loadListing]);
  const electron = status?.mode === 'electron' ? electronBridge() : null;
  const open = () => {
    if (electron) void electron.dialog('openProject').then((paths) => (paths[0] ? openProject(paths[0]) : undefined));
    else openDialog('openProject');
  };
  return (
    <main className="start" aria-label="Start">
      <div className="start-card">
        <div className="brand">
          <h1>Stige</h1>
          <p className="tagline">Code interviews the Gioia way: concepts, themes, dimensions — and the figure and quote tables your thesis needs, always in step with your coding.</p>
        </div>
        <div className="start-actions">
          <button type="button" className="big primary" onClick={() => openDialog('newProject')}>
            <strong>New project</strong>
            <span>Start an empty project file</span>
          </button>
          <button type="button" className="big" onClick={open}>
            <strong>Open project…</strong>
            <span>{electron ? 'Choose a .stige file' : 'From your projects folder'}</span>
          </button>
          <button type="button" className="big" onClick={() => void openSample()}>
            <strong>Open the sample project</strong>
            <span>Three coded interviews (English and Norwegian) to explore</span>
          </button>
        </div>
        <section className="recent" aria-label="Recent projects">
          <h2>Recent projects</h2>
          {listing && listing.recent.length > 0 ? (
            <ul>
              {listing.recent.map((file) => (
                <li key={file.path}>
                  <button type="button" className="link-row" onClick={() => void openProject(file.path)}>
                    <span>{file.name}</span>
                    <span className="muted small">{when(file.modifiedAt)}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Projects you open will be listed here.</p>
          )}
        </section>
        {status?.dataDir && status.mode === 'browser' && <p className="muted small">Projects folder: {status.dataDir}</p>}
      </div>
      {dialog === 'newProject' && <NewProjectDialog />}
      {dialog === 'openProject' && <ProjectBrowser />}
    </main>
  );
}
