import path from 'node:path';
import { test, expect } from './support/fixtures';

const corpus = (name: string) => path.resolve('..', 'shared', 'corpus', 'transcripts', name);

test('drop three real files at once, see progress and the report, say who is who, and open the transcript with the speaker gutter', async ({ stige, page }) => {
  await stige.open();
  await stige.newProject('Import');
  const sawProgress = await stige.watchImportProgress();
  await stige.importByDrop([{ path: corpus('teams_premium.vtt') }, { path: corpus('qualcoder_sample_transcript.txt') }, { path: corpus('qualcoder_ID1.docx') }]);
  const report = page.getByRole('dialog', { name: 'Import finished' });
  await expect(report).toContainText('3 imported · 0 skipped · 0 failed');
  await expect(report).toContainText('Charles');
  expect(await sawProgress()).toBe(true);
  await stige.screenshot('import-report-three-formats');

  // The Speakers step from the report: Charles is an informant, Janaki the interviewer.
  await report.getByRole('row', { name: /teams_premium/ }).getByRole('button', { name: 'Who is who…' }).click();
  const speakers = page.getByRole('dialog', { name: /Speakers in “teams_premium”/ });
  await expect(speakers.getByRole('row', { name: /Charles/ })).toBeVisible();
  await speakers.getByRole('combobox', { name: 'Who is Charles' }).selectOption('new');
  await speakers.getByRole('textbox', { name: 'New informant for Charles' }).fill('Inger');
  await speakers.getByRole('button', { name: 'Add' }).click();
  await expect(speakers.getByRole('combobox', { name: 'Who is Charles' })).toHaveValue(/.+/);
  await speakers.getByRole('combobox', { name: 'Who is Janaki' }).selectOption('interviewer');
  await stige.screenshot('speakers-step');
  await speakers.getByRole('button', { name: 'Done' }).click();

  await stige.documentItem('teams_premium').click();
  await expect(page.locator('.transcript-text p.turn-start[data-speaker="Inger"]').first()).toBeAttached();
  await expect(page.locator('.transcript-text p.interviewer').first()).toBeAttached();
  await expect(page.locator('.transcript-text p[data-time]').first()).toBeAttached();
  await stige.screenshot('transcript-gutter-times');
});

test('the file picker imports too; a file without speakers is split into voices by assigning turns', async ({ stige, page }) => {
  await stige.open();
  await stige.newProject('Split');
  await stige.importByPicker([corpus('onedrive_transcription_nospeaker.vtt')]);
  await stige.expectImportReport(1);
  await expect(page.locator('.transcript-text p.turn-start[data-speaker="Unnamed speaker"]')).toHaveCount(1);
  // Right-click the second paragraph and give it to a new speaker.
  await page.locator('.transcript-text p.tp').nth(1).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Assign to a new speaker…' }).click();
  await page.getByRole('textbox', { name: 'Name of the new speaker' }).fill('Kari');
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.locator('.transcript-text p.turn-start[data-speaker="Kari"]')).toHaveCount(1);
  // Undo takes it back.
  await page.keyboard.press('Control+z');
  await expect(page.locator('.transcript-text p.turn-start[data-speaker="Kari"]')).toHaveCount(0);
});

test('document details: kind, date, case and "used in the analysis"', async ({ stige, page }) => {
  await stige.open();
  await page.getByRole('button', { name: /Open the sample project/ }).click();
  await page.getByRole('button', { name: 'About Interview Kjell' }).click();
  const details = page.getByRole('dialog', { name: 'About “Interview Kjell”' });
  await details.getByLabel('Used in the analysis').uncheck();
  await details.getByLabel('Length (h:mm:ss)').fill('48:30');
  await details.getByLabel('Title').click();
  await details.getByRole('button', { name: 'Done' }).click();
  await expect(stige.documentItem('Interview Kjell')).toContainText('not analysed');
  await page.getByRole('button', { name: 'About Interview Kjell' }).click();
  await expect(details.getByLabel('Length (h:mm:ss)')).toHaveValue('48:30');
});
