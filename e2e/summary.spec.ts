/**
 * The summary (issue 10) as people use it, on a board with real records: the facilitator
 * opens it from the board, reads the decisions, indicators and "you said, we did", downloads
 * every format and finds them in each file, prints it to PDF through Chromium with each
 * section on its own page; a participant reads their version once the facilitator shares it,
 * with nothing the visibility policy hides. The records are written by real clients (the
 * y-websocket and socket.io clients of tests/integration/seedBoard.ts) carrying the browser
 * people's own session cookies, exactly as their boards would send them.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SUMMARY_FORMATS } from '../lib/summary/formats';
import { AGAINST_LIVED_PREFIX } from '../lib/summary/records';
import { summarySchema } from '../lib/summary/schema';
import { SUMMARY_HEADINGS } from '../lib/summary/words';
import type { Session } from '../tests/integration/clients';
import { flat, pdfText, readBack } from '../tests/integration/readBack';
import { SEED_TEXTS, seedBoard } from '../tests/integration/seedBoard';
import {
  type Actor,
  createWorkshop,
  expect,
  expectNoAxeViolations,
  joinWorkshop,
  test,
} from './fixtures';
import { SummaryPage } from './pages/SummaryPage';

const CONTEXT = 'Gwasanaeth Cymraeg: ŵ ŷ — budget £40k';
const STAFF_PRIORITY = 'Put the staff rota first';
/** What the visibility policy keeps out of every version: a hidden name, access needs, and
 * the names of a group of fewer than three (staff here are Fran and Sam). */
const HIDDEN = ['Hana Hidden', 'A BSL interpreter, please', 'Sam Staff'];
const dir = mkdtempSync(path.join(tmpdir(), 'purple-e2e-summary-'));
/** Set PURPLE_DOCS_SHOTS=1 to refresh the screenshots in docs/. */
const SHOTS = process.env.PURPLE_DOCS_SHOTS === '1';

/** The records in the words of the page, Markdown, CSV, DOCX and PDF (lib/summary/recordLines). */
const RECORD_WORDS = [
  SEED_TEXTS.decision,
  'Nobody objects (consent)',
  'Who holds the budget or the veto: Ward manager holds the budget',
  'Outcome: Agreed',
  SEED_TEXTS.refused,
  'Outcome: Not agreed',
  `${AGAINST_LIVED_PREFIX} there is no money for a new post this year.`,
  'Action: Write the call script. Who: Ward sister. By: 1 February 2027. Status: Done.',
  SEED_TEXTS.indicator,
  'Measure: Calls made within 48 hours of going home',
  'Target: 90%',
  'Adopted: both groups endorsed it as it is now',
  'Reading on 1 December 2026: 42 (First week).',
  'Reading on 8 December 2026: 57.5.',
  SUMMARY_HEADINGS.youSaid,
  'Not possible, because the rota is set by the trust, not this ward.',
];
/** The same records in the easy-read words (lib/summary/easyRead). */
const EASY_WORDS = [
  SEED_TEXTS.decision,
  'The answer is: Agreed.',
  'The answer is: Not agreed.',
  'This is not what people with lived experience asked for.',
  'There is no money for a new post this year.',
  'Write the call script',
  'This is done.',
  SEED_TEXTS.indicator,
  'Both groups agreed to use this.',
  'We checked it 2 times.',
  'This is what we did about each thing you said.',
  'We cannot do this.',
];

/** The session a browser person holds, for a real client acting as them. */
async function sessionOf(actor: Actor): Promise<Session> {
  const url = new URL(actor.page.url());
  const cookies = await actor.context.cookies();
  return {
    workshopId: url.pathname.split('/')[2] ?? '',
    cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    baseUrl: url.origin,
  };
}

/** Every item of `words` is in `text` (white space folded), and nothing hidden is. */
function expectWords(text: string, words: string[], label: string) {
  const f = flat(text);
  for (const w of words) expect(f, `${label} says "${w}"`).toContain(w);
  for (const h of HIDDEN) expect(f, `${label} hides "${h}"`).not.toContain(h);
}

