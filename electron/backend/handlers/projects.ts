import fs from 'node:fs';
import path from 'node:path';
import type { ProjectFile, projectsMethods } from '../../../shared/api/methods/projects';
import { Backend } from '../backend';
import { PROJECT_EXTENSION } from '../db/projectFile';
import type { HandlersOf } from '../handlerTypes';
import { openSampleProject } from '../sample/openSample';
import { currentProject } from './project';

function describe(file: string): ProjectFile | null {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return null;
    return { path: file, name: path.basename(file, PROJECT_EXTENSION), modifiedAt: stat.mtimeMs, size: stat.size };
  } catch {
    return null;
  }
}

function listFolder(dir: string | null): ProjectFile[] {
  if (!dir || !fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith(PROJECT_EXTENSION))
    .map((name) => describe(path.join(dir, name)))
    .filter((f): f is ProjectFile => f !== null)
    .sort((a, b) => b.modifiedAt - a.modifiedAt);
}

export const projectsHandlers = {
  'projects.list': (_args, { backend, transport }) => {
    const dataDir = backend.ensureDataDir();
    // Over HTTP only files inside the data folder are shown, as only those can be opened.
    const recent = backend.settings
      .get()
      .recent.filter((file) => transport !== 'http' || (dataDir !== null && !path.relative(dataDir, file).startsWith('..')))
      .map(describe)
      .filter((f): f is ProjectFile => f !== null);
    return { dataDir, projects: listFolder(dataDir), recent };
  },
  'projects.create': ({ path: requested, name, levels }, { backend, transport }) => {
    const file = backend.resolvePath(Backend.withExtension(requested), transport);
    const opened = backend.createProject(file, { name: name ?? path.basename(file, PROJECT_EXTENSION), ...(levels ? { levels } : {}) });
    return currentProject(opened);
  },
  'projects.open': ({ path: requested }, { backend, transport }) => currentProject(backend.openProject(backend.resolvePath(requested, transport))),
  'projects.openSample': (_args, { backend }) => currentProject(openSampleProject(backend)),
  'projects.close': (_args, { backend }) => {
    backend.closeProject();
    return null;
  },
} satisfies HandlersOf<typeof projectsMethods>;
