import path from 'node:path';
import { test, expect } from './support/fixtures';
import type { StigePage } from './support/stigePage';

const SAMPLE = 'Sample project – innovation in municipalities';

/** Change the user's coder name in the settings. */
async function becomeCoder(stige: StigePage, name: string): Promise<void> {
  const { page } = stige;
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Your name as coder').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.statusbar')).toContainText(`Coder: ${name}`);
}

/** Close the open project and open another from the projects folder. */
async function switchProject(stige: StigePage, file: RegExp): Promise<void> {
  const { page } = stige;
  await page.getByRole('button', { name: 'Close project' }).click();
  await page.getByRole('button', { name: /Open project/ }).click();
  await page.getByRole('dialog', { name: 'Open a project' }).getByRole('button', { name: file }).click();
  await expect(stige.transcript().locator('p').first()).toBeVisible();
}

async function handOut(stige: StigePage, coder: string): Promise<void> {
  const { page } = stige;
  await page.getByRole('button', { name: 'Hand out a copy for a coder…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Hand out a copy for a coder' });
  await dialog.getByLabel('Coder’s name').fill(coder);
  await expect(dialog.getByRole('checkbox', { name: /Blind coding/ })).toBeChecked();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Hand out' }).click();
  expect((await download).suggestedFilename()).toBe(`${SAMPLE} – ${coder}.stige`);
  await expect(dialog.getByRole('status')).toContainText(`Copy for ${coder} written`);
  await dialog.getByRole('button', { name: 'Close' }).click();
}

