import { expect, test } from '@playwright/test';
import { DEPUTY, expectAccessible, signIn, signOut, whenInteractive } from './support';

test('improvement actions: add, edit, remove, and carry on last round’s', async ({ page }, info) => {
  const project = info.project.name;
  const title = `Utbildning i bemötande (${project})`;
  await signIn(page, info, DEPUTY);
  const row = page.getByRole('row').filter({ hasText: 'Självskattning 2026' });
  await row.getByRole('link', { name: /^(Fyll i|Fortsätt)/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Självskattning: / })).toBeVisible();
  await whenInteractive(page, info);

  // From a dimension of the form to its actions.
  await page.getByRole('link', { name: /^Förbättringsåtgärder för / }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Förbättringsåtgärder: / })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'improvement actions');

  // Add one to the first dimension.
  const first = page.locator('section.dimension').first();
  await first.getByText('Lägg till en åtgärd').click();
  await first.getByRole('textbox', { name: 'Åtgärd', exact: true }).fill(title);
  await first.getByRole('textbox', { name: 'Beskrivning' }).last().fill('Två halvdagar för alla i arbetslaget.');
  await first.getByRole('textbox', { name: 'Ansvarig' }).last().fill('Lina Ek');
  await first.getByLabel('Klart senast').last().fill('2027-05-31');
  await first.getByRole('combobox', { name: 'Status', exact: true }).last().selectOption({ label: 'Pågår' });
  await first.getByRole('button', { name: 'Lägg till åtgärden' }).click();
  const added = page.getByRole('article', { name: title });
  await expect(added).toBeVisible();
  await expect(added.getByRole('textbox', { name: 'Ansvarig' })).toHaveValue('Lina Ek');
  await expect(added.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('in_progress');
  await expectAccessible(page, 'improvement actions with one added');

  // Edit it; the change is there after a reload.
  await added.getByRole('textbox', { name: 'Ansvarig' }).fill('Maria Svensson');
  // With script the save is a request in the background: reload only once it has landed.
  const saved = project === 'js' ? page.waitForResponse((response) => response.url().endsWith('/api/edit_action')) : null;
  await added.getByRole('button', { name: 'Spara åtgärden' }).click();
  if (saved) expect((await saved).ok()).toBe(true);
  if (project === 'no-js') await expect(page.getByText('Åtgärden är sparad.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('article', { name: title }).getByRole('textbox', { name: 'Ansvarig' })).toHaveValue('Maria Svensson');

  // Remove it.
  await page.getByRole('article', { name: title }).getByRole('button', { name: 'Ta bort åtgärden' }).click();
  await expect(page.getByRole('article', { name: title })).toHaveCount(0);

  // An open action of 2023 is carried on into this round.
  await whenInteractive(page, info);
  const earlier = page.locator('article.action--previous').first();
  const earlierTitle = (await earlier.getByRole('heading').innerText()).trim();
  const before = await page.locator('article.action--previous').count();
  await earlier.getByRole('button', { name: 'För över till den här omgången' }).click();
  await expect(page.locator('article.action--previous')).toHaveCount(before - 1);
  const carried = page.locator('article.action:not(.action--previous)').filter({ hasText: 'Förd vidare från förra omgången.' });
  await expect(carried.getByRole('heading', { name: earlierTitle }).first()).toBeVisible();
  await signOut(page);
});
