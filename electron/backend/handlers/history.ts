import type { historyMethods } from '../../../shared/api/methods/history';
import type { HistoryState } from '../../../shared/model/types';
import type { Backend } from '../backend';
import type { HandlersOf } from '../handlerTypes';

function move(backend: Backend, direction: 'undo' | 'redo'): HistoryState {
  const project = backend.project();
  const done = direction === 'undo' ? project.file.history.undo() : project.file.history.redo();
  if (done) backend.emit({ type: 'changed', tables: done.tables, label: `${direction === 'undo' ? 'Undo' : 'Redo'} ${done.label}` });
  return project.file.history.state();
}

export const historyHandlers = {
  'history.state': (_args, { backend }) => backend.project().file.history.state(),
  'history.undo': (_args, { backend }) => move(backend, 'undo'),
  'history.redo': (_args, { backend }) => move(backend, 'redo'),
} satisfies HandlersOf<typeof historyMethods>;
