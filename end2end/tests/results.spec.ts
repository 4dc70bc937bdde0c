import { expect, test } from '@playwright/test';
import { DEPUTY, QUALITY, expectAccessible, signIn, signOut, whenInteractive } from './support';

test('drill down from the city to a unit by mouse and by keyboard, and back by the breadcrumb', async ({ page }, info) => {
  await signIn(page, info, QUALITY);
  await page.getByRole('link', { name: 'Resultat och jämförelser' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stockholms stad' })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'results of the city');
  await page.getByLabel('Omgång', { exact: true }).selectOption({ label: 'Självskattning 2023' });
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByRole('table', { name: /Medelvärde och spridning/ })).toBeVisible();
  // Every chart is an image with a text alternative, beside its table, with two downloads.
  const charts = page.locator('figure.chart');
  await expect(charts).toHaveCount(3);
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

  // The level chart's text alternative has the figures table's n and shares, dimension by dimension.
  const figures = page.getByRole('table', { name: /Medelvärde och spridning/ });
  const levels = await chartDescription(page, page.locator('figure.chart').filter({ has: page.getByAltText(/Staplar/) }));
  const levelHeaders = (await figures.getByRole('columnheader').allInnerTexts()).slice(-5).map((text) => text.trim());
  const figureRows = figures.locator('tbody tr');
  await expect(figureRows).toHaveCount(15);
  for (let row = 3; row < 15; row++) {
    const name = (await figureRows.nth(row).getByRole('rowheader').innerText()).trim();
    const cells = (await figureRows.nth(row).getByRole('cell').allInnerTexts()).map((text) => text.trim());
    const n = cells[0].replace(/\s/g, '');
    const shares = cells.slice(-5).map((share, at) => `nivå ${levelHeaders[at]} ${share}`).join('; ');
    expect(levels.replace(/\u00a0/g, ' ')).toContain(`${name} (n = ${n}): ${shares.replace(/\u00a0/g, ' ')}.`);
  }

  // The heat map's text alternative holds the table's numbers, row by row.
  const children = page.getByRole('table', { name: /Medelvärde per dimension för varje underliggande/ });
  const heatmap = await chartDescription(page, page.locator('figure.chart').filter({ has: page.getByAltText(/Värmekarta/) }));
  const dimensions = (await children.getByRole('columnheader').allInnerTexts()).slice(3).map((text) => text.replace('(sortera)', '').replace(/[▲▼]/g, '').trim());
  expect(dimensions).toHaveLength(12);
  for (const row of (await children.locator('tbody tr').all()).slice(0, 3)) {
    const name = (await row.getByRole('rowheader').innerText()).trim();
    const values = (await row.getByRole('cell').allInnerTexts()).slice(2).map((text) => text.trim());
    expect(heatmap).toContain(`${name}: ${dimensions.map((dimension, at) => `${dimension} ${values[at]}`).join('; ')}.`);
  }

  // Mouse: the city → Rinkeby-Kista (in 2023, before it merged into Järva): with script a
  // click on any cell of its row, without script its name.
  const rinkeby = children.getByRole('row', { name: /^Rinkeby-Kista stadsdelsförvaltning/ });
  await whenInteractive(page, info);
  if (info.project.name === 'js') {
    await rinkeby.getByRole('cell').nth(5).click();
  } else {
    await rinkeby.getByRole('link', { name: 'Rinkeby-Kista stadsdelsförvaltning' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Rinkeby-Kista stadsdelsförvaltning' })).toBeVisible();
  await whenInteractive(page, info);

  // Keyboard: Rinkeby-Kista → its first department → its first unit.
  for (let level = 0; level < 2; level++) {
    const table = page.getByRole('table', { name: /Medelvärde per dimension för varje underliggande/ });
    const link = table.locator('tbody').getByRole('link').first();
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

/** The text alternative generated into a chart's SVG (its `<desc>`). */
async function chartDescription(page: import('@playwright/test').Page, figure: import('@playwright/test').Locator) {
  const href = await figure.getByRole('link', { name: 'Ladda ned diagrammet som SVG' }).getAttribute('href');
  const svg = await (await page.request.get(href ?? '')).text();
  return (svg.match(/<desc>([\s\S]*?)<\/desc>/)?.[1] ?? '').replace(/&amp;/g, '&');
}

test("a unit's profile and trend: charts whose tables hold the same numbers", async ({ page }, info) => {
  await signIn(page, info, DEPUTY);
  await page.getByRole('link', { name: 'Resultat och jämförelser' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stockholms stad' })).toBeVisible();
  // Down the manager's own chain to the unit: the only links in each comparison.
  for (let level = 0; level < 3; level++) {
    const rows = page.getByRole('table', { name: /Medelvärde per dimension för varje underliggande/ }).locator('tbody');
    const link = rows.getByRole('link').first();
    const name = (await link.innerText()).trim();
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
  await whenInteractive(page, info);
  await expect(page.getByRole('heading', { level: 2, name: 'Enhetens profil' })).toBeVisible();
  const profile = page.getByRole('table', { name: /Enhetens poäng jämfört med förvaltningen/ });
  await expect(profile.getByRole('columnheader', { name: 'Förra omgången (Självskattning 2020)' })).toBeVisible();
  const unit = (await page.getByRole('heading', { level: 1 }).innerText()).trim();

  // The radar's text alternative has every number of the table's "Enheten" column.
  const radar = chartDescription(page, page.locator('figure.chart').filter({ has: page.getByAltText(/Spindeldiagram/) }));
  const description = await radar;
  expect(description).toContain(unit);
  const rows = profile.locator('tbody tr');
  await expect(rows).toHaveCount(15);
  for (let row = 3; row < 15; row++) {
    const name = (await rows.nth(row).getByRole('rowheader').innerText()).trim();
    const value = (await rows.nth(row).getByRole('cell').first().innerText()).trim();
    expect(description).toContain(`${name} ${value}`);
  }

  // The trend: 2020 and 2023, the index's numbers the same in the table and the chart.
  const trend = page.getByRole('table', { name: /Medelvärde per omgång/ });
  await expect(trend.getByRole('columnheader')).toHaveText(['Dimension', 'Självskattning 2020', 'Självskattning 2023']);
  const index = trend.getByRole('row', { name: /^Index/ });
  const [first, second] = (await index.getByRole('cell').allInnerTexts()).map((text) => text.trim());
  const trendDescription = await chartDescription(page, page.locator('figure.chart').filter({ has: page.getByAltText(/Linjediagram/) }));
  expect(trendDescription).toContain(`Index: Självskattning 2020 ${first}; Självskattning 2023 ${second}.`);
  await expectAccessible(page, "a unit's profile");
  await signOut(page);
});

test('the comparison keeps one type of organisation and sorts by a column, by keyboard', async ({ page }, info) => {
  await signIn(page, info, QUALITY);
  await page.goto('/resultat');
  await whenInteractive(page, info);
  await page.getByLabel('Typ av organisation').selectOption({ label: 'Bolag' });
  await page.getByRole('button', { name: 'Visa' }).click();
  const table = page.getByRole('table', { name: /Medelvärde per dimension för varje underliggande/ });
  await expect(table.getByRole('link', { name: 'Stokab AB' })).toBeVisible();
  await expect(table.getByRole('link', { name: /stadsdelsförvaltning/ })).toHaveCount(0);
  await whenInteractive(page, info);

  const sortByIndex = table.getByRole('columnheader', { name: /^Index/ }).getByRole('link');
  await sortByIndex.focus();
  await page.keyboard.press('Enter');
  await expect(table.getByRole('columnheader', { name: /^Index/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByLabel('Typ av organisation')).toHaveValue('bolag');
  const indexes = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => Number((row.querySelectorAll('td')[1]?.textContent ?? '').replace(',', '.'))),
  );
  expect(indexes.length).toBeGreaterThan(5);
  expect(indexes.filter((value) => !Number.isNaN(value))).toEqual([...indexes].filter((value) => !Number.isNaN(value)).sort((a, b) => b - a));
  await expectAccessible(page, 'a sorted, filtered comparison');
  await signOut(page);
});
