import { useApp } from '../../store/StoreContext';

/** While blind coding is on: say so, and offer to end it to compare with the other coders. */
export function BlindBanner() {
  const blind = useApp((s) => s.teamStatus?.blindCoder ?? null);
  const setBlind = useApp((s) => s.setBlind);
  const setMainView = useApp((s) => s.setMainView);
  if (!blind) return null;
  return (
    <span className="blind-banner" role="status">
      <strong>Blind coding:</strong> you see only your own codings{blind.name ? ` (${blind.name})` : ''} —{' '}
      <button
        type="button"
        className="link"
        title="End blind coding (undoable) and open the Team view"
        onClick={() => {
          void setBlind(null).then(() => setMainView('team'));
        }}
      >
        Compare
      </button>{' '}
      to see the others
    </span>
  );
}