test('the facilitator reads, downloads and prints the summary with its records; a participant reads theirs once shared', async ({
  newActor,
}) => {
  test.setTimeout(240_000);
  const fran = await newActor('Fran');
  const board = await createWorkshop(fran.page);
  const id = await board.addCard('Context');
  await board.typeAtEnd(id, CONTEXT);
  await expect(fran.page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const boardUrl = fran.page.url();
  const pat = await newActor('Pat Lived');
  await joinWorkshop(pat, await board.inviteUrl('people'));
  const hana = await newActor(HIDDEN[0] as string);
  await joinWorkshop(hana, await board.inviteUrl('people'), {
    anonymous: true,
    accessNeeds: HIDDEN[1],
  });
  const sam = await newActor(HIDDEN[2] as string);
  await joinWorkshop(sam, await board.inviteUrl('system'));

  // Cards, a vote, decisions with outcomes and actions, indicators with readings, a closed
  // priority: written as these four people, through the server's real endpoints.
  await seedBoard(
    { url: new URL(boardUrl).origin },
    {
      facilitator: await sessionOf(fran),
      lived: await sessionOf(pat),
      staff: await sessionOf(sam),
      anonymous: await sessionOf(hana),
    },
    { staffOnly: STAFF_PRIORITY },
  );
  await hana.context.close();
  await sam.context.close();

  // Before it is shared, a participant is told it is not ready.
  const patSummary = new SummaryPage(pat.page);
  await patSummary.open(boardUrl);
  await expect(
    pat.page.getByRole('heading', { name: 'The summary is not ready yet' }),
  ).toBeVisible();

  // The facilitator opens it from the panel and reads the records.
  await fran.page.getByRole('link', { name: 'Open the workshop summary and downloads' }).click();
  const summary = new SummaryPage(fran.page);
  await expect(summary.heading()).toContainText('workshop summary');
  for (const h of Object.values(SUMMARY_HEADINGS))
    await expect(fran.page.getByRole('heading', { name: new RegExp(h) })).toBeVisible();
  expectWords(await summary.text(), [CONTEXT, STAFF_PRIORITY, ...RECORD_WORDS], 'the page');
  await expectNoAxeViolations(fran.page, 'the facilitator summary with records');
  // At 320 px the tables and the chart scroll sideways: each must take keyboard focus.
  await fran.page.setViewportSize({ width: 320, height: 700 });
  await expectNoAxeViolations(fran.page, 'the facilitator summary at 320 px');
  await fran.page.setViewportSize({ width: 1280, height: 720 });
  if (SHOTS) await fran.page.screenshot({ path: 'docs/summary-page.png', fullPage: true });

  // Every download: the event, the file name, and the records in the file itself.
  for (const [format, info] of Object.entries(SUMMARY_FORMATS)) {
    const d = await summary.download(info.label);
    expect(d.suggestedFilename()).toMatch(
      new RegExp(`^purple-summary-.+-\\d{4}-\\d{2}-\\d{2}\\.${info.ext}$`),
    );
    const file = path.join(dir, `${format}.${info.ext}`);
    await d.saveAs(file);
    const bytes = readFileSync(file);
    const text = await readBack(format, bytes);
    if (format === 'json') {
      const m = summarySchema.parse(JSON.parse(text));
      const decided = new Map(m.decisions.map((d) => [d.proposal, d]));
      expect(decided.get(SEED_TEXTS.decision)).toMatchObject({ outcome: 'Agreed' });
      expect(decided.get(SEED_TEXTS.decision)?.actions).toHaveLength(2);
      expect(decided.get(SEED_TEXTS.refused)?.againstLivedExperience).toContain(
        AGAINST_LIVED_PREFIX,
      );
      const indicator = m.indicators.find((i) => i.text === SEED_TEXTS.indicator);
      expect(indicator?.adoption).toEqual({ adopted: true, endorsedBy: ['people', 'system'] });
      expect(indicator?.readings.map((r) => r.value)).toEqual([42, 57.5]);
      const said = new Map(m.youSaidWeDid.map((y) => [y.text, y.status]));
      expect(said.get(SEED_TEXTS.agreed)).toBe('decided');
      expect(said.get(STAFF_PRIORITY)).toBe('closed');
      expectWords(text, [], format);
    } else if (format.startsWith('easy-read')) expectWords(text, EASY_WORDS, format);
    // CSV has no headings: "you said, we did" rows are of kind `you_said`.
    else if (format === 'csv')
      expectWords(
        text,
        [...RECORD_WORDS.filter((w) => w !== SUMMARY_HEADINGS.youSaid), '"you_said"'],
        format,
      );
    else expectWords(text, RECORD_WORDS, format);
    if (format === 'csv') expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    if (info.ext === 'docx') expect(bytes.subarray(0, 2).toString()).toBe('PK');
    if (info.ext === 'pdf' && SHOTS)
      execFileSync('pdftoppm', [
        ...['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile'],
        file,
        `docs/summary-${format}`,
      ]);
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
  expectWords(pages.join('\n'), RECORD_WORDS, 'the printed page');
  await fran.page.emulateMedia({ media: 'screen' });

  // Shared: the participant reads their version, records and all, and nothing hidden.
  await summary.shareDraft(true);
  await pat.page.reload();
  await expect(patSummary.heading()).toContainText('workshop summary');
  await expect(pat.page.getByText("Participants' version.", { exact: false })).toBeVisible();
  await expect(pat.page.getByRole('heading', { name: 'Who can read it' })).toHaveCount(0);
  expectWords(await patSummary.text(), RECORD_WORDS, "the participant's page");
  await expectNoAxeViolations(pat.page, 'the participant summary with records');
  for (const format of ['json', 'pdf'] as const) {
    const d = await patSummary.download(SUMMARY_FORMATS[format].label);
    const text = await readBack(format, readFileSync((await d.path()) ?? ''));
    expectWords(text, format === 'pdf' ? RECORD_WORDS : [], `the participant's ${format}`);
    if (format === 'json')
      expect(summarySchema.parse(JSON.parse(text)).audience).toBe('participant');
  }
});
