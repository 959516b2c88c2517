import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useApp, useAppStore } from '../../store/StoreContext';
import { codePath } from '../../store/selectors';
import { commonLevel, groupsFor, singular } from './codebookModel';
import { focusCodeRow } from './rowFocus';

/**
 * Move the selected codes into a group by keyboard: type to filter the groups one level up,
 * ↑/↓ to choose, Enter to move; "Not yet grouped" takes them out of any group.
 */
export function MoveCodesDialog() {
  const store = useAppStore();
  const [ids] = useState(() => store.getState().selectedCodeIds);
  const project = useApp((s) => s.project);
  const codes = useApp((s) => s.codes);
  const openDialog = useApp((s) => s.openDialog);
  const moveCodes = useApp((s) => s.moveCodes);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const level = commonLevel(codes, ids);
  const close = () => openDialog(null);
  if (!project || (level !== 1 && level !== 2)) return null;
  const groupName = singular(project.levels[level]!).toLocaleLowerCase();
  const folded = query.trim().toLocaleLowerCase();
  const options = [
    { id: null as string | null, label: 'Not yet grouped', path: 'out of any group' },
    ...groupsFor(codes, level).map((c) => ({ id: c.id as string | null, label: c.label, path: codePath(codes, c.id) })),
  ].filter((o) => !folded || o.label.toLocaleLowerCase().includes(folded));
  const what = ids.length === 1 ? `“${codes[ids[0]!]?.label ?? ''}”` : `${ids.length} codes`;
  const choose = (parentId: string | null) => {
    close();
    void moveCodes(ids, parentId).then(() => focusCodeRow(ids[0]!));
  };
  return (
    <Dialog title={`Move ${what} into…`} onClose={close}>
      <input
        autoFocus
        className="move-filter"
        role="combobox"
        aria-expanded="true"
        aria-controls="move-targets"
        aria-label={`Find a ${groupName}`}
        placeholder={`Type to find a ${groupName}`}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && options[active]) choose(options[active].id);
          else return;
          e.preventDefault();
        }}
      />
      <ul className="move-targets" id="move-targets" role="listbox" aria-label={`${singular(project.levels[level]!)} to move into`}>
        {options.map((option, index) => (
          <li
            key={option.id ?? 'pool'}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : ''}
            onMouseEnter={() => setActive(index)}
            onClick={() => choose(option.id)}
          >
            <span>{option.label}</span>
            {option.path && <span className="muted small">{option.path}</span>}
          </li>
        ))}
        {options.length === 0 && <li className="muted">No {groupName} matches “{query}”.</li>}
      </ul>
    </Dialog>
  );
}
