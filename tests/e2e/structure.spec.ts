import fs from 'node:fs';
import path from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import type { StigePage } from './support/stigePage';

const INTERVIEW = [
  'Intervjuer: Hva betyr innovasjon i Bærum?',
  'Kari: I Bærum prøver vi nye løsninger hele tiden. Vi prøver og feiler, og det er lov.',
  'Intervjuer: Og budsjettet?',
  'Kari: Budsjettet er stramt, men vi prøver likevel å finne rom for nye løsninger.',
  'Intervjuer: Hvem bestemmer?',
  'Kari: Rådmannen gir oss tillit, og ledelsen står bak oss når noe går galt.',
].join('\n');

const GIOIA_CODEBOOK = path.resolve('../shared/corpus/codebooks/gioia_healthcare_example.json');

/** A new project with one interview and five concepts coded (Eksperimentering twice). */
async function codedProject(stige: StigePage): Promise<void> {
  await stige.open();
  await stige.newProject('Masteroppgave');
  await stige.importByDrop([{ name: 'Kari.txt', content: INTERVIEW }]);
  await stige.expectImportReport(1);
  await expect(stige.transcript()).toContainText('nye løsninger');
  for (const [passage, concept] of [
    ['prøver vi nye løsninger', 'Eksperimentering'],
    ['Vi prøver og feiler', 'Eksperimentering'],
    ['det er lov', 'Lov å feile'],
    ['Budsjettet er stramt', 'Stramme budsjetter'],
    ['finne rom', 'Handlingsrom'],
    ['Rådmannen gir oss tillit', 'Tillit fra ledelsen'],
  ] as const) {
    await stige.select(passage);
    await stige.codeSelectionAs(concept);
  }
  await expect(stige.codeRow('Eksperimentering').locator('.count')).toHaveText('2');
}

/** The figure on the canvas. */
function figure(page: Page): Locator {
  return page.getByRole('region', { name: 'Data-structure figure' }).locator('svg.figure-svg');
}

/** The box of a code in the figure, by its kind and label (a long label is wrapped over several <text> lines). */
function box(page: Page, kind: 'concept' | 'theme' | 'dimension', label: string): Locator {
  return figure(page).locator(`g[data-kind="${kind}"][aria-label="${label}: show the coded segments"]`);
}

/** The x of a box's rectangle, in points. */
async function boxX(locator: Locator): Promise<number> {
  return Number(await locator.locator('rect').first().getAttribute('x'));
}

async function downloaded(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.readFileSync(file);
}

