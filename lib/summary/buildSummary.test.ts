import { describe, expect, it } from 'vitest';
import { buildSummary } from './buildSummary';
import { summaryFixture } from './fixture';
import { RECORDS_NOT_YET } from './limits';
import { summarySchema } from './schema';

const fac = () => buildSummary(summaryFixture());
const participant = () => buildSummary(summaryFixture({ id: 'ann', capability: 'contributor' }));

describe('buildSummary', () => {
  it('[I39] fills every section in order and satisfies its own schema', () => {
    const m = fac();
    expect(summarySchema.parse(m)).toEqual(m);
    expect(m.context.map((c) => c.text)).toEqual(['Budget is £40k; beds are short.']);
    expect(m.priorities.map((c) => c.cardId)).toEqual(['p1', 'p3', 'p2']);
    expect(m.indicators.map((c) => c.cardId)).toEqual(['i1']);
    expect(m.youSaidWeDid.map((y) => [y.cardId, y.status])).toEqual([
      ['p1', 'open'],
      ['p3', 'open'],
      ['p2', 'open'],
    ]);
    expect(m.balance.sections.map((s) => s.section)).toEqual([
      'context',
      'priorities',
      'decisions',
      'indicators',
    ]);
    expect(m.workshop).toMatchObject({
      firstActivity: '2026-11-20T10:05:00.000Z',
      lastActivity: '2026-11-27T16:00:00.000Z',
    });
  });

  it('an empty section is an empty list, and the limits say what records would add', () => {
    const m = fac();
    expect(m.decisions).toEqual([]);
    expect(m.limits).toContain(RECORDS_NOT_YET);
  });

  it('colour in words comes from the one colour rule; agreement and drift are kept apart', () => {
    const [p1, p3, p2] = fac().priorities;
    expect(p1).toMatchObject({ colour: 'joint', agreement: 'agreed', driftedBy: null });
    expect(p2).toMatchObject({ colour: 'joint', agreement: 'drifted', driftedBy: 'system' });
    expect(p3).toMatchObject({ colour: 'system', agreement: 'none' });
  });

  it('divergent votes keep their dots per group, shares, balanced score and rank', () => {
    expect(fac().priorities[0]?.vote).toEqual({
      roundId: 'r1',
      dots: { people: 3, system: 2 },
      shares: { people: 0.6, system: 0.4 },
      balancedScore: 0.5,
      rank: 1,
      tied: false,
      divergent: true,
    });
  });

  it('[I17] a hidden round gives no counts to anyone; facilitators see only its turnout', () => {
    const f = fac();
    expect(f.indicators[0]?.vote).toBeUndefined();
    expect(f.balance.rounds.map((r) => [r.number, r.resultsShown])).toEqual([
      [1, true],
      [2, false],
    ]);
    const p = participant();
    expect(p.indicators[0]?.vote).toBeUndefined();
    expect(p.balance.rounds.map((r) => r.number)).toEqual([1]);
  });

  it('[I42] names: only people who show them, in groups of three or more, never the removed', () => {
    for (const m of [fac(), participant()]) {
      expect(m.takingPart.names).toEqual([
        { name: 'Ann', group: 'people' },
        { name: 'Gwen Ŵyn', group: 'people' },
      ]);
      expect(JSON.stringify(m)).not.toMatch(/HiddenHana|Gone Person|"Bo"|Fay|Olly/);
    }
  });

  it('[I12] a group of fewer than three is shown only as a group, and says so', () => {
    const m = fac();
    expect(m.takingPart.groups).toEqual([
      { group: 'people', joined: 3, contributed: 3, small: false },
      { group: 'system', joined: 2, contributed: 1, small: true },
      { group: 'observer', joined: 1, contributed: 0, small: false },
    ]);
    expect(m.facilitators).toEqual([{ label: 'A facilitator (Staff)', group: 'system' }]);
    expect(m.limits.some((l) => l.startsWith('Fewer than three people took part as staff'))).toBe(
      true,
    );
    expect(m.limits).toContain(
      'One person chose not to show their name. They are counted but not named.',
    );
  });

  it('balance counts characters and cards per group in each section', () => {
    const [context, priorities, decisions] = fac().balance.sections;
    expect(context).toMatchObject({
      chars: { people: 0, system: 31 },
      cards: { people: 0, system: 1, joint: 0 },
    });
    expect(priorities).toMatchObject({
      chars: { people: 50, system: 55 },
      cards: { people: 0, system: 1, joint: 2 },
    });
    expect(decisions).toMatchObject({
      chars: { people: 0, system: 0 },
      cards: { people: 0, system: 0, joint: 0 },
    });
  });

  it('the participant version says who it is for', () => {
    expect(participant().audience).toBe('participant');
    expect(fac().audience).toBe('facilitator');
  });
});
