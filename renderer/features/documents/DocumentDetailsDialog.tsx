import { useEffect, useState } from 'react';
import type { DocumentKind } from '../../../shared/model/types';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';
import { formatTime } from '../transcript/turnLabels';

/** Parse "45", "45:30" or "1:02:03" (minutes, or h:m:s) into milliseconds; null when empty, NaN when invalid. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  const parts = t.split(':').map(Number);
  if (parts.some((p) => !Number.isFinite(p) || p < 0)) return Number.NaN;
  const [a = 0, b = 0, c = 0] = parts;
  const seconds = parts.length === 1 ? a * 60 : parts.length === 2 ? a * 60 + b : a * 3600 + b * 60 + c;
  return Math.round(seconds * 1000);
}

/** What a document is: title, kind, date, length, case, used in the analysis; where it came from. */
export function DocumentDetailsDialog({ documentId }: { documentId: string }) {
  const document = useApp((s) => s.documents.find((d) => d.id === documentId));
  const cases = useApp((s) => s.cases);
  const updateDocument = useApp((s) => s.updateDocument);
  const deleteDocument = useApp((s) => s.deleteDocument);
  const openDialog = useApp((s) => s.openDialog);
  const [confirming, setConfirming] = useState(false);
  const [duration, setDuration] = useState('');
  // Shown at once, saved in the background (a checkbox must not lag behind the click).
  const [used, setUsed] = useState(document?.usedInAnalysis ?? true);
  useEffect(() => setUsed(document?.usedInAnalysis ?? true), [document?.usedInAnalysis]);
  useEffect(() => setDuration(document?.durationMs ? formatTime(document.durationMs) : ''), [document?.durationMs]);
  if (!document) return null;
  const close = () => openDialog(null);
  return (
    <Dialog title={`About “${document.title}”`} onClose={close}>
      <label className="field">
        <span>Title</span>
        <input defaultValue={document.title} onBlur={(e) => e.target.value.trim() && e.target.value.trim() !== document.title && void updateDocument(document.id, { title: e.target.value.trim() })} />
      </label>
      <div className="field-row">
        <label className="field">
          <span>Kind</span>
          <select value={document.kind} onChange={(e) => void updateDocument(document.id, { kind: e.target.value as DocumentKind })}>
            <option value="interview">Interview</option>
            <option value="document">Document</option>
            <option value="note">Field note</option>
          </select>
        </label>
        <label className="field">
          <span>Date</span>
          <input type="date" value={document.date ?? ''} onChange={(e) => void updateDocument(document.id, { date: e.target.value || null })} />
        </label>
        <label className="field">
          <span>Length (h:mm:ss)</span>
          <input
            value={duration}
            placeholder="e.g. 52:30"
            onChange={(e) => setDuration(e.target.value)}
            onBlur={() => {
              const ms = parseDuration(duration);
              if (ms !== null && Number.isNaN(ms)) return;
              if (ms !== document.durationMs) void updateDocument(document.id, { durationMs: ms });
            }}
          />
        </label>
      </div>
      <label className="field">
        <span>Case</span>
        <select value={document.caseId ?? ''} onChange={(e) => void updateDocument(document.id, { caseId: e.target.value || null })}>
          <option value="">No case</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={used}
          onChange={(e) => {
            setUsed(e.target.checked);
            void updateDocument(document.id, { usedInAnalysis: e.target.checked });
          }}
        /> Used in the analysis
        <span className="muted small">(kept but not counted when off)</span>
      </label>
      <p className="muted small">
        From {document.sourceName || 'unknown'} ({document.sourceFormat || '?'}) · {document.chars.toLocaleString('en')} characters · {document.turnCount} turns
      </p>
      <div className="dialog-actions">
        {confirming ? (
          <>
            <span className="small">Delete it with its {document.codingCount} codings? You can undo this.</span>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
            <button
              type="button"
              className="danger primary"
              onClick={() => {
                void deleteDocument(document.id);
                close();
              }}
            >
              Delete
            </button>
          </>
        ) : (
          <>
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              Delete…
            </button>
            <button type="button" onClick={() => openDialog('speakers', document.id)}>
              Speakers…
            </button>
            <button type="button" className="primary" onClick={close}>
              Done
            </button>
          </>
        )}
      </div>
    </Dialog>
  );
}
