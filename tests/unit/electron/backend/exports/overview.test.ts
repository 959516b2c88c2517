import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { InterviewsOverview } from '../../../../../shared/exports/overview';
import { EXPORT_SETTINGS_PRESETS } from '../../../../../shared/exports/settings';
import { testBackend } from '../../../../support/backend';
import { buildUsersExample } from '../../../../support/exportsFixture';
import { writeFile } from '../../../../support/temp';

async function example() {
  const { api, dir, backend } = testBackend();
  const ids = await buildUsersExample(api, path.join(dir, 'oppgave.stige'));
  await api.call('exports.updateSettings', { overview: EXPORT_SETTINGS_PRESETS.nb.overview });
  const project = backend.project();
  const minutes = { [ids.documents.anne]: 62, [ids.documents.jan]: 75, [ids.documents.kari]: 209 };
  project.step('Lengths', () => {
    for (const [id, m] of Object.entries(minutes)) project.db.prepare('UPDATE documents SET duration_ms = ? WHERE id = ?').run(m * 60_000, id);
  });
  await api.call('documents.update', { id: ids.documents.anne, date: '2024-03-01' });
  const external = await api.call('documents.import', { sources: [{ path: writeFile(dir, 'Ekstern.txt', 'Intervjuer: Hei?\nOla: Hei.') }], informant: 'Ola' });
  await api.call('documents.update', { id: external.files[0]!.documentId!, usedInAnalysis: false });
  await api.call('documents.import', { sources: [{ path: writeFile(dir, 'Strategi.txt', 'Strategi for innovasjon i Bærum kommune. '.repeat(200)) }], kind: 'document', case: 'Bærum' });
  return { api, dir, ids };
}

