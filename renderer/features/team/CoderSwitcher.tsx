import { useApp } from '../../store/StoreContext';

const ALL = '';

/**
 * Whose codings the transcript shows: mine, one coder, or all. It drives the same coder filter as
 * the transcript header's "by" list.
 */
export function CoderSwitcher() {
  const coders = useApp((s) => s.coders);
  const myName = useApp((s) => s.status?.coderName ?? null);
  const coderId = useApp((s) => s.filter.coderId);
  const setFilter = useApp((s) => s.setFilter);
  const me = coders.find((c) => c.name === myName);
  const others = coders.filter((c) => c !== me);
  if (coders.length === 0) return null;
  return (
    <label className="coder-switcher">
      <span className="muted">Showing</span>
      <select aria-label="Show the codings of" value={coderId ?? ALL} onChange={(e) => setFilter({ coderId: e.target.value || null })}>
        <option value={ALL}>All coders</option>
        {me && <option value={me.id}>Mine ({me.name})</option>}
        {others.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
