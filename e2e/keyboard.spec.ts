/**
 * Keyboard only (no mouse): add a card, type in it, and move it to another section with
 * "Move to". Every step reaches its control with Tab, as a keyboard user would.
 */
import type { Locator, Page } from '@playwright/test';
import { createWorkshop, expect, test } from './fixtures';

/** Presses Tab until `target` has focus; fails if it takes more than `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target} with Tab in ${max} presses`);
}

test('add a card, type in it and move it, with the keyboard alone', async ({ newActor }) => {
  const fran = await newActor('Fran');
  const board = await createWorkshop(fran.page);
  const { page } = fran;
  // Start from the top of the page, as someone arriving would.
  await page.locator('body').focus();

  await tabTo(page, board.addCardButton('Context'));
  await page.keyboard.press('Enter');
  await expect(board.cards('Context')).toHaveCount(1);
  const card = board.cards('Context').first();
  await expect(board.cardText(card)).toBeFocused();
  await page.keyboard.type('A named person to call before the first visit', { delay: 10 });
  await expect(board.cardText(card)).toHaveValue('A named person to call before the first visit');
  const id = await card.getAttribute('data-card-id');

  // "Move to" lists the other sections; Decisions is two steps down from Joint priorities.
  const moveTo = card.getByLabel('Move to');
  await tabTo(page, moveTo);
  await expect(moveTo).toHaveValue('priorities');
  await page.keyboard.press('ArrowDown');
  await expect(moveTo).toHaveValue('decisions');
  await tabTo(page, card.getByRole('button', { name: 'Move', exact: true }));
  await page.keyboard.press('Space');

  await expect(board.cards('Context')).toHaveCount(0);
  const moved = board.cards('Decisions');
  await expect(moved).toHaveCount(1);
  await expect(moved.first()).toHaveAttribute('data-card-id', id!);
  await expect(board.cardText(moved.first())).toHaveValue(
    'A named person to call before the first visit',
  );
  // Focus follows the card, so the keyboard user is not thrown back to the top.
  const focusedCard = await page.evaluate(
    () => document.activeElement?.closest('li[data-card-id]')?.getAttribute('data-card-id') ?? null,
  );
  expect(focusedCard).toBe(id);
});
