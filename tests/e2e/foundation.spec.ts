import path from 'node:path';
import fs from 'node:fs';
import { test, expect } from './support/fixtures';

const INTERVIEW = [
  'Intervjuer: Hva legger du i begrepet innovasjon?',
  'Inger: For meg er innovasjon «nyskapning» som gir bedre tjenester. Vi prøver nye ting hele tiden.',
  'Intervjuer: Hva hindrer dere?',
  'Inger: Budsjettet er bundet opp i drift, og det er lite rom for å feile.',
].join('\n');

function writeTranscript(dir: string, name: string, content: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

test('the first run asks the coder name, then offers new, open, recent and the sample', async ({ stige, page }) => {
  await page.goto(stige.devhost.url);
  await expect(page.getByRole('dialog', { name: 'Welcome to Stige' })).toBeVisible();
  await stige.screenshot('welcome');
  await page.getByLabel('Your name as coder').fill('Kari Nordmann');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: /New project/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Open project/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Open the sample project/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recent projects' })).toBeVisible();
  await stige.screenshot('start-screen');
  // The name is remembered: a reload does not ask again.
  await page.reload();
  await expect(page.getByRole('button', { name: /New project/ })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Welcome to Stige' })).toBeHidden();
});

test('the sample project opens with a coded transcript and a filled codebook', async ({ stige, page }) => {
  await stige.open();
  await page.getByRole('button', { name: /Open the sample project/ }).click();
  await expect(page.locator('.project-name')).toHaveText('Sample project – innovation in municipalities');
  await expect(stige.documentItem('Interview Inger')).toBeVisible();
  await expect(stige.documentItem('Interview Sarah')).toBeVisible();
  await expect(stige.transcript().locator('mark.coding').first()).toBeVisible();
  expect(await stige.transcript().locator('mark.coding').count()).toBeGreaterThan(10);
  // Overlapping codings carry several ids on one mark.
  await expect(stige.transcript().locator('mark.coding[data-codings*=" "]').first()).toBeAttached();
  await expect(page.getByRole('treeitem', { name: 'Making sense of innovation' })).toBeVisible();
  await expect(page.locator('.transcript-text p.turn-start[data-speaker="Inger"]').first()).toBeAttached();
  await stige.screenshot('sample-project');
  await stige.documentItem('Interview Sarah').click();
  await expect(page.getByRole('heading', { name: 'Interview Sarah' })).toBeVisible();
  await expect(stige.transcript()).toContainText('🎉');
});

test('import, code with overlaps, build the three levels, rename, recolour, delete, undo, and reopen', async ({ stige, page }, testInfo) => {
  await stige.open();
  await stige.newProject('Masteroppgave');
  expect(stige.dataFiles()).toContain('Masteroppgave.stige');

  // Import by the file picker.
  const source = writeTranscript(testInfo.outputDir, 'Intervju Inger.txt', INTERVIEW);
  await stige.importByPicker([source]);
  await stige.expectImportReport(1);
  await expect(stige.documentItem('Intervju Inger')).toBeVisible();
  await expect(page.locator('.transcript-text p.turn-start[data-speaker="Intervjuer"]').first()).toBeAttached();

  // Code a passage with a new concept (in vivo name prefilled, then typed), and an overlapping one.
  await stige.select('«nyskapning» som gir bedre tjenester');
  await stige.codeSelectionAs('Nyskapning');
  await expect(stige.marksWith('nyskapning')).toHaveCount(1);
  await stige.select('bedre tjenester. Vi prøver nye ting');
  await stige.codeSelectionAs('Prøve nye ting');
  await expect(stige.transcript().locator('mark.coding[data-codings*=" "]', { hasText: 'bedre tjenester' })).toHaveCount(1);
  await stige.marksWith('bedre tjenester').first().hover();
  const card = page.getByRole('dialog', { name: 'Codes on these words' });
  await expect(card).toContainText('Nyskapning');
  await expect(card).toContainText('Prøve nye ting');
  await expect(card).toContainText('Kari Nordmann');
  await stige.screenshot('coded-transcript-overlaps');

  // Pick an existing concept from the searchable list.
  await stige.select('lite rom for å feile');
  await stige.transcript().focus();
  await page.keyboard.press('c');
  await page.getByRole('textbox', { name: 'Concept' }).fill('prøve');
  await page.getByRole('listbox', { name: 'Matching concepts' }).getByRole('option', { name: /Prøve nye ting/ }).click();
  await expect(stige.marksWith('lite rom for å feile')).toHaveCount(1);

  // The codebook: theme and dimension, grouping by drag and drop.
  await stige.addCode(/Second-order theme/, 'Eksperimentering');
  await stige.addCode(/Aggregate dimension/, 'Innovasjonspraksis');
  await stige.dragCode('Prøve nye ting', 'Eksperimentering');
  await expect(page.getByRole('treeitem', { name: 'Eksperimentering' }).getByRole('treeitem', { name: 'Prøve nye ting' })).toBeVisible();
  await stige.dragCode('Eksperimentering', 'Innovasjonspraksis');
  await expect(page.getByRole('treeitem', { name: 'Innovasjonspraksis' }).getByRole('treeitem', { name: 'Prøve nye ting' })).toBeVisible();
  // The rules: a concept cannot go straight under a dimension (the drop is refused).
  await stige.dragCode('Nyskapning', 'Innovasjonspraksis');
  await expect(page.getByRole('region', { name: 'Not yet grouped' }).getByRole('treeitem', { name: 'Nyskapning' })).toBeVisible();
  await stige.screenshot('codebook-three-levels');

  // Rename and recolour.
  await stige.codeRow('Nyskapning').dblclick();
  await page.getByRole('textbox', { name: 'Rename Nyskapning' }).fill('Nyskapning som begrep');
  await page.keyboard.press('Enter');
  await expect(stige.codeRow('Nyskapning som begrep')).toBeVisible();
  await page.getByLabel('Colour of Nyskapning som begrep').fill('#d55e00');
  await expect(stige.codeRow('Nyskapning som begrep').locator('.swatch')).toHaveCSS('background-color', 'rgb(213, 94, 0)');

  // Delete a concept with its codings after confirming, then undo it.
  await stige.codeRow('Nyskapning som begrep').getByRole('button', { name: 'Delete Nyskapning som begrep' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “Nyskapning som begrep”?' });
  await expect(confirm).toContainText('1 coding will be removed');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(stige.codeRow('Nyskapning som begrep')).toHaveCount(0);
  await expect(stige.transcript().locator('mark.coding[data-codings*=" "]')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(stige.codeRow('Nyskapning som begrep')).toBeVisible();
  await expect(stige.transcript().locator('mark.coding[data-codings*=" "]')).toHaveCount(1);

  // Everything is in the SQLite file: no save.
  const info = stige.info('Masteroppgave.stige');
  expect(info.codes).toMatchObject({ concept: 2, theme: 1, dimension: 1, total: 4 });
  expect(info.codings).toBe(3);

  // Close and reopen: everything is there.
  await page.getByRole('button', { name: 'Close project' }).click();
  await page.getByRole('button', { name: /Masteroppgave/ }).click();
  await expect(stige.transcript().locator('mark.coding')).not.toHaveCount(0);
  await expect(stige.transcript().locator('mark.coding[data-codings*=" "]')).toHaveCount(1);
  await expect(page.getByRole('treeitem', { name: 'Innovasjonspraksis' }).getByRole('treeitem', { name: 'Prøve nye ting' })).toBeVisible();
  await page.reload();
  await expect(page.locator('.project-name')).toHaveText('Masteroppgave');
  await expect(stige.codeRow('Nyskapning som begrep')).toBeVisible();
});

test('several files dropped onto the window import with progress and a report', async ({ stige, page }) => {
  await stige.open();
  await stige.newProject('Drop');
  await stige.importByDrop([
    { name: 'Kjell.txt', content: 'Intervjuer: Hei\nKjell: Hei på deg, dette er Asker.' },
    { name: 'Anne.txt', content: 'Intervjuer: Hei\nAnne: Nye løsninger på samfunnsutfordringer.' },
    { name: 'Kopi.txt', content: 'Intervjuer: Hei\nKjell: Hei på deg, dette er Asker.' },
    { name: 'tom.txt', content: '' },
  ]);
  const report = page.getByRole('dialog', { name: 'Import finished' });
  await expect(report).toContainText('2 imported · 1 skipped · 1 failed');
  await expect(report).toContainText('tom.txt is empty');
  await stige.screenshot('import-report');
  await report.getByRole('button', { name: 'OK' }).click();
  await expect(stige.documentItem('Kjell')).toBeVisible();
  await expect(stige.documentItem('Anne')).toBeVisible();
});

test('level names follow the project settings', async ({ stige, page }) => {
  await stige.open();
  await stige.newProject('Nivåer');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Level name preset').selectOption('nb-ordens-kode');
  await page.getByRole('button', { name: 'Save' }).click();
  const legend = page.getByLabel('Levels');
  await expect(legend).toContainText('3. ordens kode');
  await expect(legend).toContainText('1. ordens kode');
  await expect(page.locator('.add-buttons')).toContainText('+ 2. ordens kode');
});

test('the transcript filters by code at any level and by coder', async ({ stige, page }) => {
  await stige.open();
  await page.getByRole('button', { name: /Open the sample project/ }).click();
  await expect(stige.transcript().locator('mark.coding').first()).toBeVisible();
  const all = await stige.transcript().locator('mark.coding').count();
  // A theme shows its concepts' codings only.
  await page.getByRole('combobox', { name: 'Show codings of' }).selectOption({ label: '└ Enabling leadership and culture' });
  await expect(stige.transcript().locator('mark.coding')).not.toHaveCount(all);
  const theme = await stige.transcript().locator('mark.coding').count();
  expect(theme).toBeGreaterThan(0);
  // By coder: the sample's codings are all by "Stige sample"; the user has none yet.
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(stige.transcript().locator('mark.coding')).toHaveCount(all);
  await page.getByRole('combobox', { name: 'Show codings by' }).selectOption({ label: 'Stige sample' });
  await expect(stige.transcript().locator('mark.coding')).toHaveCount(all);
  await stige.screenshot('filtered-transcript');
});
