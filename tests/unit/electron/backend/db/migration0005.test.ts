import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../../../shared/api/client';
import { Backend } from '../../../../../electron/backend/backend';
import { MIGRATIONS } from '../../../../../electron/backend/db/migrations';
import { createProjectFile } from '../../../../../electron/backend/db/projectFile';
import { tempDir } from '../../../../support/temp';

describe('migration 0005_people (attributes)', () => {
  it('upgrades a project from the version before, keeping its informants and cases, then stores attributes undoably', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'gammel.stige');
    const before = MIGRATIONS.filter((m) => m.version < 5);
    createProjectFile(file, { name: 'Gammel', appVersion: 'test', migrations: before }).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO cases (id, name, code, created_at) VALUES ('c1', 'Bærum', 'A', 1)").run();
    raw.prepare("INSERT INTO informants (id, label, real_name, case_id, created_at) VALUES ('i1', 'Inger', 'Inger Ås', 'c1', 1)").run();
    expect(raw.pragma('user_version', { simple: true })).toBe(before.at(-1)!.version);
    raw.close();

    const backend = new Backend({ mode: 'cli', version: 'test', dataDir: null, settingsDir: path.join(dir, '.settings'), log: () => {} });
    backend.settings.setCoderName('Tester');
    const api = createClient((method, args) => backend.dispatch(method, args));
    try {
      await api.call('projects.open', { path: file });
      expect((await api.call('project.get', {})).schemaVersion).toBeGreaterThanOrEqual(5);
      const table = await api.call('informants.table', {});
      expect(table.rows.map((r) => [r.informant.label, r.informant.realName, r.caseName])).toEqual([['Inger', 'Inger Ås', 'Bærum (A)']]);
      expect(table.attributes).toEqual([]);
      const age = await api.call('attributes.create', { scope: 'informant', name: 'Alder', type: 'number' });
      await api.call('attributes.setValues', { scope: 'informant', cells: [{ ownerId: 'i1', key: `attr:${age.id}`, value: '52' }] });
      expect((await api.call('informants.table', {})).rows[0]!.values).toEqual({ [age.id]: '52' });
      await api.call('history.undo', {});
      expect((await api.call('informants.table', {})).rows[0]!.values).toEqual({});
      // The informant's values go with it (and come back with it).
      await api.call('history.redo', {});
      await api.call('informants.delete', { id: 'i1' });
      expect((backend.project().db.prepare('SELECT count(*) AS n FROM informant_values').get() as { n: number }).n).toBe(0);
      await api.call('history.undo', {});
      expect((await api.call('informants.table', {})).rows[0]!.values).toEqual({ [age.id]: '52' });
    } finally {
      backend.close();
    }
  });
});
