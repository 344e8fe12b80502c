/**
 * Two people from different groups write one card together in their own browsers: the card
 * turns joint, both agree with its wording, a later edit by one side shows as drift, and
 * all of it survives a reload (it is stored on the server, not only in the browser).
 */
import { createWorkshop, expect, expectNoAxeViolations, joinWorkshop, test } from './fixtures';

const PINK_PART = 'Quiet waiting rooms ';
const BLUE_PART = 'with clear signs in plain English';
const EDIT = ' and pictures';

test('lived experience and staff co-write, agree, then see drift', async ({ newActor }) => {
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page);
  const peopleLink = await franBoard.inviteUrl('people');
  const staffLink = await franBoard.inviteUrl('system');

  const pink = await newActor('Pat');
  const blue = await newActor('Sam');
  const pinkBoard = await joinWorkshop(pink, peopleLink);
  const blueBoard = await joinWorkshop(blue, staffLink);

  // Pink starts a card; blue sees it arrive and finishes the sentence.
  const id = await pinkBoard.addCard('Joint priorities');
  await pink.page.keyboard.type(PINK_PART, { delay: 10 });
  const blueCard = blueBoard.card(id);
  await expect(blueBoard.cardText(blueCard)).toHaveValue(PINK_PART);
  await expect(blueCard).toHaveAttribute('data-colour', 'people');
  await blueBoard.typeAtEnd(id, BLUE_PART);

  const text = PINK_PART + BLUE_PART;
  const pinkCard = pinkBoard.card(id);
  for (const card of [pinkCard, blueCard]) {
    await expect(card.getByRole('textbox')).toHaveValue(text);
    await expect(card).toHaveAttribute('data-colour', 'joint');
  }
  await expectNoAxeViolations(pink.page, 'a board with a joint card');

  // Both agree with the wording.
  await pinkBoard.agreeButton(pinkCard).click();
  await expect(pinkBoard.cardStatus(pinkCard)).toHaveText('Lived experience agreed · you too');
  // The button is gone and focus moved to the card's new status, not to the page.
  await expect(pinkBoard.cardStatus(pinkCard)).toBeFocused();
  await expect(blueBoard.cardStatus(blueCard)).toHaveText('Lived experience agreed');
  await blueBoard.agreeButton(blueCard).click();
  await expect(pinkBoard.cardStatus(pinkCard)).toHaveText('Agreed by both · you too');
  for (const card of [pinkCard, blueCard]) {
    await expect(card).toContainText('Agreed by lived experience and staff.');
    await expect(card).toHaveAttribute('data-drifted', 'false');
  }

  // Staff change it alone: both sides see the drift warning.
  await blueBoard.typeAtEnd(id, EDIT);
  for (const card of [pinkCard, blueCard]) {
    await expect(card.getByRole('textbox')).toHaveValue(text + EDIT);
    await expect(card).toHaveAttribute('data-drifted', 'true');
    await expect(pinkBoard.cardStatus(card)).toHaveText('Changed by staff since agreed');
  }

  // A reload gets everything back from the server.
  await pink.page.reload();
  await pinkBoard.ready();
  const reloaded = pinkBoard.card(id);
  await expect(reloaded.getByRole('textbox')).toHaveValue(text + EDIT);
  await expect(reloaded).toHaveAttribute('data-colour', 'joint');
  await expect(reloaded).toHaveAttribute('data-drifted', 'true');
  await expect(pinkBoard.cards('Joint priorities')).toHaveCount(1);
});
