import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../../../shared/api/client';
import type { BackendEvent } from '../../../../../shared/api/events';
import { ZIP_LIMITS } from '../../../../../electron/backend/import/zip';
import { testBackend } from '../../../../support/backend';
import { dumpProject } from '../../../../support/dump';
import { tempDir, writeFile } from '../../../../support/temp';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

async function setup() {
  const { api, backend, dir } = testBackend();
  await api.call('projects.create', { path: path.join(dir, 'p.stige') });
  const events: BackendEvent[] = [];
  backend.onEvent((e) => events.push(e));
  return { api, events, dump: () => dumpProject(backend.project().db), files: tempDir() };
}

async function reasons(api: ApiClient, files: readonly string[]): Promise<[string, string, string | null][]> {
  const report = await api.call('documents.import', { sources: files.map((f) => ({ path: f })) });
  return report.files.map((f) => [f.name, f.status, f.reason]);
}

/** Overwrite the uncompressed size of every entry in a zip's central directory (a lying zip bomb). */
function declareHuge(zip: Uint8Array, size: number): Uint8Array {
  const bytes = new Uint8Array(zip);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i + 4 <= bytes.length; i += 1) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return bytes;
}

describe('import: bad input gets a specific message and changes nothing', () => {
  it('refuses empty files, binary garbage, renamed images, a .docx that is not a zip, an old .doc, a damaged PDF and a too-large file', async () => {
    const { api, dump, files } = await setup();
    const before = dump();
    const big = path.join(files, 'huge.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 201 * 1024 * 1024); // sparse: no disk is used
    const got = await reasons(api, [
      writeFile(files, 'empty.vtt', ''),
      writeFile(files, 'blank.txt', ' \n\n\t\n'),
      writeFile(files, 'garbage.txt', new Uint8Array(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256))),
      writeFile(files, 'photo.docx', PNG),
      writeFile(files, 'photo.txt', PNG),
      writeFile(files, 'notes.docx', 'Dette er bare tekst med feil navn.'),
      writeFile(files, 'old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])),
      writeFile(files, 'broken.pdf', '%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF garbage'),
      writeFile(files, 'truncated.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8])),
      writeFile(files, 'empty.vtt.txt', 'WEBVTT\n\nNOTE nothing here\n'),
      writeFile(files, 'sheet.csv', 'a\nb\nc\n'),
      writeFile(files, 'styled.rtf', '{\\rtf1\\ansi Hei}'),
      big,
    ]);
    expect(got).toEqual([
      ['empty.vtt', 'failed', 'empty.vtt is empty'],
      ['blank.txt', 'failed', 'blank.txt is empty'],
      ['garbage.txt', 'failed', 'garbage.txt is not a text file (it contains binary data)'],
      ['photo.docx', 'failed', 'photo.docx is a PNG image, not a transcript or document (despite its “.docx” name)'],
      ['photo.txt', 'failed', 'photo.txt is a PNG image, not a transcript or document (despite its “.txt” name)'],
      ['notes.docx', 'failed', 'notes.docx is not a Word document: it is not a zip archive (it may be damaged, or another kind of file renamed)'],
      ['old.doc', 'failed', 'old.doc is an old Microsoft Office file (Word 97–2003 .doc or similar); open it in Word or LibreOffice and save it as .docx'],
      ['broken.pdf', 'failed', expect.stringMatching(/^broken\.pdf could not be read as a PDF \(/)],
      ['truncated.docx', 'failed', 'truncated.docx is a damaged zip archive (no end of central directory; the file may be truncated)'],
      ['empty.vtt.txt', 'failed', 'empty.vtt.txt cannot be imported: it has no cues (no “00:00:00.000 --> 00:00:01.000” timing lines)'],
      ['sheet.csv', 'failed', 'sheet.csv is not a table: no delimiter (tab, semicolon, comma) splits its lines into columns'],
      ['styled.rtf', 'failed', expect.stringMatching(/^styled\.rtf: Rich Text \(\.rtf\) cannot be imported yet .* save it as \.docx, \.odt or \.txt$/)],
      ['huge.txt', 'failed', 'huge.txt is 201 MB; files over 200 MB cannot be imported'],
    ]);
    expect(dump()).toEqual(before);
  });

  it('refuses zip bombs from the central directory, before anything is unpacked', async () => {
    const { api, dump, files } = await setup();
    const before = dump();
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    const small = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // A real bomb: 40 MB of zeros deflate to ~40 kB (a ratio of ~1000).
    const bomb = new JSZip();
    bomb.file('word/document.xml', new Uint8Array(40 * 1024 * 1024));
    const bombBytes = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const many = new JSZip();
    for (let i = 0; i <= ZIP_LIMITS.entries; i += 1) many.file(`x/${i}.xml`, '');
    const manyBytes = await many.generateAsync({ type: 'uint8array' });
    const got = await reasons(api, [
      writeFile(files, 'lying.docx', declareHuge(small, 0xfffffff0)),
      writeFile(files, 'ratio.docx', bombBytes),
      writeFile(files, 'many.odt', manyBytes),
      writeFile(files, 'noword.docx', small.slice(0)),
    ]);
    expect(got[0]).toEqual(['lying.docx', 'failed', 'lying.docx would unpack “[Content_Types].xml” to 4096 MB from 1 kB (refused as a possible zip bomb)']);
    expect(got[1]![2]).toMatch(/^ratio\.docx would unpack “word\/document\.xml” to 40 MB from \d+ kB \(refused as a possible zip bomb\)$/);
    // JSZip adds an entry for the folder too.
    expect(got[2]).toEqual(['many.odt', 'failed', `many.odt holds ${ZIP_LIMITS.entries + 2} files; a document holds far fewer (refused as a possible zip bomb)`]);
    // A well-formed archive that is not really a Word document.
    expect(got[3]![1]).toBe('failed');
    expect(dump()).toEqual(before);
  });

  it('imports what parses of a VTT with broken cues and reports the line numbers of the rest', async () => {
    const { api, files } = await setup();
    const vtt = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:02.000',
      '<v Inger>Første replikk.',
      '',
      '00:00:0x.000 --> 00:00:04.000',
      '<v Kjell>Andre, med ødelagt tid.',
      '',
      'en linje uten tid',
      '',
      'garbage --> more garbage',
      '<v Inger>Tredje.',
      '',
      '00:00:09.000 --> 00:00:10.000',
      '<v Kjell>Fjerde &amp; siste.',
    ].join('\n');
    const report = await api.call('documents.import', { sources: [{ path: writeFile(files, 'broken.vtt', vtt) }] });
    const file = report.files[0]!;
    expect(file.status).toBe('imported');
    expect(file.warnings).toEqual([
      'line 6: malformed timestamp “00:00:0x.000”; the cue\'s text was kept without it',
      'line 9: text without a cue timing line; kept with the cue before it',
      'line 11: malformed timestamp “garbage” and “more”; the cue\'s text was kept without it',
    ]);
    const doc = await api.call('documents.get', { id: file.documentId! });
    expect(doc.text).toBe('Første replikk.\nAndre, med ødelagt tid. en linje uten tid\nTredje.\nFjerde & siste.');
    expect(doc.turns.map((t) => [t.timeStartMs, t.timeEndMs])).toEqual([[1000, 2000], [null, 4000], [null, null], [9000, 10_000]]);
    expect(doc.importWarnings).toEqual(file.warnings);
  });

  it('runs each file in its own transaction: good files are imported around bad ones, undo takes back one file', async () => {
    const { api, dump, events, files } = await setup();
    const got = await reasons(api, [
      writeFile(files, 'a.txt', 'Intervjuer: Hei?\nInger: Hei!'),
      writeFile(files, 'bad.docx', PNG),
      writeFile(files, 'b.vtt', 'WEBVTT\n\n00:00.000 --> 00:01.000\n<v Kjell>Hallo.'),
    ]);
    expect(got.map(([n, s]) => [n, s])).toEqual([['a.txt', 'imported'], ['bad.docx', 'failed'], ['b.vtt', 'imported']]);
    expect(dump().documents).toHaveLength(2);
    const progress = events.filter((e): e is Extract<BackendEvent, { type: 'import.progress' }> => e.type === 'import.progress');
    const phases = (index: number) => progress.filter((e) => e.index === index).map((e) => e.phase);
    expect([phases(0), phases(1), phases(2)]).toEqual([['parsing', 'saving', 'done'], ['parsing', 'failed'], ['parsing', 'saving', 'done']]);
    expect(progress.map((e) => e.name)).toContain('bad.docx');
    expect(new Set(progress.map((e) => e.total))).toEqual(new Set([3]));
    expect((await api.call('history.state', {})).undoLabel).toBe('Import “b”');
    expect((await api.call('history.undo', {})).state.undoLabel).toBe('Import “a”');
    expect((await api.call('documents.list', {})).map((d) => d.title)).toEqual(['a']);
  });
});
