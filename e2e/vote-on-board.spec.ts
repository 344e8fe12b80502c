/**
 * Voting on the board itself (issue 4: "on the board or on /w/<id>/vote"): a participant
 * opens "Vote here on the board", places dots with clicks, hears each one confirmed in the
 * board's live region, and sees the result once the facilitator closes the round.
 */
import { createWorkshop, expect, expectNoAxeViolations, joinWorkshop, test } from './fixtures';
import { VoteControls } from './pages/VoteControls';
import { VotePage } from './pages/VotePage';

const A = 'Letters in plain English';
const B = 'Shorter waits on the phone';

test('a participant votes on the board and sees the result when voting closes', async ({
  newActor,
}) => {
  test.setTimeout(120_000);
  const fran = await newActor('Fran');
  const board = await createWorkshop(fran.page);
  for (const text of [A, B]) {
    const id = await board.addCard('Joint priorities');
    await board.typeAtEnd(id, text);
  }
  await expect(fran.page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const pat = await newActor('Pat');
  const patBoard = await joinWorkshop(pat, await board.inviteUrl('people'));
  const controls = new VoteControls(fran.page);
  await controls.openRound();

  const { page } = pat;
  await page.getByText('Vote here on the board').click();
  const vote = new VotePage(page);
  await vote.addDot(B);
  await expect(page.getByTestId('board-announcer')).toHaveText(
    `Your dot on “${B}” was counted. You have 4 dots left.`,
  );
  await vote.addDot(B);
  await expect(vote.dotsLeft()).toHaveText('You have 3 of 5 dots left.');
  await expectNoAxeViolations(page, 'the board with voting open on it');

  await controls.closeRound();
  await expect(patBoard.page.getByTestId('voting-banner')).toContainText('Voting has closed');
  await page.getByRole('link', { name: /See the results/ }).click();
  await expect(vote.rankedList()).toContainText(B);
  await expect(vote.table()).toBeVisible();
});
