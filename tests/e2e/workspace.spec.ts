import { test, expect } from './support/fixtures';

const INTERVIEW = [
  'Intervjuer: Hva betyr innovasjon i Bærum?',
  'Kari: I Bærum prøver vi nye løsninger hele tiden. Vi prøver og feiler, og det er lov.',
  'Intervjuer: Og budsjettet?',
  'Kari: Budsjettet er stramt, men vi prøver likevel å finne rom for nye løsninger.',
].join('\n');

test.beforeEach(async ({ stige }) => {
  await stige.open();
  await stige.newProject('Arbeidsflate');
  await stige.importByDrop([{ name: 'Kari.txt', content: INTERVIEW }]);
  await stige.expectImportReport(1);
  await expect(stige.transcript()).toContainText('nye løsninger');
});

test('code by palette, in vivo key, digit and drag; recode; uncode; undo and redo each', async ({ stige, page }) => {
  /** Undo the last action (the passage loses its mark), then redo it (the mark is back). */
  const undoRedo = async (passage: string) => {
    await page.keyboard.press('Control+z');
    await expect(stige.marksWith(passage)).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(stige.marksWith(passage)).toHaveCount(1);
  };
  // Palette.
  await stige.select('prøver vi nye løsninger');
  await stige.codeSelectionAs('Eksperimentering');
  await expect(stige.marksWith('prøver vi nye løsninger')).toHaveCount(1);
  await undoRedo('prøver vi nye løsninger');
  // In vivo key: the concept is named after the words.
  await stige.select('det er lov');
  await stige.transcript().focus();
  await page.keyboard.press('v');
  await expect(stige.codeRow('det er lov')).toBeVisible();
  await undoRedo('det er lov');
  // Digit 1 applies the most recent concept.
  await stige.select('Budsjettet er stramt');
  await stige.transcript().focus();
  await page.keyboard.press('1');
  await expect(stige.marksWith('Budsjettet er stramt')).toHaveCount(1);
  await expect(stige.codeRow('det er lov').locator('.count')).toHaveText('2');
  await undoRedo('Budsjettet er stramt');
  // Drag a code from the codebook onto a selection.
  await stige.select('finne rom');
  await stige.codeRow('Eksperimentering').dragTo(stige.transcript());
  await expect(stige.marksWith('finne rom')).toHaveCount(1);
  await expect(stige.codeRow('Eksperimentering').locator('.count')).toHaveText('2');
  await undoRedo('finne rom');

  // Select a coding: details open; recode it through the palette; undo and redo the recoding.
  await stige.marksWith('finne rom').click();
  const details = page.getByRole('dialog', { name: 'Selected coding' });
  await expect(details).toContainText('Eksperimentering');
  await details.getByRole('button', { name: /Recode/ }).click();
  await page.getByRole('dialog', { name: 'Recode the passage' }).getByRole('textbox', { name: 'Concept' }).fill('Handlingsrom');
  await page.keyboard.press('Enter');
  await expect(details).toContainText('Handlingsrom');
  await stige.screenshot('coding-details');
  await page.keyboard.press('Control+z');
  await expect(details).toContainText('Eksperimentering');
  await page.keyboard.press('Control+Shift+z');
  await expect(details).toContainText('Handlingsrom');

  // Grow the coding by a word, then uncode it; undo brings it back, redo removes it again.
  await details.getByRole('button', { name: 'End one word later' }).click();
  await expect(stige.marksWith('finne rom for')).toHaveCount(1);
  await details.getByRole('button', { name: /Uncode/ }).click();
  await expect(stige.marksWith('finne rom')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(stige.marksWith('finne rom for')).toHaveCount(1);
  await page.getByRole('button', { name: /^Redo/ }).click();
  await expect(stige.marksWith('finne rom')).toHaveCount(0);
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(stige.marksWith('finne rom for')).toHaveCount(1);

  // Everything persists.
  await page.reload();
  await expect(stige.marksWith('finne rom for')).toHaveCount(1);
  await expect(stige.codeRow('Handlingsrom')).toBeVisible();
});

test('a passage selected while the previous coding is still being saved stays selected when that coding lands', async ({ stige, page }) => {
  // Hold the backend's answer to the coding, so the next passage is selected before it arrives
  // and the paragraph is redrawn under the selection.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/invoke', async (route) => {
    if ((route.request().postDataJSON() as { method?: string } | null)?.method === 'codings.create') await held;
    await route.continue();
  });
  await stige.select('Budsjettet er stramt');
  await stige.codeSelectionAs('Stramme budsjetter');
  await expect(stige.transcript().locator('mark[data-codings^="pending:"]')).toHaveCount(1);
  await stige.select('finne rom');
  release();
  await expect(stige.transcript().locator('mark[data-codings^="pending:"]')).toHaveCount(0);
  await expect(stige.marksWith('Budsjettet er stramt')).toHaveCount(1);
  await expect(page.getByRole('toolbar', { name: 'Code the selected passage' })).toBeVisible();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('finne rom');
  await stige.codeSelectionAs('Handlingsrom');
  await expect(stige.marksWith('finne rom')).toHaveCount(1);
});

