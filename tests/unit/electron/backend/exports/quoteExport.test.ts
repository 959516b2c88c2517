import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { testBackend } from '../../../../support/backend';
import { buildUsersExample, DIMENSION, THEME_1, THEME_2 } from '../../../../support/exportsFixture';

const CAPTION = `Tabell 5: Representative sitater knyttet til ${DIMENSION}. Kilde: Egenprodusert.`;
const QUOTES = [
  '«Nye løsninger på samfunnsutfordringer» (Anne)',
  '«For meg er begrepet innovasjon nyskapning» (Jan)',
  '«Vi har et “innovasjonsløft” der alle etater er med, også skole & barnehage.» (Anne)',
  '«Vi gjør det for å løse samfunnsoppdraget vårt, ikke for å vinne priser» (Informant)',
];

async function example() {
  const { api, dir, backend } = testBackend();
  const ids = await buildUsersExample(api, path.join(dir, 'oppgave.stige'));
  return { api, dir, backend, ids };
}

/** The cells of every row of the first table in document.xml: text and vMerge value. */
function docxRows(xml: string): { text: string; vMerge: string | null }[][] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['w:tr', 'w:tc', 'w:p', 'w:r', 'w:tbl'].includes(name) });
  const doc = parser.parse(xml) as Record<string, unknown>;
  const body = (doc['w:document'] as Record<string, unknown>)['w:body'] as Record<string, unknown>;
  const table = (body['w:tbl'] as Record<string, unknown>[])[0]!;
  const textOf = (tc: Record<string, unknown>) =>
    ((tc['w:p'] as Record<string, unknown>[]) ?? [])
      .map((p) => ((p['w:r'] as Record<string, unknown>[]) ?? []).map((r) => {
        const t = r['w:t'];
        return typeof t === 'object' && t !== null ? String((t as Record<string, unknown>)['#text'] ?? '') : String(t ?? '');
      }).join(''))
      .join('\n');
  return (table['w:tr'] as Record<string, unknown>[]).map((tr) =>
    (tr['w:tc'] as Record<string, unknown>[]).map((tc) => {
      const props = tc['w:tcPr'] as Record<string, unknown> | undefined;
      const merge = props?.['w:vMerge'] as Record<string, string> | undefined;
      return { text: textOf(tc), vMerge: merge ? (merge['w:val'] ?? 'continue') : null };
    }),
  );
}

