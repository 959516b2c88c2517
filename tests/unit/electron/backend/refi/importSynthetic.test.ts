import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../../../../electron/backend/refi/zip';
import { testBackend } from '../../../../support/backend';
import { writeFile } from '../../../../support/temp';

// Exchange files as other tools write them, small enough to check every position by hand.
const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TEXT = 'Inger: Vi prøver 😀 nye ting.\r\nKjell: Det går fint 👍 i Bærum.\r\nInger: Ærlig talt, ja.';

/** Positions of `passage` in TEXT as a producer counting in `unit` (CRLF as one or two) writes them. */
function pos(passage: string, unit: 'codepoint' | 'utf16', crlfAsOne = false): string {
  const text = crlfAsOne ? TEXT.replace(/\r\n/g, '\n') : TEXT;
  const at = text.indexOf(passage);
  const count = (s: string) => (unit === 'codepoint' ? [...s].length : s.length);
  return `startPosition="${count(text.slice(0, at))}" endPosition="${count(text.slice(0, at + passage.length))}"`;
}

function qde(sources: string, extra = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<Project name="Syntetisk" origin="Testverktøy 1.0" xmlns="urn:QDA-XML:project:1.0">
  <Users><User guid="${G(1)}" name="Kari"/></Users>
  <CodeBook><Codes>
    <Code guid="${G(10)}" name="Forsøk" isCodable="true"><NoteRef targetGUID="${G(90)}"/></Code>
    <Code guid="${G(11)}" name="Trivsel" isCodable="true"/>
  </Codes></CodeBook>
  ${extra}
  <Sources>${sources}</Sources>
  <Notes>
    <Note guid="${G(90)}" name="Kodememo"><PlainTextContent>Om forsøk 🧪</PlainTextContent></Note>
    <Note guid="${G(91)}" name="Løst notat"><PlainTextContent>Frittstående memo</PlainTextContent></Note>
  </Notes>
</Project>`;
}

function selection(guid: number, where: string, codes: number[], description = ''): string {
  const codings = codes.map((c, i) => `<Coding guid="${G(guid * 10 + i)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(c)}"/></Coding>`).join('');
  return `<PlainTextSelection guid="${G(guid)}" ${where}>${description ? `<Description>${description}</Description>` : ''}${codings}</PlainTextSelection>`;
}

async function importFile(name: string, bytes: Uint8Array | string) {
  const { api, dir } = testBackend();
  await api.call('projects.create', { path: path.join(dir, 'p') });
  const file = writeFile(dir, name, bytes);
  const report = await api.call('refi.import', { source: { path: file } });
  const codings = await api.call('codings.list', {});
  return { api, report, quotes: codings.map((c) => c.quote).sort() };
}

describe('REFI-QDA files from other producers', () => {
  it.each([
    ['code points, CRLF as two (the standard)', 'codepoint', false, 'codepoint', 'as-written'],
    ['UTF-16 units, CRLF as two (NVivo for Windows)', 'utf16', false, 'utf16', 'as-written'],
    ['code points, CRLF as one', 'codepoint', true, 'codepoint', 'crlf-as-one'],
    ['UTF-16 units, CRLF as one', 'utf16', true, 'utf16', 'crlf-as-one'],
  ] as const)('positions in %s land on the same words after the labels left the text', async (_name, unit, crlfAsOne, expectedUnit, expectedBreaks) => {
    const passages = ['nye ting', 'Det går fint 👍 i Bærum', 'Ærlig talt', 'prøver 😀 nye'];
    const sels = passages.map((p, i) => selection(100 + i, pos(p, unit, crlfAsOne), [10])).join('');
    const zip = await writeZip(
      new Map([
        ['project.qde', qde(`<TextSource guid="${G(50)}" name="Intervju.txt" plainTextPath="internal://${G(50)}.txt">${sels}</TextSource>`)],
        [`sources/${G(50)}.txt`, TEXT],
      ]),
    );
    const { report, quotes } = await importFile('syntetisk.qdpx', zip);
    expect(report.sources[0]).toMatchObject({ offsetUnit: expectedUnit, lineBreaks: expectedBreaks, offsetScore: 1, speakerLabels: ['Inger', 'Kjell'] });
    expect(quotes).toEqual([...passages].sort());
  });

  it('reports selections on a label only, outside the text, without codes or with unknown codes; merges duplicates', async () => {
    const sels = [
      selection(100, pos('Vi prøver', 'codepoint'), [10, 11]),
      selection(101, pos('Kjell: ', 'codepoint'), [10]),
      selection(102, 'startPosition="500" endPosition="520"', [10]),
      selection(103, pos('Ærlig', 'codepoint'), [], 'Bare en kommentar'),
      selection(104, pos('fint', 'codepoint'), [99]),
      selection(105, pos('Vi prøver', 'codepoint'), [10]),
    ].join('');
    const zip = await writeZip(new Map([['project.qde', qde(`<TextSource guid="${G(50)}" name="Intervju" plainTextPath="internal://${G(50)}.txt">${sels}</TextSource>`)], [`sources/${G(50)}.txt`, TEXT]]));
    const { report, quotes, api } = await importFile('feil.qdpx', zip);
    expect(quotes).toEqual(['Vi prøver', 'Vi prøver']);
    expect(Object.fromEntries(report.notImported.map((l) => [l.kind, l.count]))).toEqual({
      'label-only-selections': 1,
      'selections-outside-text': 1,
      'uncoded-selections': 1,
      'unknown-code-codings': 1,
      'duplicate-codings': 1,
    });
    // Notes on codes become code memos; a note nobody points at becomes a project memo.
    const codes = await api.call('codes.list', {});
    expect(codes.find((c) => c.label === 'Forsøk')!.memo).toBe('Om forsøk 🧪');
    expect(report.imported.memos).toBe(1);
  });

  it('matches a coding whose GUID comes twice in one file instead of adding it twice', async () => {
    const twice = `<PlainTextSelection guid="${G(100)}" ${pos('nye ting', 'codepoint')}><Coding guid="${G(7000)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(10)}"/></Coding></PlainTextSelection>`;
    const again = `<PlainTextSelection guid="${G(101)}" ${pos('nye ting', 'codepoint')}><Coding guid="${G(7000)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(10)}"/></Coding></PlainTextSelection>`;
    const zip = await writeZip(new Map([['project.qde', qde(`<TextSource guid="${G(50)}" name="Intervju" plainTextPath="internal://${G(50)}.txt">${twice}${again}</TextSource>`)], [`sources/${G(50)}.txt`, TEXT]]));
    const { report, quotes } = await importFile('to-ganger.qdpx', zip);
    expect(quotes).toEqual(['nye ting']);
    expect(report.imported.codings).toBe(1);
    expect(report.matched.codings).toBe(1);
  });

  it('takes the text from the .docx when the .txt is empty (NVivo for Mac), and reads a bare .qde with inline text', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('Inger: Vi prøver nye ting.'), new Paragraph('Kjell: Det går fint.'), new Paragraph('Inger: Ja.')] }] });
    const docx = new Uint8Array(await Packer.toBuffer(doc));
    const zip = await writeZip(
      new Map<string, Uint8Array | string>([
        ['project.qde', qde(`<TextSource guid="${G(50)}" name="Fra Word" plainTextPath="internal://${G(50)}.txt" richTextPath="internal://${G(50)}.docx"/>`)],
        [`sources/${G(50)}.txt`, '\n'],
        [`sources/${G(50)}.docx`, docx],
        ['sources/.root', ''],
      ]),
    );
    const { report, api } = await importFile('mac.qdpx', zip);
    expect(report.sources[0]).toMatchObject({ status: 'imported', textFrom: 'docx', speakerLabels: ['Inger', 'Kjell'] });
    const full = await api.call('documents.get', { id: report.sources[0]!.documentId! });
    expect(full.text.replace(/\n+/g, ' ').trim()).toBe('Vi prøver nye ting. Det går fint. Ja.');
    expect(full.sourceName).toMatch(/\.docx$/);

    const inline = qde(`<TextSource guid="${G(51)}" name="Inline"><PlainTextContent>${TEXT.replace(/\r\n/g, '\n')}</PlainTextContent>${selection(100, pos('nye ting', 'codepoint', true), [11])}</TextSource>`);
    const bare = await importFile('bare.qde', inline);
    expect(bare.report.format).toBe('qde');
    expect(bare.quotes).toEqual(['nye ting']);
  });

  it('turns another tool’s cases into informants (when they speak in their sources) or cases (with their documents)', async () => {
    const cases = `<Variables><Variable guid="${G(70)}" name="Alder" typeOfVariable="Integer"/></Variables>
  <Cases>
    <Case guid="${G(60)}" name="Inger"><VariableValue><VariableRef targetGUID="${G(70)}"/><IntegerValue>54</IntegerValue></VariableValue><SourceRef targetGUID="${G(50)}"/></Case>
    <Case guid="${G(61)}" name="Bærum kommune"><SourceRef targetGUID="${G(50)}"/></Case>
  </Cases>`;
    const zip = await writeZip(new Map([['project.qde', qde(`<TextSource guid="${G(50)}" name="Intervju" plainTextPath="internal://${G(50)}.txt"/>`, cases)], [`sources/${G(50)}.txt`, TEXT]]));
    const { report, api } = await importFile('saker.qdpx', zip);
    expect(report.imported).toMatchObject({ informants: 1, cases: 1, documents: 1 });
    expect(report.notImported).toEqual([expect.objectContaining({ kind: 'case-variables', count: 1 })]);
    const doc = await api.call('documents.get', { id: report.sources[0]!.documentId! });
    const informants = await api.call('informants.list', {});
    const cases2 = await api.call('cases.list', {});
    expect(cases2.map((c) => c.name)).toEqual(['Bærum kommune']);
    expect(doc.caseId).toBe(cases2[0]!.id);
    expect(doc.speakers.find((s) => s.label === 'Inger')!.informantId).toBe(informants.find((i) => i.label === 'Inger')!.id);
  });
});
