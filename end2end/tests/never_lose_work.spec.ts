import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEPUTY, PASSWORD, QUALITY, expectAccessible } from './support';

// Autosave, the browser's own copy and conflicts need the page's script.
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'needs JavaScript');

test.describe.serial('nothing typed is lost', () => {
  let formUrl = '';

  async function signInAs(page: Page, email: string): Promise<void> {
    await page.goto('/logga-in');
    await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  }

  async function openForm(page: Page): Promise<void> {
    await page.goto(formUrl);
    await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
    await expect(page.getByRole('button', { name: 'Spara utkast' })).toBeVisible();
  }

  const saveStatus = (page: Page) => page.locator('#save-status');
  const motivation = (page: Page, index: number) =>
    page.getByRole('group').filter({ has: page.getByRole('radio') }).nth(index).getByRole('textbox', { name: 'Belägg – vad visar det?' });
  const strengths = (page: Page) => page.locator('textarea[name^="form[strengths]"]').first();
  const improvements = (page: Page) => page.locator('textarea[name^="form[improvements]"]').first();

  async function newEditor(browser: Browser, email: string): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, email);
    return page;
  }

  test('typing is saved without a button, and after a lost connection', async ({ page, context }) => {
    await signInAs(page, DEPUTY);
    const row = page.getByRole('row').filter({ hasText: 'Självskattning 2026' });
    await row.getByRole('link', { name: /^(Fyll i|Fortsätt)/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Självskattning: / })).toBeVisible();
    formUrl = page.url();
    await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });

    // Saved shortly after typing stops, announced in the status line.
    await motivation(page, 0).fill('Skrivet och sparat av sig självt.');
    await expect(saveStatus(page)).toHaveText(/^Sparat \d\d:\d\d$/);
    await expect(saveStatus(page)).toHaveAttribute('role', 'status');
    await page.reload();
    await expect(motivation(page, 0)).toHaveValue('Skrivet och sparat av sig självt.');

    // The connection drops while typing: the page says so and keeps trying.
    await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
    await context.setOffline(true);
    await motivation(page, 1).fill('Skrivet utan anslutning.');
    await expect(saveStatus(page)).toHaveText('Inte sparat – försöker igen');
    await expect(page.getByText('Servern går inte att nå just nu.')).toBeVisible();
    await expectAccessible(page, 'assessment form, offline');
    await context.setOffline(false);
    await expect(saveStatus(page)).toHaveText(/^Sparat \d\d:\d\d$/);
    await expect(page.getByText('Servern går inte att nå just nu.')).toHaveCount(0);
    await page.reload();
    await expect(motivation(page, 1)).toHaveValue('Skrivet utan anslutning.');
  });

  test('a tab closed before the server got the text offers it back', async ({ page, context }) => {
    await signInAs(page, DEPUTY);
    await openForm(page);
    await context.setOffline(true);
    await motivation(page, 2).fill('Skrivet precis innan fliken stängdes.');
    await expect(saveStatus(page)).toHaveText('Inte sparat – försöker igen');
    await page.close();
    await context.setOffline(false);

    const again = await context.newPage();
    await openForm(again);
    await expect(motivation(again, 2)).toHaveValue('');
    const offer = again.getByRole('region', { name: 'Det finns osparad text i den här webbläsaren' });
    await expect(offer).toBeVisible();
    await expectAccessible(again, 'assessment form with an offer to restore');
    await offer.getByRole('button', { name: 'Lägg tillbaka och spara' }).click();
    await expect(offer).toHaveCount(0);
    await expect(motivation(again, 2)).toHaveValue('Skrivet precis innan fliken stängdes.');
    await expect(motivation(again, 2)).toBeFocused();
    await expect(saveStatus(again)).toHaveText(/^Sparat \d\d:\d\d$/);
    await again.reload();
    await expect(motivation(again, 2)).toHaveValue('Skrivet precis innan fliken stängdes.');
    await expect(again.getByRole('region', { name: 'Det finns osparad text i den här webbläsaren' })).toHaveCount(0);
  });

  test('two editors: different fields merge, the same field shows both texts', async ({ browser }) => {
    const deputy = await newEditor(browser, DEPUTY);
    const quality = await newEditor(browser, QUALITY);
    await openForm(deputy);
    await openForm(quality);

    // Different fields: both kept, no conflict.
    await strengths(deputy).fill('Styrka enligt biträdande enhetschef.');
    await expect(saveStatus(deputy)).toHaveText(/^Sparat \d\d:\d\d$/);
    await improvements(quality).fill('Förbättring enligt kvalitetsavdelningen.');
    await expect(saveStatus(quality)).toHaveText(/^Sparat \d\d:\d\d$/);
    await expect(quality.getByRole('heading', { name: 'Någon annan har ändrat samma uppgifter' })).toHaveCount(0);

    // The same field: the second editor is shown the first one's text beside their own.
    await motivation(deputy, 3).fill('Den biträdande chefens belägg.');
    await expect(saveStatus(deputy)).toHaveText(/^Sparat \d\d:\d\d$/);
    await motivation(quality, 3).fill('Kvalitetsavdelningens belägg.');
    await expect(saveStatus(quality)).toHaveText('Sparat, utom fälten som någon annan också har ändrat.');
    await expect(quality.getByRole('heading', { name: 'Någon annan har ändrat samma uppgifter' })).toBeVisible();
    const note = quality.getByRole('note').filter({ hasText: 'Den andra personens version:' });
    await expect(note).toContainText('Den biträdande chefens belägg.');
    await expect(motivation(quality, 3)).toHaveValue('Kvalitetsavdelningens belägg.');
    await expectAccessible(quality, 'assessment form with a conflict');

    // Merging: keep both texts in the field, then keep that version.
    await motivation(quality, 3).fill('Kvalitetsavdelningens belägg. Den biträdande chefens belägg.');
    await note.getByRole('button', { name: 'Behåll min version' }).click();
    await expect(note).toHaveCount(0);
    await expect(saveStatus(quality)).toHaveText(/^Sparat \d\d:\d\d$/);

    await deputy.reload();
    await expect(motivation(deputy, 3)).toHaveValue('Kvalitetsavdelningens belägg. Den biträdande chefens belägg.');
    await expect(strengths(deputy)).toHaveValue('Styrka enligt biträdande enhetschef.');
    await expect(improvements(deputy)).toHaveValue('Förbättring enligt kvalitetsavdelningen.');
    await deputy.context().close();
    await quality.context().close();
  });
});
