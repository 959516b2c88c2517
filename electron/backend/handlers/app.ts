import type { AppStatus } from '../../../shared/api/methods/app';
import type { appMethods } from '../../../shared/api/methods/app';
import type { Backend } from '../backend';
import type { HandlersOf } from '../handlerTypes';
import { currentProject } from './project';

/** The status the UI starts from. */
export function appStatus(backend: Backend): AppStatus {
  const open = backend.projectOrNull();
  return {
    mode: backend.mode,
    version: backend.version,
    dataDir: backend.mode === 'browser' ? backend.ensureDataDir() : backend.dataDir,
    coderName: backend.settings.get().coderName,
    project: open ? currentProject(open) : null,
  };
}

export const appHandlers = {
  'app.status': (_args, { backend }) => appStatus(backend),
  'app.setCoderName': ({ name }, { backend }) => {
    backend.settings.setCoderName(name);
    return appStatus(backend);
  },
} satisfies HandlersOf<typeof appMethods>;