describe('overview exports', () => {
  it('lists interviews per case with totals in the user’s words, and the unused ones apart', async () => {
    const { api, dir } = await example();
    const overview = (await api.call('exports.overviewPreview', { table: 'interviews' })) as InterviewsOverview;
    expect(overview.blocks.map((b) => [b.case?.label ?? null, b.interviews.map((i) => [i.title, i.informants, i.date]), b.total.text])).toEqual([
      [
        'Bærum',
        [
          ['Intervju Anne', ['Anne'], '2024-03-01'],
          ['Intervju Kari', ['Kari'], null],
        ],
        'Totalt 4 timer 31 min., 2 sider',
      ],
      ['Asker', [['Intervju Jan', ['Jan'], null]], 'Totalt 1 timer 15 min., 1 sider'],
    ]);
    expect(overview.notUsed.map((b) => b.interviews.map((i) => i.title))).toEqual([['Ekstern']]);
    const file = path.join(dir, 'intervjuer.docx');
    const result = await api.call('exports.overview', { table: 'interviews', format: 'docx', path: file, options: { numbers: { interviews: 2 } } });
    expect(result.rows).toBe(7);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:t xml:space="preserve">Tabell </w:t>');
    expect(xml).toMatch(/SEQ Tabell .*<w:t xml:space="preserve">2<\/w:t>.*: Oversikt over intervjuene/);
    expect(xml).toMatch(/<w:gridSpan w:val="6"\/>.*Totalt 4 timer 31 min\., 2 sider/);
    expect(xml).toContain('Intervjuer som ikke er brukt i analysen');
  });

  it('counts documents and pages per case, and lists informants, in every format', async () => {
    const { api, dir } = await example();
    const documents = await api.call('exports.overviewPreview', { table: 'documents' });
    expect(documents).toMatchObject({ table: 'documents', cases: [{ case: { label: 'Bærum' }, documents: 1, pages: 3 }], total: { text: 'Totalt 1 dokumenter, 3 sider' } });
    const file = path.join(dir, 'informanter.xlsx');
    await api.call('exports.overview', { table: 'informants', format: 'xlsx', path: file });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    const values = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(values).toEqual([['Tabell 1: Informanter', 'Tabell 1: Informanter', 'Tabell 1: Informanter'], ['Informant', 'Case', 'Rolle'], ['Anne', 'Bærum', ''], ['Kari', 'Bærum', ''], ['Jan', 'Asker', ''], ['Ola', 'Uten case', '']]);
    for (const format of ['csv', 'md', 'tex', 'html', 'json'] as const) {
      const out = path.join(dir, `dokumenter.${format}`);
      await api.call('exports.overview', { table: 'documents', format, path: out });
      expect(fs.readFileSync(out, 'utf8')).toContain('Totalt 1 dokumenter, 3 sider');
    }
  });

  it('lists everything quoted from one informant with context and the attribution the tables print', async () => {
    const { api, dir, ids } = await example();
    const list = await api.call('exports.informantQuotesPreview', { informantId: ids.informants.anne });
    expect(list.caption.text).toBe('Quotes from Anne');
    expect(list.entries.map((e) => [e.text, e.attribution, e.codes])).toEqual([
      ['Nye løsninger på samfunnsutfordringer', 'Anne', ['Nye løsninger › Innovasjon som et etablert, men teoretisk begrep › Innovasjon som begrep – hvordan det er forstått i offentlig sektor']],
      [
        'Vi har et «innovasjonsløft» der alle etater er med, også skole & barnehage.',
        'Anne',
        ['Innovasjonsløft › Innovasjon som et middel til å realisere samfunnsoppdraget › Innovasjon som begrep – hvordan det er forstått i offentlig sektor'],
      ],
    ]);
    expect(list.entries[0]!.context).toBe('Nye løsninger på samfunnsutfordringer. Det er det vi sier i kommunen, og det står i strategien.');
    const file = path.join(dir, 'Anne.html');
    const result = await api.call('exports.informantQuotes', { informantId: ids.informants.anne, format: 'html', path: file, options: { caption: 'Sitater fra {label} ({case})' } });
    expect(result.rows).toBe(2);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain('Sitater fra Anne (Bærum)');
    expect(html).toContain('<td rowspan="2"');
    expect(html).not.toContain('Jan');
    await expect(api.call('exports.informantQuotesPreview', { informantId: 'nobody' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('adds the chosen informant attributes as columns, in the order chosen, and refuses unknown ones', async () => {
    const { api, dir, ids } = await example();
    const age = await api.call('attributes.create', { scope: 'informant', name: 'Alder', type: 'number' });
    const sector = await api.call('attributes.create', { scope: 'informant', name: 'Sektor', type: 'text' });
    await api.call('attributes.create', { scope: 'informant', name: 'Utdanning', type: 'text' });
    await api.call('attributes.setValues', {
      scope: 'informant',
      cells: [
        { ownerId: ids.informants.anne, key: `attr:${age.id}`, value: 52 },
        { ownerId: ids.informants.anne, key: `attr:${sector.id}`, value: 'Helse og omsorg «HO»' },
        { ownerId: ids.informants.jan, key: `attr:${sector.id}`, value: 'Skole' },
      ],
    });
    // The order chosen, not the project's; names match whatever their case.
    const overview = await api.call('exports.overviewPreview', { table: 'informants', options: { informantAttributes: ['sektor', 'Alder'] } });
    expect(overview).toMatchObject({ table: 'informants', attributes: ['Sektor', 'Alder'] });
    if (overview.table !== 'informants') throw new Error('not the informants table');
    expect(overview.informants.map((i) => [i.label, i.case, ...i.values])).toEqual([
      ['Anne', 'Bærum', 'Helse og omsorg «HO»', '52'],
      ['Kari', 'Bærum', '', ''],
      ['Jan', 'Asker', 'Skole', ''],
      ['Ola', null, '', ''],
    ]);

    const file = path.join(dir, 'informanter.docx');
    await api.call('exports.overview', { table: 'informants', format: 'docx', path: file, options: { informantAttributes: ['Sektor', 'Alder'] } });
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
    const cells = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(cells.join('|')).toContain('Informant|Case|Rolle|Sektor|Alder|Anne|Bærum||Helse og omsorg «HO»|52');

    // Saved in the project, the columns come back without being asked for; the CLI and dialog start from them.
    await api.call('exports.updateSettings', { overview: { informantAttributes: ['Alder'] } });
    expect(await api.call('exports.overviewPreview', { table: 'informants' })).toMatchObject({ attributes: ['Alder'] });
    expect((await api.call('exports.settings', {})).overview.informantAttributes).toEqual(['Alder']);

    await expect(api.call('exports.overviewPreview', { table: 'informants', options: { informantAttributes: ['Alder', 'Kjønn'] } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/no informant attribute “Kjønn”; its informant attributes are “Alder”, “Sektor”, “Utdanning”/),
    });
    await expect(api.call('exports.overview', { table: 'informants', format: 'csv', path: path.join(dir, 'x.csv'), options: { informantAttributes: ['Kjønn'] } })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(fs.existsSync(path.join(dir, 'x.csv'))).toBe(false);
    await expect(api.call('exports.overviewPreview', { table: 'informants', options: { informantAttributes: ['Alder', 'alder'] } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/listed twice/),
    });
  });

  it('prints captions and total rows from the user’s templates, in any language', async () => {
    const { api } = await example();
    const nb = await api.call('exports.overviewPreview', {
      table: 'interviews',
      options: { captions: { interviews: 'Tabell {n}: Intervjuer i «Bærum» og Asker – æøå' }, duration: '{h} timer {m} min.', total: 'Totalt {duration}, {pages} sider' },
    });
    if (nb.table !== 'interviews') throw new Error('not the interviews table');
    expect(nb.caption.text).toBe('Tabell 1: Intervjuer i «Bærum» og Asker – æøå');
    expect(nb.blocks[0]!.total.text).toBe('Totalt 4 timer 31 min., 2 sider');
    const en = await api.call('exports.overviewPreview', { table: 'interviews', options: { duration: '{h} h {m} min', total: 'Total {duration}, {pages} pages' } });
    if (en.table !== 'interviews') throw new Error('not the interviews table');
    expect(en.blocks[0]!.total.text).toBe('Total 4 h 31 min, 2 pages');
    // Saved like the quote-table choices; an unknown placeholder is refused, naming the allowed ones.
    await api.call('exports.updateSettings', { overview: { total: 'I alt {duration} – {pages} sider «{case}»' } });
    const saved = await api.call('exports.overviewPreview', { table: 'interviews' });
    expect(saved.table === 'interviews' && saved.blocks[0]!.total.text).toBe('I alt 4 timer 31 min. – 2 sider «Bærum»');
    await expect(api.call('exports.updateSettings', { overview: { total: 'Totalt {timer}' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Unknown placeholder {timer} in the total row template; it may use {case}, {count}, {duration}, {pages}, {words}'),
    });
  });
});
