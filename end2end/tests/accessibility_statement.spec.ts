import { expect, test } from '@playwright/test';
import { expectAccessible } from './support';

test('the accessibility statement is reached from the footer by keyboard, signed in or not', async ({ page }) => {
  await page.goto('/logga-in');
  const link = page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' });
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighet för Mognad' })).toBeVisible();
  for (const heading of ['Innehåll som inte är tillgängligt', 'Tillsyn', 'Hur vi testat tjänsten']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: /Digg/ })).toHaveAttribute('href', 'https://www.digg.se/tdosanmalan');
  await expectAccessible(page, 'the accessibility statement');
});
