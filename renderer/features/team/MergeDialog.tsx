import { useRef, useState } from 'react';
import type { MergeConflict, MergeCounts } from '../../../shared/api/methods/team';
import { Dialog } from '../../components/Dialog';
import { RunActions } from '../../components/RunActions';
import { useApp, useAppStore } from '../../store/StoreContext';

const KIND: Record<MergeConflict['kind'], string> = {
  'code.rename': 'Renamed on both sides',
  'code.move': 'Moved on both sides',
  'code.edit': 'Edited on both sides',
  'code.deleted': 'Deleted on one side, used on the other',
  'coding.edit': 'Coding changed on both sides',
  'coding.deleted': 'Coding deleted on one side, changed on the other',
  'memo.edit': 'Memo edited on both sides',
  'memo.deleted': 'Memo deleted on one side, edited on the other',
  'project.levels': 'Level names changed on both sides',
};

function summary(c: MergeCounts): string[] {
  return [
    `${c.codings.added} coding${c.codings.added === 1 ? '' : 's'} added${c.codings.duplicates ? ` (${c.codings.duplicates} already here)` : ''}`,
    c.coders.added ? `${c.coders.added} new coder${c.coders.added === 1 ? '' : 's'}` : '',
    c.codes.added ? `${c.codes.added} new code${c.codes.added === 1 ? '' : 's'}` : '',
    c.documents.added ? `${c.documents.added} new document${c.documents.added === 1 ? '' : 's'}` : '',
    c.memos.added ? `${c.memos.added} new memo${c.memos.added === 1 ? '' : 's'}` : '',
    c.codings.dropped ? `${c.codings.dropped} coding${c.codings.dropped === 1 ? '' : 's'} dropped (code deleted here or text gone)` : '',
  ].filter(Boolean);
}

/** Pick a coder's copy, see what merging it does, choose a side for each conflict, and merge. */
export function MergeDialog({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const pending = useApp((s) => s.pendingMerge);
  const previewMergeFile = useApp((s) => s.previewMergeFile);
  const applyMerge = useApp((s) => s.applyMerge);
  const cancelMerge = useApp((s) => s.cancelMerge);
  const input = useRef<HTMLInputElement | null>(null);
  const [theirs, setTheirs] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const close = () => (cancelMerge(), onClose());
  const preview = pending?.preview;
  return (
    <Dialog title="Merge a coder’s file" onClose={close} wide>
      <input
        ref={input}
        type="file"
        accept=".stige,.qdpx"
        hidden
        aria-label="Coder’s file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setBusy(true);
          void previewMergeFile(file).then(() => {
            setBusy(false);
            // Start from the merge's defaults (an earlier merge of this copy remembers its choices).
            const conflicts = store.getState().pendingMerge?.preview.conflicts ?? [];
            setTheirs(new Set(conflicts.filter((c) => c.resolution === 'theirs').map((c) => c.id)));
          });
        }}
      />
      <p className="muted small">
        Choose the copy a coder sent back: a .stige file handed out from this project, or a .qdpx (REFI-QDA) export of their project, from Stige or another program. Nothing
        changes until you press Merge; Undo takes a merge back in one step.
      </p>
      <button type="button" onClick={() => input.current?.click()} disabled={busy}>
        {pending ? `Choose another file (now: ${pending.name})` : 'Choose the coder’s file…'}
      </button>
      {preview && (
        <div aria-label="Merge summary">
          <h3 style={{ marginTop: 14 }}>What the merge does</h3>
          <p>
            From <strong>{pending.name}</strong>
            {preview.theirs.origin?.coderName ? ` (${preview.theirs.origin.coderName}’s copy)` : ''}:
          </p>
          <ul>
            {summary(preview.counts).map((line) => (
              <li key={line}>{line}</li>
            ))}
            {preview.changes.length > 0 && <li>{preview.changes.length} codebook change{preview.changes.length === 1 ? '' : 's'} made only in the copy, taken over</li>}
          </ul>
          {preview.warnings.map((w) => (
            <p key={w} className="warning small">
              {w}
            </p>
          ))}
          <h3>Conflicts ({preview.conflicts.length})</h3>
          {preview.conflicts.length === 0 ? (
            <p className="muted small">None: nothing was changed differently on both sides.</p>
          ) : (
            <p className="muted small">Both sides changed these differently. Choose which version to keep for each.</p>
          )}
          {preview.conflicts.map((c) => (
            <fieldset key={c.id} className="conflict" aria-label={`Conflict: ${c.subject}`}>
              <legend>
                <strong>{c.subject}</strong> · <span className="muted">{KIND[c.kind]}</span>
              </legend>
              <div className="sides">
                <label className="check">
                  <input type="radio" name={c.id} checked={!theirs.has(c.id)} onChange={() => setTheirs(without(theirs, c.id))} /> Keep this project’s: {c.ours.summary}
                </label>
                <label className="check">
                  <input type="radio" name={c.id} checked={theirs.has(c.id)} onChange={() => setTheirs(new Set([...theirs, c.id]))} /> Take the copy’s: {c.theirs.summary}
                </label>
              </div>
            </fieldset>
          ))}
        </div>
      )}
      <RunActions label="Merge" disabled={!preview || busy} onRun={() => applyMerge([...theirs]).then((r) => r && onClose())} onClose={close} />
    </Dialog>
  );
}

function without(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  next.delete(id);
  return next;
}
