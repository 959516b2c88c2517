import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgreementReport, CoderSummary, HandoutResult, MergePreview, MergeResult } from '../../../../shared/api/methods/team';
import { stige } from '../../../support/cli';
import { tempDir } from '../../../support/temp';
import { TEAM_FIXTURES } from '../../../support/team';

function ok(args: string[], cwd: string) {
  const run = stige(args, { cwd });
  expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0);
  return run;
}

describe('stige handout / merge / agreement / coders', () => {
  it('hands out a blind copy, merges it back with conflicts in JSON, and reports agreement', () => {
    const dir = tempDir();
    const file = path.join(dir, 'prosjekt.stige');
    ok(['new', file], dir);
    ok(['import', file, path.join(TEAM_FIXTURES, 'intervju-inger.txt')], dir);
    const codeAs = (target: string, passage: string, concept: string, coder: string, theme = 'Læring') =>
      ok(['code', target, '--document', 'intervju-inger', '--text', passage, '--concept', concept, '--theme', theme, '--dimension', 'Praksis', '--coder', coder], dir);
    codeAs(file, 'prøve nye ting og lære av det', 'Prøve nye ting', 'Ola');
    codeAs(file, 'Budsjettet er stramt', 'Stramt budsjett', 'Ola', 'Hindringer');

    const copy = path.join(dir, 'kari.stige');
    const handout = ok(['handout', file, '-o', copy, '--coder', 'Kari', '--blind', '--json'], dir).json<HandoutResult>();
    expect(handout).toEqual({ path: copy, handoutId: expect.any(String), coder: 'Kari', blind: true, codings: 0, omittedCodings: 2, omittedMemos: 0 });
    expect(stige(['handout', file, '-o', copy, '--coder', 'Kari'], { cwd: dir })).toMatchObject({ code: 1, stderr: expect.stringMatching(/^stige: .*already exists/) });

    codeAs(copy, 'prøve nye ting', 'Prøve nye ting', 'Kari');
    codeAs(copy, 'Budsjettet er stramt', 'Stramt budsjett', 'Kari', 'Hindringer');
    // A concept only Kari has.
    codeAs(copy, 'gevinstene er vanskelige å måle', 'Vanskelig å måle', 'Kari', 'Hindringer');

    const preview = ok(['merge', file, copy, '--dry-run', '--json'], dir).json<MergePreview>();
    expect(preview).toMatchObject({ format: 'stige', base: 'handout', conflicts: [], theirs: { sameProject: true, origin: { coderName: 'Kari', blind: true } } });
    expect(preview.counts.codings).toMatchObject({ added: 3 });
    expect(preview.changes).toEqual([{ kind: 'code.added', subject: 'Code “Vanskelig å måle” (a first-order concept)', summary: 'added under “Hindringer”' }]);
    const merged = ok(['merge', file, copy, '--json'], dir).json<MergeResult>();
    expect(merged).toMatchObject({ label: 'Merge “kari.stige” (Kari)', logId: expect.any(Number) });
    expect(merged.counts).toEqual(preview.counts);
    expect(stige(['merge', file, path.join(dir, 'nope.qdpx')], { cwd: dir })).toMatchObject({ code: 1, stderr: expect.stringMatching(/^stige: nope\.qdpx cannot be found/) });

    const coders = ok(['coders', file, '--json'], dir).json<CoderSummary[]>();
    expect(coders.map((c) => [c.name, c.codings])).toEqual([
      ['Ola', 2],
      ['Kari', 3],
    ]);

    const report = ok(['agreement', file, '--coders', 'Kari,Ola', '--json'], dir).json<AgreementReport>();
    expect(report.coders.map((c) => c.name)).toEqual(['Kari', 'Ola']);
    expect(report.unit).toBe('char');
    expect(report.rows.map((r) => r.label)).toEqual(['Prøve nye ting', 'Stramt budsjett', 'Vanskelig å måle']);
    expect(report.rows[1]).toMatchObject({ percent: 1, kappa: 1, alpha: 1 });
    expect(report.overall).toMatchObject({ codeId: null, label: 'All codes (pooled)' });
    expect(Object.keys(report).sort()).toEqual(['coders', 'computedAt', 'documents', 'excludeUncoded', 'mean', 'overall', 'rows', 'table', 'unit']);

    const themes = ok(['agreement', file, '--coders', 'kari,ola', '--level', 'theme', '--unit', 'turn', '--json'], dir).json<AgreementReport>();
    expect(themes.rows.map((r) => [r.label, r.units])).toEqual([
      ['Læring', 6],
      ['Hindringer', 6],
    ]);
    const xlsx = path.join(dir, 'samsvar.xlsx');
    const text = ok(['agreement', file, '--coders', 'Kari,Ola', '--out', xlsx], dir).stdout;
    expect(text).toContain('Inter-coder agreement: Kari, Ola');
    expect(text).toMatch(/Stramt budsjett .*100\.0 %\s+1\.000\s+1\.000/);
    expect(fs.statSync(xlsx).size).toBeGreaterThan(1000);

    expect(stige(['agreement', file, '--coders', 'Kari,Per'], { cwd: dir })).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no coder “Per”') });
    expect(stige(['agreement', file, '--coders', 'Kari,Ola', '--unit', 'word'], { cwd: dir })).toMatchObject({ code: 1, stderr: expect.stringContaining('--unit must be') });
  }, 180_000);

  it('merges the .qdpx export of a coder’s copy, matched by id', () => {
    const dir = tempDir();
    const file = path.join(dir, 'prosjekt.stige');
    ok(['new', file], dir);
    ok(['import', file, path.join(TEAM_FIXTURES, 'intervju-inger.txt')], dir);
    const codeAs = (target: string, passage: string, concept: string, coder: string) =>
      ok(['code', target, '--document', 'intervju-inger', '--text', passage, '--concept', concept, '--theme', 'Læring', '--dimension', 'Praksis', '--coder', coder], dir);
    codeAs(file, 'prøve nye ting og lære av det', 'Prøve nye ting', 'Ola');
    const copy = path.join(dir, 'kari.stige');
    ok(['handout', file, '-o', copy, '--coder', 'Kari'], dir);
    codeAs(copy, 'prøve nye ting', 'Prøve nye ting', 'Kari');
    codeAs(copy, 'Budsjettet er stramt', 'Stramt budsjett «nytt»', 'Kari');
    const qdpx = path.join(dir, 'kari.qdpx');
    ok(['export', 'qdpx', copy, '-o', qdpx], dir);

    const preview = ok(['merge', file, qdpx, '--dry-run', '--json'], dir).json<MergePreview>();
    expect(preview).toMatchObject({ path: qdpx, format: 'qdpx', base: 'none', conflicts: [], theirs: { sameProject: true } });
    expect(preview.counts.documents).toMatchObject({ matchedById: 1, added: 0 });
    expect(preview.counts.codes).toMatchObject({ added: 1, matchedById: 3 });
    expect(preview.counts.codings).toMatchObject({ added: 2 });
    const text = ok(['merge', file, qdpx], dir).stdout;
    expect(text).toContain('Merged kari.qdpx');
    const coders = ok(['coders', file, '--json'], dir).json<CoderSummary[]>();
    expect(coders.map((c) => [c.name, c.codings])).toEqual([
      ['Ola', 1],
      ['Kari', 2],
    ]);
  }, 180_000);

  it('lists conflicts in text and takes the copy’s side with --theirs', () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.stige');
    ok(['new', file], dir);
    ok(['import', file, path.join(TEAM_FIXTURES, 'intervju-inger.txt')], dir);
    ok(['code', file, '--document', 'intervju-inger', '--text', 'Budsjettet er stramt', '--concept', 'Budsjett', '--coder', 'Ola'], dir);
    const copy = path.join(dir, 'kari.stige');
    ok(['handout', file, '-o', copy, '--coder', 'Kari'], dir);
    // The same concept is placed under different themes on the two sides.
    ok(['code', copy, '--document', 'intervju-inger', '--text', 'gevinstene er vanskelige', '--concept', 'Budsjett', '--theme', 'Ressurser', '--coder', 'Kari'], dir);
    ok(['code', file, '--document', 'intervju-inger', '--text', 'Vi mangler tid', '--concept', 'Budsjett', '--theme', 'Hindringer', '--coder', 'Ola'], dir);
    const dry = ok(['merge', file, copy, '--dry-run'], dir).stdout;
    expect(dry).toContain('Would merge kari.stige (Kari’s copy)');
    expect(dry).toMatch(/Conflicts \(1\)/);
    const id = /^\s+(code\.move:\S+)$/m.exec(dry)![1]!;
    expect(dry).toContain('here: a first-order concept under “Hindringer”');
    expect(dry).toContain('copy: a first-order concept under “Ressurser”');
    const merged = ok(['merge', file, copy, '--theirs', id, '--json'], dir).json<MergeResult>();
    expect(merged.conflicts).toEqual([expect.objectContaining({ id, resolution: 'theirs' })]);
    expect(stige(['merge', file, copy, '--theirs', 'code.move:nope'], { cwd: dir })).toMatchObject({ code: 1, stderr: expect.stringContaining('Not a conflict of this merge') });
  }, 120_000);
});