test('keyboard only: move, select by words, code with C', async ({ stige, page }) => {
  await stige.transcript().focus();
  // The first arrow key places the cursor at the start of the first paragraph in view.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(page.getByRole('toolbar', { name: 'Code the selected passage' })).toBeVisible();
  await page.keyboard.press('c');
  await page.getByRole('dialog', { name: 'Code the passage' }).getByRole('textbox', { name: 'Concept' }).fill('Tastatur');
  await page.keyboard.press('Enter');
  await expect(stige.codeRow('Tastatur')).toBeVisible();
  await expect(stige.transcript().locator('mark.coding')).toHaveCount(1);
});

test('coded segments, search with folded letters and code all hits', async ({ stige, page }) => {
  await stige.select('prøver vi nye løsninger');
  await stige.codeSelectionAs('Eksperimentering');
  // Segments of a code.
  await stige.codeRow('Eksperimentering').locator('.count').click();
  const segments = page.getByLabel('Coded segments of Eksperimentering');
  await expect(segments).toContainText('prøver vi nye løsninger');
  await expect(segments).toContainText('Kari');
  await segments.getByRole('button', { name: 'Star as representative quote' }).first().click();
  await expect(segments.getByRole('region', { name: 'Representative quotes' })).toContainText('prøver vi nye løsninger');

  // Search "barum" finds "Bærum" with letters folded; code all hits.
  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Search the documents' }).fill('barum');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'hits' })).toHaveText('2 hits');
  await page.getByRole('combobox', { name: 'Concept for all hits' }).fill('Stedet');
  await page.getByRole('button', { name: 'Code all 2 hits' }).click();
  await expect(stige.marksWith('Bærum')).toHaveCount(2);
  await stige.screenshot('search-code-all');
  // One undo removes both.
  await page.keyboard.press('Control+z');
  await expect(stige.marksWith('Bærum')).toHaveCount(0);
  // Click a hit to jump there and select it.
  await page.locator('.hit').first().click();
  await expect(page.getByRole('toolbar', { name: 'Code the selected passage' })).toContainText('Bærum');
});

test('edit a word inside a coded passage: the coding is flagged for review', async ({ stige, page }) => {
  await stige.select('prøver og feiler');
  await stige.codeSelectionAs('Prøving');
  await page.getByRole('button', { name: 'Edit text' }).click();
  const editor = page.getByTestId('transcript-edit');
  await expect(editor).toBeVisible();
  // Replace "feiler" with "lærer" by selecting it in the editable text.
  await page.evaluate(() => {
    const root = document.querySelector('[data-testid="transcript-edit"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf('feiler');
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'feiler'.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
    }
  });
  await page.keyboard.type('lærer');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('tab', { name: /Review/ })).toHaveAttribute('aria-selected', 'true');
  const review = page.getByLabel('Codings to review');
  await expect(review).toContainText('prøver og feiler');
  await expect(review).toContainText('prøver og lærer');
  await stige.screenshot('review-after-edit');
  await review.getByRole('button', { name: 'Accept new text' }).click();
  await expect(review).toContainText('Nothing to review');
  await expect(stige.marksWith('prøver og lærer')).toHaveCount(1);
  await page.reload();
  await expect(stige.transcript()).toContainText('Vi prøver og lærer');
});

test('replace a name in every document with a preview, as one undoable step', async ({ stige, page }) => {
  await page.getByRole('button', { name: 'Replace names…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace names in all documents' });
  await dialog.getByLabel('Find').fill('Bærum');
  await dialog.getByLabel('Replace with').fill('Kommune A');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByLabel('Preview')).toContainText('2 occurrences in 1 document');
  await dialog.getByRole('button', { name: 'Replace 2 occurrences' }).click();
  await expect(stige.transcript()).toContainText('I Kommune A prøver vi');
  await page.keyboard.press('Control+z');
  await expect(stige.transcript()).toContainText('I Bærum prøver vi');
});

test('memos on the project, the document and a coding, in one index', async ({ stige, page }) => {
  await stige.select('det er lov');
  await stige.codeSelectionAs('Lov å feile');
  await stige.marksWith('det er lov').click();
  await page.getByRole('textbox', { name: 'Coding memo' }).fill('Sterkt sitat om feilkultur');
  await page.getByRole('button', { name: 'Memo', exact: true }).click();
  await page.getByRole('textbox', { name: 'Memo on Kari' }).fill('Intervjuet på Teams, 45 minutter.');
  await page.getByRole('tab', { name: 'Memos' }).click();
  await page.getByRole('textbox', { name: 'Memo title' }).fill('Analysenotat');
  await page.getByRole('textbox', { name: 'Memo text' }).fill('Feilkultur går igjen.');
  await page.getByRole('button', { name: 'Add memo' }).click();
  const index = page.locator('.panel-body.memos');
  await expect(index).toContainText('Analysenotat');
  await expect(index).toContainText('Intervjuet på Teams');
  await expect(index).toContainText('Sterkt sitat om feilkultur');
  await stige.screenshot('memos');
});
