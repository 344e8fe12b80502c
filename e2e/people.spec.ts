/**
 * People and links (issue 8 §7, issue 13): the facilitator removes and erases people from
 * the people list by keyboard, makes a new link after turning one off, edits the title,
 * and a returning browser finds its workshops on the home page. axe in every new state.
 */
import type { Page } from '@playwright/test';
import { createWorkshop, expect, expectNoAxeViolations, joinWorkshop, test } from './fixtures';

const peopleList = (page: Page) => page.getByTestId('people-list');
const person = (page: Page, label: string) =>
  peopleList(page).locator('li[data-person]').filter({ hasText: label });
const liveInvite = (page: Page, kind: string) =>
  page.locator(`li[data-invite-kind="${kind}"][data-revoked="false"]`).getByRole('textbox');

test('remove and erase from the people list, by keyboard, asked first and announced', async ({
  newActor,
}) => {
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page, { group: 'Staff' });
  const link = await franBoard.inviteUrl('people');
  const pat = await newActor('Pat');
  const patBoard = await joinWorkshop(pat, link);
  const quinn = await newActor('Quinn');
  await joinWorkshop(quinn, link);

  await expect(person(fran.page, 'Pat')).toBeVisible();
  await expect(person(fran.page, 'Quinn')).toBeVisible();

  // Remove Pat, keyboard only: the question takes focus; Enter confirms.
  await person(fran.page, 'Pat').getByRole('button', { name: 'Remove Pat' }).focus();
  await fran.page.keyboard.press('Enter');
  const yes = fran.page.getByRole('button', { name: 'Yes, remove them' });
  await expect(yes).toBeFocused();
  await expectNoAxeViolations(fran.page, 'the removal question');
  await fran.page.keyboard.press('Enter');
  await expect(fran.page.getByTestId('people-status')).toHaveText('Pat has been removed.');
  await expect(person(fran.page, 'Pat')).toHaveCount(0);
  await expect(patBoard.endedNotice()).toContainText(
    'The facilitator has removed you from this workshop.',
  );

  // Erase Quinn's details: Escape cancels and gives focus back; then confirm.
  const erase = person(fran.page, 'Quinn').getByRole('button', {
    name: 'Erase the details of Quinn',
  });
  await erase.focus();
  await fran.page.keyboard.press('Enter');
  await fran.page.keyboard.press('Escape');
  await expect(erase).toBeFocused();
  await fran.page.keyboard.press('Enter');
  await fran.page.getByRole('button', { name: 'Yes, erase their details' }).press('Enter');
  await expect(fran.page.getByTestId('people-status')).toHaveText(
    'Their details have been erased.',
  );
  await expect(peopleList(fran.page)).not.toContainText('Quinn');
  // Fran is staff 1, Pat lived experience 1, Quinn lived experience 2: stable numbers.
  await expect(person(fran.page, 'Participant 2 (lived experience)')).toContainText(
    'Their details have been erased.',
  );
  await expectNoAxeViolations(fran.page, 'the people list after removing and erasing');
});

test('a new link for a group after turning one off; the list says who joined with which', async ({
  newActor,
}) => {
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page, { group: 'Staff' });
  const first = await franBoard.inviteUrl('people');
  await joinWorkshop(await newActor('Early'), first);
  await franBoard.turnOffInvite('people');

  await fran.page
    .getByRole('button', { name: 'Make a new link for people with lived experience' })
    .click();
  await expect(fran.page.getByTestId('new-link-status')).toHaveText(
    'A new link is ready in the list above.',
  );
  const fresh = liveInvite(fran.page, 'people');
  await expect(fresh).toHaveValue(/\/join\//);
  const second = await fresh.inputValue();
  expect(second).not.toBe(first);
  await joinWorkshop(await newActor('Late'), second);
  await expect(person(fran.page, 'Late')).toContainText(
    'Joined with: Link for people with lived experience (second link)',
  );
  await expect(person(fran.page, 'Early')).toHaveCount(0);
  await expectNoAxeViolations(fran.page, 'the invite links with a new link');
  // At phone width too.
  await fran.page.setViewportSize({ width: 390, height: 844 });
  await expect(person(fran.page, 'Late')).toBeVisible();
  await expectNoAxeViolations(fran.page, 'the people list at 390 px');
});

