import { expect, test } from '@playwright/test';
import { HEAD, QUALITY, expectAccessible, signIn, signOut, whenInteractive } from './support';

test('the quality department finds an organisation in the tree and follows its history through the merger', async ({
  page,
}, info) => {
  await signIn(page, info, QUALITY);
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Organisationen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisationen' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Järva stadsdelsförvaltning' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Spånga-Tensta stadsdelsförvaltning' })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'the organisation tree');

  // Search by name: as it is typed with script, by the button without.
  await page.getByRole('searchbox', { name: 'Sök organisation på namn' }).fill('järva stadsdel');
  if (info.project.name === 'no-js') {
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
  }
  await expect(page).toHaveURL(/[?&]q=j%C3%A4rva/i);
  await expect(page.getByText('1 träff', { exact: true })).toBeVisible();
  await expectAccessible(page, 'organisations found');
  await page.getByRole('link', { name: 'Järva stadsdelsförvaltning' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Järva stadsdelsförvaltning' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Namn och plats i organisationen över tid' })).toContainText('2023-07-01');
  await expect(page.getByRole('table', { name: /^Alla vars roll täcker/ })).toContainText('Ahmed Hassan');
  await whenInteractive(page, info);
  await expectAccessible(page, 'an organisation');

  // A predecessor, as it was: closed, carried on by Järva, its departments listed.
  await page.getByRole('link', { name: /^Spånga-Tensta stadsdelsförvaltning, från/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Spånga-Tensta stadsdelsförvaltning' })).toBeVisible();
  await expect(page.getByText('Organisationen finns inte längre.')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Järva stadsdelsförvaltning, från/ })).toBeVisible();
  await expectAccessible(page, 'a closed organisation');
  await signOut(page);
});

test('a head browses their own administration down to a unit', async ({ page }, info) => {
  await signIn(page, info, HEAD);
  await page.goto('/admin/organisation');
  await expect(page.getByRole('heading', { level: 2, name: 'Dina organisationer' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Spånga-Tensta stadsdelsförvaltning' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Järva stadsdelsförvaltning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Järva stadsdelsförvaltning' })).toBeVisible();
  const departments = page.getByRole('region', { name: 'Under organisationen' });
  await departments.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Under organisationen' })).toBeVisible();
  await page.getByRole('region', { name: 'Under organisationen' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Omgångar' })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Omgångar som/ })).toBeVisible();
  await expectAccessible(page, 'a unit in the tree');
  await signOut(page);
});
