import type Database from 'better-sqlite3';
import { layoutFigure, type StructureFigure } from '../../../shared/layout/pages';
import type { StructureOptions } from '../../../shared/layout/options';
import { buildStructureTree, type StructureTree } from '../../../shared/layout/structureTree';
import { listCodes } from '../codebook';
import { codeSupport, informantTotal } from '../codebookStats';
import type { OpenProject } from '../openProject';
import { currentProject } from '../handlers/project';
import { coderName } from '../team/coders';

/**
 * The project's codebook as the figure's tree, with support counts (over one coder's codings when
 * `coderId` is given), filtered and ordered by `options`.
 */
export function structureTree(db: Database.Database, levelNames: readonly [string, string, string], options: StructureOptions, coderId: string | null = null): StructureTree {
  if (coderId) coderName(db, coderId); // NOT_FOUND for an unknown coder
  return buildStructureTree(listCodes(db), codeSupport(db, coderId), levelNames, informantTotal(db), options);
}

/** The figure of the open project, laid out for A4 pages. */
export function projectFigure(project: OpenProject, options: StructureOptions, coderId: string | null = null): StructureFigure {
  const info = currentProject(project);
  return layoutFigure(structureTree(project.db, info.levels, options, coderId), options, info.name);
}
