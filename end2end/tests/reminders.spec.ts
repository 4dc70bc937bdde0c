import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUALITY, expectAccessible, signIn, whenInteractive } from './support';

// The demo server writes its e-mail here (the webServer's --outbox-dir in playwright.config.ts).
const OUTBOX = process.env.E2E_OUTBOX ?? '../target/e2e/outbox';

function outboxFiles(): string[] {
  try {
    return readdirSync(OUTBOX).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
}

/** Each project reminds a different administration, so the runs with and without script don't meet. */
function administrationFor(project: string): string {
  return project === 'no-js' ? 'Stadsbyggnadskontoret' : 'Miljöförvaltningen';
}

function count(text: string): number {
  return Number(text.replace(/\s/g, ''));
}

/** Waits for the reminder to finish: with script the page refreshes itself, without it we follow its refresh link. */
async function untilFinished(page: Page, project: string): Promise<void> {
  const finished = page.getByText(/^Klart: /);
  for (let attempt = 0; attempt < 30; attempt++) {
    if (await finished.isVisible()) return;
    if (project === 'no-js') {
      await page.getByRole('link', { name: 'Uppdatera sidan' }).click();
    } else {
      await page.waitForTimeout(1000);
    }
  }
  await expect(finished).toBeVisible();
}

test('the quality department sees who has not started and reminds them by e-mail', async ({ page }, info) => {
  const administration = administrationFor(info.project.name);
  await signIn(page, info, QUALITY);
  await page.getByRole('link', { name: 'Självskattning 2026', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Självskattning 2026' })).toBeVisible();
  await expectAccessible(page, 'progress page');

  // Who has not started in one administration, with their managers.
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Ej påbörjad' });
  await page.getByLabel('Förvaltning eller bolag', { exact: true }).selectOption({ label: administration });
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  const units = page.getByRole('table', { name: /Enheter i omgången/ });
  await expect(units.getByRole('columnheader', { name: 'Enhetschef' })).toBeVisible();
  await expect(units.getByRole('link', { name: /@exempel\.mognad\.test$/ }).first()).toBeVisible();
  const addresses = page.getByLabel(/E-postadresser till enhetscheferna/);
  await expect(addresses).toHaveValue(/@exempel\.mognad\.test/);
  await expect(addresses).toHaveAttribute('readonly', '');
  const copy = page.getByRole('button', { name: 'Kopiera adresserna' });
  if (info.project.name === 'js') {
    await whenInteractive(page, info);
    await copy.click();
    await expect(page.getByText(/Adresserna är (kopierade|markerade)/)).toBeVisible();
  } else {
    await expect(copy).toBeHidden();
  }
  await expectAccessible(page, 'progress page filtered');

  // The same list as a CSV file for Swedish Excel.
  const csvLink = page.getByRole('link', { name: 'Ladda ned listan som CSV-fil (Excel)' });
  const csv = await page.request.get((await csvLink.getAttribute('href')) ?? '');
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter((line) => line !== '');
  expect(lines[0]).toBe('Enhet;Förvaltning eller bolag;Avdelning;Status;Senast sparad;Enhetschef;E-post till enhetschef');
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toContain(`;${administration};`);

  // The reminder: to the units of the administration that have not started.
  await page.getByRole('link', { name: 'Skicka påminnelse till enheterna i urvalet som inte har skickat in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Skicka påminnelse' })).toBeVisible();
  await expect(page.getByLabel('Enheter som', { exact: true })).toHaveValue('not_started');
  await expect(page.getByLabel('Förvaltning eller bolag', { exact: true })).not.toHaveValue('');
  await expect(page.getByLabel('Ämne', { exact: true })).toHaveValue('Påminnelse: {omgång} – sista dag {sista_dag}');
  await expect(page.getByLabel('Meddelande', { exact: true })).toHaveValue(/\{länk\}/);
  await expect(page.getByRole('term').filter({ hasText: '{länk}' })).toBeVisible();
  await expect(page.getByText(/enheter får påminnelsen: .* meddelanden till/)).toBeVisible();
  await expectAccessible(page, 'reminder page');
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();

  // The review: the first recipient's message as it will be sent, and how many.
  await expect(page.getByRole('heading', { level: 1, name: 'Granska och skicka påminnelsen' })).toBeVisible();
  const message = page.locator('pre.message-preview');
  await expect(message).toContainText('Självskattning 2026');
  await expect(message).toContainText('2026-12-11');
  await expect(message).toContainText(/http:\/\/127\.0\.0\.1:\d+\/omgangar\/\d+\/enheter\/\d+/);
  await expect(message).not.toContainText('{länk}');
  await expectAccessible(page, 'reminder review');
  const send = page.getByRole('button', { name: /^Skicka påminnelsen \(/ });
  const messages = count(((await send.innerText()).match(/\(([\d\s]+) meddelanden\)/) ?? [])[1] ?? '0');
  expect(messages).toBeGreaterThan(0);

  const before = new Set(outboxFiles());
  await whenInteractive(page, info);
  await send.click();

  // The reminder's page: its sending, then every recipient sent.
  await expect(page.getByRole('heading', { level: 1, name: /^Påminnelse \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/ })).toBeVisible();
  await untilFinished(page, info.project.name);
  await expect(page.getByText(`Klart: ${messages} av ${messages} skickade, 0 misslyckades.`)).toBeVisible();
  const recipients = page.getByRole('table', { name: /Meddelandena i påminnelsen/ });
  await expect(recipients.locator('tbody tr')).toHaveCount(messages);
  await expect(recipients.getByRole('cell', { name: 'Skickat', exact: true })).toHaveCount(messages);
  await expectAccessible(page, 'reminder status');

  // Exactly one message per recipient went into the outbox, each with the round's name.
  const added = outboxFiles().filter((name) => !before.has(name));
  expect(added).toHaveLength(messages);
  const to = added.map((name) => {
    const text = readFileSync(join(OUTBOX, name), 'utf8');
    expect(text).toMatch(/^Subject: /m);
    return (text.match(/^To: .*<([^>]+)>/m) ?? [])[1];
  });
  const shown = await recipients.locator('tbody tr td:nth-child(3)').allInnerTexts();
  expect(to.sort()).toEqual(shown.map((address) => address.trim()).sort());
});
