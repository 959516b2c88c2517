import { z } from 'zod';
import { method } from '../define';
import { FilePath, Label, NoArgs } from '../limits';
import type { Project } from '../../model/types';

/** A project file on disk. */
export interface ProjectFile {
  readonly path: string;
  readonly name: string;
  readonly modifiedAt: number;
  readonly size: number;
}

/** Projects in the data folder and recently opened ones (recent files that vanished are dropped). */
export interface ProjectListing {
  readonly dataDir: string | null;
  readonly projects: readonly ProjectFile[];
  readonly recent: readonly ProjectFile[];
}

/** The three level names, concept first. */
export const LevelNames = z.tuple([Label, Label, Label]);

export const projectsMethods = {
  /** Project files in the data folder (browser mode) and recent projects. Errors: none. */
  'projects.list': method(NoArgs).returns<ProjectListing>(),
  /**
   * Create a new project file and open it. `path` may omit the `.stige` extension; over HTTP it is
   * relative to the data folder. Errors: VALIDATION, CONFLICT (the file exists), FORBIDDEN.
   */
  'projects.create': method(
    z.strictObject({ path: FilePath, name: Label.optional(), levels: LevelNames.optional() }),
  ).returns<Project>(),
  /**
   * Open a project file, closing the one that is open. Backs it up first when due and migrates an
   * older schema (after a backup). Errors: NOT_FOUND, NOT_A_PROJECT, NEWER_VERSION (the file is not
   * touched), FORBIDDEN.
   */
  'projects.open': method(z.strictObject({ path: FilePath })).returns<Project>(),
  /**
   * Open the sample project: a fresh copy is written to the data folder (or the user's documents)
   * the first time, then reopened. Errors: none in practice.
   */
  'projects.openSample': method(NoArgs).returns<Project>(),
  /** Close the open project, leaving a single self-contained file. Errors: none. */
  'projects.close': method(NoArgs).returns<null>(),
};
