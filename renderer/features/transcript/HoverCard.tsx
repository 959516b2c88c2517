import { useEffect, useState, type RefObject } from 'react';
import { useApp } from '../../store/StoreContext';
import { codePath } from '../../store/selectors';

const CARD_WIDTH = 320;

interface Shown {
  readonly ids: readonly string[];
  readonly x: number;
  readonly y: number;
  readonly pinned: boolean;
}

/**
 * Hovering coded words shows every code and coder on them; clicking pins the card so a coding can
 * be uncoded or starred as a representative quote.
 */
export function HoverCard({ container }: { container: RefObject<HTMLDivElement | null> }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const codings = useApp((s) => s.codings);
  const codes = useApp((s) => s.codes);
  const coders = useApp((s) => s.coders);
  const uncode = useApp((s) => s.uncode);
  const setRepresentative = useApp((s) => s.setRepresentative);
  const selectCoding = useApp((s) => s.selectCoding);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const at = (event: MouseEvent) => {
      const mark = (event.target as HTMLElement | null)?.closest?.('mark[data-codings]') as HTMLElement | null;
      if (!mark) return null;
      const box = element.getBoundingClientRect();
      // Keep the card inside the transcript: flip it left of the pointer near the right edge.
      const x = event.clientX - box.left + element.scrollLeft + 12;
      const maxX = element.scrollLeft + element.clientWidth - CARD_WIDTH - 8;
      return { ids: (mark.dataset.codings ?? '').split(' ').filter(Boolean), x: x > maxX ? Math.max(8, x - CARD_WIDTH - 24) : x, y: event.clientY - box.top + element.scrollTop + 16 };
    };
    const onMove = (event: MouseEvent) => {
      setShown((current) => {
        if (current?.pinned) return current;
        const hit = at(event);
        return hit ? { ...hit, pinned: false } : null;
      });
    };
    const onClick = (event: MouseEvent) => {
      if ((event.target as HTMLElement).closest('.hover-card')) return;
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;
      const hit = at(event);
      // One coding under the click: select it (its details open); several: let the user choose.
      if (hit && hit.ids.length === 1) {
        selectCoding(hit.ids[0]!);
        setShown(null);
        return;
      }
      setShown(hit ? { ...hit, pinned: true } : null);
    };
    const onLeave = () => setShown((current) => (current?.pinned ? current : null));
    element.addEventListener('mousemove', onMove);
    element.addEventListener('click', onClick);
    element.addEventListener('mouseleave', onLeave);
    return () => {
      element.removeEventListener('mousemove', onMove);
      element.removeEventListener('click', onClick);
      element.removeEventListener('mouseleave', onLeave);
    };
  }, [container, selectCoding]);

  if (!shown) return null;
  const items = shown.ids.map((id) => codings[id]).filter((c) => c !== undefined);
  if (items.length === 0) return null;
  return (
    <div className={`hover-card${shown.pinned ? ' pinned' : ''}`} style={{ left: shown.x, top: shown.y }} role="dialog" aria-label="Codes on these words">
      <ul>
        {items.map((coding) => {
          const code = codes[coding.codeId];
          const path = codePath(codes, coding.codeId);
          return (
            <li key={coding.id}>
              <span className="swatch" style={{ background: code?.color }} />
              <span className="card-label">
                <strong>{code?.label ?? 'Unknown code'}</strong>
                {path && <span className="muted"> · {path}</span>}
                <span className="muted block">coded by {coders.find((c) => c.id === coding.coderId)?.name ?? 'unknown'}{coding.representative ? ' · ★ representative quote' : ''}</span>
              </span>
              {shown.pinned && (
                <span className="card-actions">
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      selectCoding(coding.id);
                      setShown(null);
                    }}
                  >
                    Details
                  </button>
                  <button type="button" className="link" onClick={() => void setRepresentative(coding.id, !coding.representative)}>
                    {coding.representative ? 'Unstar' : 'Star'}
                  </button>
                  <button
                    type="button"
                    className="link danger"
                    onClick={() => {
                      void uncode(coding.id);
                      setShown(null);
                    }}
                  >
                    Uncode
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {shown.pinned && (
        <button type="button" className="link close" aria-label="Close" onClick={() => setShown(null)}>
          ×
        </button>
      )}
    </div>
  );
}
