import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../../../shared/api/client';
import type { BackendEvent } from '../../../../../shared/api/events';
import type { ImportFileResult } from '../../../../../shared/api/methods/documents';
import type { DocumentFull } from '../../../../../shared/model/types';
import { testBackend } from '../../../../support/backend';
import { dumpProject } from '../../../../support/dump';
import { tempDir, writeFile } from '../../../../support/temp';

const CORPUS = path.resolve('../shared/corpus/transcripts');

async function project(): Promise<{ api: ApiClient; dir: string; events: BackendEvent[]; db: () => ReturnType<typeof dumpProject> }> {
  const { api, backend, dir } = testBackend();
  await api.call('projects.create', { path: path.join(dir, 'p.stige') });
  const events: BackendEvent[] = [];
  backend.onEvent((e) => events.push(e));
  return { api, dir, events, db: () => dumpProject(backend.project().db) };
}

async function importOne(api: ApiClient, file: string, extra: Record<string, unknown> = {}): Promise<{ result: ImportFileResult; doc: DocumentFull | null }> {
  const report = await api.call('documents.import', { sources: [{ path: file }], ...extra });
  const result = report.files[0]!;
  return { result, doc: result.documentId ? await api.call('documents.get', { id: result.documentId }) : null };
}

/** The speaker label of each turn (null for asides) and the turn's text. */
function turnsOf(doc: DocumentFull): [string | null, string][] {
  const labels = new Map(doc.speakers.map((s) => [s.id, s.label]));
  return doc.turns.map((t) => [t.speakerId ? labels.get(t.speakerId)! : null, doc.text.slice(t.start, t.end)]);
}

/** Turns cover whole paragraphs, in order, without overlapping. */
function expectWellFormedTurns(doc: DocumentFull): void {
  let end = -1;
  for (const turn of doc.turns) {
    expect(turn.start).toBeGreaterThan(end);
    expect(turn.start === 0 || doc.text[turn.start - 1] === '\n').toBe(true);
    expect(turn.end === doc.text.length || doc.text[turn.end] === '\n').toBe(true);
    end = turn.end;
  }
}

