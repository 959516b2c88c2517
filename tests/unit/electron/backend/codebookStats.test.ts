import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { codeSupport } from '../../../../electron/backend/codebookStats';
import { peopleProject } from '../../../support/peopleProject';

// The count as one SQL statement, as Stige first wrote it: the specification codeSupport must match.
const REFERENCE = `WITH RECURSIVE tree(ancestor, id) AS (
    SELECT id, id FROM codes
    UNION SELECT tree.ancestor, c.id FROM codes c JOIN tree ON c.parent_id = tree.id
  ),
  live AS (
    SELECT cg.id, cg.code_id, cg.document_id, cg.start, cg.end, cg.representative
    FROM codings cg JOIN documents d ON d.id = cg.document_id
    WHERE cg.status != 'orphaned' AND d.used_in_analysis = 1 AND (@coder IS NULL OR cg.coder_id = @coder)
  )
  SELECT tree.ancestor AS codeId, count(DISTINCT live.id) AS codings,
         count(DISTINCT CASE WHEN live.representative = 1 THEN live.id END) AS representative,
         (SELECT count(DISTINCT i.id) FROM tree t2 JOIN live l2 ON l2.code_id = t2.id
            JOIN turns t ON t.document_id = l2.document_id AND t.start < l2.end AND t.end > l2.start
            JOIN speakers s ON s.id = t.speaker_id JOIN informants i ON i.id = s.informant_id
          WHERE t2.ancestor = tree.ancestor AND i.role = 'informant' AND (s.role IS NULL OR s.role = 'informant')) AS informants
  FROM tree JOIN live ON live.code_id = tree.id GROUP BY tree.ancestor ORDER BY tree.ancestor`;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

describe('code support (codings, informants, starred quotes per code and everything under it)', () => {
  it('matches the one-statement SQL count on random codings across turns, levels, coders and orphans', async () => {
    const p = await peopleProject();
    const db = p.backend.project().db;
    const next = random(7);
    const documents = db.prepare('SELECT id, length(text) AS chars FROM documents').all() as { id: string; chars: number }[];
    const codes = Object.values(p.codes);
    for (let i = 0; i < 120; i += 1) {
      const doc = documents[Math.floor(next() * documents.length)]!;
      const start = Math.floor(next() * (doc.chars - 1));
      const end = Math.min(doc.chars, start + 1 + Math.floor(next() * 90));
      const { coding } = await p.api.call('codings.create', { documentId: doc.id, start, end, code: { id: codes[Math.floor(next() * codes.length)]! } });
      if (next() < 0.2) await p.api.call('codings.update', { id: coding.id, representative: true });
    }
    // Orphans and a document left out of the analysis do not count.
    p.backend.project().step('Orphan some', () => db.prepare("UPDATE codings SET status = 'orphaned' WHERE rowid % 9 = 0").run());
    await p.api.call('documents.update', { id: p.docs[2]!, usedInAnalysis: false });
    // Turns overlapping others, which importers do not make, must not change the counts.
    p.backend.project().step('Overlapping turns', () => {
      const speakers = db.prepare('SELECT speaker_id AS id, document_id AS doc FROM turns ORDER BY document_id, start').all() as { id: string; doc: string }[];
      speakers.filter((_, i) => i % 4 === 2).forEach((t, i) => db.prepare('INSERT INTO turns (id, document_id, speaker_id, start, end) VALUES (?, ?, ?, ?, ?)').run(`extra-${i}`, t.doc, t.id, 3 + i, 40 + 7 * i));
    });
    for (const coder of [null, p.coders.tester, p.coders.per]) {
      const expected = db.prepare(REFERENCE).all({ coder }) as { codeId: string; codings: number; informants: number; representative: number }[];
      const actual = codeSupport(db, coder);
      expect(expected.length).toBeGreaterThan(0);
      expect([...actual].map(([codeId, s]) => ({ codeId, ...s })).sort((a, b) => (a.codeId < b.codeId ? -1 : 1))).toEqual(expected);
    }
  });

  it('counts a passage across two turns for both speakers, and overlapping turns each', async () => {
    const p = await peopleProject();
    const db = p.backend.project().db;
    // Inger's first answer and Kjell's answer in the Bærum interview: both informants.
    const text = (db.prepare('SELECT text FROM documents WHERE id = ?').get(p.docs[0]!) as { text: string }).text;
    const start = text.indexOf('hver dag');
    const end = text.indexOf('tørre');
    const { coding } = await p.api.call('codings.create', { documentId: p.docs[0]!, start, end, code: { id: p.codes.C6 } });
    expect(codeSupport(db).get(p.codes.C6)).toMatchObject({ informants: 2 });
    // Moved into Inger's last answer: Inger alone. Then a turn of Kjell's spanning the whole
    // interview, overlapping the others (importers do not make such turns; the count must not care).
    const kjell = db.prepare('SELECT speaker_id FROM turns WHERE document_id = ? ORDER BY start LIMIT 1 OFFSET 2').get(p.docs[0]!) as { speaker_id: string };
    const write = (sql: string, ...args: unknown[]) => p.backend.project().step('Test', () => db.prepare(sql).run(...args));
    write('UPDATE codings SET start = ?, end = ? WHERE id = ?', text.length - 5, text.length, coding.id);
    expect(codeSupport(db).get(p.codes.C6)).toMatchObject({ informants: 1 });
    write('INSERT INTO turns (id, document_id, speaker_id, start, end) VALUES (?, ?, ?, 0, ?)', 'wide-turn', p.docs[0]!, kjell.speaker_id, text.length);
    expect(codeSupport(db).get(p.codes.C6)).toMatchObject({ informants: 2, representative: 0 });
    // Counted once per state of the file: a change by another connection (another process) shows too.
    const other = new Database(p.file);
    other.prepare('UPDATE codings SET representative = 1 WHERE id = ?').run(coding.id);
    other.close();
    expect(codeSupport(db).get(p.codes.C6)).toMatchObject({ informants: 2, representative: 1 });
  });
});
