import type { HistoryMove, historyMethods } from '../../../shared/api/methods/history';
import type { Backend } from '../backend';
import type { HandlersOf } from '../handlerTypes';

function move(backend: Backend, direction: 'undo' | 'redo'): HistoryMove {
  const project = backend.project();
  const done = direction === 'undo' ? project.file.history.undo() : project.file.history.redo();
  if (done) backend.emit({ type: 'changed', tables: done.tables, label: `${direction === 'undo' ? 'Undo' : 'Redo'} ${done.label}`, origin: backend.origin() });
  return { state: project.file.history.state(), done };
}

export const historyHandlers = {
  'history.state': (_args, { backend }) => backend.project().file.history.state(),
  'history.undo': (_args, { backend }) => move(backend, 'undo'),
  'history.redo': (_args, { backend }) => move(backend, 'redo'),
  'history.clear': ({ originals }, { backend }) => {
    const project = backend.project();
    project.file.history.clear();
    if (originals) project.db.prepare('DELETE FROM blobs').run();
    // VACUUM rewrites the file so the deleted history (old names) is not left in free pages.
    project.db.exec('VACUUM');
    return project.file.history.state();
  },
} satisfies HandlersOf<typeof historyMethods>;
