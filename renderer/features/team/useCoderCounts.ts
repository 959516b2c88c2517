import { useEffect } from 'react';
import { selectCountedCoderId } from '../../store/coderView';
import { useApp } from '../../store/StoreContext';

/**
 * Keep the counted coder's counts current: whenever blind coding or the coder filter picks another
 * coder, and after every change (the history moves with each one, undo included).
 */
export function useCoderCounts(): void {
  const coderId = useApp(selectCountedCoderId);
  const history = useApp((s) => s.history);
  const project = useApp((s) => s.project);
  const loadCoderCounts = useApp((s) => s.loadCoderCounts);
  useEffect(() => {
    void loadCoderCounts();
  }, [coderId, history, project, loadCoderCounts]);
}
