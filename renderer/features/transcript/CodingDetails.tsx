import { useEffect, useState } from 'react';
import type { AnonymityLevel } from '../../../shared/exports/settings';
import { excerptProblem } from '../../../shared/text/excerpt';
import { wordBoundary } from '../../../shared/text/words';
import { useApp } from '../../store/StoreContext';
import { codePath } from '../../store/selectors';
import { PENDING_PREFIX } from '../../store/slices/codingsSlice';

/**
 * The selected coding: its concept (with theme and dimension), coder and date, the representative
 * star and publication excerpt, its memo; recode, uncode, and grow or shrink it by a word (buttons,
 * or Alt+←/→ for the end and Alt+Shift+←/→ for the start).
 */
export function CodingDetails({ codingId, text }: { codingId: string; text: string }) {
  const coding = useApp((s) => s.codings[codingId]);
  const codes = useApp((s) => s.codes);
  const coders = useApp((s) => s.coders);
  const selectCoding = useApp((s) => s.selectCoding);
  const uncode = useApp((s) => s.uncode);
  const setRepresentative = useApp((s) => s.setRepresentative);
  const updateCoding = useApp((s) => s.updateCoding);
  const openPalette = useApp((s) => s.openPalette);
  const [excerpt, setExcerpt] = useState(coding?.excerpt ?? coding?.quote ?? '');
  useEffect(() => setExcerpt(coding?.excerpt ?? coding?.quote ?? ''), [coding?.excerpt, coding?.quote]);
  // A coding still being saved opens once it is saved (the selection follows it to its saved id).
  if (!coding || coding.id.startsWith(PENDING_PREFIX)) return null;
  const code = codes[coding.codeId];
  const passage = text.slice(coding.start, coding.end);
  const problem = excerpt.trim() && excerpt.trim() !== coding.quote.trim() ? excerptProblem(passage, excerpt) : null;
  const resize = (edge: 'start' | 'end', direction: 1 | -1) => {
    const next = wordBoundary(text, edge === 'start' ? coding.start : coding.end, direction);
    const start = edge === 'start' ? next : coding.start;
    const end = edge === 'end' ? next : coding.end;
    if (end > start) void updateCoding(coding.id, { start, end });
  };
  return (
    <div
      className="coding-details"
      role="dialog"
      aria-label="Selected coding"
      tabIndex={-1}
      onKeyDown={(e) => {
        const target = e.target as HTMLElement;
        if (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT') return;
        if (e.key === 'Escape') selectCoding(null);
        else if (e.key === 'Delete') {
          void uncode(coding.id);
          selectCoding(null);
        } else if (e.key === 'r') openPalette(true, coding.id);
        else if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
          e.preventDefault();
          resize(e.shiftKey ? 'start' : 'end', e.key === 'ArrowRight' ? 1 : -1);
        }
      }}
    >
      <div className="detail-col">
        <header>
          <span className="swatch" style={{ background: code?.color }} />
          <div>
            <strong>{code?.label}</strong>
            {code && codePath(codes, code.id) && <div className="muted small">{codePath(codes, code.id)}</div>}
          </div>
          <button type="button" className="link close" aria-label="Close" onClick={() => selectCoding(null)}>
            ×
          </button>
        </header>
        <blockquote className={coding.status !== 'ok' ? 'flagged' : ''}>{text.slice(coding.start, coding.end)}</blockquote>
        {coding.status !== 'ok' && <p className="warning small">The text changed after coding; see the Review tab.</p>}
        <p className="muted small">
          Coded by {coders.find((c) => c.id === coding.coderId)?.name ?? 'unknown'} on{' '}
          {new Date(coding.createdAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}
        </p>
      </div>
      <div className="detail-col">
        <div className="range-controls small" aria-label="Adjust the coded range">
          <span>Start</span>
          <button type="button" aria-label="Start one word earlier" onClick={() => resize('start', -1)}>
            ◀
          </button>
          <button type="button" aria-label="Start one word later" onClick={() => resize('start', 1)}>
            ▶
          </button>
          <span>End</span>
          <button type="button" aria-label="End one word earlier" onClick={() => resize('end', -1)}>
            ◀
          </button>
          <button type="button" aria-label="End one word later" onClick={() => resize('end', 1)}>
            ▶
          </button>
        </div>
        <label className="check">
          <input type="checkbox" checked={coding.representative} onChange={(e) => void setRepresentative(coding.id, e.target.checked)} /> ★ Representative quote
        </label>
        {coding.representative && (
          <label className="field inline">
            <span className="small">Attribute this quote as</span>
            <select
              aria-label="Attribute this quote as"
              value={coding.attribution ?? ''}
              onChange={(e) => void updateCoding(coding.id, { attribution: (e.target.value || null) as AnonymityLevel | null })}
            >
              <option value="">The project's choice (export settings)</option>
              <option value="pseudonym">Pseudonym</option>
              <option value="role">Role label</option>
              <option value="case">Case (“Informant from …”)</option>
              <option value="anonymous">Anonymous (“Informant”)</option>
            </select>
          </label>
        )}
        {coding.representative && (
          <label className="field">
            <span className="small">Excerpt for publication (leave words out with “(…)”)</span>
            <textarea
              aria-label="Excerpt for publication"
              rows={3}
              value={excerpt}
              onChange={(e) => setExcerpt(e.target.value)}
              aria-invalid={problem !== null}
              onBlur={() => {
                const value = excerpt.trim() === coding.quote.trim() ? null : excerpt;
                // A wrong excerpt stays in the field with its message; the backend would refuse it.
                if (value !== coding.excerpt && (value === null || excerptProblem(passage, value) === null)) void updateCoding(coding.id, { excerpt: value });
              }}
            />
            {problem && (
              <span className="warning small" role="alert">
                {problem}
              </span>
            )}
          </label>
        )}
      </div>
      <div className="detail-col">
        <label className="field">
          <span className="small">Memo</span>
          <textarea
            aria-label="Coding memo"
            rows={2}
            defaultValue={coding.memo}
            key={coding.id}
            onBlur={(e) => e.target.value !== coding.memo && void updateCoding(coding.id, { memo: e.target.value })}
          />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={() => openPalette(true, coding.id)}>
            Recode… <kbd>R</kbd>
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              void uncode(coding.id);
              selectCoding(null);
            }}
          >
            Uncode <kbd>Del</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
