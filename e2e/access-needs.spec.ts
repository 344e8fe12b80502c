/**
 * The join form promises that what helps a person take part is shown to the facilitator
 * (and to nobody else): a participant says so when joining, and the facilitator sees it,
 * without the name of someone who chose to hide it.
 */
import { createWorkshop, expect, expectNoAxeViolations, test } from './fixtures';
import { BoardPage } from './pages/BoardPage';
import { JoinPage } from './pages/JoinPage';

test('the facilitator sees what helps each person take part; others do not', async ({
  newActor,
}) => {
  const fran = await newActor('Fran');
  const board = await createWorkshop(fran.page);
  const url = await board.inviteUrl('people');

  const priya = await newActor('Priya');
  const join = new JoinPage(priya.page);
  await join.open(url);
  await priya.page.getByLabel('Your name', { exact: true }).fill('Priya Secret');
  await priya.page.getByRole('checkbox', { name: /Hide my name from other people/ }).check();
  await priya.page
    .getByLabel('Is there anything that would help you take part?')
    .fill('Large text and short sentences, please');
  await priya.page.getByRole('button', { name: 'Join the workshop' }).click();
  await new BoardPage(priya.page).ready();

  const people = fran.page.getByRole('region', { name: 'People and what helps them' });
  await expect(people.getByText('Large text and short sentences, please')).toBeVisible();
  // Issue 13: a distinct, stable label that reveals nothing else.
  await expect(people.getByText(/^Participant \d \(lived experience\)$/)).toBeVisible();
  await expect(people).not.toContainText('Priya Secret');
  await expectNoAxeViolations(fran.page, 'facilitator board with the people list');

  await expect(priya.page.getByText('Large text and short sentences, please')).toHaveCount(0);
  await expect(priya.page.getByRole('region', { name: 'People and what helps them' })).toHaveCount(
    0,
  );
});
