import { useEffect, useState } from 'react';
import { useApp } from '../../store/StoreContext';
import { AgreementPanel } from './AgreementPanel';
import { HandoutDialog } from './HandoutDialog';
import { MergeDialog } from './MergeDialog';
import './team.css';

const when = (ms: number | null) => (ms === null ? 'never' : new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }));

/** Teamwork: coders, blind coding, hand-out copies, merging coders' files, agreement and disagreements. */
export function TeamView() {
  const coders = useApp((s) => s.teamCoders);
  const status = useApp((s) => s.teamStatus);
  const history = useApp((s) => s.history);
  const loadTeam = useApp((s) => s.loadTeam);
  const refreshAgreement = useApp((s) => s.refreshAgreement);
  const setBlind = useApp((s) => s.setBlind);
  const myName = useApp((s) => s.status?.coderName ?? null);
  const [dialog, setDialog] = useState<'handout' | 'merge' | null>(null);
  // Every change (a merge, a resolution, an undo) moves the history: show the state after it.
  useEffect(() => {
    void loadTeam();
    void refreshAgreement();
  }, [history, loadTeam, refreshAgreement]);
  const blind = status?.blindCoder ?? null;
  const me = coders?.find((c) => c.isMe) ?? coders?.find((c) => c.name === myName) ?? null;
  return (
    <section className="team-view" aria-label="Teamwork">
      <div className="team-card">
        <header>
          <h2>Coders</h2>
          <button type="button" onClick={() => setDialog('handout')}>
            Hand out a copy for a coder…
          </button>
          <button type="button" className="primary" onClick={() => setDialog('merge')}>
            Merge a coder’s file…
          </button>
        </header>
        <table aria-label="Coders">
          <thead>
            <tr>
              <th>Coder</th>
              <th className="num">Codings</th>
              <th className="num">Documents</th>
              <th>Last coded</th>
            </tr>
          </thead>
          <tbody>
            {(coders ?? []).map((c) => (
              <tr key={c.id}>
                <td>
                  {c.name}
                  {c.isMe && <span className="muted"> (you)</span>}
                </td>
                <td className="num">{c.codings}</td>
                <td className="num">{c.documents}</td>
                <td>{when(c.lastCodedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {coders?.length === 0 && <p className="hint">No one has coded yet.</p>}
        <label className="check" style={{ marginTop: 10 }}>
          <input
            type="checkbox"
            checked={!!blind}
            disabled={!blind && !myName}
            onChange={(e) => void setBlind(e.target.checked ? (me?.id ?? 'me') : null)}
          />
          Blind coding: show only {blind ? `${blind.name}’s` : 'my own'} codings until we compare
        </label>
        {!blind && !myName && <p className="muted small">Set your name as coder first (Coder in the status bar): blind coding shows only your own codings.</p>}
        {status?.origin && (
          <p className="muted small">
            This file is a copy handed out to {status.origin.coderName ?? 'a coder'} on {when(status.origin.handedOutAt)}
            {status.origin.blind ? ' for blind coding' : ''}. Send it back to be merged when you are done.
          </p>
        )}
        {status && status.log.length > 0 && (
          <details>
            <summary className="muted small">Team log ({status.log.length})</summary>
            <ul className="small">
              {status.log.map((e) => (
                <li key={e.id}>
                  {when(e.at)} · {e.fileName}: {e.summary}
                  {e.state === 'undone' ? ' (undone)' : ''}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      {blind ? (
        <div className="team-card">
          <p className="hint">Agreement and disagreements are hidden while blind coding is on. Turn it off above when every coder is done.</p>
        </div>
      ) : (
        <AgreementPanel />
      )}
      {dialog === 'handout' && <HandoutDialog onClose={() => setDialog(null)} />}
      {dialog === 'merge' && <MergeDialog onClose={() => setDialog(null)} />}
    </section>
  );
}
