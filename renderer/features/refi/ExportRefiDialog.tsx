import { useState } from 'react';
import type { RefiExportResult } from '../../../shared/api/methods/refi';
import { Dialog } from '../../components/Dialog';
import { ExportDone } from '../../components/ExportDone';
import { RunActions } from '../../components/RunActions';
import { useApp } from '../../store/StoreContext';
import type { RefiExportKind } from '../../store/slices/refiSlice';
import { plural } from './refiText';
import './refi.css';

/**
 * What an export wrote, in words: "2 documents, 152 codes and 303 codings". Notes are not counted:
 * besides memos they include the note in which Stige records what REFI-QDA cannot hold.
 */
function describeExport(kind: RefiExportKind, counts: RefiExportResult['counts']): string {
  if (kind === 'qdc') return plural(counts.codes, 'code');
  const parts = [plural(counts.documents, 'document'), plural(counts.codes, 'code'), plural(counts.codings, 'coding')];
  if (counts.cases) parts.push(plural(counts.cases, 'informant or case', 'informants and cases'));
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * Export the project for NVivo, ATLAS.ti, MAXQDA or QualCoder as a REFI-QDA project (.qdpx) or its
 * codebook alone (.qdc). Real names of informants stay in Stige unless the user asks otherwise.
 */
export function ExportRefiDialog() {
  const levels = useApp((s) => s.project?.levels);
  const openDialog = useApp((s) => s.openDialog);
  const exportRefi = useApp((s) => s.exportRefi);
  const mode = useApp((s) => s.status?.mode);
  const codeCount = useApp((s) => Object.keys(s.codes).length);
  const documentCount = useApp((s) => s.documents.length);
  const [kind, setKind] = useState<RefiExportKind>('qdpx');
  const [realNames, setRealNames] = useState(false);
  const [result, setResult] = useState<{ kind: RefiExportKind; value: RefiExportResult } | null>(null);
  const close = () => openDialog(null);
  const choose = (next: RefiExportKind) => {
    setKind(next);
    setResult(null);
  };
  const noCodes = kind === 'qdc' && codeCount === 0;
  return (
    <Dialog title="Export a REFI-QDA project or codebook" onClose={close} className="refi-dialog">
      <p className="muted small">
        REFI-QDA files open in NVivo, ATLAS.ti, MAXQDA and QualCoder, and in Stige again. The Gioia levels become the code tree
        {levels ? ` (${levels[2]} → ${levels[1]} → ${levels[0]})` : ''}, recorded so that Stige reads them back exactly.
      </p>
      <fieldset className="field">
        <legend>What to export</legend>
        <label className="check choice">
          <input type="radio" name="refi-kind" checked={kind === 'qdpx'} onChange={() => choose('qdpx')} />
          <span>
            The whole project (.qdpx)
            <span className="block muted small">
              {plural(documentCount, 'document')} with their codings, the codebook, informants, cases and memos
            </span>
          </span>
        </label>
        <label className="check choice">
          <input type="radio" name="refi-kind" checked={kind === 'qdc'} onChange={() => choose('qdc')} />
          <span>
            The codebook only (.qdc)
            <span className="block muted small">{plural(codeCount, 'code')} with their definitions, no documents or codings</span>
          </span>
        </label>
      </fieldset>
      {kind === 'qdpx' && (
        <div className="refi-real-names">
          <label className="check">
            <input type="checkbox" checked={realNames} onChange={(e) => (setRealNames(e.target.checked), setResult(null))} /> Include informants’ real names
          </label>
          <p className={`small ${realNames ? 'warning' : 'muted'}`}>
            {realNames
              ? 'The file will contain the real names you keep in Stige. Share it only with people allowed to know who your informants are.'
              : 'Off: informants appear under their pseudonyms or labels only. Their real names stay in this project.'}
          </p>
        </div>
      )}
      {noCodes && <p className="warning small">The project has no codes yet, so there is no codebook to export.</p>}
      {result && (
        <ExportDone verb={mode === 'electron' ? 'Saved' : 'Downloaded'} files={[{ name: result.value.fileName, path: result.value.path, bytes: result.value.bytes }]} warnings={result.value.warnings}>
          : {describeExport(result.kind, result.value.counts)}
        </ExportDone>
      )}
      <RunActions
        done={!!result}
        disabled={noCodes}
        label={`Export ${kind === 'qdpx' ? '.qdpx' : '.qdc'}`}
        busyLabel="Exporting…"
        onClose={close}
        onRun={() => exportRefi(kind, kind === 'qdpx' && realNames).then((r) => r && setResult({ kind, value: r }))}
      />
    </Dialog>
  );
}
