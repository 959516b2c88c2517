import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import JSZip from 'jszip';
import { xmllintErrors } from '../support/xmllint';
import { test, expect } from './support/fixtures';
import type { StigePage } from './support/stigePage';

const refi = (name: string) => path.resolve('..', 'shared', 'corpus', 'refi', name);
const NVIVO12 = refi('nvivo12win_hu_oltas0517.qdpx');
// Reading NVivo's 600,000-character sources takes seconds, more on a busy machine.
const IMPORT_WAIT = 90_000;

// Each test imports the NVivo file once or twice (several seconds each).
test.describe.configure({ timeout: 300_000 });

async function openImportDialog(page: Page) {
  await page.getByRole('button', { name: 'Import ▾' }).click();
  await page.getByRole('menuitem', { name: /REFI-QDA project or codebook/ }).click();
  return page.getByRole('dialog', { name: 'Import a REFI-QDA project or codebook' });
}

async function openExportDialog(page: Page) {
  await page.getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menuitem', { name: 'REFI-QDA project or codebook…' }).click();
  return page.getByRole('dialog', { name: 'Export a REFI-QDA project or codebook' });
}

async function downloaded(download: Download): Promise<Buffer> {
  return fs.readFileSync(await download.path());
}

/** Import the NVivo 12 file through the dialog, every code left unplaced (the default for a tree four deep). */
async function importNvivoUnplaced(stige: StigePage) {
  const dialog = await openImportDialog(stige.page);
  await dialog.getByLabel('REFI-QDA file').setInputFiles(NVIVO12);
  await expect(dialog.getByRole('status', { name: 'Levels after import' })).toContainText('Not yet placed: 152', { timeout: IMPORT_WAIT });
  await dialog.getByRole('button', { name: /^Import into/ }).click();
  await expect(dialog.getByLabel('Import report').getByRole('status').first()).toContainText('✓ Imported 2 documents, 152 codes, 303 codings and 2 coders', { timeout: IMPORT_WAIT });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
}

