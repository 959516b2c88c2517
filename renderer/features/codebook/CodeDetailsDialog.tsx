import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';
import { selectCodeStats } from '../../store/coderView';
import { codePath } from '../../store/selectors';
import { singular } from './codebookModel';

/**
 * Everything about one code: label, colour, the longer heading or finding statement (section and
 * caption text), the definition, a memo, where it sits and how much supports it. Save is one
 * undoable step.
 */
export function CodeDetailsDialog() {
  const id = useApp((s) => s.dialogTarget);
  const code = useApp((s) => (s.dialogTarget ? s.codes[s.dialogTarget] : undefined));
  const codes = useApp((s) => s.codes);
  const project = useApp((s) => s.project);
  const stats = useApp((s) => (s.dialogTarget ? selectCodeStats(s, s.dialogTarget) : undefined));
  const openDialog = useApp((s) => s.openDialog);
  const updateCode = useApp((s) => s.updateCode);
  const showSegments = useApp((s) => s.showSegments);
  const [label, setLabel] = useState(code?.label ?? '');
  const [color, setColor] = useState(code?.color ?? '#888888');
  const [heading, setHeading] = useState(code?.heading ?? '');
  const [description, setDescription] = useState(code?.description ?? '');
  const [memo, setMemo] = useState(code?.memo ?? '');
  const close = () => openDialog(null);
  if (!id || !code || !project) return null;
  const level = code.level ? singular(project.levels[code.level - 1]!) : 'Not placed in a level';
  const path = codePath(codes, code.id);
  const save = async () => {
    const changes = {
      ...(label.trim() && label.trim() !== code.label ? { label: label.trim() } : {}),
      ...(color !== code.color ? { color } : {}),
      ...(heading !== code.heading ? { heading } : {}),
      ...(description !== code.description ? { description } : {}),
      ...(memo !== code.memo ? { memo } : {}),
    };
    if (Object.keys(changes).length) await updateCode(code.id, changes);
    close();
  };
  return (
    <Dialog title={`Details of “${code.label}”`} onClose={close} wide>
      <p className="code-facts small">
        <span className="level-tag">{level}</span>
        {path && <span className="muted"> in {path}</span>}
        {stats && (
          <span className="muted">
            {' '}
            · {stats.codings} coding{stats.codings === 1 ? '' : 's'} · {stats.informants} informant{stats.informants === 1 ? '' : 's'} · {stats.representative} starred
          </span>
        )}
      </p>
      <form
        className="code-details-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field-row">
          <label className="field grow">
            <span>Label</span>
            <input autoFocus value={label} onChange={(e) => setLabel(e.target.value)} />
          </label>
          <label className="field">
            <span>Colour</span>
            <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
          </label>
        </div>
        <label className="field">
          <span>Heading or finding statement</span>
          <textarea rows={2} value={heading} onChange={(e) => setHeading(e.target.value)} placeholder="A longer statement, used as section heading or caption text" />
        </label>
        <label className="field">
          <span>Definition</span>
          <textarea rows={4} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="What belongs here, and what does not" />
        </label>
        <label className="field">
          <span>Memo</span>
          <textarea rows={5} value={memo} onChange={(e) => setMemo(e.target.value)} placeholder="Analytic notes: why this code exists, how it changed" />
        </label>
        <div className="dialog-actions">
          <button
            type="button"
            className="left"
            onClick={() => {
              close();
              void showSegments(code.id);
            }}
          >
            Show coded segments
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