test('the facilitator edits the title and question; everyone sees them; home lists the workshop', async ({
  newActor,
}) => {
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page, { group: 'Staff' });
  const pat = await newActor('Pat');
  await joinWorkshop(pat, await franBoard.inviteUrl('people'));

  await fran.page.getByText('Edit the title and question').click();
  await fran.page.getByLabel('Title', { exact: true }).fill('Leaving hospital well');
  await fran.page.getByLabel('Question', { exact: true }).fill('What would help most?');
  await fran.page.getByRole('button', { name: 'Save title and question' }).click();
  await expect(fran.page.getByTestId('workshop-status')).toContainText('Saved.');
  await expectNoAxeViolations(fran.page, 'the workshop settings');
  for (const page of [fran.page, pat.page]) {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leaving hospital well');
    await expect(page.locator('header').getByText('What would help most?')).toBeVisible();
  }

  // Pat's browser remembers the workshop (localStorage only) for "Your workshops".
  await pat.page.goto('/');
  const yours = pat.page.getByRole('region', { name: 'Your workshops' });
  await expect(yours.getByRole('link', { name: 'Leaving hospital well' })).toBeVisible();
  // The date in words, the same in every browser locale (not "12/1/2026").
  await expect(yours).toContainText(/\(last opened \d{1,2} [A-Z][a-z]+ \d{4}\)/);
  await expectNoAxeViolations(pat.page, 'the home page with your workshops');
  await yours.getByRole('link', { name: 'Leaving hospital well' }).click();
  await expect(pat.page.getByRole('heading', { level: 1 })).toHaveText('Leaving hospital well');
  // A browser that never opened it sees no list.
  const stranger = await newActor('Stranger');
  await stranger.page.goto('/');
  await expect(stranger.page.getByRole('region', { name: 'Your workshops' })).toHaveCount(0);
});

test('the facilitator closes, then deletes the workshop after a confirmation; everyone is told', async ({
  newActor,
}) => {
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page, { group: 'Staff' });
  const pat = await newActor('Pat');
  const patBoard = await joinWorkshop(pat, await franBoard.inviteUrl('people'));

  await fran.page.getByRole('button', { name: 'Close workshop' }).click();
  await expect(fran.page.getByTestId('workshop-status')).toHaveText('Closed.');
  await expect(fran.page.getByText('This workshop is closed.')).toBeVisible();
  await expect(fran.page.getByRole('button', { name: 'Reopen workshop' })).toBeVisible();

  await fran.page.getByRole('button', { name: 'Delete workshop' }).click();
  await expect(fran.page.getByRole('button', { name: 'Yes, delete everything' })).toBeFocused();
  await expectNoAxeViolations(fran.page, 'the delete-workshop question');
  await fran.page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(patBoard.endedNotice()).toContainText('This workshop has been deleted.');
  await expect(franBoard.endedNotice()).toContainText('This workshop has been deleted.');
  // Nothing is left to open, and Pat's browser forgets it.
  await pat.page.goto('/');
  await expect(pat.page.getByRole('region', { name: 'Your workshops' })).toHaveCount(0);
});

test('a link with a limit says plainly when it is full', async ({ newActor }) => {
  const fran = await newActor('Fran');
  const franBoard = await createWorkshop(fran.page, { group: 'Staff' });
  const link = await franBoard.inviteUrl('system');
  const item = fran.page.locator('li[data-invite-kind="system"]');
  await item.getByText('Limit how many can join').click();
  await item.getByLabel('Most people who can join with this link').fill('1');
  await item.getByRole('button', { name: 'Save limit' }).click();
  await expect(item).toContainText('Saved: at most 1.');
  await joinWorkshop(await newActor('Sam'), link);
  await expect(item).toContainText('This link is full: no one else can join with it.');
  await expectNoAxeViolations(fran.page, 'a full invite link');

  const late = await newActor('Lee');
  await late.page.goto(link);
  await expect(late.page.getByRole('heading', { name: 'This link is full' })).toBeVisible();
  await expect(late.page.getByText('Ask the facilitator for another link.')).toBeVisible();
  await expect(late.page.getByRole('button', { name: 'Join the workshop' })).toHaveCount(0);
  await expectNoAxeViolations(late.page, 'the join page of a full link');
});
