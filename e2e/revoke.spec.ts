/**
 * The facilitator turns off the staff link: a staff member already on the board is told
 * plainly that they can no longer change it, and loses the controls to do so.
 */
import { createWorkshop, expect, joinWorkshop, test } from './fixtures';

test('turning off a link ends access for people who joined with it', async ({ newActor }) => {
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page, { group: 'Lived experience' });
  const staffLink = await franBoard.inviteUrl('system');

  const sam = await newActor('Sam');
  const samBoard = await joinWorkshop(sam, staffLink);
  await expect(samBoard.addCardButton('Context')).toBeVisible();
  await expect(samBoard.endedNotice()).toHaveText('');

  await franBoard.turnOffInvite('system');

  await expect(samBoard.endedNotice()).toContainText('You can no longer change this board.');
  await expect(samBoard.addCardButton('Context')).toHaveCount(0);
  // The facilitator keeps working.
  await expect(franBoard.addCardButton('Context')).toBeVisible();
  await expect(franBoard.endedNotice()).toHaveText('');

  // The link itself no longer lets anyone in.
  const late = await newActor('Lee');
  await late.page.goto(staffLink);
  await expect(
    late.page.getByRole('heading', { name: 'This link has been turned off' }),
  ).toBeVisible();
  await expect(late.page.getByRole('button', { name: 'Join the workshop' })).toHaveCount(0);
});
