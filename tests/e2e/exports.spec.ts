import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { makeDraftDocx } from '../support/draftDocx';
import { expect, test } from './support/fixtures';
import type { StigePage } from './support/stigePage';

/** Open the sample project (three interviews, starred quotes under three dimensions). */
async function openSample(stige: StigePage): Promise<void> {
  await stige.open();
  await stige.page.getByRole('button', { name: /Open the sample project/ }).click();
  await expect(stige.page.locator('.project-name')).toHaveText('Sample project – innovation in municipalities');
  await expect(stige.transcript().locator('mark.coding').first()).toBeVisible();
}

/** The text of word/document.xml in a .docx file. */
async function docxXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return zip.file('word/document.xml')!.async('string');
}

test('quote tables: star a quote, change the style, see the preview follow, export Word', async ({ stige, page }) => {
  await openSample(stige);

  // Star one more quote from the coding details.
  await stige.marksWith('evaluerte etter hver måned').first().click();
  const details = page.getByRole('dialog', { name: 'Selected coding' });
  await details.getByRole('checkbox', { name: /Representative quote/ }).click();
  await expect(details.getByRole('checkbox', { name: /Representative quote/ })).toBeChecked();

  await page.getByRole('button', { name: /^Export/ }).click();
  await page.getByRole('menuitem', { name: 'Representative quotes tables…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export representative quotes tables' });
  const preview = dialog.getByRole('region', { name: 'Preview of the quote tables' });
  // The new star is in the preview, under its theme, with the default English style.
  await expect(preview).toContainText('“Vi tok små steg, evaluerte etter hver måned og justerte underveis.” (Inger)');
  await expect(preview).toContainText('Table 1: Representative quotes for Making sense of innovation');

  // Norwegian marks, attribution by case, a caption in Norwegian.
  await dialog.getByRole('combobox', { name: 'Quotation marks' }).selectOption('guillemets');
  await dialog.getByRole('combobox', { name: 'Attribution' }).selectOption('case');
  await dialog.getByRole('textbox', { name: 'Attribution wording' }).fill('Informant fra {case}');
  await expect(preview).toContainText('«Vi tok små steg, evaluerte etter hver måned og justerte underveis.» (Informant fra Bærum)');
  const caption = dialog.getByRole('textbox', { name: 'Caption template' });
  await caption.fill('Tabell {n}: Representative sitater knyttet til {dimension}. Kilde: Egenprodusert {nope}');
  await expect(dialog.getByRole('alert')).toContainText('Unknown placeholder {nope}');
  await expect(dialog.getByRole('button', { name: 'Export DOCX' })).toBeDisabled();
  await caption.fill('Tabell {n}: Sitater om «{dimension}» – særlig økonomi og årsaker');
  await dialog.getByRole('spinbutton', { name: 'First table number' }).fill('5');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(preview).toContainText('Tabell 5: Sitater om «Making sense of innovation» – særlig økonomi og årsaker');
  await dialog.getByRole('textbox', { name: 'Column: Quotes' }).fill('Sitat');
  await expect(preview.locator('thead th').last()).toHaveText('Sitat');
  // The dimension cell is merged down its table, the theme cell over its quotes.
  const firstTable = preview.locator('.doc-table').first();
  const dimensionCell = firstTable.locator('tbody tr').first().locator('td').first();
  await expect(dimensionCell).toHaveText('Making sense of innovation');
  expect(Number(await dimensionCell.getAttribute('rowspan'))).toBe(await firstTable.locator('tbody tr').count());
  // The checks are listed, never blocking.
  await expect(dialog.getByRole('region', { name: 'Checks' }).or(dialog.getByRole('status', { name: 'Checks' }))).toBeVisible();
  await stige.screenshot('quotes-export-preview');

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export DOCX' }).click();
  const file = await (await download).path();
  await expect(dialog.getByRole('status').filter({ hasText: 'Exported' })).toContainText('.docx');
  const xml = await docxXml(file);
  expect(xml).toContain('Sitater om «Making sense of innovation» – særlig økonomi og årsaker');
  expect(xml).toContain('«Vi tok små steg, evaluerte etter hver måned og justerte underveis.» (Informant fra Bærum)');
  expect(xml).toContain('w:vMerge');

  // The choices are kept in the project: the dialog opens with them again.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: /^Export/ }).click();
  await page.getByRole('menuitem', { name: 'Representative quotes tables…' }).click();
  await expect(page.getByRole('textbox', { name: 'Caption template' })).toHaveValue('Tabell {n}: Sitater om «{dimension}» – særlig økonomi og årsaker');
  await expect(page.getByRole('combobox', { name: 'Quotation marks' })).toHaveValue('guillemets');
});

