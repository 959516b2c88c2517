import { z } from 'zod';
import { method } from '../define';
import { Label, NoArgs, ShortText } from '../limits';
import { LevelNames } from './projects';
import type { Project } from '../../model/types';

/** The overview `stige info --json` prints; ids are stable UUIDs, labels are display labels. */
export interface ProjectSummary {
  readonly project: { readonly name: string; readonly schemaVersion: number; readonly levels: readonly [string, string, string] };
  readonly documents: readonly {
    readonly id: string;
    readonly title: string;
    readonly kind: string;
    readonly chars: number;
    readonly turns: number;
    readonly speakers: readonly { readonly label: string; readonly turns: number; readonly informant: string | null }[];
  }[];
  readonly informants: readonly { readonly id: string; readonly label: string; readonly case: string | null }[];
  readonly codes: { readonly concept: number; readonly theme: number; readonly dimension: number; readonly total: number };
  readonly codings: number;
}

export const projectMethods = {
  /** The open project's settings. Errors: NO_PROJECT. */
  'project.get': method(NoArgs).returns<Project>(),
  /** Rename the project, its level names, or edit its memo (one undoable step). Errors: NO_PROJECT, VALIDATION. */
  'project.update': method(
    z.strictObject({ name: Label.optional(), levels: LevelNames.optional(), memo: ShortText.optional() }),
  ).returns<Project>(),
  /** Counts and speakers per document, informants, codes per level, codings. Errors: NO_PROJECT. */
  'project.summary': method(NoArgs).returns<ProjectSummary>(),
};
