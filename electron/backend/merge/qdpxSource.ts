import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { LIMITS } from '../../../shared/api/limits';
import { createProjectFile } from '../db/projectFile';
import { OpenProject } from '../openProject';
import { REFI_NAMESPACE_SETTING } from '../refi/exportProject';
import { importRefi } from '../refi/importRefi';
import { readRefiInput } from '../refi/readInput';

// Merging a coder's `.qdpx` (REFI-QDA) export: the REFI-QDA importer reads it into a throwaway
// Stige project, and the merge then reads that project like any coder's copy (sources.ts opens it
// with format 'qdpx'). The importer keeps the file's GUIDs as ids, and Stige writes its own ids as
// GUIDs, so a .qdpx exported from a copy of this project matches documents, codes, codings and
// coders by id; a foreign one matches documents by content hash and codes by label and level. A
// .qdpx carries no common ancestor, so every codebook difference is listed as a conflict and the
// merge deletes nothing.

/** A .qdpx read into a temporary Stige project; `dispose` removes it. */
export interface QdpxProject {
  readonly file: string;
  /** What the importer could not carry over, for the merge's warnings. */
  readonly warnings: readonly string[];
  dispose(): void;
}

/** True when a merge of the file called `name` goes through `qdpxAsProject`. */
export function isQdpxName(name: string): boolean {
  return path.extname(name).toLowerCase() === '.qdpx';
}

/**
 * Read the .qdpx at `file` (named `name` for people) into a temporary project. Throws NOT_FOUND,
 * IMPORT (not a REFI-QDA project, damaged, too large).
 */
export async function qdpxAsProject(file: string, name: string, appVersion: string): Promise<QdpxProject> {
  let bytes: Buffer;
  try {
    if (fs.statSync(file).size > LIMITS.uploadBytes) {
      throw new AppError('IMPORT', `${name} is over ${LIMITS.uploadBytes / 1024 / 1024} MB and cannot be merged`, { file: name });
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('NOT_FOUND', `${name} cannot be found or read`, { file: name });
  }
  const loaded = await readRefiInput(new Uint8Array(bytes), name);
  if (loaded.format !== 'qdpx') throw new AppError('IMPORT', `${name} is a ${loaded.format === 'qdc' ? 'codebook' : 'bare project file'}, not a .qdpx project to merge`, { file: name });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stige-merge-qdpx-'));
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const target = path.join(dir, 'copy.stige');
    const created = createProjectFile(target, { name: loaded.file.name.trim() || path.basename(name, path.extname(name)), appVersion });
    try {
      // No user: codings without an author get the file's "<tool> import" coder, as in an import.
      const project = new OpenProject(created, () => null, () => undefined);
      const report = importRefi(project, loaded, { levels: { kind: 'auto' }, onConflict: 'keep', resolve: {}, dryRun: false });
      // A Stige export names the project it was made from: then the copy is that project (same ids).
      project.step('Project identity', () => {
        created.db.prepare(`UPDATE project SET uuid = coalesce(json_extract(settings, '$.${REFI_NAMESPACE_SETTING}'), uuid) WHERE id = 1`).run();
      });
      const warnings = [
        ...report.warnings.map((w) => `${name}: ${w}`),
        ...report.notImported.map((loss) => `${name}: not merged — ${loss.reason} (${loss.count})`),
      ];
      return { file: target, warnings, dispose };
    } finally {
      created.close();
    }
  } catch (error) {
    dispose();
    throw error;
  }
}