test('build a structure by dragging, watch the figure follow, change options, export SVG and PNG', async ({ stige, page }) => {
  await codedProject(stige);
  await page.getByRole('button', { name: 'Data structure', exact: true }).click();
  const view = page.getByRole('region', { name: 'Data structure' });
  await expect(view.getByRole('heading', { name: 'Data structure' })).toBeVisible();
  // Nothing grouped yet: the canvas explains how the figure comes about.
  await expect(view.getByText('The figure draws itself from the codebook')).toBeVisible();

  await stige.addCode(/Aggregate dimension/, 'Innovasjon i kommunen');
  await stige.addCode(/Second-order theme/, 'Innovasjonskultur');
  await stige.addCode(/Second-order theme/, 'Ressurser og rammer');

  // A concept dragged onto a theme appears at once, in the left column.
  await stige.dragCode('Eksperimentering', 'Innovasjonskultur');
  await expect(box(page, 'concept', 'Eksperimentering')).toBeVisible();
  await expect(box(page, 'theme', 'Innovasjonskultur')).toBeVisible();
  await stige.dragCode('Lov å feile', 'Innovasjonskultur');
  await expect(box(page, 'concept', 'Lov å feile')).toBeVisible();

  // Two concepts selected with Ctrl+click move together in one drag.
  await stige.codeRow('Stramme budsjetter').click();
  await stige.codeRow('Handlingsrom').click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByRole('toolbar', { name: 'Selected codes' })).toContainText('2 codes selected');
  await stige.dragCode('Handlingsrom', 'Ressurser og rammer');
  await expect(box(page, 'concept', 'Stramme budsjetter')).toBeVisible();
  await expect(box(page, 'concept', 'Handlingsrom')).toBeVisible();
  // The selection shows in the figure too; Esc in the codebook clears it.
  await expect(box(page, 'concept', 'Handlingsrom')).toHaveClass(/selected/);
  await stige.codeRow('Handlingsrom').press('Escape');
  await expect(page.getByRole('toolbar', { name: 'Selected codes' })).toBeHidden();
  await expect(box(page, 'concept', 'Handlingsrom')).not.toHaveClass(/selected/);

  // Themes into the dimension: the dimension box appears in the right column.
  await stige.dragCode('Innovasjonskultur', 'Innovasjon i kommunen');
  await stige.dragCode('Ressurser og rammer', 'Innovasjon i kommunen');
  await expect(box(page, 'dimension', 'Innovasjon i kommunen')).toBeVisible();
  const concept = await boxX(box(page, 'concept', 'Eksperimentering'));
  const theme = await boxX(box(page, 'theme', 'Innovasjonskultur'));
  const dimension = await boxX(box(page, 'dimension', 'Innovasjon i kommunen'));
  expect(concept).toBeLessThan(theme);
  expect(theme).toBeLessThan(dimension);
  expect(await boxX(box(page, 'concept', 'Handlingsrom'))).toBe(concept);
  expect(await boxX(box(page, 'theme', 'Ressurser og rammer'))).toBe(theme);
  // The concept not yet grouped is left out, and the view says so.
  await expect(box(page, 'concept', 'Tillit fra ledelsen')).toHaveCount(0);
  await expect(view.getByText(/1 first-order concept not yet grouped/)).toBeVisible();

  // Options apply at once: counts per concept.
  const options = page.getByRole('complementary', { name: 'Figure options' });
  await options.getByLabel('Counts').selectOption('codings');
  await expect(box(page, 'concept', 'Eksperimentering')).toContainText('2 codings');
  await expect(box(page, 'concept', 'Lov å feile')).toContainText('1 coding');
  await options.getByLabel('Fill').selectOption('support');
  await options.getByLabel('Caption', { exact: true }).fill('Figur 1: Datastruktur for {project}. Kilde: Egenprodusert, basert på Gioia et al. (2013).');
  await expect(options.getByLabel('Caption preview')).toHaveText('Figur 1: Datastruktur for Masteroppgave. Kilde: Egenprodusert, basert på Gioia et al. (2013).');
  await options.getByLabel('Caption', { exact: true }).press('Enter');
  await expect(figure(page).locator('g[data-kind="caption"]')).toContainText('Datastruktur for Masteroppgave');
  // Moving a concept to the other theme in the codebook moves it in the figure.
  await stige.dragCode('Lov å feile', 'Ressurser og rammer');
  await expect
    .poll(async () => Number(await box(page, 'concept', 'Lov å feile').locator('rect').getAttribute('y')))
    .toBeGreaterThan(Number(await box(page, 'concept', 'Eksperimentering').locator('rect').getAttribute('y')));
  await stige.screenshot('structure-figure-with-options');

  // Zoom controls: fit to width is the default; zooming in changes the scale, 0 fits again.
  const canvas = page.getByRole('region', { name: 'Data-structure figure' });
  const fitted = await figure(page).getAttribute('data-zoom');
  await canvas.getByRole('button', { name: 'Zoom in' }).click();
  await expect(figure(page)).not.toHaveAttribute('data-zoom', fitted!);
  await canvas.getByRole('button', { name: 'Fit to width' }).click();
  await expect(figure(page)).toHaveAttribute('data-zoom', fitted!);

  // Clicking a box opens that code's coded segments in the side panel.
  await box(page, 'concept', 'Eksperimentering').click();
  await expect(page.getByRole('tab', { name: 'Segments' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Coded segments of Eksperimentering')).toBeVisible();
  await expect(page.getByLabel('Coded segments of Eksperimentering').locator('.segment-quote').first()).toBeVisible();
  await expect(box(page, 'concept', 'Eksperimentering')).toHaveClass(/active/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: '← Codebook' }).click();

  // Export SVG and PNG through the dialog.
  await view.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the data structure' });
  await expect(dialog.getByRole('img', { name: 'Preview of the exported figure' })).toContainText('Ressurser og rammer');
  await stige.screenshot('export-structure-dialog');
  const svgDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export SVG' }).click();
  const svg = await svgDownload;
  expect(svg.suggestedFilename()).toBe('Masteroppgave – data structure.svg');
  const svgText = (await downloaded(svg)).toString('utf8');
  expect(svgText).toContain('<svg');
  // Real text, one <text> per line (the dimension's label wraps in its narrow column).
  for (const label of ['Eksperimentering', 'Lov å feile', 'Innovasjonskultur', 'Ressurser og rammer', 'Figur 1: Datastruktur for Masteroppgave']) {
    expect(svgText).toContain(`>${label}`);
  }
  expect(svgText).toMatch(/>Innovasjon i(<\/text>.*?>| )kommunen</);
  expect(svgText).toContain('2 codings');
  await expect(dialog.getByRole('status')).toContainText('Exported Masteroppgave – data structure.svg');

  await dialog.getByRole('radio', { name: /PNG/ }).check();
  const pngDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PNG' }).click();
  const png = await downloaded(await pngDownload);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // 16 cm at 300 dpi: the figure is exactly the A4 text width.
  expect(png.readUInt32BE(16)).toBe(Math.round((16 / 2.54) * 300));
  expect(png.length).toBeGreaterThan(20_000);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The options were saved in the project.
  await page.reload();
  await page.getByRole('button', { name: 'Data structure', exact: true }).click();
  await expect(box(page, 'concept', 'Eksperimentering')).toContainText('2 codings');
});

test('merge, split, promote, demote with release, reorder and move by keyboard, delete with a preview', async ({ stige, page }) => {
  await codedProject(stige);
  // Multi-select with Ctrl+click, then merge.
  await stige.codeRow('Lov å feile').click();
  await stige.codeRow('Eksperimentering').click({ modifiers: ['ControlOrMeta'] });
  const bar = page.getByRole('toolbar', { name: 'Selected codes' });
  await expect(bar).toContainText('2 codes selected');
  await expect(stige.codeRow('Eksperimentering')).toHaveClass(/selected/);
  await stige.screenshot('codebook-multi-select');
  await bar.getByRole('button', { name: 'Merge…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge codes' });
  await expect(merge.getByRole('radio', { name: /Eksperimentering/ })).toBeChecked();
  await merge.getByRole('button', { name: 'Merge into “Eksperimentering”' }).click();
  await expect(stige.codeRow('Lov å feile')).toHaveCount(0);
  await expect(stige.codeRow('Eksperimentering').locator('.count')).toHaveText('3');

  // Split: tick one coding and send it to a new concept.
  await expect(bar).toContainText('“Eksperimentering” selected');
  await bar.getByRole('button', { name: 'Split…' }).click();
  const split = page.getByRole('dialog', { name: 'Split “Eksperimentering”' });
  await split.getByRole('checkbox', { name: /det er lov/ }).check();
  await split.getByLabel('Name of the new first-order concept').fill('Lov å feile');
  await stige.screenshot('split-dialog');
  await split.getByRole('button', { name: 'Move 1 coding' }).click();
  await expect(split).toBeHidden();
  await expect(stige.codeRow('Lov å feile').locator('.count')).toHaveText('1');
  await expect(stige.codeRow('Eksperimentering').locator('.count')).toHaveText('2');

  // Promote a concept to a theme, group a concept under it, then demote it: its concept is released.
  await stige.codeRow('Handlingsrom').click();
  await bar.getByRole('button', { name: 'Promote ↑' }).click();
  await expect(page.locator('.code-node.theme', { has: stige.codeRow('Handlingsrom') })).toHaveCount(1);
  await stige.dragCode('Stramme budsjetter', 'Handlingsrom');
  await expect(page.locator('.code-node.theme', { has: stige.codeRow('Handlingsrom') }).locator('.code-node.concept')).toHaveCount(1);
  await stige.codeRow('Handlingsrom').click();
  await bar.getByRole('button', { name: 'Demote ↓' }).click();
  const release = page.getByRole('dialog', { name: 'Release the codes inside?' });
  await expect(release).toContainText('Stramme budsjetter');
  await release.getByRole('button', { name: 'Change level and release them' }).click();
  await expect(page.locator('.code-node.concept', { has: stige.codeRow('Handlingsrom') })).toHaveCount(1);
  await expect(page.locator('.code-node.theme')).toHaveCount(0);

  // Keyboard: Alt+↑ reorders within the group; M moves into a group.
  const pool = page.getByRole('region', { name: 'Not yet grouped' });
  const order = () => pool.locator('.code-label').allTextContents();
  const before = await order();
  const last = before[before.length - 1]!;
  await stige.codeRow(last).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(order).toEqual([...before.slice(0, -2), last, before[before.length - 2]!]);
  await expect(stige.codeRow(last)).toBeFocused();
  await stige.addCode(/Second-order theme/, 'Ledelse');
  await stige.codeRow('Tillit fra ledelsen').focus();
  await page.keyboard.press('m');
  const move = page.getByRole('dialog', { name: 'Move “Tillit fra ledelsen” into…' });
  await move.getByRole('combobox').fill('Led');
  await page.keyboard.press('Enter');
  await expect(page.locator('.code-node.theme', { has: stige.codeRow('Ledelse') }).locator('.code-node.concept', { has: stige.codeRow('Tillit fra ledelsen') })).toHaveCount(1);

  // Delete two concepts: the confirmation says what goes with them.
  await stige.codeRow('Eksperimentering').click();
  await stige.codeRow('Lov å feile').click({ modifiers: ['ControlOrMeta'] });
  await bar.getByRole('button', { name: 'Delete…' }).click();
  const del = page.getByRole('dialog', { name: 'Delete 2 codes?' });
  await expect(del.getByRole('status')).toHaveText('2 codes, 3 codings, 0 starred, 0 released');
  await stige.screenshot('delete-preview');
  await del.getByRole('button', { name: 'Delete' }).click();
  await expect(stige.codeRow('Eksperimentering')).toHaveCount(0);
  await expect(stige.marksWith('prøver vi nye løsninger')).toHaveCount(0);
  // One undo brings both back with their codings.
  await page.keyboard.press('Control+z');
  await expect(stige.codeRow('Eksperimentering').locator('.count')).toHaveText('2');
  await expect(stige.codeRow('Lov å feile')).toBeVisible();
  await expect(stige.marksWith('prøver vi nye løsninger')).toHaveCount(1);

  // Details: a definition and a heading, saved as one step.
  await stige.codeRow('Eksperimentering').focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: 'Details of “Eksperimentering”' });
  await details.getByLabel('Definition').fill('Å prøve ut nye løsninger i liten skala før de tas i bruk.');
  await details.getByLabel('Heading or finding statement').fill('Kommunen lærer ved å prøve');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(stige.codeRow('Eksperimentering').locator('.code-heading')).toHaveText('Kommunen lærer ved å prøve');
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveAttribute('aria-label', 'Undo Edit “Eksperimentering”');
});

