import { useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';
import { formatTime } from '../transcript/turnLabels';

/**
 * The Speakers step: each voice the import found, with its number of turns and a sample line, is
 * mapped to an informant (existing or new) or marked as the interviewer; two labels of one person
 * are merged. Renaming a speaker renames it in every turn.
 */
export function SpeakersDialog({ documentId }: { documentId: string }) {
  const rows = useApp((s) => s.speakerRows);
  const informants = useApp((s) => s.informants);
  const document = useApp((s) => s.documents.find((d) => d.id === documentId));
  const loadSpeakers = useApp((s) => s.loadSpeakers);
  const renameSpeaker = useApp((s) => s.renameSpeaker);
  const mapSpeaker = useApp((s) => s.mapSpeaker);
  const mergeSpeaker = useApp((s) => s.mergeSpeaker);
  const deleteSpeaker = useApp((s) => s.deleteSpeaker);
  const openDialog = useApp((s) => s.openDialog);
  const [newNames, setNewNames] = useState<Record<string, string>>({});
  useEffect(() => {
    void loadSpeakers(documentId);
  }, [documentId, loadSpeakers]);
  const people = informants.filter((i) => i.role === 'informant');
  const close = () => openDialog(null);
  return (
    <Dialog title={`Speakers in “${document?.title ?? ''}”`} onClose={close} wide>
      <p className="muted small">
        Say who each speaker is. Codings are attributed to the informant speaking; interviewers are not counted as informants. To split one speaker into
        two, right-click a turn in the transcript and assign it to another speaker.
      </p>
      {rows === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <table className="speakers-table">
          <thead>
            <tr>
              <th>Speaker</th>
              <th>Turns</th>
              <th>First words</th>
              <th>Is</th>
              <th>Same person as</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const value = row.speaker.role === 'interviewer' && !row.speaker.informantId ? 'interviewer' : row.speaker.informantId ?? '';
              return (
                <tr key={row.speaker.id}>
                  <td>
                    <input
                      aria-label={`Name of speaker ${row.speaker.label}`}
                      defaultValue={row.speaker.label}
                      key={row.speaker.label}
                      onBlur={(e) => {
                        const label = e.target.value.trim();
                        if (label && label !== row.speaker.label) void renameSpeaker(row.speaker.id, label);
                      }}
                    />
                  </td>
                  <td>{row.turnCount}</td>
                  <td className="sample">
                    {row.firstTimeMs !== null && <span className="muted">{formatTime(row.firstTimeMs)} </span>}
                    {row.sample}
                  </td>
                  <td>
                    <select
                      aria-label={`Who is ${row.speaker.label}`}
                      value={value}
                      onChange={(e) => {
                        const v = e.target.value;
                        if (v === 'interviewer') void mapSpeaker(row.speaker.id, { interviewer: true });
                        else if (v === '') void mapSpeaker(row.speaker.id, { none: true });
                        else if (v === 'new') setNewNames({ ...newNames, [row.speaker.id]: row.speaker.label });
                        else void mapSpeaker(row.speaker.id, { informantId: v });
                      }}
                    >
                      <option value="">— not said yet —</option>
                      <option value="interviewer">Interviewer</option>
                      {people.map((p) => (
                        <option key={p.id} value={p.id}>
                          Informant: {p.label}
                        </option>
                      ))}
                      <option value="new">New informant…</option>
                    </select>
                    {newNames[row.speaker.id] !== undefined && (
                      <form
                        className="inline-form"
                        onSubmit={(e) => {
                          e.preventDefault();
                          const label = newNames[row.speaker.id]!.trim();
                          if (label) void mapSpeaker(row.speaker.id, { informantLabel: label });
                          const { [row.speaker.id]: _done, ...rest } = newNames;
                          setNewNames(rest);
                        }}
                      >
                        <input
                          autoFocus
                          aria-label={`New informant for ${row.speaker.label}`}
                          value={newNames[row.speaker.id]}
                          onChange={(e) => setNewNames({ ...newNames, [row.speaker.id]: e.target.value })}
                        />
                        <button type="submit">Add</button>
                      </form>
                    )}
                  </td>
                  <td>
                    {row.turnCount === 0 ? (
                      <button type="button" className="link danger" onClick={() => void deleteSpeaker(row.speaker.id)}>
                        Remove
                      </button>
                    ) : (
                      <select
                        aria-label={`Merge ${row.speaker.label} into`}
                        value=""
                        onChange={(e) => e.target.value && void mergeSpeaker(row.speaker.id, e.target.value)}
                      >
                        <option value="">—</option>
                        {rows
                          .filter((other) => other.speaker.id !== row.speaker.id)
                          .map((other) => (
                            <option key={other.speaker.id} value={other.speaker.id}>
                              {other.speaker.label}
                            </option>
                          ))}
                      </select>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={close}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
