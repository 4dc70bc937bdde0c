import { expect, test } from '@playwright/test';
import { DEPUTY, expectAccessible, signIn, signOut, whenInteractive } from './support';

test('the previous round is shown beside each statement and dimension', async ({ page }, info) => {
  await signIn(page, info, DEPUTY);
  const row = page.getByRole('row').filter({ hasText: 'Självskattning 2026' });
  await row.getByRole('link', { name: /^(Fyll i|Fortsätt)/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Självskattning: / })).toBeVisible();
  await whenInteractive(page, info);

  // Every statement says what the unit answered in 2023.
  const statements = page.getByRole('group').filter({ has: page.getByRole('radio') });
  const count = await statements.count();
  await expect(page.getByText('Förra omgången (Självskattning 2023):')).toHaveCount(count);
  await expect(statements.first().getByText(/^Förra omgången \(Självskattning 2023\): (\d \S+|Ej aktuellt|ej bedömt)$/)).toBeVisible();

  // Each dimension compares its score then and now.
  const first = page.locator('section.dimension').first();
  const comparison = first.locator('.dimension__compare');
  await expect(comparison).toHaveText(/^Förra omgången: \d,\d · Nu: (–|\d,\d.*)$/);
  await expectAccessible(page, 'assessment form with the previous round');

  if (info.project.name === 'js') {
    // The score now follows the ratings as they are chosen.
    const inFirst = first.getByRole('group').filter({ has: page.getByRole('radio') });
    const rated = await inFirst.count();
    for (let index = 0; index < rated; index++) {
      await inFirst.nth(index).getByRole('radio', { name: '5 Ledande' }).check();
    }
    await expect(comparison).toHaveText(/· Nu: 5,0 \((\+|±)\d,\d\)$/);
  }
  await signOut(page);
});
