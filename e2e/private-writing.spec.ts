/**
 * Private writing, then reveal (issue 11): a staff facilitator starts it; a lived-experience
 * participant (on a phone) and a staff participant (keyboard only) each add a private card.
 * Everyone else sees only "cards waiting" per group, and nothing of the text reaches their
 * browser (every WebSocket frame it receives is checked); after "Reveal all" both see both
 * cards in their authors' colours. axe (WCAG 2.2 AA) in every new state.
 */
import type { Page } from '@playwright/test';
import { createWorkshop, expect, expectNoAxeViolations, joinWorkshop, test } from './fixtures';

/** Set PURPLE_DOCS_SHOTS=1 to refresh the screenshots in docs/. */
const SHOTS = process.env.PURPLE_DOCS_SHOTS === '1';

/** Every WebSocket frame the page receives, as text (binary frames read as Latin-1). */
function recordFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) =>
      frames.push(typeof payload === 'string' ? payload : payload.toString('latin1')),
    ),
  );
  return frames;
}

test('private cards stay private until the facilitator reveals them all at once', async ({
  newActor,
}) => {
  const fran = await newActor('Fran');
  const kim = await newActor('Kim');
  const pat = await newActor('Pat');
  await pat.page.setViewportSize({ width: 390, height: 844 });
  const franFrames = recordFrames(fran.page);
  const kimFrames = recordFrames(kim.page);
  const franBoard = await createWorkshop(fran.page, { group: 'Staff' });
  const patBoard = await joinWorkshop(pat, await franBoard.inviteUrl('people'));
  const kimBoard = await joinWorkshop(kim, await franBoard.inviteUrl('system'));

  await fran.page.getByRole('button', { name: 'Start private writing' }).click();
  await expect(pat.page.getByTestId('private-writing')).toContainText(
    'Only you can see these until the facilitator shows everyone.',
  );
  await expect(kim.page.getByTestId('board-announcer')).toHaveText(
    /^Private writing has started\./,
  );

  // Pat adds a private card with the mouse and types in it.
  await pat.page.getByRole('button', { name: 'Add a private card to Joint priorities' }).click();
  const patCard = await patBoard.focusedDraftId();
  expect(patCard, 'focus moves into the new private card').not.toBeNull();
  await pat.page.keyboard.type('Pat private idea', { delay: 10 });
  await expect(
    patBoard.section('Joint priorities').getByTestId('private-cards-priorities'),
  ).toBeVisible();
  await expectNoAxeViolations(pat.page, 'a private card on a phone');

  // Kim adds one with the keyboard alone.
  await kim.page.getByRole('button', { name: 'Add a private card to Joint priorities' }).focus();
  await kim.page.keyboard.press('Enter');
  const kimCard = await kimBoard.focusedDraftId();
  expect(kimCard).not.toBeNull();
  await kim.page.keyboard.type('Kim private idea', { delay: 10 });

  const waiting = '1 card waiting from people with lived experience, 1 from staff.';
  await expect(kim.page.getByTestId('cards-waiting')).toHaveText(waiting);
  await expect(fran.page.getByText(waiting).first()).toBeVisible();
  await expect(kim.page.locator('body')).not.toContainText('Pat private idea');
  await expect(fran.page.locator('body')).not.toContainText('private idea');
  for (const frame of kimFrames) expect(frame).not.toContain('Pat private idea');
  for (const frame of franFrames) expect(frame).not.toContain('private idea');
  await expectNoAxeViolations(kim.page, 'cards waiting');
  await expectNoAxeViolations(fran.page, 'the facilitator during private writing');
  if (SHOTS) await pat.page.screenshot({ path: 'docs/private-writing.png', fullPage: true });

  // Fran reveals by keyboard; both cards appear for everyone, in their authors' colours.
  await fran.page.getByRole('button', { name: 'Reveal all' }).focus();
  await fran.page.keyboard.press('Enter');
  for (const board of [franBoard, kimBoard, patBoard]) {
    await expect(board.cardText(board.card(patCard!))).toHaveValue('Pat private idea');
    await expect(board.cardText(board.card(kimCard!))).toHaveValue('Kim private idea');
    await expect(board.card(patCard!)).toHaveAttribute('data-colour', 'people');
    await expect(board.card(kimCard!)).toHaveAttribute('data-colour', 'system');
  }
  await expect(pat.page.getByTestId('private-writing')).toHaveCount(0);
  await expect(pat.page.getByTestId('board-announcer')).toHaveText(
    'The facilitator has shown everyone’s cards.',
  );
  await expect(pat.page.locator('li[data-draft-card-id]')).toHaveCount(0);
  await expect(
    pat.page.getByRole('button', { name: 'Add a card to Joint priorities', exact: true }),
  ).toBeVisible();
  await expectNoAxeViolations(kim.page, 'after the reveal');
  if (SHOTS)
    await kim.page.screenshot({ path: 'docs/private-writing-revealed.png', fullPage: true });
});
