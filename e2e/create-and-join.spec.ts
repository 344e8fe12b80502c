/**
 * A facilitator starts a workshop at `/`, lands on the board and sees the three invite
 * links; a participant joins through one. axe finds nothing on any of these pages.
 */
import { createWorkshop, expect, expectNoAxeViolations, joinWorkshop, test } from './fixtures';
import { HomePage } from './pages/HomePage';

test('the home page has no axe violations', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await expectNoAxeViolations(page, 'the home page');
});

test('a facilitator creates a workshop and a participant joins it', async ({ newActor }) => {
  const fran = await newActor('Fran');
  const board = await createWorkshop(fran.page, {
    title: 'Making the clinic easier to visit',
    facilitatorName: 'Fran',
  });

  await expect(fran.page).toHaveURL(/\/w\/[^/?]+/);
  await expect(fran.page.getByRole('heading', { level: 1 })).toHaveText(
    'Making the clinic easier to visit',
  );
  const invites = fran.page.getByRole('region', { name: 'Invite people' });
  await expect(invites.getByRole('textbox')).toHaveCount(3);
  for (const name of [
    'Link for people with lived experience',
    'Link for staff',
    'Link for observers (they can only read)',
  ]) {
    await expect(invites.getByLabel(name, { exact: true })).toHaveValue(/^http.*\/join\/\S+$/);
  }
  await expectNoAxeViolations(fran.page, 'the facilitator’s new board');

  const peopleLink = await board.inviteUrl('people');
  const pat = await newActor('Pat');
  await pat.page.goto(peopleLink);
  await expect(pat.page.getByText('someone with lived experience')).toBeVisible();
  await expectNoAxeViolations(pat.page, 'the join page');

  const patBoard = await joinWorkshop(pat, peopleLink);
  await expect(pat.page.getByRole('heading', { level: 1 })).toHaveText(
    'Making the clinic easier to visit',
  );
  // Participants never see the facilitator's tools.
  await expect(pat.page.getByRole('region', { name: 'Invite people' })).toHaveCount(0);
  await expect(patBoard.addCardButton('Context')).toBeVisible();
  await expectNoAxeViolations(pat.page, 'a participant’s board');
});