describe('import: formats', () => {
  it('reads the OHD interview as .vtt, .tsv.csv and .ods with the same two speakers; the .ods holds the .csv’s rows but its last three', async () => {
    const { api } = await project();
    const vtt = (await importOne(api, path.join(CORPUS, 'ohd_transcript_de.vtt'))).doc!;
    const csv = (await importOne(api, path.join(CORPUS, 'ohd_transcript_de.tsv.csv'))).doc!;
    const ods = (await importOne(api, path.join(CORPUS, 'ohd_transcript_de.ods'))).doc!;
    for (const doc of [vtt, csv, ods]) {
      expect(doc.speakers.map((s) => s.label)).toEqual(['INT', 'AB']);
      expectWellFormedTurns(doc);
    }
    expect(csv.sourceFormat).toBe('tsv');
    // The same rows give the same text and turns; the .csv's three rows without a speaker continue AB.
    expect(csv.text).toBe(`${ods.text}\nAuch ohne Sprecherkürzel sollte es funktionieren Hier steht ein Text ohne Sprecherkürzel.`);
    expect(turnsOf(ods).map(([s]) => s)).toEqual(['INT', 'AB']);
    expect(ods.text).toContain('Ich bin in Lonke <n(heute Łąkie, Polen)>, Kreis Leipel');
    expect(ods.turns.map((t) => t.timeStartMs)).toEqual([5000, 27110]);
    expect(csv.durationMs).toBe(296_060);
    // In the .vtt only a turn's first cue carries the voice; the cues after it stay AB's.
    expect(turnsOf(vtt).map(([s]) => s)).toEqual(['INT', 'AB', 'INT']);
    expect(vtt.text).toContain('Ja, das ist eine, ein sehr kompliziertes Thema');
    expect(vtt.durationMs).toBe(247_401);
  });

  it('gives noScribe’s .txt and .html the same canonical text and turns, and its .vtt the same speaker turns, overlaps as turns of their own', async () => {
    const { api } = await project();
    const html = (await importOne(api, path.join(CORPUS, 'noscribe_de_interview.html'))).doc!;
    const { doc: _none, result } = await importOne(api, path.join(CORPUS, 'noscribe_de_interview.txt'));
    expect(result.status).toBe('skipped');
    await api.call('documents.delete', { id: html.id });
    const txt = (await importOne(api, path.join(CORPUS, 'noscribe_de_interview.txt'))).doc!;
    const vttImport = await importOne(api, path.join(CORPUS, 'noscribe_de_interview.vtt'));
    const vtt = vttImport.doc!;
    expect(txt.text).toBe(html.text);
    expect(turnsOf(txt)).toEqual(turnsOf(html));
    const spoken = (doc: DocumentFull) => turnsOf(doc).filter(([s]) => s !== null).map(([s]) => s);
    expect(spoken(vtt)).toEqual(spoken(txt));
    // "… versüßt. //S02: Ist das herrlich. // Ich kann …": the overlap is S02's own short turn.
    expect(turnsOf(txt).slice(5, 10)).toEqual([
      ['S01', 'Guten Tag, ich habe heute die große, einmalige Ehre, hier mit Heike Diene Költing zu sitzen, die, ja, Hörspielgöttin, die Hörspielqueen aus Deutschland sozusagen. (..) Erstmal, mir ist es eine große Ehre, Sie haben mir meine Kindheit auf jeden Fall versüßt.'],
      ['S02', 'Ist das herrlich.'],
      ['S01', 'Ich kann das gar nicht in Worte fassen.'],
      ['S00', 'Das ist doch Wunderbar.'],
      ['S01', 'Immer ein Wegbegleiter gewesen.'],
    ]);
    // The header and the pause are kept as text, but nobody speaks them.
    expect(turnsOf(txt).slice(0, 5)).toEqual([
      [null, 'Ein Gespräch mit Heikedine Körting l Die EUROPA Hörspiel-Königing'],
      [null, 'Transcribed with noScribe vers. 0.7'],
      [null, 'Audio file: ./Ein Gespräch mit Heikedine Körting l Die EUROPA Hörspiel-Königing.mp3'],
      [null, '(Language: English (en) | Speaker detection: auto | Overlapping speech: 1 | Timestamps: 1 | Disfluencies: 1 | Mark pause: 1)'],
      [null, '(12 seconds pause)'],
    ]);
    // Timestamps leave the text for the turns.
    expect(txt.text).not.toMatch(/\[\d\d:\d\d:\d\d\]/);
    expect(txt.turns[5]!.timeStartMs).toBe(12_000);
    expect(html.turns[5]).toMatchObject({ timeStartMs: 12_140, timeEndMs: 30_010 });
    expect(vttImport.result.warnings).toHaveLength(2);
    expect(vttImport.result.warnings[0]).toMatch(/^line 83: the cue's voice is “\/\/S02”.*read as S01/);
  });

  it('reads Teams, Zoom and OneDrive subtitles: times, utterances split over cues, names with commas, a BOM and CRLF', async () => {
    const { api } = await project();
    const premium = (await importOne(api, path.join(CORPUS, 'teams_premium.vtt'))).doc!;
    expect(turnsOf(premium)[3]).toEqual(['Janaki', 'Good afternoon, good afternoon. And so are you in Sunny Lake districts, Sunny Lancashire or?']);
    expect(premium.turns[3]).toMatchObject({ timeStartMs: 433_680, timeEndMs: 441_160 });
    expect(premium.durationMs).toBe(477_080);
    expect(premium.text).not.toMatch(/\r|<v|<\/v>/);
    const classic = (await importOne(api, path.join(CORPUS, 'teams_classic_lorem.vtt'))).doc!;
    expect(classic.speakers.map((s) => s.label)).toEqual(['Speaker, First (Student)', 'Interviewer, First']);
    const zoom = (await importOne(api, path.join(CORPUS, 'zoom_meeting001.vtt'))).doc!;
    const unnamed = zoom.speakers.find((s) => s.label === 'Unnamed speaker')!;
    expect(turnsOf(zoom).filter(([s]) => s === 'Unnamed speaker').map(([, t]) => t)).toEqual(['And that', 'Yes. Okay.']);
    expect(zoom.turns.filter((t) => t.speakerId === unnamed.id).map((t) => t.timeStartMs)).toEqual([150_060, 168_000]);
    expect(zoom.text).not.toContain('Paul McCartney:');
    const onedrive = (await importOne(api, path.join(CORPUS, 'onedrive_transcription_nospeaker.vtt'))).doc!;
    expect(turnsOf(onedrive)[3]).toEqual([
      'Unnamed speaker',
      "OK, so has been as we talked about just before. This project is about friendship, and I'd like you just to think about one of your friends and can you tell me about how you became friends?",
    ]);
    expect(onedrive.text.charCodeAt(0)).not.toBe(0xfeff);
    const malformed = await importOne(api, path.join(CORPUS, 'teams_2022_malformed_timestamps.vtt'));
    expect(malformed.doc!.importWarnings).toEqual(malformed.result.warnings);
    // Teams 2022 wrote milliseconds without padding: "0:0:10.20" is 10.020 s.
    expect(malformed.doc!.turns.slice(0, 3).map((t) => [t.timeStartMs, t.timeEndMs])).toEqual([[0, 250], [null, 8970], [10_020, 14_490]]);
  });

  it('reads SubRip from Whisper with and without [SPEAKER_00] labels, and plain-text styles of Otter, Rev and QualCoder', async () => {
    const { api } = await project();
    const dir = tempDir();
    const whisperx = writeFile(dir, 'whisperx.srt', '1\n00:00:00,000 --> 00:00:02,500\n[SPEAKER_00]: Hei, og velkommen.\n\n2\n00:00:02,500 --> 00:00:04,000\n[SPEAKER_00]: Kan du fortelle\n\n3\n00:00:04,000 --> 00:00:05,000\n[SPEAKER_00]: om deg selv?\n\n4\n00:00:05,200 --> 00:00:09,000\n[SPEAKER_01]: Ja, jeg jobber i «Bærum kommune».\n');
    const srt = (await importOne(api, whisperx)).doc!;
    expect(turnsOf(srt)).toEqual([
      ['SPEAKER_00', 'Hei, og velkommen.\nKan du fortelle om deg selv?'],
      ['SPEAKER_01', 'Ja, jeg jobber i «Bærum kommune».'],
    ]);
    expect(srt.turns.map((t) => [t.timeStartMs, t.timeEndMs])).toEqual([[0, 5000], [5200, 9000]]);
    const plain = writeFile(dir, 'whisper.srt', '1\r\n00:00:00,000 --> 00:00:02,000\r\nDette er en setning som\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\nfortsetter her.\r\n\r\n3\r\n00:00:03,500 --> 00:00:05,000\r\n<i>Ny setning.</i>\r\n');
    expect(turnsOf((await importOne(api, plain)).doc!)).toEqual([
      ['Unnamed speaker', 'Dette er en setning som fortsetter her.'],
      ['Unnamed speaker', 'Ny setning.'],
    ]);
    const otter = writeFile(dir, 'otter.txt', 'Inger Hansen  0:03\nHei, og takk for sist.\n\nKjell  1:02:05\nJa, takk.\nDet var fint.\n\nInger Hansen  1:02:30\nFlott.\n');
    const otterDoc = (await importOne(api, otter)).doc!;
    expect(turnsOf(otterDoc)).toEqual([
      ['Inger Hansen', 'Hei, og takk for sist.'],
      ['Kjell', 'Ja, takk.\nDet var fint.'],
      ['Inger Hansen', 'Flott.'],
    ]);
    expect(otterDoc.turns.map((t) => t.timeStartMs)).toEqual([3000, 3_725_000, 3_750_000]);
    const rev = writeFile(dir, 'rev.txt', 'Intervjuer (00:00:05): Hva gjør du?\nInformant 3 (00:00:09): Jeg leder prosjektet.\nIntervjuer (00:01:10): Takk.\n');
    const revDoc = (await importOne(api, rev)).doc!;
    expect(turnsOf(revDoc)).toEqual([['Intervjuer', 'Hva gjør du?'], ['Informant 3', 'Jeg leder prosjektet.'], ['Intervjuer', 'Takk.']]);
    expect(revDoc.speakers.map((s) => [s.label, s.role])).toEqual([['Intervjuer', 'interviewer'], ['Informant 3', null]]);
    const braces = writeFile(dir, 'braces.txt', '{Anne} Innovasjon er nyskapning.\n{Jan} For meg er det samarbeid.\n{Anne} Enig.\n');
    expect(turnsOf((await importOne(api, braces)).doc!).map(([s]) => s)).toEqual(['Anne', 'Jan', 'Anne']);
    const teamsWord = writeFile(dir, 'teams-word.txt', '0:0:0.0 --> 0:0:3.510\nHansen, Inger\nHei og velkommen.\n\n0:0:3.510 --> 0:0:9.200\nBerg, Kjell\nTakk, godt å være her.\n');
    expect(turnsOf((await importOne(api, teamsWord)).doc!)).toEqual([['Hansen, Inger', 'Hei og velkommen.'], ['Berg, Kjell', 'Takk, godt å være her.']]);
  });

  it('gives a .docx and a .txt with the same content (æøå, « », curly quotes, an emoji) the same canonical text and turns, in every text encoding', async () => {
    const { api, db } = await project();
    const lines = [
      'Intervju med Inger, 3. mars 2024',
      'Intervjuer: Hva betyr «innovasjon» for deg?',
      'Inger: For meg er det “nyskapning” 👍 – å prøve nye ting i Bærum.',
      'Det handler om ‘mot’, og om å dele.',
      'Intervjuer: Og hva med Ålesund?',
      'Inger: Der er de også flinke. 🙂',
    ];
    const dir = tempDir();
    const doc = new Document({
      sections: [
        {
          children: lines.map((line) => {
            const label = /^(\p{L}+): (.*)$/u.exec(line);
            return new Paragraph({ children: label ? [new TextRun({ text: `${label[1]}: `, bold: true }), new TextRun(label[2]!)] : [new TextRun(line)] });
          }),
        },
      ],
    });
    const docx = writeFile(dir, 'inger.docx', await Packer.toBuffer(doc));
    const fromDocx = (await importOne(api, docx)).doc!;
    const expectedTurns = [
      [null, 'Intervju med Inger, 3. mars 2024'],
      ['Intervjuer', 'Hva betyr «innovasjon» for deg?'],
      ['Inger', 'For meg er det “nyskapning” 👍 – å prøve nye ting i Bærum.\nDet handler om ‘mot’, og om å dele.'],
      ['Intervjuer', 'Og hva med Ålesund?'],
      ['Inger', 'Der er de også flinke. 🙂'],
    ];
    expect(turnsOf(fromDocx)).toEqual(expectedTurns);
    expect(fromDocx.sourceFormat).toBe('docx');
    const text = `${lines.join('\r\n')}\r\n\r\n`;
    const encodings: [string, Uint8Array][] = [
      ['utf8.txt', Buffer.from(text, 'utf8')],
      ['utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
      ['utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
      ['utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])],
      // Decomposed letters (a + combining ring) become the same NFC text.
      ['nfd.txt', Buffer.from(text.normalize('NFD'), 'utf8')],
    ];
    for (const [name, bytes] of encodings) {
      const { result } = await importOne(api, writeFile(dir, name, bytes));
      // The text is already in the project (from the .docx): the same canonical text is a duplicate.
      expect([name, result.status, result.reason]).toEqual([name, 'skipped', `${name}: the same text is already in the project`]);
    }
    // Windows-1252 has no emoji: the same lines without them give the .docx's text without them.
    const latin = lines.map((l) => l.replace(/ ?[👍🙂]/gu, '')).join('\r\n');
    const cp1252 = (await importOne(api, writeFile(dir, 'cp1252.txt', iconv.encode(latin, 'windows-1252')))).doc!;
    expect(cp1252.text).toBe(fromDocx.text.replace(/ ?[👍🙂]/gu, ''));
    expect(db().documents).toHaveLength(2);
  });

  it('reads a spreadsheet transcript (.xlsx) with Excel times, and a PDF page by page', async () => {
    const { api } = await project();
    const dir = tempDir();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Transkripsjon');
    sheet.addRow(['Start', 'Slutt', 'Taler', 'Tekst']);
    const time = (s: number) => new Date(Date.UTC(1899, 11, 30) + s * 1000);
    sheet.addRow([time(1.5), time(4), 'Intervjuer', 'Hva er «innovasjon»?']);
    sheet.addRow([time(4.25), time(9), 'Kari', 'Nye løsninger 💡.']);
    sheet.addRow([time(9), time(12), '', 'Også samarbeid.']);
    for (const row of [2, 3, 4]) for (const col of [1, 2]) sheet.getRow(row).getCell(col).numFmt = 'hh:mm:ss.000';
    const xlsx = writeFile(dir, 'transkripsjon.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    const sheetDoc = (await importOne(api, xlsx)).doc!;
    expect(turnsOf(sheetDoc)).toEqual([['Intervjuer', 'Hva er «innovasjon»?'], ['Kari', 'Nye løsninger 💡.\nOgså samarbeid.']]);
    expect(sheetDoc.turns.map((t) => [t.timeStartMs, t.timeEndMs])).toEqual([[1500, 4000], [4250, 12_000]]);
    expect(sheetDoc.durationMs).toBe(12_000);

    const pdf = new PDFDocument({ margin: 50 });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
    pdf.fontSize(12).text('Strategi for innovasjon i Bærum kommune');
    pdf.moveDown();
    pdf.text('Første avsnitt handler om «nyskapning» og “tjenester” som går på tvers av sektorene i kommunen, og det er en lang setning som brytes over flere linjer.');
    pdf.addPage();
    pdf.text('Side to: æøå ÆØÅ.');
    pdf.end();
    await done;
    const pdfDoc = (await importOne(api, writeFile(dir, 'strategi.pdf', Buffer.concat(chunks)))).doc!;
    expect(pdfDoc.kind).toBe('document');
    expect(pdfDoc.sourceFormat).toBe('pdf');
    expect(pdfDoc.text).toBe(
      'Strategi for innovasjon i Bærum kommune\nFørste avsnitt handler om «nyskapning» og “tjenester” som går på tvers av sektorene i kommunen, og det er en lang setning som brytes over flere linjer.\nSide to: æøå ÆØÅ.',
    );
    expect(pdfDoc.pages.map((p) => pdfDoc.text.slice(p.start, p.end))).toEqual([pdfDoc.text.split('\n').slice(0, 2).join('\n'), 'Side to: æøå ÆØÅ.']);
    expect(pdfDoc.pages.map((p) => [p.page, p.label])).toEqual([[1, null], [2, null]]);
    expect(pdfDoc.sourceHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a transcript saved as PDF (speaker labels across pages) and pdftotext output, keeping page ranges', async () => {
    const { api } = await project();
    const dir = tempDir();
    const pdf = new PDFDocument({ margin: 50 });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
    pdf.text('Intervjuer: Hva betyr innovasjon for deg?');
    pdf.moveDown();
    pdf.text('Inger: Nye løsninger på «samfunnsutfordringer».');
    pdf.addPage();
    pdf.text('Det er det korte svaret.');
    pdf.moveDown();
    pdf.text('Intervjuer: Takk.');
    pdf.end();
    await done;
    const doc = (await importOne(api, writeFile(dir, 'intervju.pdf', Buffer.concat(chunks)), { kind: 'interview' })).doc!;
    expect(turnsOf(doc)).toEqual([
      ['Intervjuer', 'Hva betyr innovasjon for deg?'],
      ['Inger', 'Nye løsninger på «samfunnsutfordringer».\nDet er det korte svaret.'],
      ['Intervjuer', 'Takk.'],
    ]);
    expect(doc.pages.map((p) => doc.text.slice(p.start, p.end))).toEqual([
      'Hva betyr innovasjon for deg?\nNye løsninger på «samfunnsutfordringer».',
      'Det er det korte svaret.\nTakk.',
    ]);
    const pdftotext = writeFile(dir, 'utskrift.txt', 'Første side, første avsnitt.\nAndre avsnitt.\n\fAndre side.\n\f');
    const txt = (await importOne(api, pdftotext)).doc!;
    expect(txt.text).toBe('Første side, første avsnitt.\nAndre avsnitt.\nAndre side.');
    expect(txt.pages.map((p) => [p.page, txt.text.slice(p.start, p.end)])).toEqual([[1, 'Første side, første avsnitt.\nAndre avsnitt.'], [2, 'Andre side.']]);
  });

  it('keeps the original bytes of every imported file', async () => {
    const { api, db } = await project();
    const file = path.join(CORPUS, 'qualcoder_ID1.docx');
    const { doc } = await importOne(api, file);
    const blob = db().blobs!.find((b) => (b as { hash: string }).hash === doc!.sourceHash) as { bytes: Buffer; size: number };
    expect(Buffer.compare(blob.bytes, fs.readFileSync(file))).toBe(0);
  });
});
