/**
 * Dot voting (issue 4). A pink and a blue participant vote on phone-sized screens, each in
 * their own browser; the facilitator opens the round with a closing date days away and
 * later closes it; both groups' bars, the balanced ranking (with a tie) and the table
 * appear. axe checks the vote page in every state, and the blue vote is cast by keyboard.
 */
import type { Locator, Page } from '@playwright/test';
import { createWorkshop, expect, expectNoAxeViolations, joinWorkshop, test } from './fixtures';
import type { BoardPage } from './pages/BoardPage';
import { daysAhead, VoteControls } from './pages/VoteControls';
import { VotePage } from './pages/VotePage';

const PHONE = { width: 375, height: 740 };
const A = 'A named person to call before the first visit';
const B = 'Quiet waiting room with clear signs';
const C = 'Parking close to the door';

/** Presses Tab until `target` has focus; fails if it takes more than `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target} with Tab in ${max} presses`);
}

async function addCards(board: BoardPage, texts: string[]): Promise<void> {
  for (const text of texts) {
    await board.addCard('Joint priorities');
    await board.page.keyboard.type(text, { delay: 5 });
  }
  await expect(board.page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
}

test('pink and blue vote on phones; closing shows both groups and a tied ranking', async ({
  newActor,
}) => {
  test.setTimeout(180_000);
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page);
  await addCards(franBoard, [A, B, C]);
  const peopleLink = await franBoard.inviteUrl('people');
  const staffLink = await franBoard.inviteUrl('system');
  const observerLink = await franBoard.inviteUrl('observer');

  const pink = await newActor('Pat');
  const blue = await newActor('Sam');
  for (const actor of [pink, blue]) await actor.page.setViewportSize(PHONE);
  await joinWorkshop(pink, peopleLink);
  await joinWorkshop(blue, staffLink);
  const pinkVote = new VotePage(pink.page);
  const blueVote = new VotePage(blue.page);

  await test.step('no round open yet', async () => {
    await pinkVote.open();
    await expect(pinkVote.noRound()).toBeVisible();
    await expectNoAxeViolations(pink.page, 'the vote page with no round open');
  });

  const controls = new VoteControls(fran.page);
  await test.step('the facilitator opens a round closing in three days', async () => {
    await controls.openRound({ deadline: daysAhead(3) });
    await expect(controls.openRoundBox()).toContainText('Voting is open on Joint priorities.');
    await expectNoAxeViolations(fran.page, 'the facilitator panel with a vote open');
    await expect(controls.openRoundBox()).toContainText(
      /It closes on \w+day \d+ \w+ \d{4} at 5:00/,
    );
  });

  await test.step('pink sees the round, the date in words and the privacy warning first', async () => {
    await expect(pinkVote.dotsLeft()).toHaveText('You have 5 of 5 dots left.');
    await expect(pink.page.getByTestId('round-status')).toContainText(
      /Voting is open until \w+day/,
    );
    await expect(
      pink.page.getByRole('heading', { name: 'Which joint priorities matter most to you?' }),
    ).toBeVisible();
    // Only one person with lived experience: the warning comes before any vote.
    await expect(pinkVote.smallGroupWarning()).toContainText(
      'others may be able to work out how each of them voted',
    );
    for (const text of [A, B, C]) {
      const box = await pinkVote.addButton(text).boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(44);
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
  });

  await test.step('pink votes by tapping, up to the per-card cap and the budget', async () => {
    await pinkVote.addDot(A);
    await expect(pinkVote.announcer()).toHaveText(
      `Your dot on “${A}” was counted. You have 4 dots left.`,
    );
    await expect(pinkVote.dotsLeft()).toHaveText('You have 4 of 5 dots left.');
    await expectNoAxeViolations(pink.page, 'the vote page, open with dots left');
    await pinkVote.addDot(A);
    await pinkVote.addDot(A);
    await expect(pinkVote.addButton(A)).toHaveAttribute('aria-disabled', 'true');
    await pinkVote.addButton(A).click({ force: true }); // Playwright waits on aria-disabled; a person can still tap it
    await expect(pinkVote.announcer()).toHaveText(
      'That card already has as many of your dots as it can take.',
    );
    await pinkVote.addDot(B);
    await pinkVote.addDot(B);
    await expect(pinkVote.dotsLeft()).toHaveText('You have used all 5 dots.');
    await expect(pinkVote.addButton(C)).toHaveAttribute('aria-disabled', 'true');
    await pinkVote.addButton(C).click({ force: true });
    await expect(pinkVote.announcer()).toHaveText(
      'You have used all your dots. Take a dot off another card first.',
    );
    await expectNoAxeViolations(pink.page, 'the vote page at the budget limit');
  });

  await test.step('while results are hidden, the facilitator sees only turnout', async () => {
    await expect(controls.turnout()).toContainText('1 of 1 person voted.');
  });

  await test.step('blue reaches the vote from the board banner and votes by keyboard alone', async () => {
    const banner = blue.page.getByTestId('voting-banner');
    await expect(banner).toContainText('Voting is open');
    await expectNoAxeViolations(blue.page, 'the board with the voting banner (phone)');
    await banner.getByRole('link', { name: 'Go to the vote' }).click();
    await blueVote.loaded();
    await blue.page.locator('body').focus();
    const presses: [string, 'Enter' | 'Space'][] = [
      [A, 'Enter'],
      [A, 'Space'],
      [B, 'Enter'],
      [B, 'Space'],
      [B, 'Enter'],
    ];
    let left = 5;
    for (const [text, key] of presses) {
      await tabTo(blue.page, blueVote.addButton(text));
      await blue.page.keyboard.press(key);
      left -= 1;
      await expect(blueVote.announcer()).toContainText(
        `You have ${left === 0 ? 'no dots' : `${left} dot${left === 1 ? '' : 's'}`} left.`,
      );
    }
    await expect(blueVote.card(A)).toHaveAttribute('data-dots', '2');
    await expect(blueVote.card(B)).toHaveAttribute('data-dots', '3');
  });

  await test.step('the facilitator closes the round; everyone sees the results', async () => {
    await controls.closeRound();
    for (const vote of [pinkVote, blueVote]) {
      await expect(vote.results()).toBeVisible();
      await expect(vote.page.getByTestId('round-status')).toHaveText('Voting has closed.');
      const ranked = vote.rankedList().getByRole('listitem');
      await expect(ranked).toHaveCount(3);
      await expect(ranked.nth(0)).toContainText('Tied 1st');
      await expect(ranked.nth(1)).toContainText('Tied 1st');
      await expect(ranked.nth(2)).toContainText(`3rd: ${C}`);
      // A: 60% of people's dots and 40% of staff's, 20 points apart (past the default 15).
      await expect(vote.rankedList()).toContainText(
        'Seen differently: people with lived experience gave it 60% of their dots, staff gave it 40%.',
      );
      const top = vote.chart().getByRole('listitem').filter({ hasText: A });
      await expect(top.locator('[data-group="people"]')).toContainText(
        'Lived experience: 60% of their dots (3 dots)',
      );
      await expect(top.locator('[data-group="system"]')).toContainText(
        'Staff: 40% of their dots (2 dots)',
      );
      // On a phone the table's rows are stacked, one small list per card.
      await expect(vote.table()).toBeHidden();
      const stacked = vote.stack().getByRole('listitem').filter({ hasText: A });
      await expect(stacked).toContainText('Lived experience dots (share)3 (60%)');
      await expect(vote.page.getByTestId('turnout')).toContainText('1 of 1 person voted.');
    }
    await expect(pinkVote.addButton(A)).toHaveCount(0);
    await expectNoAxeViolations(pink.page, 'the vote page, closed with results');
  });

  await test.step('the round is in the facilitator’s history, with its results', async () => {
    await controls.root.getByText('See the results', { exact: true }).click();
    await expect(controls.root.getByTestId('ranked-list')).toContainText('Tied 1st');
    await expectNoAxeViolations(fran.page, 'the facilitator panel with past results');
  });

  await test.step('an observer sees the cards and results but cannot vote', async () => {
    const olive = await newActor('Olive');
    await olive.page.setViewportSize(PHONE);
    await joinWorkshop(olive, observerLink);
    const oliveVote = new VotePage(olive.page);
    await oliveVote.open();
    await expect(
      olive.page.getByText('You are an observer. You can see the cards, but you cannot vote.'),
    ).toBeVisible();
    await expect(oliveVote.card(A)).toBeVisible();
    await expect(olive.page.getByRole('button', { name: /Add a dot/ })).toHaveCount(0);
    await expectNoAxeViolations(olive.page, 'the vote page for an observer');
  });
});

test('the vote page explains a missing session and an unknown workshop', async ({ newActor }) => {
  const fran = await newActor('Fran');
  await createWorkshop(fran.page);
  const id = /\/w\/([^/?#]+)/.exec(fran.page.url())![1];
  const stranger = await newActor('Stranger');
  await stranger.page.goto(`/w/${id}/vote`);
  await expect(
    stranger.page.getByRole('heading', { name: 'You need an invite link to vote' }),
  ).toBeVisible();
  const missing = await stranger.page.goto('/w/no-such-workshop/vote');
  expect(missing?.status()).toBe(404);
  await expect(
    stranger.page.getByRole('heading', { name: 'We could not find this vote' }),
  ).toBeVisible();
});
