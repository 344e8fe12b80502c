/**
 * "Plain" display (ACCESSIBILITY.md): the board without colour fills still tells every
 * card's group in words, with an icon and a border; the choice survives a reload.
 */
import { createWorkshop, expect, expectNoAxeViolations, test } from './fixtures';

test('plain display drops the fills, keeps the words and edges, and is remembered', async ({
  newActor,
}) => {
  const fran = await newActor('Fran');
  const board = await createWorkshop(fran.page);
  const { page } = fran;
  const id = await board.addCard('Joint priorities');
  await board.typeAtEnd(id, 'Letters in plain English');
  const card = board.card(id);
  const fill = () => card.evaluate((el) => getComputedStyle(el).backgroundColor);
  const coloured = await fill();
  expect(coloured).not.toBe('rgb(255, 255, 255)');

  await page.getByText('How colours work').click();
  const toggle = page.getByRole('checkbox', { name: /Plain display/ });
  await toggle.check();
  await expect.poll(fill).toBe('rgb(255, 255, 255)');
  await expect(card.getByText('Staff', { exact: true })).toBeVisible();
  const edge = await card.evaluate((el) => getComputedStyle(el).borderTopStyle);
  expect(edge).toBe('solid');
  await expectNoAxeViolations(page, 'board in plain display');

  await page.reload();
  await board.ready();
  await expect.poll(fill).toBe('rgb(255, 255, 255)');
});
