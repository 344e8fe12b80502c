/**
 * "What happened to my card?" (issue 13): staff retype a card someone with lived
 * experience wrote; she is told gently, sees every version with what changed, and restores
 * hers. Deleting your own card asks first and offers Undo.
 */
import { createWorkshop, expect, expectNoAxeViolations, joinWorkshop, test } from './fixtures';

const HERS = 'Buses stop at 6pm so I miss evening groups';
const HIS = 'Transport is under review';

test('[I31] [I33] a retyped card: gentle notice, readable history, restore', async ({
  newActor,
}) => {
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page);
  const priya = await newActor('Priya');
  await priya.page.setViewportSize({ width: 390, height: 844 }); // on a phone
  const alex = await newActor('Alex');
  const priyaBoard = await joinWorkshop(priya, await franBoard.inviteUrl('people'));
  const alexBoard = await joinWorkshop(alex, await franBoard.inviteUrl('system'));

  const id = await priyaBoard.addCard('Context');
  await priya.page.keyboard.type(HERS, { delay: 5 });
  const alexField = alexBoard.cardText(alexBoard.card(id));
  await expect(alexField).toHaveValue(HERS);
  await alexField.click();
  await alexField.press('ControlOrMeta+A');
  await alexField.pressSequentially(HIS, { delay: 5 });
  await expect(priyaBoard.cardText(priyaBoard.card(id))).toHaveValue(HIS);

  // Priya is told, on the page and through the polite live region.
  const notice = 'A participant (Staff) changed most of your card.';
  await expect(priya.page.getByRole('list', { name: 'About your cards' })).toContainText(notice);
  await expect(priya.page.getByTestId('board-announcer')).toContainText(notice);
  await expect(alex.page.getByRole('list', { name: 'About your cards' })).toHaveCount(0);
  await expectNoAxeViolations(priya.page, 'a board with a card notice');

  await priya.page.getByRole('button', { name: 'See what changed' }).click();
  const dialog = priya.page.getByRole('dialog', { name: 'History of your card' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 3 })).toHaveText([
    /A participant \(Staff\) changed it \(now\)$/,
    /You \(Lived experience\) wrote the card$/,
  ]);
  await expect(dialog.locator('del').first()).toContainText('removed:');
  await expect(dialog.locator('ins').first()).toContainText('added:');
  await expect(dialog).toContainText('Added words are underlined. Removed words are crossed out.');
  await expectNoAxeViolations(priya.page, 'the card history dialog');

  await dialog.getByRole('button', { name: 'Restore this version' }).click();
  await expect(dialog.getByRole('status')).toContainText('Restored the version from');
  await expect(dialog.getByRole('heading', { level: 3 }).first()).toHaveText(
    /You \(Lived experience\) restored the version from .* \(now\)$/,
  );
  await expect(alexField).toHaveValue(HERS);
  // Her words came back as hers: the card is pink again for both.
  await expect(alexBoard.card(id)).toHaveAttribute('data-colour', 'people');
  await expect(priyaBoard.card(id)).toHaveAttribute('data-colour', 'people');
  await priya.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Keyboard: "History" in the card's actions menu opens the same dialog; Escape returns
  // focus to the menu button.
  const actions = alexBoard.actionsButton(alexBoard.card(id));
  await actions.focus();
  await alex.page.keyboard.press('Enter');
  const historyItem = alexBoard.card(id).getByRole('menuitem', { name: 'History', exact: true });
  await expect(historyItem).toBeVisible();
  // Alex neither wrote the card nor runs the workshop: History is the menu's last item.
  await alex.page.keyboard.press('End');
  await expect(historyItem).toBeFocused();
  await alex.page.keyboard.press('Enter');
  const alexDialog = alex.page.getByRole('dialog', { name: /^History of Card 1/ });
  await expect(alexDialog.getByRole('heading', { level: 3 })).toHaveCount(3);
  await expect(alexDialog.getByRole('button', { name: 'Restore this version' })).toHaveCount(2);
  await alex.page.keyboard.press('Escape');
  await expect(alexDialog).toHaveCount(0);
  await expect(actions).toBeFocused();
});

test('[I34] deleting your own card asks first and offers Undo', async ({ newActor }) => {
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page);
  const pat = await newActor('Pat');
  await pat.page.setViewportSize({ width: 390, height: 844 }); // on a phone
  const patBoard = await joinWorkshop(pat, await franBoard.inviteUrl('people'));
  const id = await patBoard.addCard('Context');
  await pat.page.keyboard.type('Keep this one', { delay: 5 });
  const card = patBoard.card(id);

  await patBoard.cardAction(card, 'Delete card');
  await expect(card).toContainText('Delete this card?');
  await expect(card.getByRole('button', { name: 'No, keep it' })).toBeFocused();
  await expectNoAxeViolations(pat.page, 'the delete confirmation');
  await pat.page.keyboard.press('Enter');
  await expect(card).not.toContainText('Delete this card?');
  await expect(patBoard.actionsButton(card)).toBeFocused();

  // Escape answers "No" too.
  await patBoard.cardAction(card, 'Delete card');
  await expect(card.getByRole('button', { name: 'No, keep it' })).toBeFocused();
  await pat.page.keyboard.press('Escape');
  await expect(card).not.toContainText('Delete this card?');
  await expect(patBoard.actionsButton(card)).toBeFocused();

  await patBoard.cardAction(card, 'Delete card');
  await card.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(patBoard.card(id)).toHaveCount(0);
  await expect(franBoard.cards('Context')).toHaveCount(0);
  await expect(pat.page.getByText('You deleted a card.')).toBeVisible();
  await expectNoAxeViolations(pat.page, 'the Undo bar');

  // Focus is on Undo at once, so the keyboard reaches it.
  await expect(pat.page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await pat.page.keyboard.press('Enter');
  await expect(patBoard.cardText(patBoard.card(id))).toHaveValue('Keep this one');
  await expect(patBoard.cardText(patBoard.card(id))).toBeFocused();
  await expect(
    franBoard.cardText(franBoard.section('Context').locator(`li[data-card-id="${id}"]`)),
  ).toHaveValue('Keep this one');
  await expect(pat.page.getByText('You deleted a card.')).toHaveCount(0);

  // Dismissing it keeps the deletion, and focus goes where the card was.
  await patBoard.cardAction(patBoard.card(id), 'Delete card');
  await patBoard.card(id).getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(pat.page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await pat.page.keyboard.press('Escape');
  await expect(pat.page.getByText('You deleted a card.')).toHaveCount(0);
  await expect(patBoard.addCardButton('Context')).toBeFocused();
  await expect(franBoard.cards('Context')).toHaveCount(0);
});
