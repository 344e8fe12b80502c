/**
 * The whole default agenda in a browser (issue 11's browser test): Fran facilitates (staff);
 * Pat (lived experience, on a phone), Kim (lived experience, keyboard only), Sam and Lee
 * (staff) each have their own browser context. Welcome and context (Fran adds context) →
 * Ideas (private cards, "cards waiting", then the move on reveals them in their authors'
 * colours, I83) → Prioritise (a vote on Joint priorities, results) → Decide (a decision
 * about a priority, with its outcome) → Quality indicators (an indicator) → Review. axe
 * WCAG 2.2 AA in every step; the timer's announcements are checked in the live region.
 * Every wait is on a state the page shows, never on time.
 */
import type { Locator, Page } from '@playwright/test';
import {
  type Actor,
  createWorkshop,
  expect,
  expectNoAxeViolations,
  joinWorkshop,
  test,
} from './fixtures';
import type { BoardPage } from './pages/BoardPage';
import { VoteControls } from './pages/VoteControls';
import { VotePage } from './pages/VotePage';

const PHONE = { width: 390, height: 844 };
/** Set PURPLE_DOCS_SHOTS=1 to refresh the screenshots in docs/. */
const SHOTS = process.env.PURPLE_DOCS_SHOTS === '1';

const CONTEXT = 'The council is changing how people get help at home.';
const PAT_IDEA = 'A named person to call';
const KIM_IDEA = 'Letters in plain English';
const SAM_IDEA = 'Shorter waits on the phone';
const QUESTION = 'Every letter will be in plain English from April.';
const INDICATOR = 'People understand their letters the first time';

