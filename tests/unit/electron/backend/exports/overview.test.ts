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
    const result = await api.call('exports.overview', { table: 'interviews', format: 'docx', path: file, options: { startNumber: 2 } });
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
});