describe('quote table export (the USERS.md example)', () => {
  it('writes a real Word table: merged cells, a numbered SEQ caption, « » and æøå, attributions in order, header repeated', async () => {
    const { api, dir } = await example();
    const file = path.join(dir, 'Tabell 5.docx');
    const result = await api.call('exports.quoteTable', { format: 'docx', path: file });
    expect(result).toMatchObject({ path: file, downloadId: null, fileName: 'Tabell 5.docx', format: 'docx', tables: 1, rows: 4, warnings: [] });
    const bytes = fs.readFileSync(file);
    expect(result.bytes).toBe(bytes.byteLength);

    // Read back as Word would show it.
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    expect(html).toContain(`<p>${CAPTION}</p>`);
    expect(html).toMatch(/<table>/);
    const shown = QUOTES.map((q) => html.indexOf(q.replace('&', '&amp;')));
    expect(shown.every((at) => at > 0)).toBe(true);
    expect([...shown].sort((a, b) => a - b)).toEqual(shown);
    expect(html).toMatch(new RegExp(`<td rowspan="4"><p>${DIMENSION}</p></td><td rowspan="2"><p>${THEME_1}</p></td>`));

    // And as XML: vMerge restart/continue, SEQ field, header row, table style, Caption style.
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const rows = docxRows(xml);
    expect(rows.map((r) => r.map((c) => (c.vMerge === 'continue' ? '↑' : c.text)))).toEqual([
      ['3. ordens kode', '2. ordens kode', 'Sitat'],
      [DIMENSION, THEME_1, QUOTES[0]],
      ['↑', '↑', QUOTES[1]],
      ['↑', THEME_2, QUOTES[2]],
      ['↑', '↑', QUOTES[3]],
    ]);
    expect(rows.map((r) => r.map((c) => c.vMerge))).toEqual([
      [null, null, null],
      ['restart', 'restart', null],
      ['continue', 'continue', null],
      ['continue', 'restart', null],
      ['continue', 'continue', null],
    ]);
    expect(xml).toContain(
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> SEQ Tabell \\* ARABIC </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve">5</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
    );
    expect(xml).toMatch(/<w:pStyle w:val="Caption"\/><w:keepNext\/><\/w:pPr><w:r><w:t xml:space="preserve">Tabell <\/w:t>/);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml).toMatch(/<w:tr><w:trPr><w:tblHeader\/><\/w:trPr>/);
    expect(xml).not.toContain('cantSplit');
    expect(xml).toContain('<w:tblStyle w:val="TableGrid"/>');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"\/>/);
    expect(styles).toMatch(/w:styleId="Caption"><w:name w:val="caption"\/>/);
    expect(styles).toMatch(/w:styleId="Normal"/);
  });

  it('puts the informant in a real footnote with the footnote style', async () => {
    const { api, dir } = await example();
    const file = path.join(dir, 'fotnoter.docx');
    const result = await api.call('exports.quoteTable', { format: 'docx', path: file, options: { attribution: 'footnote', marks: 'curly' } });
    expect(result.warnings).toEqual([]);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file('word/document.xml')!.async('string');
    const notes = await zip.file('word/footnotes.xml')!.async('string');
    expect(xml.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(4);
    expect(xml).toContain('“Nye løsninger på samfunnsutfordringer”');
    // The per-quote override still applies in a footnote: Kari stays anonymous.
    const texts = [...notes.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts).toEqual(['Anne', 'Jan', 'Anne', 'Informant']);
    const { value: html } = await mammoth.convertToHtml({ buffer: fs.readFileSync(file) });
    expect(html).toMatch(/<li id="footnote-\d+"><p> ?Jan/);
  });

  it('writes an Excel workbook with the same merges', async () => {
    const { api, dir } = await example();
    const file = path.join(dir, 'sitater.xlsx');
    await api.call('exports.quoteTable', { format: 'xlsx', path: file });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Tabell 5');
    expect(sheet.getCell('A1').value).toBe(CAPTION);
    expect([1, 2, 3].map((c) => sheet.getRow(2).getCell(c).value)).toEqual(['3. ordens kode', '2. ordens kode', 'Sitat']);
    expect([3, 4, 5, 6].map((r) => sheet.getCell(`C${r}`).value)).toEqual(QUOTES);
    expect(sheet.getCell('A3').value).toBe(DIMENSION);
    expect(sheet.getCell('B5').value).toBe(THEME_2);
    const merges = (sheet.model as unknown as { merges: string[] }).merges.sort();
    expect(merges).toEqual(['A1:C1', 'A3:A6', 'B3:B4', 'B5:B6']);
    expect(sheet.getCell('A6').isMerged).toBe(true);
  });

  it('writes LaTeX with balanced longtable/booktabs environments and escaped special characters', async () => {
    const { api, dir } = await example();
    const file = path.join(dir, 'sitater.tex');
    await api.call('exports.quoteTable', { format: 'tex', path: file, options: { caption: 'Tabell {n}: 100 % av {dimension} & mer_om #1 {{$}}' } });
    const tex = fs.readFileSync(file, 'utf8');
    const body = tex.replace(/^%.*$/gm, '');
    const stack: string[] = [];
    for (const m of body.matchAll(/\\(begin|end)\{([^}]+)\}/g)) {
      if (m[1] === 'begin') stack.push(m[2]!);
      else expect(stack.pop()).toBe(m[2]);
    }
    expect(stack).toEqual([]);
    let depth = 0;
    for (const [i, ch] of [...body].entries()) {
      if (body[i - 1] === '\\') continue;
      if (ch === '{') depth += 1;
      if (ch === '}') depth -= 1;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(body).toContain('\\setcounter{table}{4}');
    expect(body).toContain(`\\caption{100 \\% av ${DIMENSION} \\& mer\\_om \\#1 \\{\\$\\}}\\label{tab:stige-5}\\\\`);
    expect(body).toContain('skole \\& barnehage');
    expect(body).toMatch(/\\toprule\n.*\n\\midrule\n\\endfirsthead\n\\toprule\n.*\n\\midrule\n\\endhead/);
    // Outside commands no bare special character is left (each & separates cells: 2 per row).
    for (const line of body.split('\n').filter((l) => l.endsWith('\\\\') && !l.startsWith('\\caption'))) {
      expect(line.replace(/\\&/g, '').match(/&/g)?.length ?? 0).toBe(2);
      expect(line.replace(/\\[%_#$]/g, '')).not.toMatch(/[%_#$]/);
    }
  });

  it('writes CSV that round-trips with embedded quotes, commas and line breaks', async () => {
    const { api, dir } = await example();
    await api.call('exports.updateSettings', { quotes: { marks: 'straight', customTemplate: '"{quote}"\n– {label}, {case}', attribution: 'custom' } });
    const file = path.join(dir, 'sitater.csv');
    await api.call('exports.quoteTable', { format: 'csv', path: file });
    const raw = fs.readFileSync(file, 'utf8');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    expect(raw).toContain('\r\n');
    const book = new ExcelJS.Workbook();
    const sheet = await book.csv.readFile(file, { parserOptions: { ignoreEmpty: false } });
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1).map((v) => String(v ?? '')));
    expect(rows[0]!.map((h) => h.replace(/^\uFEFF/, ''))).toEqual(['3. ordens kode', '2. ordens kode', 'Sitat']);
    expect(rows.slice(1)).toEqual([
      [DIMENSION, THEME_1, '"Nye løsninger på samfunnsutfordringer"\n– Anne, Bærum'],
      [DIMENSION, THEME_1, '"For meg er begrepet innovasjon nyskapning"\n– Jan, Asker'],
      [DIMENSION, THEME_2, '"Vi har et «innovasjonsløft» der alle etater er med, også skole & barnehage."\n– Anne, Bærum'],
      [DIMENSION, THEME_2, '"Vi gjør det for å løse samfunnsoppdraget vårt, ikke for å vinne priser" (Informant)'],
    ]);
  });

  it('writes JSON in exactly the documented shape', async () => {
    const { api, dir, ids } = await example();
    const file = path.join(dir, 'sitater.json');
    await api.call('exports.quoteTable', { format: 'json', path: file });
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    const docs = await api.call('documents.list', {});
    const title = (id: string) => docs.find((d) => d.id === id)!.title;
    const codings = await api.call('codings.list', {});
    const range = (id: string) => {
      const c = codings.find((x) => x.id === id)!;
      return { start: c.start, end: c.end };
    };
    expect(json).toEqual({
      tables: [
        {
          caption: CAPTION,
          dimension: { id: ids.dimension, label: DIMENSION },
          rows: [
            {
              theme: { id: ids.themes[0], label: THEME_1 },
              quotes: [
                { text: 'Nye løsninger på samfunnsutfordringer', attribution: 'Anne', informants: ['Anne'], document: title(ids.documents.anne), ...range(ids.codings.anne) },
                { text: 'For meg er begrepet innovasjon nyskapning', attribution: 'Jan', informants: ['Jan'], document: title(ids.documents.jan), ...range(ids.codings.jan) },
              ],
            },
            {
              theme: { id: ids.themes[1], label: THEME_2 },
              quotes: [
                {
                  text: 'Vi har et «innovasjonsløft» der alle etater er med, også skole & barnehage.',
                  attribution: 'Anne',
                  informants: ['Anne'],
                  document: title(ids.documents.anne),
                  ...range(ids.codings.anne2),
                },
                {
                  text: 'Vi gjør det for å løse samfunnsoppdraget vårt, ikke for å vinne priser',
                  attribution: 'Informant',
                  informants: ['Kari'],
                  document: title(ids.documents.kari),
                  ...range(ids.codings.kari),
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('writes Markdown and HTML that keep the layout', async () => {
    const { api, dir } = await example();
    await api.call('exports.quoteTable', { format: 'md', path: path.join(dir, 's.md') });
    const md = fs.readFileSync(path.join(dir, 's.md'), 'utf8');
    expect(md).toContain(`*${CAPTION}*`);
    expect(md).toContain('| 3. ordens kode | 2. ordens kode | Sitat |');
    expect(md).toContain(`| ${DIMENSION} | ${THEME_1} | ${QUOTES[0]} |`);
    expect(md).toContain(`|  |  | ${QUOTES[1]} |`);
    await api.call('exports.quoteTable', { format: 'html', path: path.join(dir, 's.html') });
    const html = fs.readFileSync(path.join(dir, 's.html'), 'utf8');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(new RegExp(`<td rowspan="4" style="[^"]*"><p style="[^"]*">${DIMENSION}</p></td><td rowspan="2"`));
    expect(html).toContain('skole &amp; barnehage');
    expect(html).not.toMatch(/<style|class=/);
  });

  it('previews the model live with the options given, without writing or logging anything', async () => {
    const { api } = await example();
    const preview = await api.call('exports.quotePreview', { options: { per: 'theme', attribution: 'case' } });
    expect(preview.settings.per).toBe('theme');
    expect(preview.model.tables.map((t) => t.caption.text)).toEqual([
      `Tabell 5: Representative sitater knyttet til ${DIMENSION}. Kilde: Egenprodusert.`,
      `Tabell 6: Representative sitater knyttet til ${DIMENSION}. Kilde: Egenprodusert.`,
    ]);
    expect(preview.model.tables[0]!.rows[0]!.quotes.map((q) => q.display)).toEqual([
      '«Nye løsninger på samfunnsutfordringer» (Informant fra Bærum)',
      '«For meg er begrepet innovasjon nyskapning» (Informant fra Asker)',
    ]);
    expect(await api.call('exports.log', {})).toEqual([]);
    const footnoteInCsv = await api.call('exports.quotePreview', { options: { attribution: 'footnote' }, format: 'csv' });
    expect(footnoteInCsv.warnings.map((w) => w.kind)).toEqual(['footnotes-not-native']);
  });

  it('refuses unknown placeholders, paths outside the data folder over HTTP and project files, changing nothing', async () => {
    const { api, dir, backend } = await example();
    await expect(api.call('exports.quoteTable', { format: 'docx', path: path.join(dir, 'x.docx'), options: { caption: 'Tabell {nummer}' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Unknown placeholder {nummer} in the caption template'),
    });
    await expect(api.call('exports.updateSettings', { quotes: { names: { case: 'Fra {kommune}' } } })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(api.call('exports.quoteTable', { format: 'docx', path: path.join(dir, 'oppgave.stige') })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.call('exports.quoteTable', { format: 'docx', path: path.join(dir, 'no such folder', 'x.docx') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const overHttp = await backend.dispatch('exports.quoteTable', { format: 'docx', path: '../outside.docx' }, 'http');
    expect(overHttp).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fs.existsSync(path.join(dir, 'x.docx'))).toBe(false);
    expect(await api.call('exports.log', {})).toEqual([]);
  });

  it('keeps a download for the browser when no path is given', async () => {
    const { api, backend } = await example();
    const result = await api.call('exports.quoteTable', { format: 'docx' });
    expect(result.path).toBeNull();
    expect(result.fileName).toBe('oppgave – quotes.docx');
    const file = backend.downloads.take(result.downloadId!);
    expect(file.contentType).toMatch(/wordprocessingml/);
    expect(file.bytes.byteLength).toBe(result.bytes);
    expect(() => backend.downloads.take(result.downloadId!)).toThrow(/already fetched/);
  });
});
