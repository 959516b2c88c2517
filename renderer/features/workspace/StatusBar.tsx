import { useEffect } from 'react';
import { useApp } from '../../store/StoreContext';
import { BlindBanner } from '../team/BlindBanner';
import { CoderSwitcher } from '../team/CoderSwitcher';
import { useCoderCounts } from '../team/useCoderCounts';
import '../team/team.css';

/** Who is coding, whose codings are shown, where the project file is, and how the app runs. */
export function StatusBar() {
  const status = useApp((s) => s.status);
  const project = useApp((s) => s.project);
  const openDialog = useApp((s) => s.openDialog);
  const codes = useApp((s) => s.codes);
  const documents = useApp((s) => s.documents);
  const blind = useApp((s) => s.blindCoderId !== null);
  const loadTeam = useApp((s) => s.loadTeam);
  useCoderCounts();
  const counts = [1, 2, 3].map((level) => Object.values(codes).filter((c) => c.level === level).length);
  // The blind setting lives in the project: read it whenever the project (or its settings) changes.
  useEffect(() => {
    if (project) void loadTeam();
  }, [project, loadTeam]);
  return (
    <footer className={`statusbar${blind ? ' blind' : ''}`}>
      <button type="button" className="link" onClick={() => openDialog('settings')} title="Change your coder name">
        Coder: <strong>{status?.coderName ?? '—'}</strong>
      </button>
      {blind ? <BlindBanner /> : <CoderSwitcher />}
      <span>
        {/* Level names are the user's plural nouns ("Aggregate dimensions", "Tema"): "name: n" reads right for any count and language. */}
        {documents.length} document{documents.length === 1 ? '' : 's'}
        {project && ([2, 1, 0] as const).map((level) => ` · ${project.levels[level]}: ${counts[level]}`)}
      </span>
      <span className="spacer" />
      <span className="muted" title={project?.path}>
        {project?.path}
      </span>
      <span className="muted">Saved automatically · {status?.mode === 'electron' ? 'Desktop app' : 'Browser mode'}</span>
    </footer>
  );
}
