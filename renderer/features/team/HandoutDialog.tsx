import { useState } from 'react';
import type { HandoutResult } from '../../../shared/api/methods/team';
import { Dialog } from '../../components/Dialog';
import { RunActions } from '../../components/RunActions';
import { useApp } from '../../store/StoreContext';

/** Write a copy of the project for a coder, optionally without the other coders' codings. */
export function HandoutDialog({ onClose }: { onClose: () => void }) {
  const project = useApp((s) => s.project);
  const handOut = useApp((s) => s.handOut);
  const browser = useApp((s) => s.status?.mode !== 'electron');
  const [coder, setCoder] = useState('');
  const [blind, setBlind] = useState(true);
  const [done, setDone] = useState<HandoutResult | null>(null);
  const fileName = `${(project?.name ?? 'Project').replace(/[\\/:*?"<>|]+/g, ' ').trim()} – ${coder.trim() || 'coder'}`;
  return (
    <Dialog title="Hand out a copy for a coder" onClose={onClose}>
      <p className="muted small">
        The coder opens the copy in Stige, codes, and sends the file back; “Merge a coder’s file…” then adds their codings here with their name.
      </p>
      <label className="field">
        Coder’s name
        <input value={coder} onChange={(e) => (setCoder(e.target.value), setDone(null))} placeholder="e.g. Ola" autoFocus />
      </label>
      <label className="check">
        <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} /> Blind coding: leave out the other coders’ codings
      </label>
      {browser && <p className="muted small">The copy is saved in your projects folder as “{fileName}.stige” and downloaded.</p>}
      {done && (
        <p className="export-done" role="status">
          ✓ Copy for {done.coder} written: {done.path}
          {done.blind ? ` (${done.omittedCodings} other codings left out)` : ''}
        </p>
      )}
      <RunActions
        done={!!done}
        disabled={!coder.trim() || !!done}
        label="Hand out"
        onClose={onClose}
        onRun={() => handOut(coder.trim(), blind, fileName).then((r) => r && setDone(r))}
      />
    </Dialog>
  );
}