test('import the NVivo 12 project with a level choice, see what came in and the loss report, then export .qdpx and .qdc that validate', async ({ stige, page }) => {
  await stige.open();
  await stige.newProject('Oltás');
  const dialog = await openImportDialog(page);
  await expect(dialog).toContainText('exchange format of NVivo, ATLAS.ti, MAXQDA and QualCoder');
  await stige.screenshot('refi-import-choose');

  // What the file holds, before anything is imported.
  await dialog.getByLabel('REFI-QDA file').setInputFiles(NVIVO12);
  await expect(dialog).toContainText('made by NVivo for Windows 12.6', { timeout: IMPORT_WAIT });
  const holds = dialog.getByRole('table', { name: 'What the file holds' });
  await expect(holds.getByRole('row', { name: /^Documents/ })).toContainText('2');
  await expect(holds.getByRole('row', { name: /^Codes/ })).toContainText('152');
  await expect(holds.getByRole('row', { name: /^Codings/ })).toContainText('303');
  await expect(holds.getByRole('row', { name: /^Depth of the code tree/ })).toContainText('4');
  // A tree four deep: nothing is placed on a guess.
  const depths = dialog.getByRole('table', { name: 'Depths of the code tree' });
  await expect(depths.getByRole('row')).toHaveCount(5);
  const result = dialog.getByRole('status', { name: 'Levels after import' });
  await expect(result).toContainText('Not yet placed: 152', { timeout: IMPORT_WAIT });
  await stige.screenshot('refi-import-preview');

  // Depth 1 holds NVivo's folders ("1. Oltás típusa"): dimensions start one depth down.
  await dialog.getByLabel('Level for depth 2').selectOption({ label: 'Aggregate dimensions' });
  await dialog.getByLabel('Level for depth 3').selectOption({ label: 'Second-order themes' });
  await dialog.getByLabel('Level for depth 4').selectOption({ label: 'First-order concepts' });
  await expect(result).toContainText('Aggregate dimensions: 45 · Second-order themes: 92 · First-order concepts: 3 · Not yet placed: 12', { timeout: IMPORT_WAIT });
  // An impossible order is refused with a reason, and Import waits.
  await dialog.getByLabel('Level for depth 1').selectOption({ label: 'First-order concepts' });
  await expect(dialog.getByRole('alert')).toContainText('Levels must nest from the top down');
  await expect(dialog.getByRole('button', { name: /^Import into/ })).toBeDisabled();
  await dialog.getByLabel('Level for depth 1').selectOption({ label: 'Not placed' });
  await dialog.getByLabel('Level for depth 4').selectOption({ label: 'First-order concepts' });
  await expect(result).toContainText('Not yet placed: 12', { timeout: IMPORT_WAIT });
  await stige.screenshot('refi-import-levels-chosen');

  await dialog.getByRole('button', { name: 'Import into “Oltás”' }).click();
  const report = dialog.getByLabel('Import report');
  await expect(report.getByRole('status').first()).toContainText('✓ Imported 2 documents, 152 codes, 303 codings and 2 coders from “nvivo12win_hu_oltas0517.qdpx”', { timeout: IMPORT_WAIT });
  await expect(report).toContainText('Aggregate dimensions: 45 · Second-order themes: 92 · First-order concepts: 3 · Not yet placed: 12', { timeout: IMPORT_WAIT });
  await expect(report.getByRole('table', { name: 'Documents in the file' }).getByRole('row', { name: /videos_10_selected/ })).toContainText('UTF-16 code units');
  await expect(report.getByLabel('What could not be brought over')).toContainText('Nothing was left out');
  await stige.screenshot('refi-import-report');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Documents, codes and codings are there; the import is one undoable step.
  await expect(stige.documentItem('videos_10_selected')).toBeVisible();
  await expect(stige.documentItem('videos_selection')).toBeVisible();
  // The transcript with the codings opens.
  await expect(page.locator('.document-item.active')).toContainText('videos_10_selected');
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveAttribute('aria-label', 'Undo Import “nvivo12win_hu_oltas0517.qdpx”');
  await expect(stige.transcript().locator('mark.coding').first()).toBeVisible();
  const info = stige.info('Oltás.stige');
  expect(info.codings).toBe(303);
  expect(info.codes).toMatchObject({ dimension: 45, theme: 92, concept: 3, total: 152 });

  // The twelve NVivo folders wait in "Not yet placed"; one is placed with the selection bar.
  const unplaced = page.getByRole('region', { name: 'Not yet placed' });
  await expect(unplaced.getByRole('treeitem')).toHaveCount(12);
  await unplaced.getByRole('checkbox', { name: 'Select 1. Oltás típusa' }).check();
  await stige.screenshot('codebook-not-yet-placed');
  await page.getByRole('toolbar', { name: 'Selected codes' }).getByRole('button', { name: 'Make aggregate dimension' }).click();
  await expect(unplaced.getByRole('treeitem')).toHaveCount(11);
  await expect(page.getByRole('treeitem', { name: '1. Oltás típusa', exact: true })).toHaveClass(/\bdimension\b/);
  // Or dragged: onto a dimension, a code not yet placed becomes one of its themes.
  await stige.dragCode('2. Attitűd szint az oltáshoz', '1. Oltás típusa');
  await expect(unplaced.getByRole('treeitem')).toHaveCount(10);
  await expect(page.getByRole('treeitem', { name: '1. Oltás típusa', exact: true }).getByRole('treeitem', { name: '2. Attitűd szint az oltáshoz' })).toHaveClass(/\btheme\b/);

  // Export the project: a .qdpx whose project.qde validates against the official schema.
  const exportDialog = await openExportDialog(page);
  await expect(exportDialog.getByRole('checkbox', { name: 'Include informants’ real names' })).not.toBeChecked();
  await expect(exportDialog).toContainText('Their real names stay in this project');
  await stige.screenshot('refi-export-choose');
  const projectDownload = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export .qdpx' }).click();
  const qdpx = await projectDownload;
  expect(qdpx.suggestedFilename()).toBe('Oltás.qdpx');
  const zip = await JSZip.loadAsync(await downloaded(qdpx));
  const qde = await zip.file('project.qde')!.async('string');
  expect(xmllintErrors(qde, 'project')).toBe('');
  expect(qde).toContain('videos_10_selected');
  await expect(exportDialog.getByRole('status')).toContainText('Downloaded Oltás.qdpx');
  await expect(exportDialog.getByRole('status')).toContainText('2 documents, 152 codes and 303 codings');
  await stige.screenshot('refi-export-done');

  // The real-names option says plainly what it does.
  await exportDialog.getByRole('checkbox', { name: 'Include informants’ real names' }).check();
  await expect(exportDialog).toContainText('Share it only with people allowed to know who your informants are');
  await stige.screenshot('refi-export-real-names');

  // The codebook alone: a .qdc valid against Codebook.xsd.
  await exportDialog.getByRole('radio', { name: /The codebook only/ }).check();
  await expect(exportDialog.getByRole('checkbox', { name: 'Include informants’ real names' })).toBeHidden();
  const codebookDownload = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export .qdc' }).click();
  const qdc = await codebookDownload;
  expect(qdc.suggestedFilename()).toBe('Oltás – codebook.qdc');
  const qdcXml = (await downloaded(qdc)).toString('utf8');
  expect(xmllintErrors(qdcXml, 'codebook')).toBe('');
  expect(qdcXml).toContain('1. Oltás típusa');
  await expect(exportDialog.getByRole('status')).toContainText('152 codes');
});

