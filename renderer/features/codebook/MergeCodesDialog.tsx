import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { RunActions } from '../../components/RunActions';
import { useApp } from '../../store/StoreContext';

/**
 * Merge the selected codes into one of them: their codings move to it (a passage coded with both
 * by the same coder becomes one coding), their children and memos too. One undoable step.
 */
export function MergeCodesDialog() {
  const codes = useApp((s) => s.codes);
  const ids = useApp((s) => s.selectedCodeIds);
  const stats = useApp((s) => s.codeStats);
  const openDialog = useApp((s) => s.openDialog);
  const mergeCodes = useApp((s) => s.mergeCodes);
  const chosen = ids.map((id) => codes[id]).filter((c) => c !== undefined);
  const strongest = [...chosen].sort((a, b) => (stats[b.id]?.codings ?? b.codingCount) - (stats[a.id]?.codings ?? a.codingCount))[0];
  const [targetId, setTargetId] = useState(strongest?.id ?? '');
  const close = () => openDialog(null);
  const target = codes[targetId];
  if (chosen.length < 2 || !target) return null;
  const others = chosen.filter((c) => c.id !== targetId);
  const moving = others.reduce((sum, c) => sum + c.codingCount, 0);
  const children = Object.values(codes).filter((c) => c.parentId && others.some((o) => o.id === c.parentId)).length;
  return (
    <Dialog title="Merge codes" onClose={close}>
      <fieldset className="field">
        <legend>Keep this one</legend>
        {chosen.map((code) => (
          <label key={code.id} className="check choice">
            <input type="radio" name="merge-target" checked={code.id === targetId} onChange={() => setTargetId(code.id)} />
            <span className="swatch" style={{ background: code.color }} />
            <span className="grow">{code.label}</span>
            <span className="muted small">
              {code.codingCount} coding{code.codingCount === 1 ? '' : 's'}
            </span>
          </label>
        ))}
      </fieldset>
      <p className="small">
        {others.length === 1 ? `“${others[0]!.label}” goes` : `${others.length} codes go`} into “{target.label}”: {moving} coding{moving === 1 ? '' : 's'} move
        {children ? `, ${children} code${children === 1 ? '' : 's'} under ${others.length === 1 ? 'it' : 'them'} too` : ''}. A passage already coded with “{target.label}” by the same
        coder becomes one coding, keeping its star and memo. Their memos are added to its memo. You can undo this.
      </p>
      <RunActions
        label={`Merge into “${target.label}”`}
        onRun={() => mergeCodes(others.map((c) => c.id), target.id).then((done) => done && close())}
        onClose={close}
      />
    </Dialog>
  );
}
