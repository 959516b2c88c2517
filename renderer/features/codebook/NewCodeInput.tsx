import { useState } from 'react';
import type { Level } from '../../../shared/model/levels';
import { useApp } from '../../store/StoreContext';

/** Inline field to name a new code at a level; Enter creates it, Esc cancels. */
export function NewCodeInput({ level, levelName, onDone }: { level: Level; levelName: string; onDone: () => void }) {
  const createCode = useApp((s) => s.createCode);
  const [label, setLabel] = useState('');
  return (
    <form
      className="new-code"
      onSubmit={(e) => {
        e.preventDefault();
        if (label.trim()) void createCode(label.trim(), level);
        onDone();
      }}
    >
      <input
        autoFocus
        aria-label={`Name of the new ${levelName.toLocaleLowerCase()}`}
        placeholder={`New ${levelName.toLocaleLowerCase()}`}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onDone()}
        onBlur={onDone}
      />
    </form>
  );
}
