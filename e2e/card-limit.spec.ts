/**
 * The card rate limit as a person meets it (ARCHITECTURE I21): past `CARDS_PER_MINUTE` (60)
 * new cards, the board stops taking edits and says in plain words why and what to do; a
 * reload shows the board as saved, without the refused card.
 */
import { createWorkshop, expect, expectNoAxeViolations, test } from './fixtures';

test('past the per-minute card limit, the board explains itself and a reload carries on', async ({
  newActor,
}) => {
  test.setTimeout(180_000);
  const fran = await newActor('Fran');
  const board = await createWorkshop(fran.page);
  const { page } = fran;
  const ended = page.getByTestId('board-ended');
  const add = board.addCardButton('Context');
  let made = 0;
  while (made < 70 && (await add.isVisible())) {
    await add.click();
    made++;
    await expect(board.cards()).toHaveCount(made);
  }
  await expect(ended).toContainText('You can no longer change this board.');
  await expect(ended).toContainText('You added many cards quickly');
  await expect(ended).toContainText('reload the page');
  await expect(add).toHaveCount(0); // no control invites an edit that would be lost
  await expectNoAxeViolations(page, 'board after the card limit');

  await page.reload();
  await board.ready();
  await expect(board.cards()).toHaveCount(60); // the 61st was never saved
  await expect(ended).not.toContainText('You added many cards quickly');
});
