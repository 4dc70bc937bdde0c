import { expect, test } from '@playwright/test';
import { QUALITY, expectAccessible, managerFor, signIn, signOut, whenInteractive } from './support';

test.describe.serial('a unit manager fills in and submits; the quality department sees it', () => {
  let unitName = '';

  test('sign in, save a draft, get the exact gaps, submit and see the scores', async ({ page }, info) => {
    await page.goto('/logga-in');
    await expectAccessible(page, 'sign-in page');
    await signIn(page, info, managerFor(info));
    await expectAccessible(page, 'start page');

    // The open round's assessment, not started.
    const row = page.getByRole('row').filter({ hasText: 'Självskattning 2026' });
    await expect(row.getByText('Ej påbörjad')).toBeVisible();
    unitName = (await row.getByRole('cell').nth(1).innerText()).trim();
    await row.getByRole('link', { name: /^Fyll i/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Självskattning: ${unitName}` })).toBeVisible();
    await whenInteractive(page, info);
    await expectAccessible(page, 'assessment form');

    const statements = page.getByRole('group').filter({ has: page.getByRole('radio') });
    const count = await statements.count();
    expect(count).toBeGreaterThanOrEqual(36);

    // Rate the first statement only and save a draft.
    const first = statements.first();
    await first.getByRole('radio', { name: '4 Integrerat' }).check();
    await first.getByRole('textbox', { name: 'Belägg – vad visar det?' }).fill('Vi mäter detta varje år.');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    if (info.project.name === 'js') {
      await expect(page.getByRole('status').filter({ hasText: /Sparat \d\d:\d\d/ })).toBeVisible();
    } else {
      await expect(page.getByText('Utkastet är sparat.')).toBeVisible();
    }

    // Leaving and coming back shows the draft.
    await page.reload();
    await whenInteractive(page, info);
    await expect(statements.first().getByRole('radio', { name: '4 Integrerat' })).toBeChecked();
    await expect(statements.first().getByRole('textbox', { name: 'Belägg – vad visar det?' })).toHaveValue('Vi mäter detta varje år.');

    // Submitting with gaps names each missing statement and keeps what was typed.
    const secondText = (await statements.nth(1).locator('legend').innerText()).trim();
    await statements.nth(1).getByRole('textbox', { name: 'Belägg – vad visar det?' }).fill('Skrivet men inte bedömt.');
    await page.getByRole('button', { name: 'Skicka in' }).click();
    const gaps = page.getByRole('region', { name: 'Det här saknas innan du kan skicka in' });
    await expect(gaps).toBeVisible();
    await expect(gaps.getByRole('listitem')).toHaveCount(count - 1);
    await expect(gaps.getByRole('link', { name: new RegExp(secondText.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible();
    await expect(statements.nth(1).getByRole('textbox', { name: 'Belägg – vad visar det?' })).toHaveValue('Skrivet men inte bedömt.');
    await expectAccessible(page, 'assessment with gaps');

    // Fill in everything and submit.
    for (let index = 0; index < count; index++) {
      const statement = statements.nth(index);
      await statement.getByRole('radio', { name: index % 7 === 3 ? 'Ej aktuellt' : '3 Etablerat' }).check();
      await statement.getByRole('textbox', { name: 'Belägg – vad visar det?' }).fill(`Belägg nummer ${index + 1}.`);
    }
    await page.getByRole('button', { name: 'Skicka in' }).click();
    await expect(page.getByText('Självskattningen är inskickad. Tack!')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Resultat' })).toBeVisible();
    const results = page.getByRole('table', { name: /Poäng per dimension/ });
    await expect(results.getByRole('row')).toHaveCount(13);
    await expect(page.getByRole('definition').first()).toHaveText('3,0');
    // Read-only now: no form buttons.
    await expect(page.getByRole('button', { name: 'Skicka in' })).toHaveCount(0);
    await expectAccessible(page, 'submitted assessment');
    await signOut(page);
  });

  test('the quality department sees the unit as submitted and opens it', async ({ page }, info) => {
    await signIn(page, info, QUALITY);
    await page.getByRole('link', { name: 'Självskattning 2026' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Självskattning 2026' })).toBeVisible();
    await whenInteractive(page, info);
    await expectAccessible(page, 'round progress');

    await page.getByLabel('Status').selectOption({ label: 'Inskickad' });
    await page.getByRole('button', { name: 'Visa' }).click();
    await expect(page).toHaveURL(/status=submitted/);
    const units = page.getByRole('table', { name: /Enheter i omgången/ });
    // Find the unit across pages of the filtered list.
    for (let shown = 1; ; shown++) {
      // Wait for the page to be the one asked for before looking at its rows.
      await expect(units).toHaveAccessibleName(new RegExp(`sida ${shown} av`));
      if (await units.getByRole('link', { name: unitName, exact: true }).count()) break;
      const next = page.getByRole('link', { name: 'Nästa sida' });
      await expect(next, `${unitName} not among submitted units`).toBeVisible();
      await next.click();
    }
    const row = units.getByRole('row').filter({ has: page.getByRole('link', { name: unitName, exact: true }) });
    await expect(row.getByText('Inskickad')).toBeVisible();
    await row.getByRole('link', { name: unitName, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Självskattning: ${unitName}` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Resultat' })).toBeVisible();
    await expectAccessible(page, 'submitted assessment as the quality department');
    await signOut(page);
  });
});
