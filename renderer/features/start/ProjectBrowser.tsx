import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';

/** Browser mode has no file paths: projects are chosen from the projects folder the server was given. */
export function ProjectBrowser() {
  const listing = useApp((s) => s.listing);
  const openDialog = useApp((s) => s.openDialog);
  const openProject = useApp((s) => s.openProject);
  const close = () => openDialog(null);
  return (
    <Dialog title="Open a project" onClose={close} wide>
      <p className="muted small">In the projects folder {listing?.dataDir}</p>
      {listing && listing.projects.length > 0 ? (
        <ul className="project-list">
          {listing.projects.map((file) => (
            <li key={file.path}>
              <button
                type="button"
                className="link-row"
                onClick={() => {
                  close();
                  void openProject(file.path);
                }}
              >
                <span>{file.name}</span>
                <span className="muted small">
                  {new Date(file.modifiedAt).toLocaleString('en-GB')} · {(file.size / 1024).toFixed(0)} kB
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>There are no projects in this folder yet.</p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
