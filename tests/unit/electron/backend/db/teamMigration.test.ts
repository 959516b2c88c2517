import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../../electron/backend/db/migrations';
import { createProjectFile, openProjectFile } from '../../../../../electron/backend/db/projectFile';
import { tempDir } from '../../../../support/temp';
import { code, teamProject } from '../../../../support/team';

const init = { name: 'Eldre prosjekt', appVersion: 'test' };
const beforeTeam = MIGRATIONS.filter((m) => m.version < 6);

/** A project file at the format before 0006, with a document, a code and a coding written directly. */
function olderFile(dir: string): string {
  const file = path.join(dir, 'eldre.stige');
  const project = createProjectFile(file, { ...init, migrations: beforeTeam });
  project.history.step('seed', null, () => {
    const db = project.db;
    const text = 'Intervjuer: Hei.\nInger: Vi deler erfaringer på tvers av etatene.';
    db.prepare("INSERT INTO coders (id, name, created_at) VALUES ('c-ola', 'Ola', 1)").run();
    db.prepare(
      "INSERT INTO documents (id, title, text, chars, text_hash, created_at, updated_at) VALUES ('d-1', 'Gammelt intervju', ?, ?, 'hash-1', 1, 1)",
    ).run(text, text.length);
    db.prepare("INSERT INTO codes (id, level, label, color, created_by, created_at, updated_at) VALUES ('k-1', 1, 'Dele erfaringer', '#e69f00', 'c-ola', 1, 1)").run();
    const start = text.indexOf('deler erfaringer');
    db.prepare(
      "INSERT INTO codings (id, document_id, code_id, start, end, coder_id, quote, created_at, updated_at) VALUES ('g-1', 'd-1', 'k-1', ?, ?, 'c-ola', 'deler erfaringer', 1, 1)",
    ).run(start, start + 'deler erfaringer'.length);
  });
  project.close();
  return file;
}

describe('migration 0006_team', () => {
  it('gives an older file a replica id and the team tables, keeping its data', () => {
    const dir = tempDir();
    const file = olderFile(dir);
    const project = openProjectFile(file);
    const row = project.db.prepare('SELECT replica_id, origin_replica_id FROM team_file').get() as { replica_id: string; origin_replica_id: string | null };
    expect(row.replica_id).toMatch(/^[0-9a-f]{32}$/);
    expect(row.origin_replica_id).toBeNull();
    expect(project.db.prepare('SELECT label, created_by, updated_by FROM codes').get()).toEqual({ label: 'Dele erfaringer', created_by: 'c-ola', updated_by: null });
    expect((project.db.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n).toBe(1);
    for (const table of ['team_base_codes', 'team_base_codings', 'team_base_memos', 'team_log', 'team_discussions']) {
      expect(project.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table), table).toBeTruthy();
    }
    project.close();
    // Two new files get different replica ids.
    const a = createProjectFile(path.join(dir, 'a.stige'), init);
    const b = createProjectFile(path.join(dir, 'b.stige'), init);
    const id = (p: typeof a) => (p.db.prepare('SELECT replica_id FROM team_file').get() as { replica_id: string }).replica_id;
    expect(id(a)).not.toBe(id(b));
    a.close();
    b.close();
  });

  it('merges a file of the older format read-only, as it is', async () => {
    const older = olderFile(tempDir());
    const { api, docs, codes } = await teamProject();
    await code(api, docs.inger, 'Vi deler erfaringer', codes.share, 'Kari');
    const merged = await api.call('team.mergeApply', { path: older });
    expect(merged.theirs.schemaVersion).toBe(beforeTeam[beforeTeam.length - 1]!.version);
    expect(merged.base).toBe('none');
    expect(merged.counts.documents.added).toBe(1);
    expect(merged.counts.codings, JSON.stringify(merged.counts)).toMatchObject({ added: 1 });
    expect((await api.call('team.coders', {})).map((c) => c.name).sort()).toEqual(['Kari', 'Lead', 'Ola']);
    const reopened = openProjectFile(older, { migrations: beforeTeam });
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(beforeTeam[beforeTeam.length - 1]!.version);
    reopened.close();
  });
});