/** Open the merge dialog (Team view) and pick `file`: the dialog and its summary. */
async function chooseMergeFile(stige: StigePage, file: string) {
  const { page } = stige;
  await page.getByRole('button', { name: 'Merge a coder’s file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge a coder’s file' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose the coder’s file…' }).click();
  await (await chooser).setFiles(file);
  return { dialog, summary: dialog.getByLabel('Merge summary') };
}

async function mergeFile(stige: StigePage, coder: string, screenshot?: string): Promise<void> {
  const { dialog, summary } = await chooseMergeFile(stige, path.join(stige.devhost.dataDir, `${SAMPLE} – ${coder}.stige`));
  await expect(summary).toContainText(`${coder}’s copy`);
  await expect(summary).toContainText('codings added');
  await expect(summary).toContainText('Conflicts (0)');
  if (screenshot) await stige.screenshot(screenshot);
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog).toBeHidden();
}

test('two coders code the sample blind, the lead merges, sees agreement and resolves two disagreements', async ({ stige, page }) => {
  test.setTimeout(120_000);
  await stige.open('Lead');
  await page.getByRole('button', { name: /Open the sample project/ }).click();
  await expect(page.locator('.project-name')).toHaveText(SAMPLE);

  // The coder switcher in the status bar drives the transcript's coder filter.
  const switcher = page.getByRole('combobox', { name: 'Show the codings of' });
  await expect(stige.transcript().locator('mark.coding').first()).toBeVisible();
  await switcher.selectOption({ label: 'Stige sample' });
  await expect(page.getByRole('combobox', { name: 'Show codings by' })).toHaveValue(await switcher.inputValue());
  await switcher.selectOption({ label: 'All coders' });

  // The lead hands out blind copies for Kari and Ola.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Team' }).click();
  await handOut(stige, 'Kari');
  await handOut(stige, 'Ola');
  await expect(page.getByRole('table', { name: 'Coders' })).toContainText('Stige sample');
  await stige.screenshot('team-view');

  // Each coder opens their copy under their own name and codes blind.
  const codings: Record<string, [string, string][]> = {
    Kari: [
      ['gjør ting på en ny måte', 'Ny måte å jobbe på'],
      ['bruker ressursene smartere', 'Smartere ressursbruk'],
    ],
    Ola: [
      ['gjør ting på en ny måte', 'Ny måte å jobbe på'],
      ['bruker ressursene smartere', 'Bedre tjenester'],
      ['kjenner driften ganske godt', 'Ny måte å jobbe på'],
    ],
  };
  for (const coder of ['Kari', 'Ola']) {
    await becomeCoder(stige, coder);
    await switchProject(stige, new RegExp(`– ${coder}`));
    await expect(page.getByRole('status').filter({ hasText: 'Blind coding: you see only your own codings' })).toContainText('Compare to see the others');
    await expect(stige.transcript().locator('mark.coding')).toHaveCount(0);
    for (const [passage, concept] of codings[coder]!) {
      await stige.select(passage);
      await stige.codeSelectionAs(concept);
      await expect(stige.marksWith(passage.split(' ')[0]!).first()).toBeVisible();
    }
    if (coder === 'Kari') await stige.screenshot('blind-coding');
  }

  // The lead merges both copies back (uploaded through the merge dialog).
  await becomeCoder(stige, 'Lead');
  await switchProject(stige, /^Sample project \d/);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Team' }).click();
  await mergeFile(stige, 'Kari', 'merge-summary');
  await mergeFile(stige, 'Ola');
  const coders = page.getByRole('table', { name: 'Coders' });
  await expect(coders.getByRole('row', { name: /Kari/ })).toContainText('2');
  await expect(coders.getByRole('row', { name: /Ola/ })).toContainText('3');

  // Agreement between Kari and Ola on the concepts.
  const panel = page.getByLabel('Inter-coder agreement');
  await panel.getByRole('checkbox', { name: 'Stige sample' }).uncheck();
  await panel.getByRole('button', { name: 'Compute agreement' }).click();
  const report = page.getByRole('table', { name: 'Agreement report' });
  await expect(report.getByRole('row', { name: /Ny måte å jobbe på/ })).toBeVisible();
  await expect(report.getByRole('row', { name: /Change fatigue/ })).toHaveCount(0);
  await expect(report).toContainText('Cohen’s κ');
  await expect(report).toContainText('Krippendorff’s α');
  await expect(page.getByText('Undo takes the whole merge back')).toBeHidden();
  await report.scrollIntoViewIfNeeded();
  await stige.screenshot('agreement-report');
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export the report' }).click();
  expect((await download).suggestedFilename()).toMatch(/inter-coder agreement\.xlsx$/);

  // Two disagreements, side by side; accept Kari's version of one, merge both in the other.
  const list = page.getByLabel('Disagreements');
  await expect(list.getByRole('heading')).toHaveText('Disagreements (2)');
  await list.scrollIntoViewIfNeeded();
  await stige.screenshot('disagreements');
  await list.getByRole('article').first().getByRole('button', { name: 'Accept Kari’s version' }).click();
  await expect(list.getByRole('heading')).toHaveText('Disagreements (1)');
  await list.getByRole('article').first().getByRole('button', { name: 'Merge both' }).click();
  await expect(list.getByRole('heading')).toHaveText('Disagreements (0)');
  await expect(report.getByRole('row', { name: /All codes|Overall|Pooled/ }).first()).toContainText('100.0 %');

  // Undo takes the last resolution back.
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('heading')).toHaveText('Disagreements (1)');
});

/** The number on a code's row in the codebook (its codings and everything under it). */
async function codebookCount(stige: StigePage, label: string): Promise<number> {
  const name = await stige.codeRow(label).first().getByRole('button', { name: /coded segments of/ }).first().getAttribute('aria-label');
  return Number(/Show the (\d+) coded segments/.exec(name ?? '')![1]);
}

