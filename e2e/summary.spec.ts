/**
 * The summary (issue 10) as people use it: the facilitator opens it from the board,
 * downloads every format, prints it to PDF through Chromium with each section on its own
 * page; a participant can read their version once the facilitator shares it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SUMMARY_FORMATS } from '../lib/summary/formats';
import { SUMMARY_HEADINGS } from '../lib/summary/words';
import { createWorkshop, expect, expectNoAxeViolations, joinWorkshop, test } from './fixtures';
import { SummaryPage } from './pages/SummaryPage';

const PRIORITY = 'Phone people the day after they go home';
const CONTEXT = 'Gwasanaeth Cymraeg: ŵ ŷ — budget £40k';
const dir = mkdtempSync(path.join(tmpdir(), 'purple-e2e-summary-'));
/** Set PURPLE_DOCS_SHOTS=1 to refresh the screenshots in docs/. */
const SHOTS = process.env.PURPLE_DOCS_SHOTS === '1';

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('the facilitator reads, downloads and prints the summary; a participant reads theirs once shared', async ({
  newActor,
}) => {
  test.setTimeout(180_000);
  const fran = await newActor('Fran');
  const board = await createWorkshop(fran.page);
  for (const [section, text] of [
    ['Context', CONTEXT],
    ['Joint priorities', PRIORITY],
  ] as const) {
    const id = await board.addCard(section);
    await board.typeAtEnd(id, text);
  }
  await expect(fran.page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const boardUrl = fran.page.url();
  const pat = await newActor('Pat');
  await joinWorkshop(pat, await board.inviteUrl('people'));

  // Before it is shared, a participant is told it is not ready.
  const patSummary = new SummaryPage(pat.page);
  await patSummary.open(boardUrl);
  await expect(
    pat.page.getByRole('heading', { name: 'The summary is not ready yet' }),
  ).toBeVisible();

  // The facilitator opens it from the panel.
  await fran.page.getByRole('link', { name: 'Open the workshop summary and downloads' }).click();
  const summary = new SummaryPage(fran.page);
  await expect(summary.heading()).toContainText('workshop summary');
  for (const h of Object.values(SUMMARY_HEADINGS))
    await expect(fran.page.getByRole('heading', { name: new RegExp(h) })).toBeVisible();
  await expect(fran.page.getByText(PRIORITY, { exact: true })).toBeVisible();
  await expectNoAxeViolations(fran.page, 'the facilitator summary');
  // At 320 px the tables and the chart scroll sideways: each must take keyboard focus.
  await fran.page.setViewportSize({ width: 320, height: 700 });
  await expectNoAxeViolations(fran.page, 'the facilitator summary at 320 px');
  await fran.page.setViewportSize({ width: 1280, height: 720 });
  if (SHOTS) await fran.page.screenshot({ path: 'docs/summary-page.png', fullPage: true });

  // Every download: the event, the file name, and the file itself.
  for (const [format, info] of Object.entries(SUMMARY_FORMATS)) {
    const d = await summary.download(info.label);
    expect(d.suggestedFilename()).toMatch(
      new RegExp(`^purple-summary-.+-\\d{4}-\\d{2}-\\d{2}\\.${info.ext}$`),
    );
    const file = path.join(dir, `${format}.${info.ext}`);
    await d.saveAs(file);
    const bytes = readFileSync(file);
    if (info.ext === 'pdf') {
      expect(pdfText(file)).toContain(format === 'pdf' ? PRIORITY : 'What we decided');
      if (SHOTS)
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '60',
          '-f',
          '1',
          '-l',
          '1',
          '-singlefile',
          file,
          `docs/summary-${format}`,
        ]);
    } else if (info.ext === 'docx') expect(bytes.subarray(0, 2).toString()).toBe('PK');
    else if (format === 'csv') expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    else expect(bytes.toString('utf8')).toContain(PRIORITY);
  }

  // Chromium's print path: no controls, and each section starts its own A4 page.
  await fran.page.emulateMedia({ media: 'print' });
  const printed = path.join(dir, 'printed.pdf');
  writeFileSync(printed, await fran.page.pdf({ format: 'A4', printBackground: true }));
  const pages = pdfText(printed)
    .replace(/\f\s*$/, '')
    .split('\f')
    .map((p) => p.trim());
  expect(pages.join('\n')).not.toContain('Download this summary');
  // The title and section 1 share the first page; nothing is left blank.
  expect(pages[0]).toContain(`1. ${SUMMARY_HEADINGS.about}`);
  expect(pages.filter((p) => p === '')).toEqual([]);
  for (const [i, h] of Object.values(SUMMARY_HEADINGS).slice(1).entries()) {
    const page = pages.find((p) => p.includes(`${i + 2}. ${h}`));
    expect(page, `a page for "${h}"`).toBeDefined();
    expect(page?.startsWith(`${i + 2}. ${h}`), `"${h}" starts its page`).toBe(true);
  }
  expect(pages.find((p) => p.startsWith('3.'))).toMatch(/Lived experience|Staff|Joint/);
  await fran.page.emulateMedia({ media: 'screen' });

  // Shared: the participant reads their version.
  await summary.shareDraft(true);
  await pat.page.reload();
  await expect(patSummary.heading()).toContainText('workshop summary');
  await expect(pat.page.getByText("Participants' version.", { exact: false })).toBeVisible();
  await expect(pat.page.getByRole('heading', { name: 'Who can read it' })).toHaveCount(0);
  await expect(pat.page.getByText(PRIORITY, { exact: true })).toBeVisible();
  await expectNoAxeViolations(pat.page, 'the participant summary');
});
