import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';

export const PASSWORD = 'Mognad-demo-2026';
export const QUALITY = 'kvalitet@mognad.test';
export const HEAD = 'forvaltningschef@mognad.test';
// Shares nothing with the other specs: the unit of the deputy manager is theirs alone.
export const DEPUTY = 'bitradande.jarva@mognad.test';
// Each project fills in a different unit, so the JavaScript-on and -off runs don't meet.
export function managerFor(info: TestInfo): string {
  return info.project.name === 'no-js' ? 'enhetschef.sodermalm@mognad.test' : 'enhetschef.jarva@mognad.test';
}

async function audit(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/**
 * Audits the page against WCAG 2.1 A and AA with axe-core; any violation fails.
 * axe is a script, so with JavaScript off it audits a copy of exactly this DOM (scripts
 * removed, styles loaded from the server) in a page where scripts may run.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  if (test.info().project.name !== 'no-js') {
    await audit(page, label);
    return;
  }
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser to audit in');
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    const url = page.url();
    await copy.route('**/*', (route) =>
      route.request().url() === url ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }) : route.continue(),
    );
    await copy.goto(url);
    await audit(copy, `${label} (without JavaScript)`);
  } finally {
    await context.close();
  }
}

/** Waits until the page's script has taken over (with JavaScript on). */
export async function whenInteractive(page: Page, info: TestInfo): Promise<void> {
  if (info.project.name === 'js') {
    await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
  }
}

export async function signIn(page: Page, info: TestInfo, email: string): Promise<void> {
  await page.goto('/logga-in');
  await whenInteractive(page, info);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
}
