import { useEffect, useState } from 'react';
import type { Coding } from '../../../shared/model/types';
import { Dialog } from '../../components/Dialog';
import { RunActions } from '../../components/RunActions';
import { useApp, useAppStore } from '../../store/StoreContext';
import { singular } from './codebookModel';

/**
 * Split a code: tick the codings that belong elsewhere and send them to a new code (created right
 * after this one, in the same group) or to an existing code on the same level. One undoable step.
 */
export function SplitCodeDialog() {
  const store = useAppStore();
  const project = useApp((s) => s.project);
  const codes = useApp((s) => s.codes);
  // The code chosen when the dialog opened (the selection moves to the new code once split).
  const [codeId] = useState(() => (store.getState().selectedCodeIds.length === 1 ? store.getState().selectedCodeIds[0]! : null));
  const code = useApp((s) => (codeId ? s.codes[codeId] : undefined));
  const openDialog = useApp((s) => s.openDialog);
  const ownCodings = useApp((s) => s.ownCodings);
  const documents = useApp((s) => s.documents);
  const splitCode = useApp((s) => s.splitCode);
  const [codings, setCodings] = useState<readonly Coding[] | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [label, setLabel] = useState('');
  const [description, setDescription] = useState('');
  const [existingId, setExistingId] = useState('');
  useEffect(() => {
    if (codeId) void ownCodings(codeId).then((list) => setCodings(list ?? []));
  }, [codeId, ownCodings]);
  const close = () => openDialog(null);
  if (!code || !project) return null;
  const levelName = code.level ? singular(project.levels[code.level - 1]!).toLocaleLowerCase() : 'code';
  const peers = Object.values(codes)
    .filter((c) => c.level === code.level && c.id !== code.id)
    .sort((a, b) => a.label.localeCompare(b.label));
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  const ready = picked.size > 0 && (mode === 'new' ? label.trim().length > 0 : !!codes[existingId]);
  const toggle = (id: string) => {
    const next = new Set(picked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };
  return (
    <Dialog title={`Split “${code.label}”`} onClose={close} wide>
      <p className="muted small">Tick the codings that belong to another {levelName}. The others stay in “{code.label}”.</p>
      <div className="split-list" role="group" aria-label="Codings to move">
        {codings === null && <p className="muted">Loading the codings…</p>}
        {codings?.length === 0 && <p className="muted">“{code.label}” has no codings of its own.</p>}
        {codings?.map((coding) => (
          <label key={coding.id} className="split-item">
            <input type="checkbox" checked={picked.has(coding.id)} onChange={() => toggle(coding.id)} aria-label={`Move «${coding.quote.slice(0, 60)}»`} />
            <span>
              <q>{coding.excerpt ?? coding.quote}</q>
              <span className="muted small block">
                {titles.get(coding.documentId) ?? 'Unknown document'}
                {coding.representative ? ' · ★ starred' : ''}
                {coding.memo ? ` · ${coding.memo.slice(0, 80)}` : ''}
              </span>
            </span>
          </label>
        ))}
      </div>
      {codings && codings.length > 1 && (
        <p className="small">
          <button type="button" className="link" onClick={() => setPicked(new Set(codings.map((c) => c.id)))}>
            Tick all
          </button>
          <button type="button" className="link" onClick={() => setPicked(new Set())}>
            Tick none
          </button>
        </p>
      )}
      <fieldset className="field">
        <legend>Move the ticked codings to</legend>
        <label className="check">
          <input type="radio" name="split-into" checked={mode === 'new'} onChange={() => setMode('new')} /> a new {levelName}
        </label>
        {mode === 'new' && (
          <div className="indent">
            <input aria-label={`Name of the new ${levelName}`} placeholder={`Name of the new ${levelName}`} value={label} onChange={(e) => setLabel(e.target.value)} />
            <textarea aria-label="Definition of the new code" placeholder="Definition (optional)" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
        )}
        <label className="check">
          <input type="radio" name="split-into" checked={mode === 'existing'} onChange={() => setMode('existing')} disabled={peers.length === 0} /> an existing {levelName}
        </label>
        {mode === 'existing' && (
          <div className="indent">
            <select aria-label={`Existing ${levelName}`} value={existingId} onChange={(e) => setExistingId(e.target.value)}>
              <option value="">Choose…</option>
              {peers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </fieldset>
      <RunActions
        label={`Move ${picked.size} coding${picked.size === 1 ? '' : 's'}`}
        disabled={!ready}
        onRun={() => {
          const into = mode === 'new' ? { label: label.trim(), ...(description.trim() ? { description: description.trim() } : {}) } : { id: existingId };
          return splitCode(code.id, [...picked], into).then((done) => done && close());
        }}
        onClose={close}
      />
    </Dialog>
  );
}
