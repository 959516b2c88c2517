import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { HandoutResult } from '../../../shared/api/methods/team';
import { openProjectUntracked } from '../db/projectFile';
import type { OpenProject } from '../openProject';
import { readSnapshot, writeBase } from './snapshot';

/**
 * Write a copy of the open project for coder `coder`: a new replica whose origin is this file, with
 * its starting state stored as the ancestor a later merge compares against. A blind copy leaves out
 * other coders' codings and memos, and starts in blind mode for that coder. The copy's undo history
 * and team log start empty. The open project gets a log entry (not an undo step).
 */
export function handout(project: OpenProject, file: string, coder: string, blind: boolean): HandoutResult {
  if (fs.existsSync(file)) throw new AppError('CONFLICT', `${file} already exists; choose another name for the copy`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = project.db;
  const source = db.prepare('SELECT replica_id FROM team_file WHERE id = 1').get() as { replica_id: string } | undefined;
  if (!source) throw new AppError('INTERNAL', 'the project has no replica id');
  const handoutId = randomUUID();
  const replicaId = randomUUID().replaceAll('-', '');
  const now = Date.now();
  // VACUUM INTO writes a compact, consistent copy including what is still in the write-ahead log.
  db.prepare('VACUUM INTO ?').run(file);
  let result: HandoutResult;
  try {
    const copy = openProjectUntracked(file);
    try {
      result = copy.transaction(() => {
        let coderId = (copy.prepare('SELECT id FROM coders WHERE name = ?').get(coder) as { id: string } | undefined)?.id;
        if (!coderId) {
          coderId = randomUUID();
          copy.prepare('INSERT INTO coders (id, name, created_at) VALUES (?, ?, ?)').run(coderId, coder, now);
        }
        let omittedCodings = 0;
        let omittedMemos = 0;
        if (blind) {
          omittedCodings = copy.prepare('DELETE FROM codings WHERE coder_id != ?').run(coderId).changes;
          omittedMemos = copy.prepare('DELETE FROM memos WHERE coder_id IS NOT NULL AND coder_id != ?').run(coderId).changes;
        }
        copy.exec('DELETE FROM history_ops; DELETE FROM history_steps; DELETE FROM team_log;');
        copy
          .prepare(
            `UPDATE team_file SET replica_id = ?, origin_replica_id = ?, origin_handout_id = ?, origin_coder_id = ?, origin_coder_name = ?,
               origin_blind = ?, handed_out_at = ? WHERE id = 1`,
          )
          .run(replicaId, source.replica_id, handoutId, coderId, coder, blind ? 1 : 0, now);
        if (blind) copy.prepare("UPDATE project SET settings = json_set(settings, '$.team.blindCoder', ?) WHERE id = 1").run(coderId);
        else copy.prepare("UPDATE project SET settings = json_remove(settings, '$.team.blindCoder') WHERE id = 1").run();
        writeBase(copy, readSnapshot(copy));
        copy
          .prepare("INSERT INTO team_log (kind, at, coder_name, file_name, other_replica_id, handout_id, summary) VALUES ('handout', ?, ?, ?, ?, ?, ?)")
          .run(now, coder, path.basename(project.path), source.replica_id, handoutId, `This copy was handed out to ${coder}${blind ? ' for blind coding' : ''}`);
        const codings = (copy.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n;
        return { path: file, handoutId, coder, blind, codings, omittedCodings, omittedMemos };
      })();
      if (blind) copy.exec('VACUUM');
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  db.prepare("INSERT INTO team_log (kind, at, coder_name, file_name, other_replica_id, handout_id, summary) VALUES ('handout', ?, ?, ?, ?, ?, ?)").run(
    now,
    coder,
    path.basename(file),
    replicaId,
    handoutId,
    `Copy for ${coder}${blind ? ' (blind: without other coders’ codings)' : ''}: ${result.codings} coding${result.codings === 1 ? '' : 's'}`,
  );
  return result;
}
