import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../../shared/api/methods/documents';
import type { ProjectSummary } from '../../../../../shared/api/methods/project';
import { stige } from '../../../../support/cli';
import { tempDir } from '../../../../support/temp';

// Every transcript of the shared corpus through the real `stige import`, as a user would run it.
//
// The expected speakers and turn counts were verified by reading the files, and recounted with
// small independent scripts (Python, not this code base) while writing this test:
// - voice-tag VTTs (Teams, OHD): speaker per cue = its `<v Name>`, or the previous cue's speaker
//   when a cue has none; turns = runs of equal speakers in file order. teams_premium: 17 cues →
//   Charles, Janaki alternate 10 times (5 + 5). teams_classic_lorem: 13 cues → 10 runs (5 + 5).
//   teams_2022_malformed_timestamps: 178 cues → 100 runs (50 + 50). ohd_transcript_de.vtt: 14
//   cues, the voice only on cues 1, 2 and 14 → INT, AB, INT.
// - zoom_meeting001.vtt: 300 cues, 298 start with "First Last: ", cues 34 ("And that") and 38
//   ("Yes. Okay.", an answer to Andrew Knight) have no name; runs of names with each unnamed cue
//   a run of its own → 34 turns: Andrew Knight 14, Paul McCartney 10, John Lennon 5, George
//   Harrison 2, Ringo Starr 1, and 2 turns of the unnamed speaker (5 named speakers).
// - no-speaker VTTs: cues grouped by utterance (the cue id without its `-N` part suffix):
//   teams_new_format_nospeaker 4 cues → 3 utterances; onedrive_transcription_nospeaker 271 cues,
//   one of them empty → 116 utterances.
// - noScribe: the .txt has 5 header lines (title, "Transcribed with", audio file, options,
//   "(12 seconds pause)") and paragraphs "Sxx: [time] text" whose "//Syy: … //" overlaps split
//   them; runs of speakers over the pieces → 96 turns (S00 45, S01 45, S02 6) + 5 asides = 101.
//   The .html holds the same segments (and gives the same text). The .vtt has one aside (the
//   pause cue) and the same 96 speaker turns once its two "//Sxx" voices are read as S01 = 97.
// - qualcoder_sample_transcript.txt: 7 paragraphs tagged [id1] [id2] [id3] [id1] [id3] [id1] [id2].
// - ohd_transcript_de.tsv.csv: rows 1–4 INT, 5–15 AB, then 3 rows without a speaker (they
//   continue AB) → 2 turns. The .ods holds the same rows 1–15 without the last three → 2 turns.
// - qualcoder_ID1.docx / qualcoder_ID2.odt: 3 paragraphs each, no speakers → 3 unnamed turns.
// - serdif_P7_zoom_thinkaloud.odt: 131 non-empty paragraphs, 5 start "MODERATOR:"; the others
//   are the participant's (unlabelled) → MODERATOR 5 turns, unnamed speaker 126 turns.

const CORPUS = path.resolve('../shared/corpus/transcripts');
const UNNAMED = 'Unnamed speaker';

interface Expected {
  readonly format: string;
  readonly speakers: Readonly<Record<string, number>>;
  /** Turns that are nobody's speech (headers, pause markers). */
  readonly asides?: number;
}

const EXPECTED: Readonly<Record<string, Expected>> = {
  'teams_premium.vtt': { format: 'vtt', speakers: { Charles: 5, Janaki: 5 } },
  'teams_classic_lorem.vtt': { format: 'vtt', speakers: { 'Speaker, First (Student)': 5, 'Interviewer, First': 5 } },
  'teams_2022_malformed_timestamps.vtt': { format: 'vtt', speakers: { 'Hurst, Peter': 50, 'Wright, Steve': 50 } },
  'teams_new_format_nospeaker.vtt': { format: 'vtt', speakers: { [UNNAMED]: 3 } },
  'onedrive_transcription_nospeaker.vtt': { format: 'vtt', speakers: { [UNNAMED]: 116 } },
  'zoom_meeting001.vtt': {
    format: 'vtt',
    speakers: { 'Andrew Knight': 14, 'Paul McCartney': 10, 'George Harrison': 2, 'Ringo Starr': 1, 'John Lennon': 5, [UNNAMED]: 2 },
  },
  'ohd_transcript_de.vtt': { format: 'vtt', speakers: { INT: 2, AB: 1 } },
  'ohd_transcript_de.tsv.csv': { format: 'tsv', speakers: { INT: 1, AB: 1 } },
  'ohd_transcript_de.ods': { format: 'ods', speakers: { INT: 1, AB: 1 } },
  'noscribe_de_interview.vtt': { format: 'vtt', speakers: { S01: 45, S02: 6, S00: 45 }, asides: 1 },
  'noscribe_de_interview.txt': { format: 'txt', speakers: { S01: 45, S02: 6, S00: 45 }, asides: 5 },
  'noscribe_de_interview.html': { format: 'html', speakers: { S01: 45, S02: 6, S00: 45 }, asides: 5 },
  'qualcoder_sample_transcript.txt': { format: 'txt', speakers: { id1: 3, id2: 2, id3: 2 } },
  'qualcoder_ID1.docx': { format: 'docx', speakers: { [UNNAMED]: 3 } },
  'qualcoder_ID2.odt': { format: 'odt', speakers: { [UNNAMED]: 3 } },
  'serdif_P7_zoom_thinkaloud.odt': { format: 'odt', speakers: { MODERATOR: 5, [UNNAMED]: 126 } },
};

