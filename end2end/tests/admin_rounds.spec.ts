import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HEAD, PASSWORD, QUALITY, expectAccessible, signIn, signOut, whenInteractive } from './support';

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

// The demo server writes its e-mail here (the webServer's --outbox-dir in playwright.config.ts).
const OUTBOX = process.env.E2E_OUTBOX ?? '../target/e2e/outbox';
// A head of administration in the demo: the role on Skärholmen given here is theirs for the
// length of the test only (the projects run one after the other).
const HEAD_NAME = 'Ahmed Hassan';

/** The body of the newest message in the outbox to `address`, quoted-printable undone. */
function newestMailTo(address: string): string {
  const files = readdirSync(OUTBOX)
    .filter((name) => name.endsWith('.eml'))
    .map((name) => ({ name, time: statSync(join(OUTBOX, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of files) {
    const text = readFileSync(join(OUTBOX, name), 'utf8');
    if (new RegExp(`^To: .*${address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm').test(text)) {
      return text
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
  }
  throw new Error(`no message to ${address} in ${OUTBOX}`);
}

/** On a round's administration page: takes the step `link`, confirming with `confirm` (and a reason). */
async function takeStep(page: Page, info: TestInfo, link: string, confirm: string, reason?: string): Promise<void> {
  await page.getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${link}: `) })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, `confirmation: ${link}`);
  if (reason) await page.getByLabel('Skäl', { exact: true }).fill(reason);
  await page.getByRole('button', { name: confirm }).click();
}

/** The head's role on `organisation`: given (`give`) or taken away, on their person page. */
async function headRole(page: Page, info: TestInfo, organisation: string, give: boolean): Promise<void> {
  await page.goto('/admin/personer');
  await page.getByRole('searchbox', { name: 'Namn eller e-postadress' }).fill(HEAD);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.getByRole('table', { name: /^Personer/ }).getByRole('link', { name: HEAD_NAME, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: HEAD_NAME })).toBeVisible();
  await whenInteractive(page, info);
  const roles = page.getByRole('table', { name: `Roller för ${HEAD_NAME}` });
  if (give) {
    await page.getByRole('searchbox', { name: 'Organisationens namn' }).fill(organisation);
    await page.getByRole('button', { name: 'Sök organisation' }).click();
    const choice = page.getByRole('radio', { name: organisation, exact: true });
    await whenInteractive(page, info);
    await choice.check();
    await page.getByRole('combobox', { name: 'Roll' }).selectOption({ label: 'Chef' });
    await page.getByRole('button', { name: 'Ge rollen' }).click();
    await expect(page.getByText('Rollen är given.')).toBeVisible();
    await expect(roles.getByRole('row').filter({ hasText: organisation })).toHaveCount(1);
  } else {
    await roles.getByRole('row').filter({ hasText: organisation }).getByRole('button', { name: /^Ta bort/ }).click();
    await expect(page.getByText('Rollen är borttagen.')).toBeVisible();
    await expect(roles.getByRole('row').filter({ hasText: organisation })).toHaveCount(0);
  }
}

test('a unit manager there answers, is reminded, and the head sees the published results', async ({ page }, info) => {
  // The whole life of a round, as four people: longer than one page's test.
  test.setTimeout(300_000);
  const name = `Självskattning Skärholmen (${info.project.name})`;
  const skarholmen = 'Skärholmens stadsdelsförvaltning';

  // The round's progress: the managers of the units that have not started.
  await signIn(page, info, QUALITY);
  await page.goto('/admin/omgangar');
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const roundPage = page.url();
  const roundId = /\/admin\/omgangar\/(\d+)/.exec(roundPage)?.[1] ?? '';
  expect(roundId).not.toBe('');
  await page.getByRole('link', { name: 'Se hur enheterna ligger till' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const addresses = (await page.getByLabel(/E-postadresser till enhetscheferna/).inputValue())
    .split(/[;\s]+/)
    .filter((address) => address.includes('@'));
  expect(addresses.length).toBeGreaterThan(0);
  const manager = addresses[0];

  // The manager has never signed in: the quality department sends them a password link.
  await page.goto(`/admin/personer?q=${encodeURIComponent(manager)}`);
  const found = page.getByRole('table', { name: /^Personer/ });
  await found.getByRole('row').filter({ hasText: manager }).getByRole('link').first().click();
  await whenInteractive(page, info);
  await page.getByRole('button', { name: 'Skicka ny länk för lösenord' }).click();
  await expect(page.getByText('En ny länk för att välja lösenord är skickad.')).toBeVisible();
  await signOut(page);
  const link = /https?:\/\/[^\s]+\/losenord\/[A-Za-z0-9_-]+/.exec(newestMailTo(manager))?.[0] ?? '';
  expect(link).not.toBe('');

  // The manager chooses a password, signs in, finds the round and saves a draft.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Välj lösenord' })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'choose a password');
  await page.getByLabel('Nytt lösenord').fill(PASSWORD);
  await page.getByLabel('Upprepa lösenordet').fill(PASSWORD);
  await page.getByRole('button', { name: 'Spara lösenordet' }).click();
  await expect(page.getByText(/Ditt lösenord är sparat/)).toBeVisible();
  await signIn(page, info, manager);
  const row = page.getByRole('row').filter({ hasText: name }).first();
  await expect(row.getByText('Ej påbörjad')).toBeVisible();
  await row.getByRole('link', { name: /^Fyll i/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Självskattning: / })).toBeVisible();
  await expect(page.getByText('Välkomna till omgången.')).toBeVisible();
  await whenInteractive(page, info);
  const first = page.getByRole('group').filter({ has: page.getByRole('radio') }).first();
  await first.getByRole('radio', { name: '3 Etablerat' }).check();
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  if (info.project.name === 'js') {
    await expect(page.getByRole('status').filter({ hasText: /Sparat \d\d:\d\d/ })).toBeVisible();
  } else {
    await expect(page.getByText('Utkastet är sparat.')).toBeVisible();
  }
  await signOut(page);

  // The quality department reminds the units in draft: the manager's unit (and whoever else
  // manages it), one message each.
  await signIn(page, info, QUALITY);
  await page.goto(`/omgangar/${roundId}/paminnelse`);
  await expect(page.getByRole('heading', { level: 1, name: 'Skicka påminnelse' })).toBeVisible();
  await page.getByLabel('Enheter som', { exact: true }).selectOption('draft');
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Granska och skicka påminnelsen' })).toBeVisible();
  await expect(page.locator('pre.message-preview')).toContainText(name);
  const send = page.getByRole('button', { name: /^Skicka påminnelsen \(/ });
  const messages = Number(((await send.innerText()).match(/\(([\d\s]+) meddelanden\)/) ?? [])[1]?.replace(/\s/g, ''));
  expect(messages).toBeGreaterThanOrEqual(1);
  expect(messages).toBeLessThanOrEqual(2);
  const before = new Set(readdirSync(OUTBOX));
  await whenInteractive(page, info);
  await send.click();
  await expect(page.getByRole('heading', { level: 1, name: /^Påminnelse / })).toBeVisible();
  for (let attempt = 0; attempt < 30 && !(await page.getByText(/^Klart: /).isVisible()); attempt++) {
    if (info.project.name === 'no-js') await page.getByRole('link', { name: 'Uppdatera sidan' }).click();
    else await page.waitForTimeout(1000);
  }
  await expect(page.getByText(`Klart: ${messages} av ${messages} skickade, 0 misslyckades.`)).toBeVisible();
  const added = readdirSync(OUTBOX).filter((file) => !before.has(file));
  expect(added).toHaveLength(messages);
  const to = added.map((file) => (readFileSync(join(OUTBOX, file), 'utf8').match(/^To: .*<([^>]+)>/m) ?? [])[1]);
  expect(to).toContain(manager);

  // Closed, then published: each step confirmed.
  await page.goto(roundPage);
  await whenInteractive(page, info);
  await takeStep(page, info, 'Stäng omgången', 'Ja, stäng omgången');
  await expect(page.getByText('Stängd', { exact: true })).toBeVisible();
  await whenInteractive(page, info);
  await takeStep(page, info, 'Publicera resultaten', 'Ja, publicera resultaten');
  await expect(page.getByText('Publicerad', { exact: true })).toBeVisible();
  await headRole(page, info, skarholmen, true);
  await signOut(page);

  // The head of the administration sees its results in the round.
  await signIn(page, info, HEAD);
  await page.goto(`/resultat?omgang=${roundId}`);
  await expect(page.getByRole('heading', { level: 1, name: skarholmen })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^0 av \d+/ })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'the published results');
  await signOut(page);

  // Afterwards: the results withdrawn with a reason, and the head's role taken away again, so
  // the other specs find the demo as it was.
  await signIn(page, info, QUALITY);
  await page.goto(roundPage);
  await whenInteractive(page, info);
  await takeStep(page, info, 'Återkalla resultaten', 'Ja, återkalla resultaten', 'Testomgång: resultaten dras tillbaka.');
  await expect(page.getByText('Stängd', { exact: true })).toBeVisible();
  await headRole(page, info, skarholmen, false);
  await signOut(page);
});
