import { useEffect, useRef, useState } from 'react';

/** One entry of a drop-down menu. */
export interface MenuEntry {
  readonly label: string;
  readonly onSelect: () => void;
  readonly disabled?: boolean;
}

/** A button that opens a menu of actions (keyboard: arrows, Enter, Esc). */
export function MenuButton({ label, entries }: { label: string; entries: readonly MenuEntry[] }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);
  const choose = (entry: MenuEntry | undefined) => {
    if (!entry || entry.disabled) return;
    setOpen(false);
    entry.onSelect();
  };
  return (
    <div className="menu-button" ref={ref}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label} ▾
      </button>
      {open && (
        <ul
          className="menu"
          role="menu"
          aria-label={label}
          tabIndex={-1}
          ref={(el) => el?.focus()}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, entries.length - 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            else if (e.key === 'Enter') choose(entries[active]);
            else if (e.key === 'Escape') setOpen(false);
            else return;
            e.preventDefault();
          }}
        >
          {entries.map((entry, index) => (
            <li
              key={entry.label}
              role="menuitem"
              aria-disabled={entry.disabled}
              className={`${index === active ? 'active' : ''}${entry.disabled ? ' disabled' : ''}`}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(entry)}
            >
              {entry.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
