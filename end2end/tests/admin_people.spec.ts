import { expect, test } from '@playwright/test';
import { QUALITY, expectAccessible, signIn, signOut, whenInteractive } from './support';

// A head of administration in the demo: the role given and taken here is theirs for the
// length of the test only (the projects run one after the other).
const PERSON = 'Ahmed Hassan';
const EMAIL = 'forvaltningschef@mognad.test';

test('the quality department finds a person, gives a unit-manager role found in the tree, and takes it away', async ({
  page,
}, info) => {
  await signIn(page, info, QUALITY);
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Personer och roller' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personer och roller' })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'people');

  // Find the person by e-mail address (the demo's generated managers share names with them).
  await page.getByRole('searchbox', { name: 'Namn eller e-postadress' }).fill(EMAIL);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=forvaltningschef/);
  const found = page.getByRole('table', { name: /^Personer/ });
  await expect(found.getByRole('row')).toHaveCount(2);
  await expectAccessible(page, 'people found');
  await found.getByRole('link', { name: PERSON, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: PERSON })).toBeVisible();
  await whenInteractive(page, info);
  await expectAccessible(page, 'a person');

  // Find a unit in the tree by name, and give the role there.
  await page.getByRole('searchbox', { name: 'Organisationens namn' }).fill('Dagverksamheten');
  await page.getByRole('button', { name: 'Sök organisation' }).click();
  const choice = page.getByRole('radio').first();
  await expect(choice).toBeVisible();
  const unit = /radio "([^"]+)"/.exec(await choice.ariaSnapshot())?.[1] ?? '';
  expect(unit).toMatch(/^Dagverksamheten /);
  await expectAccessible(page, 'organisations to give a role on');
  await whenInteractive(page, info);
  await choice.check();
  await page.getByRole('combobox', { name: 'Roll' }).selectOption({ label: 'Enhetschef' });
  await page.getByRole('button', { name: 'Ge rollen' }).click();
  await expect(page.getByText('Rollen är given.')).toBeVisible();
  const held = page.getByRole('table', { name: `Roller för ${PERSON}` }).getByRole('row').filter({ hasText: unit });
  await expect(held.getByRole('cell', { name: 'Enhetschef', exact: true })).toBeVisible();
  await expectAccessible(page, 'a person with a role given');

  // Who can see the unit: the new unit manager, and the quality department above it.
  await held.getByRole('link', { name: unit }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Vem kan se ${unit}?` })).toBeVisible();
  const holders = page.getByRole('table', { name: /^Personer med en roll som täcker/ });
  // (A head of Järva also sees a unit there through that role, on a row of its own.)
  await expect(holders.getByRole('row').filter({ hasText: PERSON }).filter({ hasText: 'Enhetschef' })).toContainText('Här');
  await expect(holders.getByRole('row').filter({ hasText: 'Eva Lindqvist' })).toContainText('(ärvd)');
  await expectAccessible(page, 'who can see a unit');

  // Back on the person's page, take the role away again.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: PERSON })).toBeVisible();
  await whenInteractive(page, info);
  const again = page.getByRole('table', { name: `Roller för ${PERSON}` }).getByRole('row').filter({ hasText: unit });
  await again.getByRole('button', { name: /^Ta bort/ }).click();
  await expect(page.getByText('Rollen är borttagen.')).toBeVisible();
  await expect(page.getByRole('table', { name: `Roller för ${PERSON}` }).getByRole('row').filter({ hasText: unit })).toHaveCount(0);
  await expectAccessible(page, 'a person with the role taken away');
  await signOut(page);
});
