import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../../electron/backend/db/migrations';
import { createProjectFile, openProjectFile } from '../../../../../electron/backend/db/projectFile';
import { tempDir } from '../../../../support/temp';

describe('migration 0004_exports', () => {
  it('adds quote attribution overrides, role labels and the export log to an existing project, keeping its data', () => {
    const file = path.join(tempDir(), 'før.stige');
    const before = MIGRATIONS.filter((m) => m.version < 4);
    const old = createProjectFile(file, { name: 'Oppgåve', appVersion: 'test', migrations: before });
    old.history.step('seed', null, () => {
      const db = old.db;
      db.prepare("INSERT INTO coders (id, name, created_at) VALUES ('k', 'Kari', 0)").run();
      db.prepare("INSERT INTO informants (id, label, created_at) VALUES ('i', 'Inger', 0)").run();
      db.prepare("INSERT INTO documents (id, title, text, chars, text_hash, created_at, updated_at) VALUES ('d', 'Intervju', 'Nye løsninger 👍', 16, 'h', 0, 0)").run();
      db.prepare("INSERT INTO codes (id, level, label, color, created_at, updated_at) VALUES ('c', 1, 'Nytt', '#e69f00', 0, 0)").run();
      db.prepare(
        "INSERT INTO codings (id, document_id, code_id, start, end, coder_id, quote, representative, rep_order, excerpt, created_at, updated_at) VALUES ('x', 'd', 'c', 0, 13, 'k', 'Nye løsninger', 1, 3, 'Nye (…)', 0, 0)",
      ).run();
    });
    old.close();

    const project = openProjectFile(file);
    expect(project.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(project.db.prepare('SELECT quote, representative, rep_order, excerpt, attribution FROM codings').get()).toEqual({
      quote: 'Nye løsninger',
      representative: 1,
      rep_order: 3,
      excerpt: 'Nye (…)',
      attribution: null,
    });
    expect(project.db.prepare('SELECT label, role_label FROM informants').get()).toEqual({ label: 'Inger', role_label: '' });
    expect(() => project.history.step('bad', null, () => project.db.prepare("UPDATE codings SET attribution = 'famous'").run())).toThrow(/CHECK constraint/);
    // The export log is written outside undo steps, and cascades from exports to their quotes.
    project.db.prepare("INSERT INTO exports (id, kind, format, file_name, created_at) VALUES ('e', 'quotes', 'docx', 'a.docx', 0)").run();
    project.db
      .prepare("INSERT INTO export_quotes (export_id, seq, coding_id, document_id, document_title, start, end, text, attribution) VALUES ('e', 0, 'x', 'd', 'Intervju', 0, 13, 'Nye løsninger', 'Inger')")
      .run();
    expect(project.db.prepare('SELECT count(*) AS n FROM history_ops WHERE table_name IN (?, ?)').get('exports', 'export_quotes')).toEqual({ n: 0 });
    project.db.prepare("DELETE FROM exports WHERE id = 'e'").run();
    expect(project.db.prepare('SELECT count(*) AS n FROM export_quotes').get()).toEqual({ n: 0 });
    project.close();
  });
});
