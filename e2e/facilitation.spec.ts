/**
 * Live facilitation (issue 11, first part): a staff facilitator, a lived-experience
 * participant on a phone and a staff participant using only the keyboard go through the
 * timer (announcements checked in the live region), "look at this", locks, hands and the
 * attendance download. axe (WCAG 2.2 AA) in every new state.
 */
import { readFileSync } from 'node:fs';
import { createWorkshop, expect, expectNoAxeViolations, joinWorkshop, test } from './fixtures';

const PHONE = { width: 390, height: 844 };
/** Set PURPLE_DOCS_SHOTS=1 to refresh the screenshots in docs/. */
const SHOTS = process.env.PURPLE_DOCS_SHOTS === '1';

test('timer, focus, locks, hands and attendance with a facilitator and two participants', async ({
  newActor,
}) => {
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page, { group: 'Staff' });
  const pat = await newActor('Pat');
  await pat.page.setViewportSize(PHONE);
  const patBoard = await joinWorkshop(pat, await franBoard.inviteUrl('people'));
  const kim = await newActor('Kim');
  const kimBoard = await joinWorkshop(kim, await franBoard.inviteUrl('system'));
  const cardId = await franBoard.addCard('Context');
  await franBoard.typeAtEnd(cardId, 'The wording we agreed');
  await expect(patBoard.cardText(patBoard.card(cardId))).toHaveValue('The wording we agreed');
  const announcer = (p: typeof fran.page) => p.getByTestId('board-announcer');

  // Timer: a preset; everyone sees it and hears that it started.
  await fran.page.getByRole('button', { name: '5 min', exact: true }).click();
  await expect(pat.page.getByTestId('timer')).toContainText('left');
  await expect(announcer(pat.page)).toHaveText(
    /^Timer started: (5 minutes|4 minutes \d+ seconds) left\.$/,
  );
  await expectNoAxeViolations(pat.page, 'the timer on a phone');
  // Kim asks for the time left, keyboard only.
  await kim.page.getByRole('button', { name: 'Say the time left' }).focus();
  await kim.page.keyboard.press('Enter');
  await expect(announcer(kim.page)).toHaveText(/minutes? .*left\.$/);
  // Pat hides the countdown for herself.
  await pat.page.getByRole('button', { name: 'Hide the timer' }).click();
  await expect(pat.page.getByTestId('timer')).toContainText('Timer hidden for you.');
  await expectNoAxeViolations(pat.page, 'the timer hidden');
  await expectNoAxeViolations(fran.page, 'the facilitator with a timer running');

  // One minute left, then time up, announced (a custom length of 1.05 and 0.05 minutes).
  const minutes = fran.page.getByLabel('Minutes');
  await minutes.fill('1.05');
  await fran.page.getByRole('button', { name: 'Start timer' }).click();
  await expect(announcer(kim.page)).toHaveText('One minute left.', { timeout: 15_000 });
  await minutes.fill('0.05');
  await fran.page.getByRole('button', { name: 'Start timer' }).click();
  await expect(announcer(kim.page)).toHaveText('Time is up. You can finish what you are writing.', {
    timeout: 15_000,
  });
  await fran.page.getByRole('button', { name: 'Stop timer' }).click();
  await expect(kim.page.getByTestId('timer')).toHaveCount(0);

  // Focus: Fran brings everyone to Decisions; Kim follows (focus moves), Pat sees where.
  await fran.page.getByRole('button', { name: 'Bring everyone to Decisions' }).click();
  await expect(kim.page.getByTestId('focus-banner')).toContainText('the Decisions section');
  await expect(kimBoard.sectionToggle('Decisions')).toBeFocused();
  await expectNoAxeViolations(kim.page, 'the focus banner');

  // Locks: the card, then the Decisions section; read-only for participants.
  await franBoard.cardAction(franBoard.card(cardId), 'Lock this card');
  await expect(patBoard.card(cardId).getByTestId('locked')).toBeVisible();
  await expect(patBoard.cardText(patBoard.card(cardId))).toHaveCount(0);
  await expect(franBoard.cardText(franBoard.card(cardId))).toBeEditable();
  await fran.page.getByRole('button', { name: 'Lock Decisions' }).click();
  await expect(kimBoard.section('Decisions').getByTestId('section-locked')).toBeVisible();
  await expect(kimBoard.addCardButton('Decisions')).toHaveCount(0);
  await expectNoAxeViolations(pat.page, 'a locked card on a phone');

  // Hands: Kim asks a question by keyboard; Pat asks for a break privately.
  await kim.page.getByText('Raise your hand', { exact: true }).focus();
  await kim.page.keyboard.press('Enter');
  await kim.page.getByLabel('Why (optional)').selectOption({ label: 'I have a question' });
  await kim.page.getByRole('button', { name: 'Raise my hand' }).focus();
  await kim.page.keyboard.press('Enter');
  await expect(kim.page.getByTestId('my-hand')).toContainText('I have a question');
  await pat.page.getByText('Raise your hand', { exact: true }).click();
  await pat.page.getByLabel('Why (optional)').selectOption({ label: 'I need a break' });
  await pat.page.getByLabel('Only the facilitators see it').check();
  await pat.page.getByRole('button', { name: 'Raise my hand' }).click();
  const queue = fran.page.getByTestId('hands-queue').locator('li');
  await expect(queue).toHaveCount(2);
  await expect(queue.nth(0)).toContainText('Kim (Staff): I have a question');
  await expect(queue.nth(1)).toContainText(
    'Pat (Lived experience): I need a break — asked privately',
  );
  await expectNoAxeViolations(fran.page, 'the hands queue');
  if (SHOTS) {
    await fran.page.getByRole('button', { name: '10 min', exact: true }).click();
    await expect(pat.page.getByTestId('timer')).toBeVisible();
    await pat.page.getByRole('button', { name: 'Show the timer' }).click();
    await pat.page.screenshot({ path: 'docs/facilitation-390.png' });
    await fran.page
      .getByRole('region', { name: 'For the facilitator' })
      .screenshot({ path: 'docs/facilitation-panel.png' });
  }
  await fran.page.getByRole('button', { name: 'Lower the hand of Kim' }).click();
  await expect(queue).toHaveCount(1);
  await expect(kim.page.getByText('Raise your hand', { exact: true })).toBeVisible();

  // Attendance: shown and downloaded as CSV with a BOM.
  const download = fran.page.waitForEvent('download');
  await fran.page.getByRole('button', { name: 'Download attendance (CSV)' }).click();
  const csv = readFileSync((await (await download).path()) as string, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Pat,Lived experience');
  expect(csv).toContain('Kim,Staff');
  await expect(fran.page.getByTestId('attendance')).toContainText('Pat (Lived experience)');
  await expectNoAxeViolations(fran.page, 'the attendance list');
});
