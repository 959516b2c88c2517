import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../../electron/backend/db/migrations';
import { createProjectFile, openProjectFile } from '../../../../../electron/backend/db/projectFile';
import { FOLD_VERSION, indexFold, searchIndexStale } from '../../../../../electron/backend/db/searchIndex';
import { sha256 } from '../../../../../electron/backend/import/hash';
import { tempDir } from '../../../../support/temp';
import { workspace } from '../../../../support/workspace';

const init = { name: 'Thesis', appVersion: 'test' };

function matches(db: Database.Database, expression: string): string[] {
  return (db.prepare('SELECT document_id FROM documents_fts WHERE documents_fts MATCH ? ORDER BY document_id').all(expression) as { document_id: string }[]).map(
    (r) => r.document_id,
  );
}

describe('migration 0003_workspace', () => {
  it('keeps every coding, lets flagged codings share a range, and fills the search index at first open', () => {
    const file = path.join(tempDir(), 'old.stige');
    const before = MIGRATIONS.filter((m) => m.version < 3);
    const old = createProjectFile(file, { ...init, migrations: before });
    const text = 'Vi søker nye løsninger i Bærum 👍.';
    old.history.step('seed', null, () => {
      const now = 1_700_000_000_000;
      old.db.prepare("INSERT INTO coders (id, name, created_at) VALUES ('k', 'Kari', ?)").run(now);
      old.db.prepare("INSERT INTO codes (id, level, label, color, created_at, updated_at) VALUES ('c', 1, 'Søk', '#e69f00', ?, ?)").run(now, now);
      old.db
        .prepare("INSERT INTO documents (id, title, text, chars, text_hash, created_at, updated_at) VALUES ('d', 'Inger', ?, ?, ?, ?, ?)")
        .run(text, text.length, sha256(text), now, now);
      const insert = old.db.prepare(
        `INSERT INTO codings (id, document_id, code_id, start, end, coder_id, quote, memo, representative, rep_order, excerpt, status, created_at, updated_at)
         VALUES (?, 'd', 'c', ?, ?, 'k', ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      insert.run('a', 3, 8, 'søker', 'memo æøå', 1, 2, 'søker', 'ok', now, now + 1);
      insert.run('b', 3, 9, 'søker ', '', 0, 0, null, 'changed', now, now);
      insert.run('o', 12, 12, 'løsninger', '', 0, 0, null, 'orphaned', now, now);
    });
    const rowsBefore = old.db.prepare('SELECT * FROM codings ORDER BY id').all();
    old.close();

    const project = openProjectFile(file);
    const db = project.db;
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    // Later migrations add columns (attribution); the rows keep every value they had.
    expect(db.prepare('SELECT * FROM codings ORDER BY id').all()).toEqual(rowsBefore.map((r) => expect.objectContaining(r as Record<string, unknown>)));
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'codings' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['codings_code', 'codings_document', 'codings_status', 'codings_unique_ok']));

    project.history.step('flag', null, () => {
      // A second changed and a second orphaned coding on the same ranges: allowed now.
      db.prepare("INSERT INTO codings (id, document_id, code_id, start, end, coder_id, quote, status, created_at, updated_at) VALUES ('b2', 'd', 'c', 3, 9, 'k', 'x', 'changed', 0, 0)").run();
      db.prepare("INSERT INTO codings (id, document_id, code_id, start, end, coder_id, quote, status, created_at, updated_at) VALUES ('o2', 'd', 'c', 12, 12, 'k', 'x', 'orphaned', 0, 0)").run();
    });
    // Two 'ok' codings on one range are still refused by the database itself.
    expect(() =>
      project.history.step('dup', null, () =>
        db.prepare("INSERT INTO codings (id, document_id, code_id, start, end, coder_id, quote, created_at, updated_at) VALUES ('a2', 'd', 'c', 3, 8, 'k', 'x', 0, 0)").run(),
      ),
    ).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT count(*) AS n FROM codings').get()).toEqual({ n: 5 });

    expect(searchIndexStale(db)).toBe(false);
    expect(matches(db, '"barum"*')).toEqual(['d']);
    expect(matches(db, '"sok"*')).toEqual(['d']);
    expect(db.prepare('SELECT text_hash FROM documents_fts').get()).toEqual({ text_hash: `${FOLD_VERSION}:${sha256(text)}` });
    project.close();
  });
});

describe('the search index', () => {
  it('folds documents with æ as "a" (the query tries "ae" both ways)', () => {
    expect(indexFold('Ærlig talt, Bærum og Søknaden')).toBe('arlig talt, barum og soknaden');
  });

  it('is rebuilt at open when another tool changed the documents behind Stige’s back', async () => {
    const w = await workspace();
    const file = w.backend.project().path;
    await w.api.call('projects.close', {});
    const raw = new Database(file);
    const text = 'Helt ny tekst om sjøbad og båthavn.';
    raw.prepare('UPDATE documents SET text = ?, chars = ?, text_hash = ? WHERE id = ?').run(text, text.length, sha256(text), w.docs.kjell);
    raw.close();
    await w.api.call('projects.open', { path: file });
    expect(searchIndexStale(w.db())).toBe(false);
    expect((await w.api.call('search.text', { query: 'sjobad bathavn', phrase: false })).hits.map((h) => h.documentId)).toEqual([w.docs.kjell, w.docs.kjell]);
    expect((await w.api.call('search.text', { query: 'Asker' })).hits.map((h) => h.documentId)).toEqual([w.docs.gruppe]);
  });

  it('is recreated at open when it is missing, and after a document was added without it', async () => {
    const w = await workspace();
    const file = w.backend.project().path;
    await w.api.call('projects.close', {});
    const raw = new Database(file);
    raw.exec('DROP TABLE documents_fts');
    raw.close();
    await w.api.call('projects.open', { path: file });
    expect((await w.api.call('search.text', { query: 'barum' })).total).toBe(4);

    await w.api.call('projects.close', {});
    const again = new Database(file);
    again
      .prepare("INSERT INTO documents (id, title, text, chars, text_hash, created_at, updated_at) VALUES ('x', 'Notat', 'Et notat om Ålesund.', 20, ?, 0, 0)")
      .run(sha256('Et notat om Ålesund.'));
    again.close();
    await w.api.call('projects.open', { path: file });
    expect((await w.api.call('search.text', { query: 'alesund' })).hits.map((h) => h.match)).toEqual(['Ålesund']);
  });

  it('is left alone in files older than its schema', () => {
    const file = path.join(tempDir(), 'v1.stige');
    const project = createProjectFile(file, { ...init, migrations: MIGRATIONS.filter((m) => m.version < 3) });
    expect(project.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'documents_fts'").get()).toBeUndefined();
    project.close();
  });
});
