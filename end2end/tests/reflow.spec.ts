import { expect, test, type Page } from '@playwright/test';
import { QUALITY, managerFor, signIn, signOut } from './support';

// WCAG 1.4.10: no page scrolls sideways at any width from 320 px; a wide table scrolls in
// its own region instead.
const WIDTHS = [320, 768, 1280, 1920];

async function fitsAtEveryWidth(page: Page, label: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const sizes = await page.evaluate(() => ({
      document: document.documentElement.scrollWidth,
      window: document.documentElement.clientWidth,
    }));
    expect(sizes.document, `${label} at ${width} px is ${sizes.document} px wide`).toBeLessThanOrEqual(sizes.window);
  }
}

test('the busiest pages fit the screen from 320 to 1,920 px', async ({ page }, info) => {
  await signIn(page, info, QUALITY);
  await fitsAtEveryWidth(page, 'the start page');
  await page.goto('/resultat');
  await expect(page.getByRole('heading', { level: 1, name: 'Stockholms stad' })).toBeVisible();
  await fitsAtEveryWidth(page, 'the city results');
  await page.goto('/admin/omgangar');
  await fitsAtEveryWidth(page, 'the rounds');
  await page.goto('/admin/organisation');
  await fitsAtEveryWidth(page, 'the organisation tree');
  await page.goto('/admin/logg');
  await fitsAtEveryWidth(page, 'the admin log');
  await signOut(page);

  await signIn(page, info, managerFor(info));
  await page.getByRole('row').filter({ hasText: 'Självskattning 2026' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Självskattning: / })).toBeVisible();
  await fitsAtEveryWidth(page, "a unit's form");
  await page.goto('/tillganglighet');
  await fitsAtEveryWidth(page, 'the accessibility statement');
  await page.setViewportSize({ width: 1280, height: 720 });
  await signOut(page);
});
