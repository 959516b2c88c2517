import { describe, expect, it } from 'vitest';
import { dumpProject } from '../../support/dump';
import { tempDir } from '../../support/temp';
import { buildLargeProject, SMALL } from '../../bench/largeProject';
import { measureMatrix } from '../../bench/steps/matrix';

// The benchmark step runs small here, to prove it works and the generator is deterministic. No time
// is asserted.
describe('bench step: matrix', () => {
  it('builds the same project for the same size, with the promised shape', async () => {
    const [a, b] = [await buildLargeProject(tempDir(), SMALL), await buildLargeProject(tempDir(), SMALL)];
    try {
      const dump = (p: typeof a) => {
        const d = dumpProject(p.backend.project().db);
        // The project row and the file's identity (team_file) differ per file by design.
        return { ...d, project: [], history_steps: [], team_file: [] };
      };
      expect(dump(a)).toEqual(dump(b));
      const db = a.backend.project().db;
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(count('SELECT count(*) AS n FROM codings')).toBe(SMALL.codings);
      expect(count('SELECT count(*) AS n FROM codes')).toBe(SMALL.codes);
      expect(count("SELECT count(*) AS n FROM informants WHERE role = 'informant'")).toBe(SMALL.informants);
      expect(count("SELECT count(*) AS n FROM informants WHERE role = 'interviewer'")).toBe(SMALL.interviewers);
      expect(count('SELECT count(*) AS n FROM cases')).toBe(SMALL.cases);
      expect(count('SELECT count(*) AS n FROM documents')).toBe(SMALL.interviews);
      // Turns tile each text: consecutive, no gaps but the line breaks.
      const turns = db.prepare('SELECT document_id, start, end FROM turns ORDER BY document_id, start').all() as { document_id: string; start: number; end: number }[];
      for (let i = 1; i < turns.length; i += 1) {
        if (turns[i]!.document_id === turns[i - 1]!.document_id) expect(turns[i]!.start).toBe(turns[i - 1]!.end + 1);
      }
    } finally {
      a.backend.close();
      b.backend.close();
    }
  });

  it('measures the matrix and checks it against the SQL floor', async () => {
    const result = await measureMatrix(tempDir(), { size: SMALL, runs: 1 });
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.checks).toHaveLength(4);
    expect(result.metrics.map((m) => m.name)).toContain('floor: SQL count per concept × informant');
    for (const m of result.metrics) expect(m.samples.length).toBeGreaterThan(0);
  });
});
