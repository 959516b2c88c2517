import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectSummary } from '../../../../shared/api/methods/project';
import { stige } from '../../../support/cli';
import { tempDir, writeFile } from '../../../support/temp';

const INTERVIEW = [
  'Intervjuer: Hva betyr innovasjon for deg?',
  'Inger: For meg er innovasjon «nyskapning» 👍 i kommunen.',
  'Det handler om å prøve nye ting.',
  'Intervjuer: Og i Bærum?',
  'Inger: Der prøver vi å dele erfaringer på tvers. Vi prøver igjen.',
].join('\r\n');

function projectFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.includes('.stige'));
}

describe('stige new / import / code / info', () => {
  it('creates, imports, codes and reports exactly the documented JSON, leaving one file after each command', () => {
    const dir = tempDir();
    const file = path.join(dir, 'oppgave.stige');
    const created = stige(['new', file, '--name', 'Masteroppgave', '--levels', '1. ordens kode|2. ordens kode|3. ordens kode']);
    expect(created.code, created.stderr).toBe(0);
    expect(projectFiles(dir)).toEqual(['oppgave.stige']);

    const transcript = writeFile(dir, 'Intervju Inger.txt', INTERVIEW);
    const imported = stige(['import', file, transcript, '--informant', 'Inger', '--case', 'Bærum', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.json()).toMatchObject({ files: [{ name: 'Intervju Inger.txt', status: 'imported' }] });
    expect(projectFiles(dir)).toEqual(['oppgave.stige']);

    const coded = stige([
      'code', file, '--document', 'Intervju Inger', '--text', 'Vi prøver', '--concept', 'Prøving og feiling',
      '--theme', 'Eksperimentering', '--dimension', 'Innovasjonspraksis', '--coder', 'Kari', '--representative', '--json',
    ]);
    expect(coded.code, coded.stderr).toBe(0);
    const coding = coded.json<{ coding: { start: number; end: number; quote: string; representative: boolean }; createdCodes: unknown[] }>();
    expect(coding.coding.quote).toBe('Vi prøver');
    expect(coding.coding.representative).toBe(true);
    expect(coding.createdCodes).toHaveLength(3);

    const second = stige(['code', file, '--document', 'Intervju Inger', '--text', '«nyskapning» 👍', '--concept', 'Nyskapning', '--theme', 'Eksperimentering', '--coder', 'Kari']);
    expect(second.code, second.stderr).toBe(0);

    const info = stige(['info', file, '--json']);
    expect(info.code, info.stderr).toBe(0);
    const summary = info.json<ProjectSummary>();
    expect(summary).toEqual({
      project: { name: 'Masteroppgave', schemaVersion: expect.any(Number), levels: ['1. ordens kode', '2. ordens kode', '3. ordens kode'] },
      documents: [
        {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          title: 'Intervju Inger',
          kind: 'interview',
          chars: expect.any(Number),
          turns: 4,
          speakers: [
            { label: 'Intervjuer', turns: 2, informant: null },
            { label: 'Inger', turns: 2, informant: 'Inger' },
          ],
        },
      ],
      informants: [{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), label: 'Inger', case: 'Bærum' }],
      codes: { concept: 2, theme: 1, dimension: 1, total: 4 },
      codings: 2,
    });
    // Labels and CRLF left the coded text: chars count the canonical text.
    const canonical = 'Hva betyr innovasjon for deg?\nFor meg er innovasjon «nyskapning» 👍 i kommunen.\nDet handler om å prøve nye ting.\nOg i Bærum?\nDer prøver vi å dele erfaringer på tvers. Vi prøver igjen.';
    expect(summary.documents[0]!.chars).toBe(canonical.length);
    expect(canonical.slice(coding.coding.start, coding.coding.end)).toBe('Vi prøver');
    expect(projectFiles(dir)).toEqual(['oppgave.stige']);
  });

  it('codes the N-th occurrence and fails clearly, changing nothing, when the passage is missing or a code is on another level', () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.stige');
    stige(['new', file]);
    stige(['import', file, writeFile(dir, 'a.txt', 'ja og ja og ja')]);
    const third = stige(['code', file, '--document', 'a', '--text', 'ja', '--occurrence', '3', '--concept', 'Ja', '--coder', 'K', '--json']);
    expect(third.code, third.stderr).toBe(0);
    expect(third.json<{ coding: { start: number } }>().coding.start).toBe(12);

    const before = stige(['info', file, '--json']).stdout;
    const missing = stige(['code', file, '--document', 'a', '--text', 'nei', '--concept', 'Nei', '--coder', 'K']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/^stige: The passage “nei” is not in “a”/);
    const tooFar = stige(['code', file, '--document', 'a', '--text', 'ja', '--occurrence', '4', '--concept', 'Ja', '--coder', 'K']);
    expect(tooFar.code).not.toBe(0);
    expect(tooFar.stderr).toMatch(/occurs 3 times/);
    const wrongLevel = stige(['code', file, '--document', 'a', '--text', 'og', '--concept', 'Nytt', '--theme', 'Ja', '--coder', 'K']);
    expect(wrongLevel.code).not.toBe(0);
    expect(wrongLevel.stderr).toMatch(/“Ja” exists as a first-order concept, not as a second-order theme/);
    const noDoc = stige(['code', file, '--document', 'b', '--text', 'ja', '--concept', 'Ja', '--coder', 'K']);
    expect(noDoc.code).not.toBe(0);
    expect(noDoc.stderr).toMatch(/There is no document “b”/);
    expect(stige(['info', file, '--json']).stdout).toBe(before);
    expect(projectFiles(dir)).toEqual(['p.stige']);
  });

  it('reports errors on stderr with a non-zero exit code', () => {
    const dir = tempDir();
    const missing = stige(['info', path.join(dir, 'nope.stige'), '--json']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/^stige: There is no project file/);
    expect(missing.stdout).toBe('');
    const file = path.join(dir, 'p.stige');
    expect(stige(['new', file]).code).toBe(0);
    const again = stige(['new', file]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already exists/);
    const badLevels = stige(['new', path.join(dir, 'q.stige'), '--levels', 'a|b']);
    expect(badLevels.code).not.toBe(0);
    expect(badLevels.stderr).toMatch(/--levels needs three names/);
    expect(stige(['frobnicate']).code).not.toBe(0);
    expect(stige(['code', file, '--document', 'x']).code).not.toBe(0);
  });

  it('imports several files, skipping duplicates and reporting failures per file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.stige');
    stige(['new', file]);
    const a = writeFile(dir, 'a.txt', 'Første tekst');
    const b = writeFile(dir, 'b.txt', 'Første tekst');
    const empty = writeFile(dir, 'empty.txt', '');
    const binary = writeFile(dir, 'image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    const pdfish = writeFile(dir, 'x.xyz', 'x');
    const run = stige(['import', file, a, b, empty, binary, pdfish, '--json']);
    expect(run.code).not.toBe(0);
    const report = run.json<{ files: { name: string; status: string; reason: string | null }[] }>();
    expect(report.files.map((f) => [f.name, f.status])).toEqual([
      ['a.txt', 'imported'],
      ['b.txt', 'skipped'],
      ['empty.txt', 'failed'],
      ['image.txt', 'failed'],
      ['x.xyz', 'failed'],
    ]);
    expect(report.files[2]!.reason).toMatch(/empty\.txt is empty/);
    expect(report.files[3]!.reason).toMatch(/image\.txt is not a text file/);
    expect(report.files[4]!.reason).toMatch(/“\.xyz” files cannot be imported/);
    expect(run.stderr).toMatch(/empty\.txt is empty/);
    const info = stige(['info', file, '--json']).json<ProjectSummary>();
    expect(info.documents.map((d) => d.title)).toEqual(['a']);
  });

  it('maps speakers with --speaker and refuses an ambiguous --informant', () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.stige');
    stige(['new', file]);
    const group = writeFile(dir, 'group.txt', 'S00: Hei\nS01: Hallo\nS02: Heisann\nS00: Ja');
    const ambiguous = stige(['import', file, group, '--informant', 'Inger']);
    expect(ambiguous.code).not.toBe(0);
    expect(ambiguous.stderr).toMatch(/has 3 speakers \(S00, S01, S02\)/);
    const mapped = stige(['import', file, group, '--speaker', 'S00=Inger', '--speaker', 'S01=@interviewer', '--speaker', 'S02=Kjell', '--case', 'Asker']);
    expect(mapped.code, mapped.stderr).toBe(0);
    const info = stige(['info', file, '--json']).json<ProjectSummary>();
    expect(info.documents[0]!.speakers).toEqual([
      { label: 'S00', turns: 2, informant: 'Inger' },
      { label: 'S01', turns: 1, informant: null },
      { label: 'S02', turns: 1, informant: 'Kjell' },
    ]);
    expect(info.informants.map((i) => [i.label, i.case])).toEqual([['Inger', 'Asker'], ['Kjell', 'Asker']]);
  });

  it('prints help for every command', () => {
    for (const command of ['new', 'import', 'code', 'search', 'info', 'serve']) {
      const help = stige([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`Usage: stige ${command}`));
    }
    expect(stige(['--help']).stdout).toMatch(/Commands:/);
  });
});

