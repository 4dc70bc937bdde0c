import { expect, test, type Page } from '@playwright/test';
import { QUALITY, expectAccessible, signIn, signOut, whenInteractive } from './support';

/** From the start page to the city's presentation of the published 2023 round. */
async function openCityDeck(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Resultat och jämförelser' }).click();
  await page.getByLabel('Omgång', { exact: true }).selectOption({ label: 'Självskattning 2023' });
  await page.getByRole('button', { name: 'Visa' }).click();
  await page.getByRole('link', { name: 'Presentation för nämnden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Presentation – Stockholms stad' })).toBeVisible();
}

/** The presenter hides the levels slide and comments the index slide (the same in both projects). */
async function prepare(page: Page, comment: string): Promise<void> {
  await page.getByRole('link', { name: 'Förbered presentationen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Förbered presentationen' })).toBeVisible();
  await expectAccessible(page, 'preparing a presentation');
  const levels = page.getByRole('group', { name: 'Mognadsnivåer per dimension' });
  await levels.getByLabel('Dölj bilden').check();
  const index = page.getByRole('group', { name: 'Index jämfört med staden och förra omgången' });
  await index.getByLabel('Kommentar på bilden').fill(comment);
  await index.getByLabel('Anteckningar (visas bara för dig)').fill('Tacka enheterna för svaren.');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText('Presentationen är sparad.')).toBeVisible();
}

test('a presentation for the board: prepared, shown by keyboard, printed one slide a page', async ({ page }, info) => {
  await signIn(page, info, QUALITY);
  await openCityDeck(page);
  const comment = `Kommentar från ${info.project.name}: staden går framåt.`;
  await prepare(page, comment);
  if (info.project.name === 'js') {
    await page.getByRole('link', { name: 'Visa presentationen' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Presentation – Stockholms stad' })).toBeVisible();
  await whenInteractive(page, info);
  const slides = page.locator('section.slide');
  await expect(slides).toHaveCount(9);
  await expect(page.getByRole('heading', { level: 2, name: 'Mognadsnivåer per dimension' })).toHaveCount(0);

  if (info.project.name === 'js') {
    // One slide at a time, by keyboard.
    const heading = (name: string) => page.getByRole('heading', { level: 2, name, exact: true });
    await expect(heading('Självskattning av kvalitetsarbetet')).toBeVisible();
    await expect(heading('Svarsfrekvens')).toBeHidden();
    await page.keyboard.press('ArrowRight');
    await expect(heading('Svarsfrekvens')).toBeVisible();
    await expect(heading('Självskattning av kvalitetsarbetet')).toBeHidden();
    await page.keyboard.press(' ');
    await expect(heading('Index jämfört med staden och förra omgången')).toBeVisible();
    await expect(page.getByText(comment)).toBeVisible();
    await expect(page.getByText('Tacka enheterna för svaren.')).toBeHidden();
    await page.keyboard.press('n');
    await expect(page.getByText('Tacka enheterna för svaren.')).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(heading('Svarsfrekvens')).toBeVisible();
    await page.keyboard.press('End');
    await expect(heading('Sammanfattning')).toBeVisible();
    await expect(page.getByText('Bild 9 av 9: Sammanfattning')).toBeVisible();
    await page.keyboard.press('Home');
    await expect(heading('Självskattning av kvalitetsarbetet')).toBeVisible();
    // The overview: every slide, a link each; Esc closes it.
    await page.keyboard.press('o');
    const overview = page.getByRole('navigation', { name: 'Alla bilder' });
    await expect(overview).toBeVisible();
    await expect(overview.getByRole('link')).toHaveCount(9);
    await page.keyboard.press('Escape');
    await expect(overview).toBeHidden();
    await page.getByRole('button', { name: 'Nästa' }).click();
    await expect(heading('Svarsfrekvens')).toBeVisible();
    await expectAccessible(page, 'a presentation, one slide at a time');
  } else {
    // Without script: every slide on the page, one after the other, with a list to reach them.
    for (const slide of await slides.all()) {
      await expect(slide).toBeVisible();
    }
    await expect(page.getByRole('navigation', { name: 'Alla bilder' }).getByRole('link')).toHaveCount(9);
    await expect(page.getByText(comment)).toBeVisible();
    await expectAccessible(page, 'a presentation as a page');
  }

  // Printed to PDF: one landscape page per visible slide.
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
  expect(pages.length).toBe(9);
  const box = pdf.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  expect(box, 'a page size in the PDF').not.toBeNull();
  expect(Number(box?.[1])).toBeGreaterThan(Number(box?.[2]));
  await signOut(page);
});
