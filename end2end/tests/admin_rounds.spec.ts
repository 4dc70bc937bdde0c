import { expect, test } from '@playwright/test';
import { QUALITY, expectAccessible, signIn, signOut, whenInteractive } from './support';

/** A date `days` from today, as date fields take it (YYYY-MM-DD, Stockholm). */
function daysFromToday(days: number): string {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return date.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

test('the quality department creates a round over one stadsdelsförvaltning and opens it', async ({ page }, info) => {
  // Each project makes its own round, so the JavaScript-on and -off runs don't meet.
  const name = `Självskattning Skärholmen (${info.project.name})`;
  // Opening before the demo's "Självskattning 2026" (12 October) keeps that one the newest
  // round the other specs see first.
  const opens = '2026-10-01';
  const closes = daysFromToday(30);

  await signIn(page, info, QUALITY);
  await page.getByRole('link', { name: 'Administration', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await page.getByRole('link', { name: 'Omgångar', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Omgångar' })).toBeVisible();
  await whenInteractive(page, info);
  const rounds = page.getByRole('table', { name: 'Omgångar med status, period och svarsfrekvens' });
  await expect(rounds.getByRole('row').filter({ hasText: 'Självskattning 2026' })).toContainText('Öppen');
  await expectAccessible(page, 'rounds');

  await page.getByRole('link', { name: 'Skapa en ny omgång' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny omgång' })).toBeVisible();
  await whenInteractive(page, info);
  // The whole city is chosen until another organisation is.
  await expect(page.getByRole('radio', { name: 'Stockholms stad (hela staden)' })).toBeChecked();
  await expectAccessible(page, 'new round');

  await page.getByLabel('Namn', { exact: true }).fill(name);
  await page.getByLabel('Öppnar').fill(opens);
  await page.getByLabel('Sista dag').fill(closes);
  await page.getByLabel('Introduktion till enheterna (valfri)').fill('Välkomna till omgången.\nFyll i senast sista dagen.');

  // Search for the administration: the form comes back with the hits, nothing typed is lost.
  await page.getByLabel('Sök en annan organisation').fill('Skärholmen');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  const skarholmen = page.getByRole('radio', { name: 'Skärholmens stadsdelsförvaltning', exact: true });
  await expect(skarholmen).toBeVisible();
  await whenInteractive(page, info);
  await expect(page.getByLabel('Namn', { exact: true })).toHaveValue(name);
  await expect(page.getByLabel('Sista dag')).toHaveValue(closes);
  await expect(page.getByLabel('Introduktion till enheterna (valfri)')).toHaveValue(
    'Välkomna till omgången.\nFyll i senast sista dagen.',
  );
  await skarholmen.check();
  await expectAccessible(page, 'new round with search hits');

  await page.getByRole('button', { name: 'Skapa omgången' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Ändringen är sparad.')).toBeVisible();
  await expect(page.getByText('Under förberedelse', { exact: true })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Skärholmens stadsdelsförvaltning' })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'draft round');

  // The confirmation says what will happen, and to how many units.
  await page.getByRole('link', { name: 'Öppna omgången', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Öppna omgången: ${name}` })).toBeVisible();
  await expect(page.getByText(/\d+ enheter under Skärholmens stadsdelsförvaltning får omgången på sin startsida/)).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'confirmation of opening');

  await page.getByRole('button', { name: 'Ja, öppna omgången' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Öppen', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Ändra sista dag' })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'open round');

  // Both changes are in the admin log, with who made them.
  await page.getByRole('link', { name: 'Omgångens händelser i administrationsloggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administrationslogg' })).toBeVisible();
  const log = page.getByRole('table', { name: /Administrativa ändringar/ });
  await expect(log.getByRole('row').filter({ hasText: 'Omgång öppnad' })).toContainText(name);
  await expect(log.getByRole('row').filter({ hasText: 'Omgång skapad' })).toContainText(name);
  await whenInteractive(page, info);
  await expectAccessible(page, 'admin log');
  await signOut(page);
});
