import type { structureMethods } from '../../../shared/api/methods/structure';
import { exportStructure } from '../figure/exportStructure';
import { saveStructureOptions, savedStructureOptions } from '../figure/settings';
import { projectFigure, structureTree } from '../figure/structureData';
import type { HandlersOf } from '../handlerTypes';
import { currentProject } from './project';

export const structureHandlers = {
  'structure.options': (_args, { backend }) => savedStructureOptions(backend.project().db),
  'structure.setOptions': (patch, { backend }) => {
    const project = backend.project();
    return project.step('Change figure options', () => saveStructureOptions(project.db, patch));
  },
  'structure.tree': ({ options, coderId }, { backend }) => {
    const project = backend.project();
    return structureTree(project.db, currentProject(project).levels, { ...savedStructureOptions(project.db), ...options }, coderId ?? null);
  },
  'structure.layout': ({ options, coderId }, { backend }) => {
    const project = backend.project();
    return projectFigure(project, { ...savedStructureOptions(project.db), ...options }, coderId ?? null);
  },
  'structure.export': ({ format, destination, options, embedFont, coderId }, ctx) => {
    const project = ctx.backend.project();
    return exportStructure(ctx, format, destination, { ...savedStructureOptions(project.db), ...options }, embedFont ?? true, coderId ?? null);
  },
} satisfies HandlersOf<typeof structureMethods>;
