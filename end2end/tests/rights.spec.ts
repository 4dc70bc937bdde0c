import { expect, test } from '@playwright/test';
import { HEAD, expectAccessible, managerFor, signIn } from './support';

test('a unit manager is refused another unit, in Swedish', async ({ page }, info) => {
  await signIn(page, info, managerFor(info));
  const link = page.getByRole('row').filter({ hasText: 'Självskattning 2026' }).getByRole('link');
  const own = await link.getAttribute('href');
  const match = own?.match(/^\/omgangar\/(\d+)\/enheter\/(\d+)$/);
  expect(match).not.toBeNull();
  const [, round, unit] = match ?? [];
  // A neighbouring id is another unit (403) or an organisation that is not a unit (404).
  let status = 0;
  for (const delta of [1, -1, 2, -2, 3, -3, 4, -4]) {
    status = (await page.goto(`/omgangar/${round}/enheter/${Number(unit) + delta}`))?.status() ?? 0;
    expect([403, 404]).toContain(status);
    if (status === 403) break;
  }
  expect(status).toBe(403);
  await expect(page.getByText('Du har inte behörighet att se eller ändra det här.')).toBeVisible();
  await expectAccessible(page, 'forbidden page');
});

test('a head follows their own administration only', async ({ page }, info) => {
  await signIn(page, info, HEAD);
  await page.getByRole('link', { name: 'Självskattning 2026' }).click();
  const table = page.getByRole('table', { name: /Antal enheter per status/ });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('rowheader', { name: 'Järva stadsdelsförvaltning' })).toBeVisible();
});

test('signing out ends the session', async ({ page }, info) => {
  await signIn(page, info, HEAD);
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/logga-in\?next=/);
});
