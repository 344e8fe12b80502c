/**
 * The agenda (issue 11; I51–I54): a facilitator edits the agenda with the keyboard alone,
 * starts it, and a participant on a phone sees the step banner, hears the step change in
 * the live region and finds closed sections closed. axe (WCAG 2.2 AA) with the banner and
 * the agenda editor open.
 */
import { createWorkshop, expect, expectNoAxeViolations, joinWorkshop, test } from './fixtures';
import { VoteControls } from './pages/VoteControls';

const PHONE = { width: 390, height: 844 };
/** Set PURPLE_DOCS_SHOTS=1 to refresh the screenshots in docs/. */
const SHOTS = process.env.PURPLE_DOCS_SHOTS === '1';

test('a facilitator edits and runs the agenda; a participant sees the step and its closed sections', async ({
  newActor,
}) => {
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page, { group: 'Staff' });
  const pat = await newActor('Pat');
  await pat.page.setViewportSize(PHONE);
  const patBoard = await joinWorkshop(pat, await franBoard.inviteUrl('people'));
  const f = fran.page;
  const keys = async (...list: string[]) => {
    for (const k of list) await f.keyboard.press(k);
  };

  // Before the agenda starts the whole board is open.
  await expect(patBoard.addCardButton('Decisions')).toBeVisible();
  await expect(pat.page.getByTestId('step-banner')).toHaveCount(0);

  // Keyboard only: open the editor, add a step, move it up, change what it opens.
  await f.getByText('Change the agenda', { exact: true }).focus();
  await keys('Enter');
  await f.getByLabel('New step').focus();
  await f.keyboard.type('Tea break');
  await keys('Enter');
  const tea = f.locator('li[data-step]').filter({ hasText: 'Tea break' });
  await expect(tea).toContainText('7. Tea break');
  await tea.getByRole('button', { name: 'Move Tea break up' }).focus();
  await keys('Enter');
  await expect(tea).toContainText('6. Tea break');
  // Focus stays on the moved step's button, so it can be moved again.
  await expect(tea.getByRole('button', { name: 'Move Tea break up' })).toBeFocused();
  await keys('Enter');
  await expect(tea).toContainText('5. Tea break');
  await tea.getByRole('button', { name: 'Change Tea break' }).focus();
  await keys('Enter');
  await f.getByLabel('What it asks of people (one sentence)').focus();
  await f.keyboard.type('Have a drink and a rest.');
  await tea.getByRole('group', { name: 'People can add cards to' }).getByLabel('Decisions').focus();
  await keys('Space');
  await tea.getByRole('button', { name: 'Save the step' }).focus();
  await keys('Enter');
  await expect(tea).toContainText('Adding: Decisions. Editing: Decisions.');
  await expectNoAxeViolations(f, 'the agenda editor open');

  // Start the agenda: Pat sees step 1, what it asks, what comes next, and closed sections.
  await f.getByRole('button', { name: 'Start the agenda' }).focus();
  await keys('Enter');
  const banner = pat.page.getByTestId('step-banner');
  await expect(banner).toContainText('Step 1 of 7: Welcome and context');
  await expect(banner).toContainText('Read the context and add any questions you have.');
  await expect(banner).toContainText('Next: Ideas.');
  await expect(patBoard.addCardButton('Context')).toBeVisible();
  await expect(patBoard.addCardButton('Decisions')).toHaveCount(0);
  await expect(patBoard.section('Decisions').getByTestId('adding-closed')).toHaveText(
    'Adding cards is closed in this step',
  );
  // Facilitators are not limited by steps.
  await expect(franBoard.addCardButton('Decisions')).toBeVisible();
  await expect(franBoard.section('Decisions').getByTestId('adding-closed-for-others')).toHaveText(
    'Others cannot add cards here in this step',
  );
  await expectNoAxeViolations(pat.page, 'the step banner on a phone');
  if (SHOTS) await pat.page.screenshot({ path: 'docs/agenda-step-phone.png', fullPage: false });

  // A card to vote on later (facilitators are not limited by steps).
  const idea = await franBoard.addCard('Joint priorities');
  await franBoard.typeAtEnd(idea, 'Shorter waits');
  await expect(pat.page.getByTestId('board-announcer')).toHaveText('1 card added by others');

  // Next: the change is announced politely; Ideas asks people to write on their own first,
  // and turns private writing on (I83).
  await f.getByRole('button', { name: 'Next: Ideas' }).click();
  // The step and private writing start together: the region says one, then the other.
  await expect(pat.page.getByTestId('board-announcer')).toHaveText(
    /^(Now: Ideas\. Write down what you think we should work on first\.|Private writing has started\. .+)$/,
  );
  await expect(banner).toContainText('Write on your own first.');
  await expect(
    pat.page.getByRole('button', { name: 'Add a private card to Joint priorities' }),
  ).toBeVisible();
  await expect(patBoard.addCardButton('Context')).toHaveCount(0);
  await expectNoAxeViolations(f, 'the facilitator with the banner and the agenda editor open');
  if (SHOTS) await f.screenshot({ path: 'docs/agenda-editor.png', fullPage: true });

  // A vote opened during Ideas waits for its step.
  await new VoteControls(f).openRound();
  await expect(pat.page.getByTestId('voting-closed-by-step')).toHaveText(
    'Voting is not open in this step. Voting opens in the "Prioritise" step.',
  );
  await expect(pat.page.getByText('Vote here on the board')).toHaveCount(0);
  await f.getByRole('button', { name: 'Next: Prioritise' }).click();
  await expect(pat.page.getByText('Vote here on the board')).toBeVisible();
  await expect(pat.page.getByTestId('voting-closed-by-step')).toHaveCount(0);

  // Ending the agenda opens the whole board again.
  await f.getByRole('button', { name: 'End the agenda' }).click();
  await expect(banner).toHaveCount(0);
  await expect(patBoard.addCardButton('Decisions')).toBeVisible();

  // Removing a step asks first; focus then moves to the "New step" field.
  await tea.getByRole('button', { name: 'Remove Tea break' }).focus();
  await keys('Enter');
  await expect(f.getByRole('button', { name: 'Yes, remove it' })).toBeFocused();
  await keys('Enter');
  await expect(tea).toHaveCount(0);
  await expect(f.locator('li[data-step]')).toHaveCount(6);
  await expect(f.getByLabel('New step')).toBeFocused();
});
