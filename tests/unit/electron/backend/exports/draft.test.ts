import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDraftDocx } from '../../../../../electron/backend/exports/draftDocx';
import { testBackend } from '../../../../support/backend';
import { makeDraftDocx } from '../../../../support/draftDocx';
import { buildUsersExample } from '../../../../support/exportsFixture';
import { writeFile } from '../../../../support/temp';

describe('draft check', () => {
  it('reads paragraphs, styles, indents and footnotes from a .docx', async () => {
    const bytes = await makeDraftDocx([
      { text: 'Løpende tekst med «sitat».', footnote: 'Anne, Bærum' },
      { text: 'Et blokksitat', style: 'Quote' },
      { text: 'Et innrykket sitat', indentTwips: 720 },
    ]);
    const paragraphs = await readDraftDocx(bytes, 'utkast.docx');
    expect(paragraphs).toEqual([
      { text: 'Løpende tekst med «sitat».', style: null, indent: 0, hanging: 0, numbered: false, notes: [{ at: 26, text: 'Anne, Bærum' }] },
      { text: 'Et blokksitat', style: 'Quote', indent: 0, hanging: 0, numbered: false, notes: [] },
      { text: 'Et innrykket sitat', style: null, indent: 720, hanging: 0, numbered: false, notes: [] },
    ]);
  });

  it('checks a draft against the quotes, the tables and the anonymity of the informants', async () => {
    const { api, dir } = testBackend();
    const ids = await buildUsersExample(api, path.join(dir, 'oppgave.stige'));
    await api.call('exports.quoteTable', { format: 'docx', path: path.join(dir, 'Kapittel 4.docx') });
    const draft = writeFile(
      dir,
      'Utkast.docx',
      await makeDraftDocx([
        { text: 'Kommunene beskriver innovasjon som «Nye løsninger på samfunnsutfordringer» (Anne), altså noe konkret.' },
        { text: 'En annen sier det slik: «For meg er begrepet innovasjon fornyelse» (Jan).' },
        { text: 'Vi gjør det for å løse samfunnsoppdraget vårt, ikke for å vinne priser', style: 'Quote' },
        { text: '(Informant)' },
        { text: 'Her er et eksempel på et løft: “Vi har et «innovasjonsløft» der alle etater er med”.', footnote: 'Jan' },
        { text: 'Anne fra Bærum mener at alle etater må være med.' },
        { text: 'Nye løsninger på samfunnsutfordringer. (…) det står i strategien. (Anne)', indentTwips: 720 },
        { text: 'Gioia mfl. kaller det «a systematic inductive approach to concept development» (Gioia et al., 2013, s. 17).' },
      ]),
    );
    const report = await api.call('exports.checkDraft', { source: { path: draft } });
    expect(report.paragraphs).toBe(8);
    expect(report.quotes.map((q) => [q.paragraph, q.attribution, q.block, q.codingId])).toEqual([
      [1, 'Anne', false, ids.codings.anne],
      [2, 'Jan', false, ids.codings.jan],
      [3, 'Informant', true, ids.codings.kari],
      [5, 'Jan', false, ids.codings.anne2],
      [7, 'Anne', true, ids.codings.anne],
    ]);
    expect(report.quotes[0]!.source).toMatchObject({ documentId: ids.documents.anne, informantId: ids.informants.anne });
    expect(report.findings.map((f) => [f.paragraph, f.kind])).toEqual([
      [2, 'no-match'],
      [2, 'differs-from-table'],
      [5, 'wrong-informant'],
      [5, 'attribution-differs'],
      [6, 'pseudonym-with-case'],
    ]);
    expect(report.findings[0]!.message).toMatch(/^Paragraph 2: “For meg er begrepet innovasjon fornyelse” matches no passage of Jan; the nearest passage \(Intervju Jan\) reads “For meg er begrepet innovasjon nyskapning” \(missing here: “nyskapning”; not there: “fornyelse”\)$/);
    expect(report.findings[1]!.message).toContain('differs from the table version in table 5 of “Kapittel 4.docx”');
    expect(report.findings[2]!.message).toMatch(/these are Anne's words \(Intervju Anne\), not Jan's/);
    expect(report.findings[3]!.message).toMatch(/attributed “Jan” in the text but “Anne” in table 5 of “Kapittel 4\.docx”/);
    expect(report.findings[4]!.message).toBe('Paragraph 6: “Anne” stands next to “Bærum”, the case the informant belongs to: readers can tell who the pseudonym is');
  });

  it('compares with the current tables before anything is exported, and stays silent on a faithful draft', async () => {
    const { api, dir } = testBackend();
    await buildUsersExample(api, path.join(dir, 'oppgave.stige'));
    const draft = writeFile(
      dir,
      'Ren.docx',
      await makeDraftDocx([
        { text: 'Innovasjon er «Nye løsninger på samfunnsutfordringer» (Anne) og «For meg er begrepet innovasjon nyskapning» (Jan).' },
        { text: '«Vi gjør det for å løse samfunnsoppdraget vårt (…) ikke for å vinne priser» (Informant).' },
      ]),
    );
    const report = await api.call('exports.checkDraft', { source: { path: draft } });
    expect(report.quotes).toHaveLength(3);
    expect(report.findings).toEqual([]);
  });

  it('refuses what is not a Word document, clearly', async () => {
    const { api, dir } = testBackend();
    await buildUsersExample(api, path.join(dir, 'oppgave.stige'));
    await expect(api.call('exports.checkDraft', { source: { path: writeFile(dir, 'utkast.odt', 'x') } })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(api.call('exports.checkDraft', { source: { path: writeFile(dir, 'ødelagt.docx', 'ikke en zip') } })).rejects.toMatchObject({
      code: 'IMPORT',
      message: expect.stringMatching(/^ødelagt\.docx cannot be read as a Word document/),
    });
    await expect(api.call('exports.checkDraft', { source: { path: path.join(dir, 'mangler.docx') } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fs.existsSync(path.join(dir, 'oppgave.stige'))).toBe(true);
  });
});