/** Presses Tab until `target` has focus (keyboard only); fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i <= max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target} with Tab in ${max} presses`);
}

const decision = (board: BoardPage) => board.page.locator('li[data-kind="decision"]');
const indicator = (board: BoardPage) => board.page.locator('li[data-kind="indicator"]');

test('a facilitator and four participants go through the whole default agenda', async ({
  newActor,
}) => {
  test.setTimeout(420_000);
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page, { group: 'Staff' });
  const peopleLink = await franBoard.inviteUrl('people');
  const staffLink = await franBoard.inviteUrl('system');
  const pat = await newActor('Pat');
  await pat.page.setViewportSize(PHONE);
  const patBoard = await joinWorkshop(pat, peopleLink);
  const kim = await newActor('Kim');
  const kimBoard = await joinWorkshop(kim, peopleLink);
  const sam = await newActor('Sam');
  const samBoard = await joinWorkshop(sam, staffLink);
  const lee = await newActor('Lee');
  const leeBoard = await joinWorkshop(lee, staffLink);
  const everyone: [Actor, BoardPage][] = [
    [fran, franBoard],
    [pat, patBoard],
    [kim, kimBoard],
    [sam, samBoard],
    [lee, leeBoard],
  ];
  const f = fran.page;
  const banner = (p: Page) => p.getByTestId('step-banner');
  const announcer = (p: Page) => p.getByTestId('board-announcer');
  const kimPress = async (target: Locator) => {
    await tabTo(kim.page, target);
    await kim.page.keyboard.press('Enter');
  };
  /** axe on every person's page as it is now. */
  const axeAll = async (label: string) => {
    for (const [a] of everyone) await expectNoAxeViolations(a.page, `${label} (${a.name})`);
  };
  /** Fran presses Next; everyone sees the new step's banner. */
  const next = async (title: string, number: number) => {
    await f.getByRole('button', { name: `Next: ${title}` }).click();
    for (const [a] of everyone)
      await expect(banner(a.page)).toContainText(`Step ${number} of 6: ${title}`);
  };

  await test.step('Welcome and context: the facilitator adds context; the timer starts', async () => {
    await f.getByRole('button', { name: 'Start the agenda' }).click();
    for (const [a] of everyone)
      await expect(banner(a.page)).toContainText('Step 1 of 6: Welcome and context');
    const ctx = await franBoard.addCard('Context');
    await franBoard.typeAtEnd(ctx, CONTEXT);
    for (const [, b] of everyone) await expect(b.cardText(b.card(ctx))).toHaveValue(CONTEXT);
    // Ideas opens only Joint priorities: nobody but Fran can add to Context then.
    await f.getByRole('button', { name: '5 min', exact: true }).click();
    await expect(kim.page.getByTestId('timer')).toContainText('left');
    await expect(announcer(kim.page)).toHaveText(
      /^Timer started: (5 minutes|4 minutes \d+ seconds) left\.$/,
    );
    await axeAll('Welcome and context');
    if (SHOTS) await pat.page.screenshot({ path: 'docs/walkthrough-welcome.png' });
  });

  await test.step('Ideas: private cards, "cards waiting", and time up', async () => {
    await next('Ideas', 2);
    await expect(banner(pat.page)).toContainText('Write on your own first.');
    await expect(f.getByTestId('agenda-reveals')).toHaveText(
      'Moving to another step shows everyone’s private cards first.',
    );
    await expect(pat.page.getByTestId('private-writing')).toContainText(
      'Only you can see these until the facilitator shows everyone.',
    );
    await expect(patBoard.addCardButton('Context')).toHaveCount(0);

    // Pat taps on her phone; Kim uses the keyboard alone; Sam clicks.
    await pat.page.getByRole('button', { name: 'Add a private card to Joint priorities' }).click();
    const patCard = await patBoard.focusedDraftId();
    expect(patCard, 'focus moves into the new private card').not.toBeNull();
    await pat.page.keyboard.type(PAT_IDEA, { delay: 10 });
    await kim.page.locator('#main').focus();
    await kimPress(
      kim.page.getByRole('button', { name: 'Add a private card to Joint priorities' }),
    );
    const kimCard = await kimBoard.focusedDraftId();
    expect(kimCard).not.toBeNull();
    await kim.page.keyboard.type(KIM_IDEA, { delay: 10 });
    await sam.page.getByRole('button', { name: 'Add a private card to Joint priorities' }).click();
    const samCard = await samBoard.focusedDraftId();
    expect(samCard).not.toBeNull();
    await sam.page.keyboard.type(SAM_IDEA, { delay: 10 });

    const waiting = '2 cards waiting from people with lived experience, 1 from staff.';
    await expect(lee.page.getByTestId('cards-waiting')).toHaveText(waiting);
    await expect(f.getByText(waiting).first()).toBeVisible();
    await expect(lee.page.locator('body')).not.toContainText(PAT_IDEA);
    await expect(pat.page.locator('body')).not.toContainText(KIM_IDEA);

    // Time up, announced (a custom length of 0.05 minutes: three seconds).
    await f.getByLabel('Minutes').fill('0.05');
    await f.getByRole('button', { name: 'Start timer' }).click();
    await expect(announcer(kim.page)).toHaveText(
      'Time is up. You can finish what you are writing.',
      { timeout: 20_000 },
    );
    await f.getByRole('button', { name: 'Stop timer' }).click();
    await expect(kim.page.getByTestId('timer')).toHaveCount(0);
    await axeAll('Ideas, writing privately');
    if (SHOTS) await pat.page.screenshot({ path: 'docs/walkthrough-ideas.png', fullPage: true });

    // Moving on shows every private card first, in its writer's colour.
    await next('Prioritise', 3);
    for (const [a, b] of everyone) {
      // Prioritise closes Joint priorities for editing: only Fran still has text fields.
      const shows = async (id: string, text: string) => {
        if (a === fran) await expect(b.cardText(b.card(id))).toHaveValue(text);
        else await expect(b.card(id)).toContainText(text);
      };
      await shows(patCard!, PAT_IDEA);
      await shows(kimCard!, KIM_IDEA);
      await shows(samCard!, SAM_IDEA);
      await expect(b.card(patCard!)).toHaveAttribute('data-colour', 'people');
      await expect(b.card(kimCard!)).toHaveAttribute('data-colour', 'people');
      await expect(b.card(samCard!)).toHaveAttribute('data-colour', 'system');
    }
    await expect(pat.page.getByTestId('private-writing')).toHaveCount(0);
    await expect(f.getByTestId('agenda-reveals')).toHaveCount(0);
    if (SHOTS) await kim.page.screenshot({ path: 'docs/walkthrough-revealed.png', fullPage: true });
  });

  await test.step('Prioritise: a vote on Joint priorities, then its results', async () => {
    const controls = new VoteControls(f);
    await controls.openRound();
    // Pat and Sam vote on the board; Kim by keyboard; Lee on the vote page.
    for (const [a, text] of [
      [pat, PAT_IDEA],
      [sam, KIM_IDEA],
    ] as const) {
      await a.page.getByText('Vote here on the board').click();
      await new VotePage(a.page).addDot(text);
    }
    const kimVote = new VotePage(kim.page);
    await kimPress(kim.page.getByText('Vote here on the board'));
    await kimPress(kimVote.addButton(KIM_IDEA));
    await expect(kimVote.card(KIM_IDEA)).toHaveAttribute('data-dots', '1');
    await expect(announcer(kim.page)).toHaveText(
      /^Your dot on “Letters in plain English” was counted/,
    );
    const leeVote = new VotePage(lee.page);
    await leeVote.open();
    await leeVote.addDot(SAM_IDEA);
    await axeAll('Prioritise, voting open');
    await lee.page.goBack();
    await leeBoard.ready();
    await controls.closeRound();
    await expect(pat.page.getByTestId('voting-banner')).toContainText('Voting has closed');
    await pat.page.getByRole('link', { name: /See the results/ }).click();
    const results = new VotePage(pat.page);
    await expect(results.rankedList()).toContainText(KIM_IDEA);
    await expectNoAxeViolations(pat.page, 'the results on a phone');
    await pat.page.goBack();
    await patBoard.ready();
  });

  await test.step('Decide: a decision about a priority, with its outcome', async () => {
    await next('Decide', 4);
    await samBoard.addCardButton('Decisions').click();
    const d = decision(samBoard);
    await expect(d.getByLabel('Question or proposal')).toBeFocused();
    await sam.page.keyboard.type(QUESTION, { delay: 5 });
    await d.getByRole('button', { name: 'Choose: cards it answers' }).click();
    await d.getByRole('checkbox', { name: new RegExp(KIM_IDEA) }).check();
    await d.getByRole('button', { name: 'Done choosing' }).click();
    await expect(decision(kimBoard)).toContainText(`${KIM_IDEA} (Joint priorities)`);
    await expect(decision(patBoard).getByLabel('Question or proposal')).toHaveValue(QUESTION);
    const outcome = decision(franBoard).getByRole('region', { name: 'Outcome' });
    await outcome.getByRole('radio', { name: 'Agreed', exact: true }).check();
    await outcome.getByRole('button', { name: 'Save the outcome' }).click();
    for (const [, b] of everyone)
      await expect(decision(b).getByTestId('outcome')).toContainText('Decided: Agreed');
    await axeAll('Decide');
    if (SHOTS) await f.screenshot({ path: 'docs/walkthrough-decide.png', fullPage: true });
  });

  await test.step('Quality indicators: an indicator that serves a priority', async () => {
    await next('Quality indicators', 5);
    await expect(samBoard.addCardButton('Decisions')).toHaveCount(0);
    await leeBoard.addCardButton('Quality indicators').click();
    const i = indicator(leeBoard);
    await expect(i.getByLabel('Statement')).toBeFocused();
    await lee.page.keyboard.type(INDICATOR, { delay: 5 });
    await i.getByLabel('Target', { exact: true }).fill('80');
    for (const [, b] of everyone)
      await expect(indicator(b).getByLabel('Statement')).toHaveValue(INDICATOR);
    await expect(indicator(patBoard).getByTestId('adoption')).toHaveText('Not adopted yet');
    await axeAll('Quality indicators');
  });

  await test.step('Review: the last step, then the agenda ends', async () => {
    await next('Review', 6);
    await expect(banner(kim.page)).toContainText('This is the last step.');
    await axeAll('Review');
    if (SHOTS) await pat.page.screenshot({ path: 'docs/walkthrough-review.png', fullPage: true });
    await f.getByRole('button', { name: 'End the agenda' }).click();
    for (const [a] of everyone) await expect(banner(a.page)).toHaveCount(0);
  });
});
