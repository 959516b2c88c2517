import { test, expect } from './support/fixtures';

test('informants table, matrix by case with quotes, grounding, two groups compared, co-occurrence', async ({ stige, page }) => {
  await stige.open();
  await page.getByRole('button', { name: /Open the sample project/ }).click();
  await expect(page.locator('.project-name')).toHaveText('Sample project – innovation in municipalities');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = page.getByRole('region', { name: 'Comparisons of informants and cases' });

  // Informants: add a choice attribute, then edit a cell with the keyboard.
  const informants = view.getByRole('grid', { name: 'Informants table' });
  await expect(informants.getByRole('gridcell', { name: /^Label of Inger/ })).toBeVisible();
  await view.getByRole('button', { name: '+ Attribute column' }).click();
  const add = page.getByRole('dialog', { name: 'Add an attribute of informants' });
  await add.getByLabel('Attribute name').fill('Stilling');
  await add.getByRole('radio', { name: 'choice' }).check();
  await add.getByLabel('Choices').fill('Leder, Politiker');
  await add.getByRole('button', { name: 'Add column' }).click();
  await expect(add).toBeHidden();
  const stilling = informants.getByRole('gridcell', { name: /^Stilling of Inger/ });
  await stilling.click();
  await page.keyboard.press('Enter');
  await informants.getByRole('combobox', { name: 'Stilling of Inger' }).selectOption('Leder');
  await page.keyboard.press('Enter');
  await expect(stilling).toHaveText('Leder');
  // A text cell: type to start, Esc cancels, Enter saves and moves down.
  const realName = informants.getByRole('gridcell', { name: /^Real name of Inger/ });
  await realName.click();
  await page.keyboard.type('Ing');
  await page.keyboard.press('Escape');
  await expect(realName).toHaveText('');
  await page.keyboard.type('Inger Ås');
  await page.keyboard.press('Enter');
  await expect(realName).toHaveText('Inger Ås');
  await expect(informants.getByRole('gridcell', { name: /^Real name of Kjell/ })).toBeFocused();
  // A value the column cannot take is refused with the reason, and Esc gives the old one back.
  const sarah = informants.getByRole('gridcell', { name: /^Label of Sarah/ });
  await sarah.click();
  await page.keyboard.press('Enter');
  await informants.getByRole('textbox', { name: 'Label of Sarah' }).fill('');
  await page.keyboard.press('Enter');
  await expect(view.getByRole('alert')).toContainText('Label');
  await page.keyboard.press('Escape');
  await expect(sarah).toHaveText('Sarah');
  // Batch edit: tick Kjell and Sarah, set Stilling for both in one step.
  await informants.getByRole('checkbox', { name: 'Select Kjell' }).check();
  await informants.getByRole('checkbox', { name: 'Select Sarah' }).check();
  const batch = view.getByRole('form', { name: 'Edit the selected rows' });
  await batch.getByRole('combobox', { name: 'Column to set' }).selectOption({ label: 'Stilling' });
  await batch.getByRole('combobox', { name: 'Value for the selected rows' }).selectOption('Politiker');
  await batch.getByRole('button', { name: 'Apply to 2' }).click();
  await expect(informants.getByRole('gridcell', { name: /^Stilling of Sarah/ })).toHaveText('Politiker');
  await expect(informants.getByRole('gridcell', { name: /^Stilling of Kjell/ })).toHaveText('Politiker');
  await stige.screenshot('compare-informants');

  // Cases.
  await view.getByRole('tab', { name: 'Cases' }).click();
  await expect(view.getByRole('grid', { name: 'Cases table' }).getByRole('gridcell', { name: /^Display code of Bærum: A/ })).toBeVisible();
  await stige.screenshot('compare-cases');

  // Matrix by case: click a cell, read the quotes, jump to one.
  await view.getByRole('tab', { name: 'Matrix' }).click();
  const matrix = view.getByRole('table', { name: /per code and column/ });
  await expect(matrix.getByRole('columnheader', { name: /Bærum \(A\)/ })).toBeVisible();
  const cell = matrix.getByRole('button', { name: /^Organisational barriers × Bærum \(A\)/ });
  await cell.click();
  const drawer = view.getByRole('complementary', { name: 'Quotes behind the figure' });
  await expect(drawer.getByRole('heading', { name: 'Organisational barriers — Bærum (A)' })).toBeVisible();
  await expect(drawer.locator('.drill-quote').first()).toContainText('Inger');
  await stige.screenshot('compare-matrix');
  const firstQuote = (await drawer.locator('.drill-quote q').first().textContent())!;
  await drawer.locator('.drill-quote button').first().click();
  await expect(stige.transcript()).toContainText(firstQuote.slice(0, 30));
  await page.getByRole('button', { name: 'Compare', exact: true }).click();

  // By the new attribute: Leder vs (no value).
  await view.getByRole('tab', { name: 'Matrix' }).click();
  await view.getByRole('combobox', { name: 'Columns' }).selectOption({ label: 'Informant attribute: Stilling' });
  await expect(matrix.getByRole('columnheader', { name: /Leder/ })).toBeVisible();
  await expect(matrix.getByRole('columnheader', { name: /Politiker/ })).toContainText('2 informants');

  // Grounding.
  await view.getByRole('tab', { name: 'Grounding' }).click();
  const grounding = view.getByRole('table', { name: 'Grounding of every code' });
  await expect(grounding.getByText(/raised by \d of 3 informants/).first()).toBeVisible();
  await stige.screenshot('compare-grounding');

  // Two groups: the first two cases are chosen for a start; pick Bærum vs Leeds.
  await view.getByRole('tab', { name: 'Compare groups' }).click();
  await view.getByRole('combobox', { name: 'Group B' }).selectOption({ label: 'Leeds (C)' });
  const groups = view.getByRole('table', { name: 'Comparison of the two groups' });
  await expect(groups.getByRole('columnheader', { name: /Leeds \(C\)/ })).toBeVisible();
  await expect(view.getByRole('button', { name: /In both: \d+/ })).toBeVisible();
  await groups.getByRole('button', { name: /in Bærum \(A\):/ }).first().click();
  await expect(drawer.locator('.drill-quote').first()).toBeVisible();
  await stige.screenshot('compare-groups');

  // Co-occurrence.
  await view.getByRole('tab', { name: 'Co-occurrence' }).click();
  await view.getByRole('combobox', { name: 'Together when' }).selectOption('turn');
  const co = view.getByRole('table', { name: 'Co-occurrence matrix' });
  await co.getByRole('button', { name: /pair/ }).first().click();
  await expect(drawer.locator('.drill-pair').first()).toBeVisible();
  await stige.screenshot('compare-cooccurrence');
});
