/**
 * Keyboard only (no mouse): reach any section's "Add a card" in at most 5 Tabs from the top
 * of the board (issue 13), add a card and type in it, then use its "Card actions" menu
 * button as the WAI-ARIA pattern says (Enter/Space/ArrowDown open, arrows and Home/End
 * move, Escape closes and returns focus) to move it to another section.
 */
import type { Locator, Page } from '@playwright/test';
import { createWorkshop, expect, expectNoAxeViolations, joinWorkshop, test } from './fixtures';
import type { SectionTitle } from './pages/BoardPage';

/** Presses Tab until `target` has focus; returns how many presses it took (fails past `max`). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<number> {
  for (let i = 0; i <= max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return i;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target} with Tab in ${max} presses`);
}

/** Puts the keyboard at the top of the board, as "Skip to main content" does. */
async function fromTopOfBoard(page: Page): Promise<void> {
  await page.locator('#main').focus();
}

const TITLES: SectionTitle[] = ['Context', 'Joint priorities', 'Decisions', 'Quality indicators'];

test('every section’s “Add a card” is at most 5 Tabs from the top of the board, on a phone', async ({
  newActor,
}) => {
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page);
  const link = await franBoard.inviteUrl('people');
  const pat = await newActor('Pat');
  await pat.page.setViewportSize({ width: 390, height: 844 });
  const board = await joinWorkshop(pat, link);
  // A board with cards in every section, so the cards are in the way if the path is wrong.
  for (const title of TITLES) {
    for (let i = 0; i < 3; i++) {
      await board.addCard(title);
      await pat.page.keyboard.type(`${title} ${i}`);
    }
  }
  for (const title of TITLES) {
    await fromTopOfBoard(pat.page);
    let tabs = await tabTo(pat.page, board.jumpLink(title), 5);
    await pat.page.keyboard.press('Enter');
    await expect(board.sectionToggle(title)).toBeFocused();
    tabs += await tabTo(pat.page, board.addCardButton(title), 5);
    expect(tabs, `Tabs to "Add a card" in ${title}`).toBeLessThanOrEqual(5);
  }
  // A collapsed section opens when its "Go to" link is followed.
  await board.sectionToggle('Decisions').click();
  await expect(board.sectionToggle('Decisions')).toHaveAttribute('aria-expanded', 'false');
  await expect(board.cards('Decisions').first()).toBeHidden();
  await expectNoAxeViolations(pat.page, 'a phone board with a collapsed section');
  await fromTopOfBoard(pat.page);
  await tabTo(pat.page, board.jumpLink('Decisions'), 5);
  await pat.page.keyboard.press('Enter');
  await expect(board.sectionToggle('Decisions')).toHaveAttribute('aria-expanded', 'true');
  await expect(board.cards('Decisions').first()).toBeVisible();
});

test('add a card, type in it and move it with the Card actions menu, with the keyboard alone', async ({
  newActor,
}) => {
  const fran = await newActor('Fran');
  const board = await createWorkshop(fran.page);
  const { page } = fran;
  // A new workshop shows the facilitator's invite links first, then the jump list.
  await fromTopOfBoard(page);
  await tabTo(page, board.jumpLink('Context'), 40);
  await page.keyboard.press('Enter');
  await tabTo(page, board.addCardButton('Context'), 2);
  await page.keyboard.press('Enter');
  await expect(board.cards('Context')).toHaveCount(1);
  const card = board.cards('Context').first();
  await expect(board.cardText(card)).toBeFocused();
  await page.keyboard.type('A named person to call before the first visit', { delay: 10 });
  const id = await card.getAttribute('data-card-id');

  // After the text come "We agree" and then the menu button.
  const actions = board.actionsButton(card);
  await page.keyboard.press('Tab');
  await expect(board.agreeButton(card)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(actions).toBeFocused();
  await expect(actions).toHaveAttribute('aria-haspopup', 'menu');
  await expect(actions).toHaveAttribute('aria-expanded', 'false');

  // Enter opens on the first item; arrows wrap; End and Home jump; Escape returns focus.
  await page.keyboard.press('Enter');
  const menu = card.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(actions).toHaveAttribute('aria-expanded', 'true');
  const item = (name: string) => menu.getByRole('menuitem', { name, exact: true });
  await expect(item('Move up')).toBeFocused();
  await expect(item('Move up')).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(item('Delete card')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(item('Move up')).toBeFocused();
  await page.keyboard.press('End');
  await expect(item('Delete card')).toBeFocused();
  await expectNoAxeViolations(page, 'a board with an open Card actions menu');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(actions).toBeFocused();

  // Tab closes the menu and moves on from the button, as anywhere else on the page.
  await page.keyboard.press('Enter');
  await expect(item('Move up')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(menu).toHaveCount(0);
  await expect(board.sectionToggle('Joint priorities')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(actions).toBeFocused();

  // ArrowDown opens it too; Space opens it as well.
  await page.keyboard.press('Space');
  await expect(item('Move up')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowDown');
  await expect(item('Move up')).toBeFocused();
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
  // A card moves only among card sections (I67): no "Move to Decisions".
  await expect(item('Move to Joint priorities')).toBeFocused();
  await expect(item('Move to Decisions')).toHaveCount(0);
  await page.keyboard.press('Enter');

  await expect(board.cards('Context')).toHaveCount(0);
  const moved = board.cards('Joint priorities');
  await expect(moved).toHaveCount(1);
  await expect(moved.first()).toHaveAttribute('data-card-id', id!);
  await expect(board.cardText(moved.first())).toHaveValue(
    'A named person to call before the first visit',
  );
  // Focus follows the card to its new place, on its menu button.
  await expect(board.actionsButton(moved.first())).toBeFocused();

  // "Delete card" is the last item; it asks first, with focus on "No, keep it".
  await page.keyboard.press('ArrowUp');
  await expect(moved.first().getByRole('menuitem', { name: 'Delete card' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(moved.first().getByRole('button', { name: 'No, keep it' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(moved.first().getByRole('button', { name: 'Yes, delete it' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(board.cards('Joint priorities')).toHaveCount(0);
  // Undo takes focus; dismissed, it hands focus to the section's "Add a card", not the page.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(board.addCardButton('Joint priorities')).toBeFocused();
});
