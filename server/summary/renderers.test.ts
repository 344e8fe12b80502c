/**
 * Every text format of the seeded summary read back (issue 10): the Markdown golden file,
 * CSV parsed round-trip with a formula-injection and Unicode corpus, JSON against the
 * schema, easy-read sentence lengths, and file names.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../lib/summary/buildSummary';
import { EASY_READ_MAX_WORDS, easyRead } from '../../lib/summary/easyRead';
import { summaryFixture } from '../../lib/summary/fixture';
import { summaryFileName } from '../../lib/summary/formats';
import { renderJson } from '../../lib/summary/renderJson';
import { renderMarkdown } from '../../lib/summary/renderMarkdown';
import { summarySchema } from '../../lib/summary/schema';
import { CSV_COLUMNS, renderCsv } from './renderCsv';

const GOLDEN = path.join(import.meta.dirname, 'golden', 'summary.md');

describe('Markdown', () => {
  it('[I39] matches the reviewed golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
    const md = renderMarkdown(buildSummary(summaryFixture()));
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, md);
    expect(md).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('escapes card text so nobody’s words become formatting', () => {
    const input = summaryFixture();
    input.cards[0] = {
      ...input.cards[0]!,
      text: '# Not a heading\n- not a list | [link](x) *bold*',
    };
    const md = renderMarkdown(buildSummary(input));
    expect(md).toContain('- \\# Not a heading  \n  \\- not a list \\| \\[link\\](x) \\*bold\\*');
  });
});

/** Cells a spreadsheet would run as formulas, and text from many scripts. */
const CORPUS = [
  '=1+2',
  '+SUM(A1)',
  '-2+3',
  '@cmd',
  '\t=tab',
  '\r=cr',
  '=HYPERLINK("http://evil","x")',
  'Gwasanaeth Cymraeg: ŵ ŷ â',
  'Zażółć gęślą jaźń',
  'quote " and, comma\nnew line',
  '😀 emoji and 中文',
  'ordinary text',
];

describe('CSV', () => {
  it('[I39] starts with a BOM and round-trips every field, neutralising formula cells', () => {
    const input = summaryFixture();
    input.cards = CORPUS.map((text, i) => ({ ...input.cards[0]!, id: `x${i}`, text }));
    const m = buildSummary(input);
    const bytes = renderCsv(m);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(Buffer.from(bytes), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    const context = rows.filter((r) => r.kind === 'context');
    expect(context.map((r) => r.text)).toEqual(
      CORPUS.map((t) => (/^[=+\-@\t\r]/.test(t) ? `'${t}` : t)),
    );
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('[I39] has a row per decision, action, indicator, reading and priority (you said)', () => {
    const bytes = renderCsv(buildSummary(summaryFixture()));
    const rows = parse(Buffer.from(bytes), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const of = (kind: string) => rows.filter((r) => r.kind === kind);
    expect(of('decision').map((r) => [r.id, r.status])).toEqual([
      ['d1', 'Agreed'],
      ['d2', 'Not agreed'],
    ]);
    expect(of('decision')[1]?.detail).toContain('This goes against what people with lived');
    expect(of('action').map((r) => [r.parent, r.text, r.owner, r.date, r.status])).toEqual([
      ['d1', 'Write the call script', 'Ward sister', '2027-02-01', 'Done'],
      ['d1', 'Train the morning team', 'Practice educator', '', 'In progress'],
    ]);
    expect(of('indicator').map((r) => [r.id, r.owner, r.date])).toEqual([
      ['i1', 'Ward manager', '2027-03-01'],
      ['i2', 'Family liaison', ''],
    ]);
    expect(of('reading').map((r) => [r.parent, r.text, r.date])).toEqual([
      ['i1', '42', '2026-12-01'],
      ['i1', '57.5', '2026-12-08'],
    ]);
    expect(of('reading').map((r) => r.owner)).not.toContain('HiddenHana');
    expect(of('you_said').map((r) => [r.id, r.status])).toEqual([
      ['p1', 'decided'],
      ['p3', 'closed'],
      ['p2', 'decided'],
    ]);
  });
});

describe('JSON', () => {
  it('[I39] validates against the zod schema and carries schemaVersion', () => {
    const parsed = summarySchema.parse(JSON.parse(renderJson(buildSummary(summaryFixture()))));
    expect(parsed.schemaVersion).toBe(2);
    expect(parsed.decisions[1]?.againstLivedExperience).toMatch(/^This goes against/);
    expect(parsed.indicators[0]?.readings).toHaveLength(2);
  });
});

describe('easy read', () => {
  it(`[I41] every sentence we write has at most ${EASY_READ_MAX_WORDS} words; decisions come first`, () => {
    const { parts } = easyRead(buildSummary(summaryFixture()));
    expect(parts[0]?.heading).toBe('What we decided');
    const first = parts[0]?.points ?? [];
    expect(first.map((p) => p.icon)).toEqual([
      'decision',
      'decision',
      'action',
      'action',
      'decision',
      'info',
    ]);
    expect(first[1]?.quote).toBe('Pilot the phone call in Ward 7 from March');
    // An action's state in everyday words, not the status label.
    expect([first[2]?.sentences, first[3]?.sentences]).toEqual([
      ['This is done.'],
      ['Someone is doing this now.'],
    ]);
    expect(first[4]?.sentences).toContain(
      'This is not what people with lived experience asked for.',
    );
    const next = parts.find((p) => p.heading === 'What happens next')?.points ?? [];
    expect(next.map((p) => p.sentences[0])).toEqual([
      'This is what we did about each thing you said.',
      'We made a decision about this.',
      'We cannot do this.',
      'We made a decision about this.',
    ]);
    const sentences = parts.flatMap((p) => [p.heading, ...p.points.flatMap((x) => x.sentences)]);
    for (const s of sentences)
      expect(s.split(/\s+/).length, s).toBeLessThanOrEqual(EASY_READ_MAX_WORDS);
    for (const s of parts.flatMap((p) => p.points.flatMap((x) => x.sentences)))
      expect(s.match(/[.!?]/g)?.length ?? 0, `one idea per sentence: ${s}`).toBeLessThanOrEqual(1);
  });
});

describe('file names', () => {
  it('carry the workshop title and the date, in any script', () => {
    expect(summaryFileName('Gwasanaeth Iechyd: Ŵyl 2026!', '2026-12-01T12:00:00Z', 'pdf')).toBe(
      'purple-summary-gwasanaeth-iechyd-wyl-2026-2026-12-01.pdf',
    );
    expect(summaryFileName('***', '2026-12-01T12:00:00Z', 'easy-read-docx')).toBe(
      'purple-summary-workshop-easy-read-2026-12-01.docx',
    );
  });
});
