/**
 * Voting results stay right and reachable (issue 13). Each person in their own browser:
 * every round stays listed newest first on the vote page and the board, a round nobody
 * voted in says so, your own dots show after closing and reloading, and the results read
 * at 320 px; a card added during a vote says it is not part of it until the facilitator
 * adds it (everyone told), the wording from opening is shown with the current one on
 * request, and the results can be shown beside each card on the board. axe in every state.
 */
import { createWorkshop, expect, expectNoAxeViolations, joinWorkshop, test } from './fixtures';
import type { BoardPage } from './pages/BoardPage';
import { VoteControls } from './pages/VoteControls';
import { VotePage } from './pages/VotePage';

const A = 'Letters in plain English';
const B = 'Shorter waits on the phone';
const C = 'A named contact person';

async function addCards(board: BoardPage, texts: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const text of texts) {
    ids.push(await board.addCard('Joint priorities'));
    await board.page.keyboard.type(text, { delay: 5 });
  }
  await expect(board.page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  return ids;
}

test('every round stays reachable, an empty round says so, and results read at 320 px', async ({
  newActor,
}) => {
  test.setTimeout(180_000);
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page);
  await addCards(franBoard, [A, B]);
  const pat = await newActor('Pat');
  await pat.page.setViewportSize({ width: 320, height: 640 });
  const patBoard = await joinWorkshop(pat, await franBoard.inviteUrl('people'));
  const vote = new VotePage(pat.page);
  const controls = new VoteControls(fran.page);

  await test.step('a first round with votes, then a second nobody votes in', async () => {
    await controls.openRound();
    await vote.open();
    await vote.addDot(A);
    await vote.addDot(A);
    await controls.closeRound();
    await controls.openRound();
    await controls.closeRound();
  });

  await test.step('after a reload the newest round says nobody voted, and lists every round', async () => {
    await pat.page.reload();
    await vote.loaded();
    await expect(pat.page.getByTestId('no-votes')).toHaveText(
      'Nobody voted in this round, so there is no ranking and no card came first.',
    );
    await expect(vote.rankedList()).toHaveCount(0);
    const links = vote.roundsList().getByRole('link');
    await expect(links).toHaveText(['Vote 2 on Joint priorities', 'Vote 1 on Joint priorities']);
    await expect(links.first()).toHaveAttribute('aria-current', 'true');
    await expectNoAxeViolations(pat.page, 'the vote page, an empty round and the rounds list');
  });

  await test.step('the first round’s results and your own dots are still there', async () => {
    await vote.roundsList().getByRole('link', { name: 'Vote 1 on Joint priorities' }).click();
    await expect(vote.rankedList().getByRole('listitem').first()).toContainText(`1st: ${A}`);
    await expect(vote.card(A).getByTestId('card-dots')).toHaveText('Your dots: 2');
    await expect(vote.card(B).getByTestId('card-dots')).toHaveText('Your dots: 0');
    await expect(pat.page.getByTestId('turnout')).toContainText('1 of 1 person voted.');
    // 320 px: the results are stacked per card, nothing runs off the side.
    await expect(vote.table()).toBeHidden();
    await expect(vote.stack().getByRole('listitem').filter({ hasText: A })).toContainText(
      'Staff dots (share)0 (0%)',
    );
    const overflow = await pat.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(pat.page.getByText(/^The balanced score is the average/)).toBeVisible();
    await expectNoAxeViolations(pat.page, 'the vote page at 320 px, an earlier round’s results');
  });

  await test.step('the board lists every round too, each linking to its results', async () => {
    // The board's own card controls are being redesigned for phones (issue 13's compact
    // card); at 320 px today's move buttons crowd each other, so check the board at 390 px.
    await pat.page.setViewportSize({ width: 390, height: 844 });
    await patBoard.page.goto(pat.page.url().replace(/\/vote.*$/, ''));
    await patBoard.ready();
    const banner = pat.page.getByTestId('voting-banner');
    await expect(banner.getByTestId('rounds-list').getByRole('link')).toHaveCount(2);
    await expectNoAxeViolations(pat.page, 'the board on a phone with the rounds list');
    await banner.getByRole('link', { name: 'Vote 1 on Joint priorities' }).click();
    await vote.loaded();
    await expect(vote.rankedList()).toContainText(A);
  });
});

