import { expect, test } from '@playwright/test';
import { DEPUTY, QUALITY, expectAccessible, signIn, signOut, whenInteractive } from './support';

test('drill down from the city to a unit by mouse and by keyboard, and back by the breadcrumb', async ({ page }, info) => {
  await signIn(page, info, QUALITY);
  await page.getByRole('link', { name: 'Resultat och jämförelser' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stockholms stad' })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'results of the city');
  await page.getByLabel('Omgång').selectOption({ label: 'Självskattning 2023' });
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByRole('table', { name: /Medelvärde och spridning/ })).toBeVisible();
  // Every chart is an image with a text alternative, beside its table, with two downloads.
  const charts = page.locator('figure.chart');
  await expect(charts).toHaveCount(2);
  for (const chart of await charts.all()) {
    const image = chart.getByRole('img');
    await expect(image).toHaveAttribute('alt', /Samma siffror finns i tabellen/);
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
    const svgLink = chart.getByRole('link', { name: 'Ladda ned diagrammet som SVG' });
    const svg = await page.request.get((await svgLink.getAttribute('href')) ?? '');
    expect(svg.headers()['content-type']).toContain('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg[\s\S]*<title>[\s\S]*<\/svg>\s*$/);
    const pngLink = chart.getByRole('link', { name: 'Ladda ned diagrammet som PNG' });
    const png = await page.request.get((await pngLink.getAttribute('href')) ?? '');
    expect(png.headers()['content-type']).toBe('image/png');
    expect([...(await png.body()).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  }
  await page.screenshot({ path: info.outputPath('city-results.png'), fullPage: true });
  await info.attach('city results', { path: info.outputPath('city-results.png'), contentType: 'image/png' });

  // Mouse: the city → Rinkeby-Kista (in 2023, before it merged into Järva).
  const children = page.getByRole('table', { name: /Medelvärde per dimension för varje underliggande/ });
  await children.getByRole('link', { name: 'Rinkeby-Kista stadsdelsförvaltning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rinkeby-Kista stadsdelsförvaltning' })).toBeVisible();
  await whenInteractive(page, info);

  // Keyboard: Järva → its first department → its first unit.
  for (let level = 0; level < 2; level++) {
    const link = page.getByRole('table', { name: /Medelvärde per dimension för varje underliggande/ }).getByRole('link').first();
    const name = (await link.innerText()).trim();
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await whenInteractive(page, info);
  }
  await expectAccessible(page, 'results of a unit');
  const crumbs = page.getByRole('navigation', { name: 'Här i organisationen' });
  await expect(crumbs.getByRole('link')).toHaveCount(3);
  await crumbs.getByRole('link', { name: 'Stockholms stad' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stockholms stad' })).toBeVisible();
  await signOut(page);
});

test('a unit manager sees aggregates above their unit, never other units', async ({ page }, info) => {
  await signIn(page, info, DEPUTY);
  await page.getByRole('link', { name: 'Resultat och jämförelser' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stockholms stad' })).toBeVisible();
  await expect(page.getByText(/Du ser sammanställda resultat/)).toBeVisible();
  const children = page.getByRole('table', { name: /Medelvärde per dimension för varje underliggande/ });
  // The newest published round is 2023: the unit was then in Rinkeby-Kista, since merged.
  await expect(children.getByRole('row')).toHaveCount(2);
  await expect(children.getByRole('link', { name: 'Rinkeby-Kista stadsdelsförvaltning' })).toBeVisible();
  await expectAccessible(page, 'results for a unit manager');
  await signOut(page);
});
