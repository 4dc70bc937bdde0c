import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEPUTY, PASSWORD, QUALITY, expectAccessible } from '../tests/support';
import { FIRST, SECOND } from '../two_servers.config';

// Two people edit the same unit through two servers on one PostgreSQL database: the same
// field-level merge and conflict view as on one server, and one sign-in holds on both.

const saveStatus = (page: Page) => page.locator('#save-status');
const motivation = (page: Page, index: number) =>
  page.getByRole('group').filter({ has: page.getByRole('radio') }).nth(index).getByRole('textbox', { name: 'Belägg – vad visar det?' });
const strengths = (page: Page) => page.locator('textarea[name^="form[strengths]"]').first();
const improvements = (page: Page) => page.locator('textarea[name^="form[improvements]"]').first();

async function signInAt(browser: Browser, server: string, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server}/logga-in`);
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  return page;
}

async function openForm(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
  await expect(page.getByRole('button', { name: 'Spara utkast' })).toBeVisible();
}

test('two people on two servers: different fields merge, the same field shows both texts', async ({ browser }) => {
  const deputy = await signInAt(browser, FIRST, DEPUTY);
  const quality = await signInAt(browser, SECOND, QUALITY);

  // The deputy's form, on the first server; the same form on the second.
  const row = deputy.getByRole('row').filter({ hasText: 'Självskattning 2026' });
  await row.getByRole('link', { name: /^(Fyll i|Fortsätt)/ }).click();
  await expect(deputy.getByRole('heading', { level: 1, name: /^Självskattning: / })).toBeVisible();
  const path = new URL(deputy.url()).pathname;
  await openForm(deputy, `${FIRST}${path}`);
  await openForm(quality, `${SECOND}${path}`);

  // Different fields: both kept, no conflict.
  await strengths(deputy).fill('Styrka skriven via den första servern.');
  await expect(saveStatus(deputy)).toHaveText(/^Sparat \d\d:\d\d$/);
  await improvements(quality).fill('Förbättring skriven via den andra servern.');
  await expect(saveStatus(quality)).toHaveText(/^Sparat \d\d:\d\d$/);
  await expect(quality.getByRole('heading', { name: 'Någon annan har ändrat samma uppgifter' })).toHaveCount(0);

  // The same field: the second editor is shown the first one's text beside their own.
  await motivation(deputy, 3).fill('Belägg via den första servern.');
  await expect(saveStatus(deputy)).toHaveText(/^Sparat \d\d:\d\d$/);
  await motivation(quality, 3).fill('Belägg via den andra servern.');
  await expect(saveStatus(quality)).toHaveText('Sparat, utom fälten som någon annan också har ändrat.');
  await expect(quality.getByRole('heading', { name: 'Någon annan har ändrat samma uppgifter' })).toBeVisible();
  const note = quality.getByRole('note').filter({ hasText: 'Den andra personens version:' });
  await expect(note).toContainText('Belägg via den första servern.');
  await expect(motivation(quality, 3)).toHaveValue('Belägg via den andra servern.');
  await expectAccessible(quality, 'assessment form with a conflict, second server');

  // Keeping one's own version on the second server; the first server then shows it.
  await note.getByRole('button', { name: 'Behåll min version' }).click();
  await expect(note).toHaveCount(0);
  await expect(saveStatus(quality)).toHaveText(/^Sparat \d\d:\d\d$/);
  await deputy.reload();
  await expect(motivation(deputy, 3)).toHaveValue('Belägg via den andra servern.');
  await expect(strengths(deputy)).toHaveValue('Styrka skriven via den första servern.');
  await expect(improvements(deputy)).toHaveValue('Förbättring skriven via den andra servern.');

  // The session is in the database: the deputy's sign-in on the first server holds on the
  // second (the cookie is the host's, whatever the port).
  await deputy.goto(`${SECOND}/`);
  await expect(deputy.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();

  await deputy.context().close();
  await quality.context().close();
});
