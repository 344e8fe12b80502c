/**
 * Decisions and quality indicators as records (issue 9), each person in their own browser.
 * Pat (lived experience) writes a priority and votes for it; Kim (lived experience, keyboard
 * only) proposes a decision about it from the card's menu and writes it with Sam (staff)
 * until it is purple; Fran (facilitator) records how it is decided and the power ledger,
 * saves an outcome that goes against the lived experience vote (refused until the Why box
 * says why) and adds an action. Sam defines an indicator that serves the priority, Kim and
 * Sam adopt it, Sam changes the target and both see the drift; Sam adds two readings (chart
 * and table). Pat, days later through the personal link on a phone, sees on the impact page
 * what became of the card. axe WCAG 2.2 AA in every new state.
 */
import type { Locator, Page } from '@playwright/test';
import { createWorkshop, expect, expectNoAxeViolations, joinWorkshop, test } from './fixtures';
import type { BoardPage } from './pages/BoardPage';
import { VoteControls } from './pages/VoteControls';
import { VotePage } from './pages/VotePage';

/** Set PURPLE_DOCS_SHOTS=1 to refresh the screenshots in docs/. */
const SHOTS = process.env.PURPLE_DOCS_SHOTS === '1';

const PRIORITY = 'Letters in plain English';
const KIM_PART = 'Should every letter be in plain English? ';
const SAM_PART = 'Start with appointment letters';
const WHY = 'The letters come from a national system that we cannot change this year.';
/** The same reason as it reads after "because". */
const BECAUSE = `because the letters come from a national system that we cannot change this year.`;

