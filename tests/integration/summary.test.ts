/**
 * The summary through the real server (issue 10; invariants I39–I42): every format read
 * back, privacy for every viewer, and who may read the summary when.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_FORMATS, type SummaryFormat } from '../../lib/summary/formats';
import { AGAINST_LIVED_PREFIX } from '../../lib/summary/records';
import { summarySchema } from '../../lib/summary/schema';
import { SUMMARY_HEADINGS } from '../../lib/summary/words';
import { purple } from '../../server/facade';
import { startTestServer, stopTestServer, type TestServer } from './harness';
import { readBack } from './readBack';
import { cookieOf, SECRETS, seedSummaryWorkshop } from './summarySeed';

let server: TestServer;
let seed: Awaited<ReturnType<typeof seedSummaryWorkshop>>;

beforeAll(async () => {
  server = await startTestServer();
  seed = await seedSummaryWorkshop(server);
}, 60_000);
afterAll(async () => {
  await stopTestServer(server);
});

async function download(cookie: string, format: SummaryFormat) {
  const r = await purple().summaryExport(seed.w.workshopId, cookie, format);
  if (!r.ok) throw new Error(r.message);
  return { file: r.value, text: await readBack(format, r.value.body) };
}

const FORMATS = Object.keys(SUMMARY_FORMATS) as SummaryFormat[];

describe('who may read the summary', () => {
  it('[I40] participants cannot read a draft until the facilitator shares it', async () => {
    const r = await purple().summary(seed.w.workshopId, cookieOf(seed.ann));
    expect(r).toMatchObject({ ok: false, reason: 'summaryNotShared' });
    const e = await purple().summaryExport(seed.w.workshopId, cookieOf(seed.ann), 'pdf');
    expect(e).toMatchObject({ ok: false, reason: 'summaryNotShared' });
  });

  it('[I40] only a facilitator may change the settings; sharing lets participants in', async () => {
    const no = await purple().setSummarySettings(seed.w.workshopId, cookieOf(seed.bo), {
      shareDraft: true,
      final: false,
    });
    expect(no).toMatchObject({ ok: false });
    const yes = await purple().setSummarySettings(seed.w.workshopId, cookieOf(seed.w.facilitator), {
      shareDraft: true,
      final: false,
    });
    expect(yes).toEqual({ ok: true, value: { shareDraft: true, final: false } });
    const r = await purple().summary(seed.w.workshopId, cookieOf(seed.observer));
    expect(r.ok && r.value.model.audience).toBe('participant');
    expect(r.ok && r.value.canManage).toBe(false);
  });

  it('refuses an unknown format and a missing cookie', async () => {
    expect(
      await purple().summaryExport(seed.w.workshopId, cookieOf(seed.w.facilitator), 'exe'),
    ).toMatchObject({ reason: 'unknownFormat' });
    expect(await purple().summaryExport(seed.w.workshopId, undefined, 'pdf')).toMatchObject({
      reason: 'unauthenticated',
    });
  });
});

describe('every format, read back', () => {
  it('[I39] JSON validates against the zod schema and holds the seeded facts', async () => {
    const { text, file } = await download(cookieOf(seed.w.facilitator), 'json');
    expect(file.fileName).toMatch(
      /^purple-summary-better-discharge-from-hospital-\d{4}-\d{2}-\d{2}\.json$/,
    );
    const m = summarySchema.parse(JSON.parse(text));
    expect(m.priorities[0]?.text).toBe('Phone people the day after they go home');
    expect(m.priorities[0]?.vote).toMatchObject({ rank: 1, dots: { people: 3, system: 2 } });
    expect(m.priorities.find((p) => p.cardId === seed.ids.drift)).toMatchObject({
      agreement: 'drifted',
      driftedBy: 'system',
    });
    expect(m.priorities.find((p) => p.cardId === seed.ids.agreed)?.agreement).toBe('agreed');
    expect(m.priorities.find((p) => p.cardId === seed.ids.staffOnly)?.vote?.divergent).toBe(true);
    expect(m.takingPart.groups.find((g) => g.group === 'system')).toMatchObject({
      joined: 2,
      small: true,
    });
    expect(m.takingPart.names.map((n) => n.name)).toEqual(['Ann Visible', 'Gwen Ŵyn']);
    expect(m.facilitators[0]?.label).toBe('A facilitator (Staff)');
  });

  it('[I39] JSON holds the records: decisions, actions, indicators, adoption, readings, you said', async () => {
    const { text } = await download(cookieOf(seed.w.facilitator), 'json');
    const m = summarySchema.parse(JSON.parse(text));
    const decision = m.decisions.find((d) => d.cardId === seed.ids.decision);
    expect(decision).toMatchObject({
      rule: 'Nobody objects (consent)',
      powerLedger: { holder: 'Ward manager holds the budget' },
      outcome: 'Agreed',
      answers: [{ cardId: seed.ids.agreed }],
    });
    expect(decision?.actions.map((a) => [a.text, a.status])).toEqual([
      ['Write the call script', 'Done'],
      ['Train the morning team', 'Not started'],
    ]);
    expect(m.decisions.find((d) => d.cardId === seed.ids.refused)?.againstLivedExperience).toBe(
      `${AGAINST_LIVED_PREFIX} there is no money for a new post this year.`,
    );
    const adopted = m.indicators.find((i) => i.cardId === seed.ids.indicator);
    expect(adopted?.adoption).toEqual({ adopted: true, endorsedBy: ['people', 'system'] });
    expect(adopted?.readings.map((r) => r.value)).toEqual([42, 57.5]);
    expect(m.indicators.find((i) => i.cardId === seed.ids.drifted)).toMatchObject({
      agreement: 'drifted',
      driftedBy: 'people',
      adoption: { adopted: false },
    });
    const said = new Map(m.youSaidWeDid.map((y) => [y.cardId, y.status]));
    expect(said.get(seed.ids.agreed)).toBe('decided');
    expect(said.get(seed.ids.staffOnly)).toBe('closed');
  });

  it('[I39] CSV has a BOM, parses back, and neutralises formula cells', async () => {
    const { file } = await download(cookieOf(seed.w.facilitator), 'csv');
    expect([...file.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(Buffer.from(file.body), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.filter((r) => r.kind === 'action')).toHaveLength(2);
    expect(rows.filter((r) => r.kind === 'reading').map((r) => r.text)).toEqual(['42', '57.5']);
    expect(rows.filter((r) => r.kind === 'decision')).toHaveLength(2);
    expect(rows.filter((r) => r.kind === 'indicator')).toHaveLength(2);
    const staff = rows.find((r) => r.id === seed.ids.staffOnly);
    expect(staff?.text).toBe('\'=HYPERLINK("http://evil") staff rota first');
    expect(rows.find((r) => r.kind === 'context')?.text).toBe('Budget is £40k; beds are short.');
    expect(rows.some((r) => r.kind === 'limit')).toBe(true);
  });

  it.each(['markdown', 'docx', 'pdf'] as const)(
    '[I39] %s holds every heading and figure',
    async (format) => {
      const { text } = await download(cookieOf(seed.w.facilitator), format);
      const flat = text.replace(/\s+/g, ' ');
      for (const h of Object.values(SUMMARY_HEADINGS)) expect(flat).toContain(h);
      for (const t of [
        'Phone people the day after they go home',
        'Pilot the phone call in Ward 7',
        'Gwen Ŵyn',
        'Rank 1',
        'balanced score',
        'Nobody objects (consent)',
        'Ward manager holds the budget',
        'Outcome: Agreed',
        'Action: Write the call script. Who: Ward sister. By: 1 February 2027. Status: Done.',
        `${AGAINST_LIVED_PREFIX} there is no money for a new post this year.`,
        'Measure: Calls made within 48 hours of going home',
        'Target: 90%',
        'Adopted: both groups endorsed it as it is now',
        'Reading on 8 December 2026: 57.5',
        'Not possible, because the rota is set by the trust, not this ward.',
      ])
        expect(flat).toContain(t);
      expect(flat).toContain('Changed by staff since both groups agreed it');
    },
  );

  it.each(['easy-read-docx', 'easy-read-pdf'] as const)(
    '[I41] %s puts decisions first, with short sentences',
    async (format) => {
      const { text } = await download(cookieOf(seed.w.facilitator), format);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat.indexOf('What we decided')).toBeGreaterThan(-1);
      expect(flat.indexOf('What we decided')).toBeLessThan(flat.indexOf('What matters most'));
      expect(flat).toContain('Pilot the phone call in Ward 7');
      expect(flat).toContain('This is not what people with lived experience asked for.');
      expect(flat).toContain('Write the call script');
      expect(flat).toContain('Both groups agreed to use this.');
    },
  );
});

describe('privacy in every format, for every viewer', () => {
  it('[I42] no anonymous name and no access needs, anywhere', async () => {
    for (const viewer of [seed.w.facilitator, seed.ann, seed.bo, seed.observer]) {
      for (const format of FORMATS) {
        const { text, file } = await download(cookieOf(viewer), format);
        const raw = new TextDecoder('latin1').decode(file.body);
        for (const secret of Object.values(SECRETS)) {
          expect(text, `${format}`).not.toContain(secret);
          expect(raw, `${format} bytes`).not.toContain(secret);
        }
        // Staff are two: Bo is never named. The facilitator is staff too.
        expect(text).not.toContain('Bo Staff');
        expect(text).not.toContain('Fay Facilitator');
        // The anonymous person added a reading: it is credited to their group, never by name.
        if (!format.startsWith('easy'))
          expect(text).toMatch(/Added by A participant|A participant/);
      }
    }
  }, 120_000);
});
