import { CompareView } from '../compare/CompareView';
import { StructureView } from '../structure/StructureView';
import { TeamView } from '../team/TeamView';
import { TranscriptView } from '../transcript/TranscriptView';
import { useApp } from '../../store/StoreContext';

/** The middle column: whichever view the top bar chose. */
export function MainArea() {
  const view = useApp((s) => s.mainView);
  switch (view) {
    case 'coding':
      return <TranscriptView />;
    case 'structure':
      return <StructureView />;
    case 'compare':
      return <CompareView />;
    case 'team':
      return <TeamView />;
    default: {
      const never: never = view;
      return never;
    }
  }
}