test('importing into a project that has the file already: matched by GUID, a changed code is a conflict the user settles', async ({ stige, page }) => {
  await stige.open();
  await stige.newProject('Fletting');
  await importNvivoUnplaced(stige);
  // The project's own change: a code renamed since the file was made.
  await stige.codeRow('1. Oltás típusa').dblclick();
  await page.getByRole('textbox', { name: 'Rename 1. Oltás típusa' }).fill('Vaksinetype «oltás»');
  await page.keyboard.press('Enter');
  await expect(stige.codeRow('Vaksinetype «oltás»')).toBeVisible();

  const dialog = await openImportDialog(page);
  await dialog.getByLabel('REFI-QDA file').setInputFiles(NVIVO12);
  const holds = dialog.getByRole('table', { name: 'What the file holds' });
  await expect(holds.getByRole('row', { name: /^Codes/ })).toHaveText(/Codes\s*152\s*0\s*152/, { timeout: IMPORT_WAIT });
  const merge = dialog.getByRole('region', { name: 'Merging with this project' });
  await expect(merge).toContainText('1 object is in both but differs');
  const conflict = merge.getByRole('table', { name: 'Conflicts' }).getByRole('row', { name: /Vaksinetype/ });
  await expect(conflict).toContainText('name');
  const choice = conflict.getByRole('combobox', { name: 'Which version of “Vaksinetype «oltás»”' });
  await expect(choice).toHaveValue('keep');
  // Every code is already here, so there is no level to choose.
  await expect(dialog).toContainText('Every code in the file is already in the project');
  await expect(dialog.getByRole('table', { name: 'Depths of the code tree' })).toHaveCount(0);
  await merge.scrollIntoViewIfNeeded();
  await stige.screenshot('refi-import-merge-conflict');
  await choice.selectOption({ label: 'The file’s version' });
  await stige.screenshot('refi-import-merge-take-file');

  await dialog.getByRole('button', { name: 'Import into “Fletting”' }).click();
  const report = dialog.getByLabel('Import report');
  await expect(report.getByRole('status').first()).toContainText('✓ Took the file’s version of 1 object from “nvivo12win_hu_oltas0517.qdpx”; nothing new to add', { timeout: IMPORT_WAIT });
  await expect(report).toContainText('Already in the project, matched by ID and not doubled: 2 documents, 152 codes, 303 codings and 2 coders');
  await expect(report.getByRole('region', { name: 'Conflicts settled' })).toContainText('0 conflicts kept the project’s version; 1 conflict took the file’s');
  await stige.screenshot('refi-import-merge-report');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(stige.codeRow('1. Oltás típusa')).toBeVisible();
  await expect(stige.codeRow('Vaksinetype «oltás»')).toHaveCount(0);
  expect(stige.info('Fletting.stige').codings).toBe(303);
});

test('what cannot be brought over is listed with reasons, and a broken file is refused without changing anything', async ({ stige, page }) => {
  await stige.open();
  await stige.newProject('Frokost');
  const dialog = await openImportDialog(page);
  await dialog.getByLabel('REFI-QDA file').setInputFiles(refi('atlasti23win_requal_truncated_cs.qdc'));
  await expect(dialog.getByRole('alert')).toContainText('This file cannot be imported.', { timeout: IMPORT_WAIT });
  await expect(dialog).toContainText('Nothing was changed in the project.');
  await expect(dialog.getByRole('button', { name: /^Import into/ })).toBeDisabled();
  await stige.screenshot('refi-import-broken-file');

  await dialog.getByLabel('REFI-QDA file').setInputFiles(refi('atlasti84mac_refi_standard_project.qdpx'));
  await expect(dialog).toContainText('made by ATLAS.ti 8.4', { timeout: IMPORT_WAIT });
  const losses = dialog.getByRole('table', { name: 'What could not be brought over' });
  await expect(losses.getByRole('row', { name: /Video sources/ })).toContainText('2');
  await expect(losses.getByRole('row', { name: /^Sets/ })).toContainText('16');
  // A flat list of codes: make them all concepts.
  await dialog.getByLabel('Level for depth 1').selectOption({ label: 'First-order concepts' });
  await expect(dialog.getByRole('status', { name: 'Levels after import' })).toContainText('First-order concepts: 14 · Not yet placed: 0', { timeout: IMPORT_WAIT });
  await stige.screenshot('refi-import-atlas-preview');
  await dialog.getByRole('button', { name: 'Import into “Frokost”' }).click();
  const report = dialog.getByLabel('Import report');
  await expect(report.getByRole('status').first()).toContainText('✓ Imported 14 codes', { timeout: IMPORT_WAIT });
  await expect(report.getByRole('table', { name: 'What could not be brought over' })).toContainText('Sources whose text is not in the file');
  await stige.screenshot('refi-import-atlas-loss-report');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('region', { name: 'Not yet grouped' }).getByRole('treeitem')).toHaveCount(14);
});
