/**
 * "Cards you deleted" (issue 13): once Undo has gone, a person can still restore a card
 * they deleted themselves, from the board's side panel, by keyboard.
 */
import { createWorkshop, expect, expectNoAxeViolations, joinWorkshop, test } from './fixtures';

test('[I34] restore your own card from "Cards you deleted" after Undo has gone', async ({
  newActor,
}) => {
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page);
  const pat = await newActor('Pat');
  const patBoard = await joinWorkshop(pat, await franBoard.inviteUrl('people'));
  const id = await patBoard.addCard('Context');
  await pat.page.keyboard.type('Meet somewhere step-free', { delay: 5 });
  await expect(franBoard.cardText(franBoard.card(id))).toHaveValue('Meet somewhere step-free');
  await expect(patBoard.ownDeleted()).toHaveCount(0); // hidden while empty

  await patBoard.cardAction(patBoard.card(id), 'Delete card');
  await patBoard.card(id).getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(pat.page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await pat.page.keyboard.press('Escape'); // let Undo go
  await expect(pat.page.getByText('You deleted a card.')).toHaveCount(0);
  await expect(franBoard.cards('Context')).toHaveCount(0);

  const panel = patBoard.ownDeleted();
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await expect(panel).toContainText('Meet somewhere step-free');
  await expect(panel).toContainText('From Context.');
  // Only Pat's own deletions: the facilitator keeps her own list and never sees this one.
  await expect(franBoard.ownDeleted()).toHaveCount(0);
  await expectNoAxeViolations(pat.page, '"Cards you deleted"');

  const restore = panel.getByRole('button', { name: 'Restore' });
  await restore.focus();
  await pat.page.keyboard.press('Enter');
  await expect(patBoard.cardText(patBoard.card(id))).toHaveValue('Meet somewhere step-free');
  await expect(patBoard.cardText(patBoard.card(id))).toBeFocused();
  await expect(pat.page.getByTestId('board-announcer')).toContainText('Card restored.');
  await expect(patBoard.ownDeleted()).toHaveCount(0);
  await expect(franBoard.cardText(franBoard.cards('Context'))).toHaveValue(
    'Meet somewhere step-free',
  );
});
