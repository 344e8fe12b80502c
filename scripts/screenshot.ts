/**
 * Takes the README's screenshots of the compact board: a facilitator, a person with lived
 * experience and a member of staff on one board, with pink, blue and joint cards, one of
 * them agreed by both groups. Writes `board.png` (the README's, 1280 px wide),
 * `board-1280.png` and `board-390.png` (a phone) into the folder given. Usage:
 *   node --import tsx scripts/screenshot.ts http://localhost:3000 docs
 * against a running Purple (`npm start`).
 */
import { chromium, type Page } from '@playwright/test';
import { ensureChromium } from './ensureChromium';

const [base = 'http://localhost:3000', out = 'docs'] = process.argv.slice(2);

async function addCard(page: Page, section: string, text: string): Promise<string> {
  await page.getByRole('button', { name: `Add a card to ${section}`, exact: true }).click();
  const box = page.locator(':focus');
  await box.pressSequentially(text, { delay: 5 });
  return (await box.evaluate((el) => el.closest('li')?.getAttribute('data-card-id'))) ?? '';
}

async function main(): Promise<void> {
  const found = ensureChromium();
  const browser = await chromium.launch({
    args: found.args,
    ...(found.executablePath ? { executablePath: found.executablePath } : {}),
  });
  const ctx = () => browser.newContext({ viewport: { width: 1280, height: 900 } });
  const fac = await (await ctx()).newPage();
  await fac.goto(base);
  await fac.getByLabel('Workshop title').fill('Leaving hospital well');
  await fac
    .getByLabel('What question is the workshop about?')
    .fill('What should change first when people leave hospital?');
  await fac.getByLabel('Your name').fill('Fay');
  await fac.getByLabel('Staff').check();
  await fac.getByRole('button', { name: 'Create workshop' }).click();
  await fac.locator('[data-ready="true"]').waitFor();
  const link = (kind: string) => fac.locator(`li[data-invite-kind="${kind}"] input`).inputValue();
  const joinAs = async (url: string, name: string) => {
    const p = await (await ctx()).newPage();
    await p.goto(url);
    await p.getByLabel('Your name').fill(name);
    await p.getByRole('button', { name: 'Join the workshop' }).click();
    await p.locator('[data-ready="true"]').waitFor();
    return p;
  };
  const pink = await joinAs(await link('people'), 'Priya');
  const blue = await joinAs(await link('system'), 'Ben');
  await addCard(blue, 'Context', 'We have two discharge nurses for 300 beds.');
  await addCard(pink, 'Joint priorities', 'Tell me the plan before the day I go home.');
  const joint = await addCard(pink, 'Joint priorities', 'A named person to ring in the first week');
  const box = blue.locator(`li[data-card-id="${joint}"] textarea`);
  await box.click();
  await box.press('End');
  await box.pressSequentially(', who can see my notes and medicines.', { delay: 5 });
  await addCard(blue, 'Context', 'Transport home is booked by the ward before noon.');
  await addCard(pink, 'Joint priorities', 'Medicines ready before I leave.');
  const agreed = await addCard(blue, 'Decisions', 'Every ward gives a written plan.');
  await addCard(pink, 'Quality indicators', 'People say they knew the plan.');
  for (const page of [pink, blue]) {
    await page
      .locator(`li[data-card-id="${agreed}"]`)
      .getByRole('button', { name: 'We agree with this wording' })
      .click();
  }
  // Come back as someone who has been here before (no "save this link" box).
  await pink.goto(pink.url().replace(/\?.*$/, ''));
  await pink.locator('[data-ready="true"]').waitFor();
  await pink.waitForTimeout(1500);
  const toTop = () =>
    pink.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
  await toTop();
  await pink.screenshot({ path: `${out}/board.png` });
  await pink.screenshot({ path: `${out}/board-1280.png` });
  await pink.setViewportSize({ width: 390, height: 844 });
  await toTop();
  await pink.waitForTimeout(500);
  await pink.screenshot({ path: `${out}/board-390.png`, fullPage: true });
  await browser.close();
  process.stdout.write(`saved ${out}/board.png, board-1280.png and board-390.png\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
