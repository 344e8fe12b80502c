import { describe, expect, it } from 'vitest';
import { buildSummary } from './buildSummary';
import { summaryFixture } from './fixture';
import { RECORDS_AS_RECORDED } from './limits';
import { AGAINST_LIVED_PREFIX } from './records';
import { summarySchema } from './schema';

const fac = () => buildSummary(summaryFixture());
const participant = () => buildSummary(summaryFixture({ id: 'ann', capability: 'contributor' }));

describe('buildSummary', () => {
  it('[I39] fills every section in order and satisfies its own schema', () => {
    const m = fac();
    expect(summarySchema.parse(m)).toEqual(m);
    expect(m.context.map((c) => c.text)).toEqual(['Budget is £40k; beds are short.']);
    expect(m.priorities.map((c) => c.cardId)).toEqual(['p1', 'p3', 'p2']);
    expect(m.decisions.map((c) => c.cardId)).toEqual(['d1', 'd2']);
    expect(m.indicators.map((c) => c.cardId)).toEqual(['i1', 'i2']);
    expect(m.youSaidWeDid.map((y) => [y.cardId, y.status])).toEqual([
      ['p1', 'decided'],
      ['p3', 'closed'],
      ['p2', 'decided'],
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

  it('an empty section is an empty list, and the limits say records are shown as recorded', () => {
    const input = summaryFixture();
    input.cards = input.cards.filter((c) => c.section !== 'decisions');
    const m = buildSummary(input);
    expect(m.decisions).toEqual([]);
    expect(m.limits).toContain(RECORDS_AS_RECORDED);
    // Without the decisions, p1 is still decided by its adopted indicator; p2's indicator
    // drifted, so only linked: underway.
    expect(m.youSaidWeDid.map((y) => y.status)).toEqual(['decided', 'closed', 'underway']);
  });

  it('decisions carry proposal, options, rule, power ledger, outcome, rationale, actions, answers', () => {
    const [d1, d2] = fac().decisions;
    expect(d1).toMatchObject({
      proposal: 'Pilot the phone call in Ward 7 from March',
      options: 'Phone calls, or a text message',
      rule: 'Nobody objects (consent)',
      powerLedger: {
        holder: 'Ward manager holds the budget',
        outOfHands: 'Staffing levels are set by the trust board',
        passedOnTo: '',
      },
      outcome: 'Agreed',
      rationale: 'People said a voice matters more than a text.',
      againstLivedExperience: null,
      answers: [{ cardId: 'p1', text: 'Phone people the day after they go home' }],
    });
    expect(d1?.actions).toEqual([
      {
        text: 'Write the call script',
        owner: 'Ward sister',
        due: '2027-02-01',
        status: 'Done',
        reason: '',
      },
      {
        text: 'Train the morning team',
        owner: 'Practice educator',
        due: null,
        status: 'In progress',
        reason: '',
      },
    ]);
    expect(d2).toMatchObject({
      rule: 'The budget holder decides after hearing the room',
      powerLedger: { holder: 'Director of nursing', passedOnTo: 'Trust board' },
      outcome: 'Not agreed',
      againstLivedExperience: `${AGAINST_LIVED_PREFIX} there is no money for a new post this year.`,
      actions: [],
    });
  });

  it('indicators carry their fields, adoption by group (an adopted one, a drifted one) and readings', () => {
    const [i1, i2] = fac().indicators;
    expect(i1).toMatchObject({
      measure: 'Calls made within 48 hours of going home, from the call log',
      target: '90%',
      baseline: '40%',
      dataSource: 'Ward call log',
      owner: 'Ward manager',
      reviewDate: '2027-03-01',
      adoption: { adopted: true, endorsedBy: ['people', 'system'] },
      serves: [{ cardId: 'p1', text: 'Phone people the day after they go home' }],
    });
    expect(i1?.readings.map((r) => [r.date, r.value])).toEqual([
      ['2026-12-01', 42],
      ['2026-12-08', 57.5],
    ]);
    expect(i2).toMatchObject({
      agreement: 'drifted',
      driftedBy: 'people',
      adoption: { adopted: false, endorsedBy: ['system'] },
      readings: [],
      reviewDate: null,
    });
  });

  it('you said, we did: the impact answer in words, closures with their reason', () => {
    const y = new Map(fac().youSaidWeDid.map((x) => [x.cardId, x.outcome]));
    expect(y.get('p1')).toBe(
      'Agreed: Pilot the phone call in Ward 7 from March; Checked by: Share of people called within 48 hours',
    );
    expect(y.get('p2')).toBe('Not agreed: Drop the named contact for now');
    expect(y.get('p3')).toBe('Not possible, because the rota is set by the trust, not this ward.');
  });

  it('[I42] an anonymous person is never named as who added a reading, for any viewer', () => {
    for (const viewer of [
      { id: 'fac', capability: 'facilitator' as const },
      { id: 'ann', capability: 'contributor' as const },
    ]) {
      const m = buildSummary(summaryFixture(viewer));
      const added = m.indicators.flatMap((i) => i.readings.map((r) => r.addedBy));
      expect(added).toHaveLength(2);
      expect(added[0]).not.toContain('HiddenHana');
      expect(JSON.stringify(m)).not.toContain('HiddenHana');
    }
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
      chars: { people: 20, system: 51 },
      cards: { people: 0, system: 1, joint: 1 },
    });
  });

  it('the participant version says who it is for', () => {
    expect(participant().audience).toBe('participant');
    expect(fac().audience).toBe('facilitator');
  });
});
