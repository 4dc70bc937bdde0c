import { expect, test } from '@playwright/test';
import { QUALITY, expectAccessible, signIn, signOut, whenInteractive } from './support';

test('the quality department drafts a new framework version, rewords a statement and sees what it does to the trend', async ({
  page,
}, info) => {
  await signIn(page, info, QUALITY);
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Ramverk', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ramverk' })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'framework versions');

  // A new draft, copied from the latest published version.
  await page.getByRole('button', { name: 'Ny version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Ramverket, version / })).toBeVisible();
  await expect(page.getByText('Ändringarna är sparade.')).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'a framework draft');

  // Reword the first statement of the first dimension, not marked comparable.
  await page.getByRole('region', { name: 'Ändra utkastet' }).getByRole('link').nth(1).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Ändra dimensionen / })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'a dimension of a draft');
  const first = page.getByRole('group', { name: 'Påstående 1' });
  await first.getByRole('textbox', { name: 'Påstående', exact: true }).fill('Vi följer upp verksamheten med nya mått varje månad.');
  await expect(first.getByRole('checkbox', { name: /^Jämförbar/ })).not.toBeChecked();
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(page.getByText('Ändringarna är sparade.')).toBeVisible();

  // The comparison with the version it was copied from: reworded, not comparable, and the
  // trend breaks for that dimension.
  await page.getByRole('link', { name: 'visa ändringarna' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Från version .* till version / })).toBeVisible();
  const changes = page.getByRole('table', { name: 'Påståenden som lagts till, tagits bort eller ändrats' });
  await expect(changes.getByRole('row').filter({ hasText: 'Vi följer upp verksamheten med nya mått' })).toContainText('Inte jämförbar');
  await expect(page.getByText(/^Utvecklingen bryts mellan omgångar/)).toBeVisible();
  await expectAccessible(page, 'two versions compared');
  await signOut(page);
});