test('coding details: the excerpt is checked as you type, the quote can override the anonymity level', async ({ stige, page }) => {
  await openSample(stige);
  await stige.marksWith('og vi kan ikke bemanne oss ut av').first().click();
  const details = page.getByRole('dialog', { name: 'Selected coding' });
  await expect(details.getByRole('checkbox', { name: /Representative quote/ })).toBeChecked();
  const excerpt = details.getByRole('textbox', { name: 'Excerpt for publication' });
  await excerpt.fill('Vi får flere eldre (…) og vi kan ikke ansette oss ut av det.');
  await expect(details.getByRole('alert')).toContainText('“ansette” is not in the passage');
  await excerpt.fill('Vi får flere eldre (…) og vi kan ikke bemanne oss ut av det.');
  await expect(details.getByRole('alert')).toHaveCount(0);
  await details.getByRole('combobox', { name: 'Attribute this quote as' }).selectOption('anonymous');
  await expect(details.getByRole('combobox', { name: 'Attribute this quote as' })).toHaveValue('anonymous');
  await excerpt.blur();

  await page.getByRole('button', { name: /^Export/ }).click();
  await page.getByRole('menuitem', { name: 'Representative quotes tables…' }).click();
  const preview = page.getByRole('region', { name: 'Preview of the quote tables' });
  await expect(preview).toContainText('“Vi får flere eldre (…) og vi kan ikke bemanne oss ut av det.” (Informant)');
});

