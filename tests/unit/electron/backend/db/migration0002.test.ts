import path from 'node:path';
import Database from 'better-sqlite3';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../../../shared/api/client';
import { Backend } from '../../../../../electron/backend/backend';
import { LATEST_VERSION, MIGRATIONS } from '../../../../../electron/backend/db/migrations';
import { createProjectFile } from '../../../../../electron/backend/db/projectFile';
import { tempDir, writeFile } from '../../../../support/temp';

async function twoPagePdf(): Promise<Buffer> {
  const pdf = new PDFDocument();
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
  pdf.text('Referat fra møtet i Asker.');
  pdf.addPage();
  pdf.text('Vedtak: «prøve nye løsninger».');
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}

describe('migration 0002_import (document_pages)', () => {
  it('upgrades a version-1 project with documents, then keeps PDF pages, undoably', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.stige');
    createProjectFile(file, { name: 'Old', appVersion: 'test', migrations: MIGRATIONS.slice(0, 1) }).close();
    const raw = new Database(file);
    raw
      .prepare(`INSERT INTO documents (id, title, text, chars, text_hash, created_at, updated_at) VALUES ('d1', 'Gammel', 'Hei', 3, 'h', 1, 1)`)
      .run();
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    raw.close();

    const backend = new Backend({ mode: 'cli', version: 'test', dataDir: null, settingsDir: path.join(dir, '.settings'), log: () => {} });
    const api = createClient((method, args) => backend.dispatch(method, args));
    try {
      await api.call('projects.open', { path: file });
      expect((await api.call('project.get', {})).schemaVersion).toBe(LATEST_VERSION);
      const old = await api.call('documents.get', { id: 'd1' });
      expect([old.text, old.pages]).toEqual(['Hei', []]);
      const report = await api.call('documents.import', { sources: [{ path: writeFile(dir, 'referat.pdf', await twoPagePdf()) }] });
      const doc = await api.call('documents.get', { id: report.files[0]!.documentId! });
      expect(doc.pages.map((p) => doc.text.slice(p.start, p.end))).toEqual(['Referat fra møtet i Asker.', 'Vedtak: «prøve nye løsninger».']);
      await api.call('history.undo', {});
      const rows = backend.project().db.prepare('SELECT count(*) AS n FROM document_pages').get() as { n: number };
      expect(rows.n).toBe(0);
      await api.call('history.redo', {});
      expect((await api.call('documents.get', { id: doc.id })).pages).toHaveLength(2);
    } finally {
      backend.close();
    }
  });
});
