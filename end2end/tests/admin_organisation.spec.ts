import { expect, test } from '@playwright/test';
import { QUALITY, expectAccessible, signIn, signOut, whenInteractive } from './support';

// Reviews a change without making it (the demo's tree stays as the other specs expect it).
test('the quality department reviews an organisation change found by name and opens the HR import', async ({
  page,
}, info) => {
  await signIn(page, info, QUALITY);
  await page.goto('/admin/organisation/andring');
  await expect(page.getByRole('heading', { level: 1, name: 'Ändra organisationen' })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'organisation change');

  await page.getByRole('radio', { name: 'Byt namn' }).check();
  await page.getByRole('button', { name: 'Välj ändring' }).click();
  await expect(page).toHaveURL(/[?&]kind=byt-namn/);
  await page.getByRole('searchbox', { name: 'Sök organisation efter namn' }).fill('Dagverksamheten');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  const choice = page.getByRole('radio', { name: /^Dagverksamheten / }).first();
  await expect(choice).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'organisations found to change');
  await choice.check();
  await page.getByRole('textbox', { name: 'Nytt namn' }).fill('Dagverksamheten Ängen');
  await page.getByRole('textbox', { name: 'Skäl' }).fill('Granskas i testet');
  await page.getByRole('button', { name: 'Granska ändringen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Det här händer' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Genomför ändringen' })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'an organisation change reviewed');

  await page.goto('/admin/organisation/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Importera organisationen' })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'HR import');
  await signOut(page);
});