test('draft check: a draft with a misquote and a revealing attribution shows its findings', async ({ stige, page }) => {
  await openSample(stige);
  const draft = await makeDraftDocx([
    { text: 'Innledning. Kommunene beskriver innovasjon nøkternt.' },
    { text: 'Inger fra Bærum sier det slik: «Vi tok små steg, evaluerte etter hver uke og justerte underveis» (Inger).' },
    { text: 'Og videre: «Vi får flere eldre og færre hender, og vi kan ikke bemanne oss ut av det.» (Kjell)' },
  ]);
  const file = path.join(stige.devhost.dataDir, 'utkast.docx');
  fs.writeFileSync(file, draft);
  await page.getByRole('button', { name: /^Export/ }).click();
  await page.getByRole('menuitem', { name: 'Check a thesis draft…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check a thesis draft' });
  await dialog.getByLabel('Thesis draft (.docx)').setInputFiles(file);
  const report = dialog.getByRole('region', { name: 'Draft check report' });
  await expect(report).toContainText('utkast.docx');
  await expect(report.locator('li').first()).toContainText('Paragraph');
  expect(await report.locator('li').count()).toBeGreaterThanOrEqual(2);
  await stige.screenshot('draft-check-report');
  // The misattributed quote was found in Inger's interview: the finding opens it at the passage.
  await expect(report.getByRole('region', { name: 'No matching passage in the interviews' })).toContainText('evaluerte etter hver uke');
  await expect(report.getByRole('region', { name: 'Pseudonym next to a case name that reveals who it is' })).toContainText('Bærum');
  await report.getByRole('region', { name: 'The words are another informant’s' }).getByRole('button', { name: 'Show the passage in Interview Inger →' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Interview Inger' })).toBeVisible();
});

test('overview tables: interviews by case, informants, one informant’s quotes', async ({ stige, page }) => {
  await openSample(stige);
  await page.getByRole('button', { name: /^Export/ }).click();
  await page.getByRole('menuitem', { name: 'Overview tables…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export overview tables' });
  const preview = dialog.getByRole('region', { name: 'Preview of the table' });
  await expect(preview).toContainText('Interview Inger');
  await expect(preview).toContainText('Bærum');
  await stige.screenshot('overview-interviews');
  await dialog.getByRole('tab', { name: 'Informants' }).click();
  await expect(preview).toContainText('Kjell');
  await dialog.getByRole('tab', { name: 'Quotes per informant' }).click();
  await dialog.getByRole('combobox', { name: 'Informant' }).selectOption({ label: 'Sarah' });
  await expect(preview).toContainText('libraries');
  // Each quote with its context, codes and attribution, for member checking; or only the starred ones.
  await expect(preview.locator('thead th')).toHaveText(['Interview', 'Quote', 'Context', 'Codes', 'Attributed as']);
  const rows = preview.locator('tbody tr');
  await expect.poll(() => rows.count()).toBeGreaterThan(3);
  await dialog.getByRole('checkbox', { name: 'Only starred quotes (★)' }).check();
  await expect(rows).toHaveCount(3);
  // The wording is the user's: Norwegian in one step, then a caption and a column title of their own.
  await dialog.getByRole('combobox', { name: 'Language of the wording' }).selectOption('nb');
  await expect(preview.locator('thead th')).toHaveText(['Intervju', 'Sitat', 'Sammenheng', 'Koder', 'Oppgitt som']);
  const caption = dialog.getByRole('textbox', { name: 'Caption template' });
  await caption.fill('Sitater fra {navn}');
  await expect(dialog.getByRole('alert')).toContainText('Unknown placeholder {navn}');
  await expect(dialog.getByRole('button', { name: 'Export DOCX' })).toBeDisabled();
  await caption.fill('Sitater fra {label} ({count}) – til gjennomlesing');
  await dialog.getByRole('textbox', { name: 'Column: Context' }).fill('Før og etter «sitatet»');
  await expect(preview).toContainText('Sitater fra Sarah (3) – til gjennomlesing');
  await expect(preview.locator('thead th').nth(2)).toHaveText('Før og etter «sitatet»');
  await stige.screenshot('overview-informant-quotes');
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('md');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export MD' }).click();
  const text = fs.readFileSync(await (await download).path(), 'utf8');
  expect(text).toContain('Sitater fra Sarah (3) – til gjennomlesing');
  expect(text).toContain('| Intervju | Sitat | Før og etter «sitatet» | Koder | Oppgitt som |');
  await expect(dialog.getByRole('status')).toContainText('Exported');
  // Kept in the project, starred-only choice included.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: /^Export/ }).click();
  await page.getByRole('menuitem', { name: 'Overview tables…' }).click();
  await dialog.getByRole('tab', { name: 'Quotes per informant' }).click();
  await expect(caption).toHaveValue('Sitater fra {label} ({count}) – til gjennomlesing');
  await expect(dialog.getByRole('checkbox', { name: 'Only starred quotes (★)' })).toBeChecked();
});

test('overview tables: the wording of captions and totals is edited and checked, informant attributes become columns', async ({ stige, page }) => {
  await openSample(stige);
  // A length for Inger's interview, so the Bærum total has hours and minutes.
  await page.getByRole('button', { name: 'About Interview Inger' }).click();
  const details = page.getByRole('dialog', { name: 'About “Interview Inger”' });
  await details.getByLabel('Length (h:mm:ss)').fill('4:31:00');
  await details.getByLabel('Title').click();
  await details.getByRole('button', { name: 'Done' }).click();
  // Two informant attributes, one with a value with « » and æøå.
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = page.getByRole('region', { name: 'Comparisons of informants and cases' });
  for (const name of ['Alder', 'Sektor']) {
    await view.getByRole('button', { name: '+ Attribute column' }).click();
    const add = page.getByRole('dialog', { name: 'Add an attribute of informants' });
    await add.getByLabel('Attribute name').fill(name);
    await add.getByRole('button', { name: 'Add column' }).click();
    await expect(add).toBeHidden();
  }
  const sector = view.getByRole('grid', { name: 'Informants table' }).getByRole('gridcell', { name: /^Sektor of Inger/ });
  await sector.click();
  await page.keyboard.type('Helse og omsorg «HO»');
  await page.keyboard.press('Enter');
  await expect(sector).toHaveText('Helse og omsorg «HO»');

  await page.getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menuitem', { name: 'Overview tables…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export overview tables' });
  const preview = dialog.getByRole('region', { name: 'Preview of the table' });
  await expect(preview).toContainText('Total 4 h 31 min,');
  // Norwegian wording in one step, then the user's own caption.
  await dialog.getByRole('combobox', { name: 'Language of the wording' }).selectOption('nb');
  await expect(preview.locator('tr.total').first()).toHaveText(/^Totalt 4 timer 31 min\., \d+ sider$/);
  const caption = dialog.getByRole('textbox', { name: 'Caption template' });
  await caption.fill('Tabell {n}: Intervjuer i «Bærum», Asker og Leeds – {år}');
  await expect(dialog.getByRole('alert')).toContainText('Unknown placeholder {år} in the overview caption template; it may use {n}');
  await expect(dialog.getByRole('button', { name: 'Export DOCX' })).toBeDisabled();
  await caption.fill('Tabell {n}: Intervjuer i «Bærum», Asker og Leeds – særlig våren');
  await dialog.getByRole('spinbutton', { name: 'Table number' }).fill('3');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(preview).toContainText('Tabell 3: Intervjuer i «Bærum», Asker og Leeds – særlig våren');
  const total = dialog.getByRole('textbox', { name: 'Total row of each case' });
  await total.fill('I alt {duration}, {sider} sider');
  await expect(dialog.getByRole('alert')).toContainText('Unknown placeholder {sider} in the total row template');
  await total.fill('Totalt {duration}, {pages} sider «{case}»');
  await expect(preview.locator('tr.total').first()).toHaveText(/^Totalt 4 timer 31 min\., \d+ sider «Bærum»$/);
  // Column titles too; the case column is the same in every table.
  await dialog.getByRole('textbox', { name: 'Column: Case' }).fill('Kommune');
  await expect(preview.locator('thead th').first()).toHaveText('Kommune');
  await stige.screenshot('overview-interviews-wording');

  // Informants: the project's attributes as a checklist; ticked ones are columns in the order ticked.
  await dialog.getByRole('tab', { name: 'Informants' }).click();
  // Each table has its own number.
  const number = dialog.getByRole('spinbutton', { name: 'Table number' });
  await expect(number).toHaveValue('1');
  await number.fill('4');
  await expect(preview).toContainText('Tabell 4: Informanter');
  await dialog.getByRole('checkbox', { name: 'Sektor' }).check();
  await dialog.getByRole('checkbox', { name: 'Alder' }).check();
  await expect(preview.locator('thead th')).toHaveText(['Informant', 'Kommune', 'Rolle', 'Sektor', 'Alder']);
  await expect(preview.locator('tbody tr', { hasText: 'Inger' })).toContainText('Helse og omsorg «HO»');
  await stige.screenshot('overview-informants-attributes');
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('md');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export MD' }).click();
  const text = fs.readFileSync(await (await download).path(), 'utf8');
  expect(text).toContain('| Informant | Kommune | Rolle | Sektor | Alder |');
  expect(text).toMatch(/\| Inger \| Bærum \| [^|]*\| Helse og omsorg «HO» \|  \|/);
  await expect(dialog.getByRole('status')).toContainText('Exported');

  // Kept in the project: the dialog opens with the same wording and columns.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menuitem', { name: 'Overview tables…' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Caption template' })).toHaveValue('Tabell {n}: Intervjuer i «Bærum», Asker og Leeds – særlig våren');
  await expect(dialog.getByRole('textbox', { name: 'Total row of each case' })).toHaveValue('Totalt {duration}, {pages} sider «{case}»');
  await expect(number).toHaveValue('3');
  await dialog.getByRole('tab', { name: 'Informants' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Sektor' })).toBeChecked();
  await expect(number).toHaveValue('4');
});