test('import the Gioia example codebook through the dialog, then export the codebook', async ({ stige, page }) => {
  await stige.open();
  await stige.newProject('Helse');
  await page.getByRole('button', { name: 'Import ▾' }).click();
  await page.getByRole('menuitem', { name: 'Codebook…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a codebook' });
  await dialog.getByLabel('Codebook files').setInputFiles(GIOIA_CODEBOOK);
  await expect(dialog.getByRole('table', { name: 'Chosen files' })).toContainText('Gioia data structure (JSON)');
  await dialog.getByRole('button', { name: 'Import' }).click();
  const report = dialog.getByRole('table', { name: 'Codebook import report' });
  await expect(report).toContainText('2 aggregate dimensions, 3 second-order themes, 7 first-order concepts created');
  await stige.screenshot('codebook-import-report');
  await dialog.getByRole('button', { name: 'Show the data structure' }).click();
  await expect(box(page, 'dimension', 'Managing Chronic Uncertainty')).toBeVisible();
  await expect(box(page, 'theme', 'Adaptive Routine Building')).toBeVisible();
  await expect(figure(page).locator('g[data-kind="concept"]')).toHaveCount(7);
  await expect(stige.codeRow('Selective symptom tracking')).toBeVisible();
  await stige.screenshot('structure-figure-imported');

  await page.getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menuitem', { name: 'Codebook…', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export the codebook' });
  await exportDialog.getByRole('radio', { name: /CSV/ }).check();
  const download = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export' }).click();
  const csv = (await downloaded(await download)).toString('utf8');
  expect(csv).toContain('Adaptive Routine Building');
  expect(csv).toContain('Selective symptom tracking');
  expect(csv.split('\n')[0]).toContain('Aggregate dimensions');
});

test('the sample project: counts, shading by informant support, one figure per dimension', async ({ stige, page }) => {
  await stige.open();
  await page.getByRole('button', { name: /Open the sample project/ }).click();
  await page.getByRole('button', { name: 'Data structure', exact: true }).click();
  const options = page.getByRole('complementary', { name: 'Figure options' });
  await expect(figure(page).locator('g[data-kind="dimension"]')).toHaveCount(3);
  await options.getByLabel('Counts').selectOption('both');
  await options.getByLabel('Fill').selectOption('support');
  await expect(figure(page).locator('g[data-kind="legend"]').first()).toBeVisible();
  await expect(figure(page).locator('g[data-kind="concept"]').first()).toContainText(/informant/);
  await stige.screenshot('structure-sample-support');
  // Split: one sheet per dimension, each named above its sheet.
  await options.getByRole('checkbox', { name: /One figure per/ }).check();
  await expect(figure(page).locator('[data-page]')).toHaveCount(3);
  await expect(page.locator('.page-info')).toHaveText(/3 parts, one per aggregate dimension/);
  await stige.screenshot('structure-sample-split');
});