test('late cards, wording from opening, and results beside each card on the board', async ({
  newActor,
}) => {
  test.setTimeout(180_000);
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page);
  const [a] = await addCards(franBoard, [A, B]);
  const pat = await newActor('Pat');
  const patBoard = await joinWorkshop(pat, await franBoard.inviteUrl('people'));
  const controls = new VoteControls(fran.page);
  await expectNoAxeViolations(fran.page, 'the facilitator’s open-a-vote form with its threshold');
  await controls.openRound({ divergence: 20 });
  await expect(controls.openRoundBox()).toContainText(
    'Cards are marked “Seen differently” when the groups’ shares differ by 20 points or more.',
  );

  const lateId =
    await test.step('a card added during the vote says it is not part of it', async () => {
      const id = (await addCards(franBoard, [C]))[0] ?? '';
      for (const board of [franBoard, patBoard]) {
        await expect(board.card(id).getByTestId('card-vote')).toContainText(
          'This card is not part of the vote that is open.',
        );
      }
      await expect(
        patBoard.card(id).getByRole('button', { name: 'Add this card to the vote' }),
      ).toHaveCount(0);
      await expectNoAxeViolations(fran.page, 'the board with a card outside the open vote');
      return id;
    });

  const vote = new VotePage(pat.page);
  await test.step('the vote shows the wording from opening; the current one on request', async () => {
    await franBoard.typeAtEnd(a ?? '', ', every time');
    await expect(fran.page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    await vote.open();
    await expect(pat.page.getByTestId('wording-note')).toContainText(
      'The cards are shown as they were worded when voting opened',
    );
    await pat.page.getByRole('button', { name: 'See the current wording' }).click();
    await expect(vote.card(A)).toContainText(`The wording on the board now:${A}, every time`);
    await expect(vote.card(B)).toContainText('The wording has not changed since voting opened.');
    await expectNoAxeViolations(pat.page, 'the vote page with the current wording shown');
  });

  await test.step('the facilitator adds the late card and everyone is told', async () => {
    await franBoard.card(lateId).getByRole('button', { name: 'Add this card to the vote' }).click();
    await expect(franBoard.card(lateId).getByTestId('card-vote')).toHaveCount(0);
    await expect(vote.card(C)).toContainText('Added to the vote after it opened.');
    await expect(vote.announcer()).toHaveText(
      `The facilitator added the card “${C}” to the vote. You can give it dots now.`,
    );
    await vote.addDot(C);
    await vote.addDot(C);
    await vote.addDot(A);
    await expectNoAxeViolations(pat.page, 'the vote page with a late card');
  });

  await test.step('after closing, the results can be shown beside each card', async () => {
    await controls.closeRound();
    await pat.page.goto(pat.page.url().replace(/\/vote.*$/, ''));
    await patBoard.ready();
    const results = pat.page.getByTestId('board-results');
    // By keyboard: the toggle, then a ranked card's link, which moves focus to that card's result.
    await results.getByRole('button', { name: 'Show the results beside each card' }).focus();
    await pat.page.keyboard.press('Enter');
    await expect(
      results.getByRole('button', { name: 'Hide the results beside each card' }),
    ).toHaveAttribute('aria-pressed', 'true');
    const ranked = results.getByTestId('board-ranked-list').getByRole('link');
    await expect(ranked).toHaveText([`1st: ${C}`, `2nd: ${A}`, `3rd: ${B}`]);
    const late = patBoard.card(lateId).getByTestId('card-result');
    await expect(late).toContainText('Vote result: 1st of 3');
    await expect(late).toContainText('Lived experience2 dots (67%)');
    await expect(late).toContainText('Staff0 dots (0%)');
    await expectNoAxeViolations(pat.page, 'the board with results beside each card');
    await ranked.first().focus();
    await pat.page.keyboard.press('Enter');
    await expect(late).toBeFocused();
    await expect(late).toBeInViewport();
  });
});

test('a card deleted during the vote and restored comes back into it, announced', async ({
  newActor,
}) => {
  test.setTimeout(120_000);
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page);
  const [a] = await addCards(franBoard, [A, B]);
  const pat = await newActor('Pat');
  await joinWorkshop(pat, await franBoard.inviteUrl('people'));
  const controls = new VoteControls(fran.page);
  await controls.openRound();
  const vote = new VotePage(pat.page);
  await vote.open();
  await vote.addDot(A);

  await controls.deleteCard(a ?? '');
  await expect(vote.page.getByTestId('vote-list')).toContainText(
    'This card was deleted, so it is no longer part of the vote.',
  );
  await expect(vote.announcer()).toContainText(`The card “${A}” was deleted`);
  await expect(vote.dotsLeft()).toHaveText('You have 5 of 5 dots left.');

  await controls.restoreCard(a ?? '');
  await expect(vote.announcer()).toHaveText(
    `The card “${A}” was restored, so it is part of the vote again. It starts with no dots.`,
  );
  await expect(vote.card(A)).toHaveAttribute('data-dots', '0');
  await vote.addDot(A);
  await expectNoAxeViolations(pat.page, 'the vote page after a card came back into the vote');
});