describe('stige search', () => {
  it('finds folded words in context, codes every hit as one step, and refuses bad options', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sok.stige');
    expect(stige(['new', file]).code).toBe(0);
    const transcript = writeFile(dir, 'Inger.txt', INTERVIEW);
    expect(stige(['import', file, transcript, '--informant', 'Inger']).code).toBe(0);

    const found = stige(['search', file, 'barum']);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toBe('Inger [118, 123): 👍 i kommunen. Det handler om å prøve nye ting. Og i [Bærum]? Der prøver vi å dele erfaringer på tvers. Vi prøver igjen.\n1 hit\n');

    const coded = stige(['search', file, 'prover', '--code-as', 'Prøving', '--theme', 'Eksperimentering', '--coder', 'Kari', '--json']);
    expect(coded.code, coded.stderr).toBe(0);
    const result = coded.json<{ total: number; hits: { match: string }[]; coded: { codings: number; skipped: number; createdCodes: string[] } }>();
    expect(result.hits.map((h) => h.match)).toEqual(['prøver', 'prøver']);
    expect(result.coded).toEqual({ codings: 2, skipped: 0, createdCodes: ['Eksperimentering', 'Prøving'] });
    const again = stige(['search', file, 'prover', '--code-as', 'Prøving', '--coder', 'Kari']);
    expect(again.stdout).toMatch(/Coded 0 hits as “Prøving” \(2 already coded\)/);

    expect(stige(['search', file, 'sok', '--exact', '--json']).json<{ total: number }>().total).toBe(0);
    const bad = stige(['search', file, 'x', '--limit', '0']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/^stige: --limit must be a whole number/);
    expect(stige(['search', file, 'x', '--theme', 'T']).stderr).toMatch(/--theme and --dimension need --code-as/);
    expect(stige(['search', file, 'x', '--document', 'Nobody']).stderr).toMatch(/There is no document “Nobody”/);
  });
});