function newProject(): string {
  const dir = tempDir();
  const file = path.join(dir, 'corpus.stige');
  const created = stige(['new', file]);
  expect(created.code, created.stderr).toBe(0);
  return file;
}

describe('stige import: the real-world transcripts of the corpus', () => {
  it('knows every transcript file of the corpus (a new file there needs an expectation here)', () => {
    const files = fs.readdirSync(CORPUS).sort();
    expect(files).toEqual([...Object.keys(EXPECTED), 'serdif_taguette_highlights.csv'].sort());
  });

  // One project per file: files with the same text (the noScribe trio, the OHD pair) would
  // otherwise be skipped as duplicates — which the next test checks on purpose.
  it.each(Object.entries(EXPECTED))('%s → the speakers and turns read from the file', (name, expected) => {
    const project = newProject();
    const run = stige(['import', project, path.join(CORPUS, name), '--as', 'transcript', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = run.json<ImportReport>();
    expect(report.files).toHaveLength(1);
    const file = report.files[0]!;
    expect(file).toMatchObject({ name, status: 'imported', format: expected.format, reason: null });
    expect(Object.fromEntries(file.speakers.map((s) => [s.label, s.turns]))).toEqual(expected.speakers);
    for (const speaker of file.speakers) expect(speaker.sample.length).toBeGreaterThan(0);

    const info = stige(['info', project, '--json']);
    expect(info.code, info.stderr).toBe(0);
    const summary = info.json<ProjectSummary>();
    const speakerTurns = Object.values(expected.speakers).reduce((a, b) => a + b, 0);
    expect(summary.documents).toHaveLength(1);
    expect(summary.documents[0]!.turns).toBe(speakerTurns + (expected.asides ?? 0));
    expect(Object.fromEntries(summary.documents[0]!.speakers.map((s) => [s.label, s.turns]))).toEqual(expected.speakers);
  });

  it('imports the whole folder in one run: the same text in another format is skipped as a duplicate, the Taguette export is refused', () => {
    const project = newProject();
    // A folder stands for every file in it.
    const run = stige(['import', project, CORPUS, '--json']);
    expect(run.code).toBe(1);
    const report = run.json<ImportReport>();
    const status = Object.fromEntries(report.files.map((f) => [f.name, f.status]));
    // noScribe's .html and .txt give identical canonical text. (OHD's .csv has three rows more
    // than its .ods, so both are imported; import.test.ts compares them.)
    expect(status).toEqual({
      ...Object.fromEntries(Object.keys(EXPECTED).map((n) => [n, 'imported'])),
      'noscribe_de_interview.txt': 'skipped',
      'serdif_taguette_highlights.csv': 'failed',
    });
    const taguette = report.files.find((f) => f.name === 'serdif_taguette_highlights.csv')!;
    expect(taguette.reason).toMatch(/^serdif_taguette_highlights\.csv was not imported: it is an export of coded quotes from another tool/);
    expect(taguette.reason).toMatch(/1930 quotes from 17 documents with 22 codes/);
    expect(run.stderr).toMatch(/export of coded quotes/);
    const malformed = report.files.find((f) => f.name === 'teams_2022_malformed_timestamps.vtt')!;
    expect(malformed.warnings).toEqual(['line 6: malformed timestamp “0:0:-6.-820”; the cue\'s text was kept without it']);
    const info = stige(['info', project, '--json']).json<ProjectSummary>();
    expect(info.documents).toHaveLength(Object.keys(EXPECTED).length - 1);
  });

  it('refuses the Taguette export even when told it is a transcript, and changes nothing', () => {
    const project = newProject();
    const before = stige(['info', project, '--json']).stdout;
    const run = stige(['import', project, path.join(CORPUS, 'serdif_taguette_highlights.csv'), '--as', 'transcript']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/export of coded quotes from another tool \(columns “id”, “document”, “tag”, “content”/);
    expect(stige(['info', project, '--json']).stdout).toBe(before);
  });
});
