import { useEffect, useRef, useState } from 'react';
import type { DocumentFull } from '../../../shared/model/types';
import { paragraphRanges } from '../../../shared/text/paragraphs';
import { useApp } from '../../store/StoreContext';

/** Where the menu opened: the paragraph right-clicked. */
export interface TurnMenuAt {
  readonly x: number;
  readonly y: number;
  readonly paragraph: number;
}

/**
 * Right-click on a turn: give it to another speaker (or a new one, or nobody) — how a file imported
 * with one unnamed speaker is split into voices — or split the turn at this paragraph.
 */
export function TurnMenu({ at, document, onClose }: { at: TurnMenuAt; document: DocumentFull; onClose: () => void }) {
  const assignTurns = useApp((s) => s.assignTurns);
  const splitTurn = useApp((s) => s.splitTurn);
  const openDialog = useApp((s) => s.openDialog);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const ref = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [onClose]);
  const range = paragraphRanges(document.text)[at.paragraph];
  const turn = range ? document.turns.find((t) => t.start <= range.start && range.start <= Math.max(t.start, t.end - 1)) : undefined;
  if (!range || !turn) return null;
  const speaker = document.speakers.find((s) => s.id === turn.speakerId);
  const run = (action: Promise<void>) => {
    onClose();
    void action;
  };
  return (
    <div className="turn-menu menu" ref={ref} role="menu" aria-label="Turn" style={{ left: at.x, top: at.y }}>
      <p className="muted small menu-title">Turn of {speaker?.label ?? 'nobody'}</p>
      {document.speakers
        .filter((s) => s.id !== turn.speakerId)
        .map((s) => (
          <li key={s.id} role="menuitem" onClick={() => run(assignTurns([turn.id], { speakerId: s.id }))}>
            Assign to {s.label}
          </li>
        ))}
      {naming ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) run(assignTurns([turn.id], { newSpeaker: name.trim() }));
          }}
        >
          <input autoFocus aria-label="Name of the new speaker" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit">Assign</button>
        </form>
      ) : (
        <li role="menuitem" onClick={() => setNaming(true)}>
          Assign to a new speaker…
        </li>
      )}
      {turn.speakerId !== null && (
        <li role="menuitem" onClick={() => run(assignTurns([turn.id], { speakerId: null }))}>
          Nobody (not speech)
        </li>
      )}
      {range.start > turn.start && (
        <li role="menuitem" onClick={() => run(splitTurn(turn.id, range.start))}>
          Split the turn here
        </li>
      )}
      <li role="menuitem" onClick={() => run(Promise.resolve(openDialog('speakers', document.id)))}>
        Who is who…
      </li>
    </div>
  );
}