test('blind coding hides every count of the other coders’ work; the coder filter narrows the counts', async ({ stige, page }) => {
  test.setTimeout(90_000);
  // Nora has not coded in the sample: blind coding is offered all the same (her coder is created).
  await stige.open('Nora');
  await page.getByRole('button', { name: /Open the sample project/ }).click();
  await expect(page.locator('.project-name')).toHaveText(SAMPLE);
  const documents = page.getByRole('navigation', { name: 'Documents' });
  const inger = documents.getByRole('button', { name: /^Interview Inger/ });
  await expect(inger).toContainText(/ [1-9]\d* codings/);
  const concept = 'Doing things better';
  const dimension = 'Making sense of innovation';
  const before = { concept: await codebookCount(stige, concept), dimension: await codebookCount(stige, dimension) };
  expect(before.concept).toBeGreaterThan(0);
  const header = page.locator('.transcript-header');
  await expect(header).not.toContainText(' 0 codings');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Team' }).click();
  const blindBox = page.getByRole('checkbox', { name: /Blind coding/ });
  await expect(blindBox).toBeEnabled();
  // The box follows the project's setting, so it ticks once the step is stored.
  await blindBox.click();
  await expect(blindBox).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: 'Blind coding: you see only your own codings' })).toContainText('(Nora)');
  await expect(page.getByRole('table', { name: 'Coders' })).toContainText('Nora');

  // Every count shows Nora's codings only: none yet.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Code' }).click();
  await expect(stige.codeRow(concept).getByRole('button', { name: `Show the 0 coded segments of ${concept}` })).toBeVisible();
  await expect(stige.codeRow(dimension).getByRole('button', { name: `Show the 0 coded segments of ${dimension}` })).toBeVisible();
  await expect(stige.codeRow(concept).locator('.informants')).toHaveCount(0);
  for (const title of ['Interview Inger', 'Interview Kjell', 'Interview Sarah']) await expect(documents.getByRole('button', { name: new RegExp(`^${title}`) })).toContainText(' 0 codings');
  await expect(header).toContainText(' 0 codings');
  await expect(stige.transcript().locator('mark.coding')).toHaveCount(0);
  await stige.screenshot('blind-counts');

  // Her own coding counts.
  await stige.select('gjør ting på en ny måte');
  await stige.codeSelectionAs(concept);
  await expect(stige.codeRow(concept).getByRole('button', { name: `Show the 1 coded segments of ${concept}` })).toBeVisible();
  await expect(stige.codeRow(dimension).getByRole('button', { name: `Show the 1 coded segments of ${dimension}` })).toBeVisible();
  await expect(inger).toContainText(' 1 coding');
  await expect(header).toContainText(' 1 coding');

  // Compare: blind coding ends, everyone's codings count again (hers included).
  await page.getByRole('status').getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByLabel('Inter-coder agreement')).toBeVisible();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Code' }).click();
  await expect(stige.codeRow(concept).getByRole('button', { name: `Show the ${before.concept + 1} coded segments of ${concept}` })).toBeVisible();
  await expect(inger).toContainText(/ [2-9]\d* codings| \d{2,} codings/);

  // The coder filter narrows the counts the same way, without hiding anything for good.
  const switcher = page.getByRole('combobox', { name: 'Show the codings of' });
  await switcher.selectOption({ label: 'Mine (Nora)' });
  await expect(stige.codeRow(concept).getByRole('button', { name: `Show the 1 coded segments of ${concept}` })).toBeVisible();
  await expect(inger).toContainText(' 1 coding');
  await expect(documents.getByRole('button', { name: /^Interview Kjell/ })).toContainText(' 0 codings');
  await switcher.selectOption({ label: 'Stige sample' });
  await expect(stige.codeRow(concept).getByRole('button', { name: `Show the ${before.concept} coded segments of ${concept}` })).toBeVisible();
  await switcher.selectOption({ label: 'All coders' });
  await expect(stige.codeRow(dimension).getByRole('button', { name: `Show the ${before.dimension + 1} coded segments of ${dimension}` })).toBeVisible();
});

/** Rename a code in the codebook (double-click, type, Enter). */
async function renameCode(stige: StigePage, from: string, to: string): Promise<void> {
  await stige.codeRow(from).locator('.code-label').dblclick();
  await stige.page.getByRole('textbox', { name: `Rename ${from}` }).fill(to);
  await stige.page.keyboard.press('Enter');
  await expect(stige.codeRow(to)).toBeVisible();
}

/** The lead hands out a copy of the sample to Kari, who opens it under her name. */
async function kariWorksInHerCopy(stige: StigePage): Promise<void> {
  const { page } = stige;
  await stige.open('Lead');
  await page.getByRole('button', { name: /Open the sample project/ }).click();
  await expect(page.locator('.project-name')).toHaveText(SAMPLE);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Team' }).click();
  await handOut(stige, 'Kari');
  await becomeCoder(stige, 'Kari');
  await switchProject(stige, /– Kari/);
}

