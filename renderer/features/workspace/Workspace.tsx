
import { useApp } from '../../store/StoreContext';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { ImportStatus } from '../documents/ImportStatus';
import { useFileDrop } from '../documents/useFileDrop';
import { MainArea } from './MainArea';
import { SidePanel } from './SidePanel';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';

/** The coding workspace: documents | transcript | codebook, with the top bar and the status bar. */
export function Workspace() {
  const dragging = useFileDrop(true);
  // The figure and the comparison tables need the width more than the document list does.
  const wide = useApp((s) => s.mainView === 'structure' || s.mainView === 'compare');
  return (
    <div className="workspace">
      <TopBar />
      <div className={`columns${wide ? ' no-documents' : ''}`}>
        {!wide && <DocumentsPanel />}
        <MainArea />
        <SidePanel />
      </div>
      <StatusBar />
      <ImportStatus />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop files to import them</p>
        </div>
      )}
    </div>
  );
}
