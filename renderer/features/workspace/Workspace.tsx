
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
  // The figure needs the width more than the document list does; the comparison tables need it
  // all (their quotes open in their own drawer).
  const wide = useApp((s) => s.mainView === 'structure' || s.mainView === 'compare');
  const alone = useApp((s) => s.mainView === 'compare');
  return (
    <div className="workspace">
      <TopBar />
      <div className={`columns${wide ? ' no-documents' : ''}${alone ? ' main-only' : ''}`}>
        {!wide && <DocumentsPanel />}
        <MainArea />
        {!alone && <SidePanel />}
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