/** Back to the lead's own project. */
async function leadIsBack(stige: StigePage): Promise<void> {
  await becomeCoder(stige, 'Lead');
  await switchProject(stige, /^Sample project \d/);
}

test('a code renamed differently in both copies is a conflict to resolve; the choice is merged and undo restores it', async ({ stige, page }) => {
  test.setTimeout(120_000);
  const views = page.getByRole('navigation', { name: 'Views' });
  // Kari renames the concept in her copy; the lead renames it otherwise here.
  await kariWorksInHerCopy(stige);
  await renameCode(stige, 'Doing things better', 'Bedre tjenester «for innbyggerne»');
  await leadIsBack(stige);
  await renameCode(stige, 'Doing things better', 'Gjør ting bedre');

  await views.getByRole('button', { name: 'Team' }).click();
  const { dialog, summary } = await chooseMergeFile(stige, path.join(stige.devhost.dataDir, `${SAMPLE} – Kari.stige`));
  await expect(summary).toContainText('Conflicts (1)');
  const conflict = summary.getByRole('group', { name: /^Conflict:/ });
  await expect(conflict).toContainText('Renamed on both sides');
  const ours = conflict.getByRole('radio', { name: /Keep this project’s/ });
  const theirs = conflict.getByRole('radio', { name: /Take the copy’s/ });
  await expect(ours).toBeChecked();
  await expect(ours).toHaveAccessibleName(/Gjør ting bedre/);
  await expect(theirs).toHaveAccessibleName(/Bedre tjenester «for innbyggerne»/);
  await theirs.check();
  await stige.screenshot('merge-conflict');
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Undo takes the whole merge back')).toBeVisible();

  // The copy's name won; undo takes the whole merge back to the lead's name.
  await views.getByRole('button', { name: 'Code' }).click();
  await expect(stige.codeRow('Bedre tjenester «for innbyggerne»')).toBeVisible();
  await expect(stige.codeRow('Gjør ting bedre')).toHaveCount(0);
  await page.getByRole('button', { name: /^Undo Merge/ }).click();
  await expect(stige.codeRow('Gjør ting bedre')).toBeVisible();
  await expect(stige.codeRow('Bedre tjenester «for innbyggerne»')).toHaveCount(0);
  await views.getByRole('button', { name: 'Team' }).click();
  await page.getByText(/Team log/).click();
  await expect(page.getByText(/\(undone\)/)).toBeVisible();
});

test('a coder’s .qdpx export is merged through the same dialog: her codings arrive with her name', async ({ stige, page }, testInfo) => {
  test.setTimeout(120_000);
  const views = page.getByRole('navigation', { name: 'Views' });
  // Kari codes in her copy and sends back a REFI-QDA export of it (as if from another program).
  await kariWorksInHerCopy(stige);
  await stige.select('kjenner driften ganske godt');
  await stige.codeSelectionAs('Kjenner driften «innenfra»');
  await page.getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menuitem', { name: 'REFI-QDA project or codebook…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export a REFI-QDA project or codebook' });
  const download = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export .qdpx' }).click();
  const qdpx = testInfo.outputPath('Kari.qdpx');
  await (await download).saveAs(qdpx);
  await exportDialog.getByRole('button', { name: 'Close' }).click();

  await leadIsBack(stige);
  await views.getByRole('button', { name: 'Team' }).click();
  const { dialog, summary } = await chooseMergeFile(stige, qdpx);
  await expect(summary).toContainText('From Kari.qdpx');
  await expect(summary).toContainText('1 coding added');
  await expect(summary).toContainText('1 new code');
  await expect(summary).toContainText('Conflicts (0)');
  await expect(summary).toContainText('Kari.qdpx is a REFI-QDA export, which keeps no record of what changed where');
  await stige.screenshot('merge-qdpx');
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Coders' }).getByRole('row', { name: /Kari/ })).toContainText('1');
  await views.getByRole('button', { name: 'Code' }).click();
  await expect(stige.codeRow('Kjenner driften «innenfra»')).toBeVisible();
});