/** Presses Tab until `target` has focus (keyboard only); fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i <= max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target} with Tab in ${max} presses`);
}

const decision = (board: BoardPage) => board.page.locator('li[data-kind="decision"]');
const indicator = (board: BoardPage) => board.page.locator('li[data-kind="indicator"]');
const field = (record: Locator, name: string) => record.locator(`[data-field="${name}"]`);

test('[I77][I78][I79] a decision from a priority, an indicator adopted and drifted, and what became of it', async ({
  newActor,
}) => {
  test.setTimeout(300_000);
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page);
  const peopleLink = await franBoard.inviteUrl('people');
  const staffLink = await franBoard.inviteUrl('system');
  const pat = await newActor('Pat');
  const patBoard = await joinWorkshop(pat, peopleLink);
  const personalUrl = await pat.page.getByLabel('Your personal link').inputValue();
  const kim = await newActor('Kim');
  const kimBoard = await joinWorkshop(kim, peopleLink);
  const sam = await newActor('Sam');
  const samBoard = await joinWorkshop(sam, staffLink);

  const priorityId = await patBoard.addCard('Joint priorities');
  await pat.page.keyboard.type(PRIORITY, { delay: 5 });
  // Nothing answers it yet: the card stays compact (the facilitator's "Still open" lists it).
  await expect(patBoard.card(priorityId).getByTestId('fate')).toHaveCount(0);

  await test.step('lived experience vote for the priority', async () => {
    const controls = new VoteControls(fran.page);
    await controls.openRound();
    for (const person of [pat, kim]) {
      const vote = new VotePage(person.page);
      await vote.open();
      await vote.addDot(PRIORITY);
      await person.page.goBack();
    }
    await controls.closeRound();
    await patBoard.ready();
    await kimBoard.ready();
  });

  await test.step('the facilitator sees the priority as still open', async () => {
    const open = fran.page.getByTestId('still-open');
    await expect(open).toContainText('1 of 1 Joint priorities have no answer yet');
    await expect(open).toContainText(PRIORITY);
  });

  await test.step('Kim proposes a decision from the card’s menu, keyboard only', async () => {
    const card = kimBoard.card(priorityId);
    await kim.page.locator('#main').focus();
    await tabTo(kim.page, kimBoard.actionsButton(card), 80);
    await kim.page.keyboard.press('Enter');
    const item = card.getByRole('menuitem', { name: 'Propose a decision about this' });
    for (let i = 0; i < 12 && !(await item.evaluate((el) => el === document.activeElement)); i++)
      await kim.page.keyboard.press('ArrowDown');
    await expect(item).toBeFocused();
    await kim.page.keyboard.press('Enter');
    const question = decision(kimBoard).getByLabel('Question or proposal');
    await expect(question).toBeFocused();
    await kim.page.keyboard.type(KIM_PART, { delay: 5 });
    await expect(decision(kimBoard)).toContainText(`${PRIORITY} (Joint priorities)`);
  });

  await test.step('Sam finishes the proposal: the field turns purple for everyone', async () => {
    const q = decision(samBoard).getByLabel('Question or proposal');
    await expect(q).toHaveValue(KIM_PART);
    await expect(field(decision(samBoard), 'text')).toHaveAttribute('data-colour', 'people');
    await q.click();
    await q.press('ControlOrMeta+End');
    await q.pressSequentially(SAM_PART, { delay: 5 });
    for (const board of [kimBoard, samBoard, patBoard]) {
      await expect(decision(board).getByLabel('Question or proposal')).toHaveValue(
        KIM_PART + SAM_PART,
      );
      await expect(field(decision(board), 'text')).toHaveAttribute('data-colour', 'joint');
    }
    await expect(field(decision(samBoard), 'text').getByText('Joint')).toBeVisible();
    await expectNoAxeViolations(sam.page, 'a co-written decision');
  });

  await test.step('Fran records the rule and the power ledger; others read them', async () => {
    const d = decision(franBoard);
    await d.getByLabel('How it is decided', { exact: true }).selectOption({
      label: 'The budget holder decides after hearing the room',
    });
    await d.getByLabel('Who holds the budget or the veto').fill('Head of Adult Social Care');
    await d.getByLabel('What is out of the room’s hands').fill('The national letter system');
    const ledger = decision(patBoard).getByRole('region', { name: 'Who decides' });
    await expect(ledger).toContainText(
      'How it is decided: The budget holder decides after hearing the room',
    );
    await expect(ledger).toContainText('Head of Adult Social Care');
    await expect(ledger).toContainText('The national letter system');
    await expect(ledger.getByRole('textbox')).toHaveCount(0);
    await expect(ledger.getByRole('combobox')).toHaveCount(0);
  });

  await test.step('an outcome against the lived experience vote needs a why', async () => {
    const d = decision(franBoard);
    const outcome = d.getByRole('region', { name: 'Outcome' });
    await outcome.getByRole('radio', { name: 'Not agreed' }).check();
    await outcome.getByRole('button', { name: 'Save the outcome' }).click();
    const why = d.getByLabel('Why', { exact: true });
    await expect(why).toBeFocused();
    await expect(field(d, 'rationale')).toContainText('Say why, in the Why box, before saving');
    await expect(why).toHaveAttribute('aria-invalid', 'true');
    await expect(decision(patBoard).getByTestId('outcome')).toHaveCount(0);
    await expectNoAxeViolations(fran.page, 'an outcome refused for a missing why');

    await why.pressSequentially(WHY, { delay: 2 });
    await outcome.getByRole('button', { name: 'Save the outcome' }).click();
    for (const board of [franBoard, patBoard, samBoard]) {
      const saved = decision(board).getByTestId('outcome');
      await expect(saved).toContainText('Decided: Not agreed');
      await expect(decision(board).getByTestId('against-lived')).toHaveText(
        `This goes against what people with lived experience asked for, ${BECAUSE}`,
      );
    }
  });

  await test.step('Fran adds an action', async () => {
    const actions = decision(franBoard).getByRole('region', { name: 'Actions' });
    await actions.getByLabel('What will be done').fill('Ask the national team for plain letters');
    await actions.getByLabel('Who will do it (a role)').fill('Head of Adult Social Care');
    await actions.getByLabel('By when (optional)').fill('2027-03-31');
    await actions.getByRole('button', { name: 'Add the action' }).click();
    await expect(decision(patBoard).getByTestId('actions')).toContainText(
      'Ask the national team for plain letters — Head of Adult Social Care, by 2027-03-31 (Not started)',
    );
    await expect(patBoard.card(priorityId).getByTestId('fate')).toContainText('Not agreed');
    await expect(fran.page.getByTestId('still-open')).toContainText(
      'Every Joint priority has an answer.',
    );
    await expectNoAxeViolations(pat.page, 'a decided decision with an action, as a participant');
    await expectNoAxeViolations(fran.page, 'a decided decision with an action, as the facilitator');
    if (SHOTS) await decision(franBoard).screenshot({ path: 'docs/records-decision.png' });
  });

  await test.step('Sam defines an indicator that serves the priority', async () => {
    await samBoard.addCardButton('Quality indicators').click();
    const i = indicator(samBoard);
    await expect(i.getByLabel('Statement')).toBeFocused();
    await sam.page.keyboard.type('Letters people understand the first time', { delay: 2 });
    await i
      .getByLabel('What is counted, and how')
      .fill('Share of people who say the letter was clear');
    await i.getByLabel('Target', { exact: true }).fill('80');
    await i.getByLabel('Baseline: where we are now').fill('55');
    await i.getByLabel('Where the numbers come from').fill('A two-question survey');
    await i.getByLabel('Who looks after it (a role)').fill('Patient experience lead');
    await i.getByRole('button', { name: 'Choose: priorities it serves' }).click();
    await i.getByRole('checkbox', { name: new RegExp(PRIORITY) }).check();
    await i.getByRole('button', { name: 'Done choosing' }).click();
    await expect(indicator(kimBoard)).toContainText(`${PRIORITY} (Joint priorities)`);
    await expect(indicator(kimBoard).getByTestId('adoption')).toHaveText('Not adopted yet');
  });

  await test.step('both groups adopt it (Kim by keyboard); a staff change drifts it', async () => {
    const adopt = indicator(kimBoard).getByRole('button', {
      name: 'Adopt this indicator as it is now',
    });
    await kim.page.locator('#main').focus();
    await tabTo(kim.page, adopt, 120);
    await kim.page.keyboard.press('Enter');
    await expect(indicator(samBoard).getByTestId('adoption')).toHaveText('Waiting for staff');
    await indicator(samBoard)
      .getByRole('button', { name: 'Adopt this indicator as it is now' })
      .click();
    for (const board of [kimBoard, samBoard, patBoard]) {
      await expect(indicator(board).getByTestId('adoption')).toHaveText(/^Adopted by both groups/);
    }
    await expectNoAxeViolations(kim.page, 'an adopted indicator');
    const target = indicator(samBoard).getByLabel('Target', { exact: true });
    await target.click();
    await target.press('ControlOrMeta+End');
    await target.pressSequentially('5', { delay: 5 });
    for (const board of [kimBoard, samBoard]) {
      await expect(indicator(board).getByTestId('drift')).toHaveText(
        'Changed by staff since it was agreed.',
      );
      await expect(indicator(board).getByTestId('adoption')).not.toHaveText(
        /^Adopted by both groups/,
      );
    }
  });

  await test.step('two readings show as a chart and a table', async () => {
    const readings = indicator(samBoard).getByRole('region', { name: 'Readings' });
    for (const [value, date] of [
      ['60', '2027-01-15'],
      ['72', '2027-02-15'],
    ]) {
      await readings.getByLabel('Value', { exact: true }).fill(value!);
      await readings.getByLabel('Date', { exact: true }).fill(date!);
      await readings.getByRole('button', { name: 'Add the reading' }).click();
      await expect(readings.getByLabel('Value', { exact: true })).toHaveValue('');
    }
    const patReadings = indicator(patBoard).getByRole('region', { name: 'Readings' });
    await expect(patReadings.getByRole('row')).toHaveCount(3);
    await expect(patReadings.getByRole('row').nth(1)).toContainText('2027-01-1560');
    await expect(patReadings.getByRole('img')).toHaveAccessibleName(
      '2 readings. It went up, from 60 on 2027-01-15 to 72 on 2027-02-15. The target is 805.',
    );
    await expect(patReadings.getByTestId('readings-chart').locator('circle')).toHaveCount(2);
    await expect(patBoard.card(priorityId).getByTestId('fate')).toContainText(
      'Measured by the quality indicator: Letters people understand the first time',
    );
    await expectNoAxeViolations(sam.page, 'an indicator with readings');
    if (SHOTS) await indicator(samBoard).screenshot({ path: 'docs/records-indicator.png' });
  });

  await test.step('days later, Pat’s personal link on a phone shows what became of the card', async () => {
    const later = await newActor('Pat later');
    await later.page.setViewportSize({ width: 390, height: 844 });
    await later.page.goto(personalUrl);
    await later.page.getByRole('button', { name: 'Continue to the board' }).click();
    await later.page.waitForURL(/\/w\/[^/]+$/);
    await later.page.getByRole('link', { name: 'What happened to my ideas' }).click();
    await later.page.waitForURL(/\/impact$/);
    await expect(later.page.getByRole('heading', { level: 1 })).toHaveText(
      'What happened to my ideas',
    );
    const item = later.page.getByRole('listitem').filter({ hasText: PRIORITY }).first();
    await expect(item).toContainText('Not agreed');
    await expect(item).toContainText(
      `This goes against what people with lived experience asked for, ${BECAUSE}`,
    );
    await expect(item).toContainText('Ask the national team for plain letters');
    await expect(item).toContainText('Letters people understand the first time');
    const overflow = await later.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(later.page, 'the impact page on a phone');
    if (SHOTS) await later.page.screenshot({ path: 'docs/impact-390.png', fullPage: true });
  });
});
