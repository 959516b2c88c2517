import { useEffect } from 'react';
import { useApp } from '../../store/StoreContext';
import type { CompareTab } from '../../store/slices/compareSlice';
import { CasesTab } from './CasesTab';
import { CooccurrenceTab } from './CooccurrenceTab';
import { GroundingTab } from './GroundingTab';
import { GroupsTab } from './GroupsTab';
import { InformantsTab } from './InformantsTab';
import { MatrixTab } from './MatrixTab';
import { QuoteDrawer } from './QuoteDrawer';
import './compare.css';

const TABS: readonly { id: CompareTab; label: string }[] = [
  { id: 'informants', label: 'Informants' },
  { id: 'cases', label: 'Cases' },
  { id: 'matrix', label: 'Matrix' },
  { id: 'grounding', label: 'Grounding' },
  { id: 'groups', label: 'Compare groups' },
  { id: 'cooccurrence', label: 'Co-occurrence' },
];

function TabBody({ tab }: { tab: CompareTab }) {
  switch (tab) {
    case 'informants':
      return <InformantsTab />;
    case 'cases':
      return <CasesTab />;
    case 'matrix':
      return <MatrixTab />;
    case 'grounding':
      return <GroundingTab />;
    case 'groups':
      return <GroupsTab />;
    case 'cooccurrence':
      return <CooccurrenceTab />;
    default: {
      const never: never = tab;
      return never;
    }
  }
}

/**
 * Informants and cases, and comparing them: the attribute tables, the code × column matrix, the
 * grounding of every code, two groups side by side, and codes that occur together. Every figure
 * leads to its quotes, and every quote to its place in the transcript.
 */
export function CompareView() {
  const tab = useApp((s) => s.compareTab);
  const setTab = useApp((s) => s.setCompareTab);
  const load = useApp((s) => s.loadCompareTab);
  const project = useApp((s) => s.project);
  // Every write (here, by undo, or by another window) refreshes the undo history: reload then.
  const history = useApp((s) => s.history);
  useEffect(() => {
    void load();
  }, [load, tab, history, project]);
  return (
    <section className="compare-view" aria-label="Comparisons of informants and cases">
      <nav className="compare-tabs" role="tablist" aria-label="Comparisons">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'active' : ''} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </nav>
      <div className="compare-body">
        <div className="compare-main" role="tabpanel" aria-label={TABS.find((t) => t.id === tab)?.label}>
          <TabBody tab={tab} />
        </div>
        <QuoteDrawer />
      </div>
    </section>
  );
}
