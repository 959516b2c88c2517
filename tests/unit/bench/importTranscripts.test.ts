import { describe, expect, it } from 'vitest';
import { generateTranscript, importTranscripts } from '../../bench/steps/importTranscripts';
import { parsePlainText } from '../../../shared/import/plainText';
import { parseSubRip, parseWebVtt } from '../../../shared/import/subtitles';
import { tempDir } from '../../support/temp';

// The bench step itself is run by the benchmark; here it runs small, to prove it works and stays
// deterministic. No time is asserted.
describe('bench step: importTranscripts', () => {
  it('generates the same transcripts for the same seed, in three formats that parse into two speakers', () => {
    expect(generateTranscript(4, 500)).toEqual(generateTranscript(4, 500));
    expect(generateTranscript(4, 500, 2).content).not.toBe(generateTranscript(4, 500).content);
    const [txt, vtt, srt] = [0, 1, 2].map((i) => generateTranscript(i, 400));
    expect([txt!.name, vtt!.name, srt!.name]).toEqual(['intervju-001.txt', 'intervju-002.vtt', 'intervju-003.srt']);
    const speakers = (doc: { turns: readonly { speaker: string | null }[] }) => [...new Set(doc.turns.map((t) => t.speaker))];
    expect(speakers(parsePlainText(txt!.content))).toEqual(['Intervjuer', 'Inger']);
    expect(speakers(parseWebVtt(vtt!.content))).toEqual(['Intervjuer', 'Kjell']);
    expect(speakers(parseSubRip(srt!.content))).toEqual(['SPEAKER_00', 'SPEAKER_01']);
    for (const file of [txt, vtt, srt]) expect(file!.words).toBeGreaterThanOrEqual(400);
  });

  it('imports the files through the backend and reports what it measured', async () => {
    const result = await importTranscripts({ dir: tempDir(), files: 4, wordsPerFile: 300, baselineMs: 50 });
    expect(result).toMatchObject({ files: 4, imported: 4, failed: 0, probeMethod: 'codes.list' });
    expect(result.words).toBeGreaterThanOrEqual(1200);
    expect(result.turns).toBeGreaterThan(8);
    expect(result.parseMode).toMatch(/worker thread/);
    expect(result.duringImport.samples).toBeGreaterThan(0);
    expect(result.baseline.samples).toBeGreaterThan(0);
  });
});
