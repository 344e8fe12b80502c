/**
 * A seeded summary input for tests and the bench (issue 10): both groups, an anonymous
 * person, a small staff group, an agreed card, a drifted one, a divergent vote, a hidden
 * round; two decisions (one agreed with actions, one refused against what people with lived
 * experience voted for, with its rationale), an adopted indicator with readings (one added by
 * the anonymous person) and a drifted one, and a priority closed as not possible. `scale` multiplies cards and people for the bench.
 */
import type { RecordsView } from '../protocol/recordEvents';
import type { Group } from '../roles';
import { addedByLabel, groupSizes } from '../visibility/policy';
import type { RoundResults } from '../voting/types';
import type { SummaryCardInput, SummaryInput, SummaryPerson } from './input';

const T = '2026-11-20T10:00:00.000Z';

function person(id: string, group: Group | null, over: Partial<SummaryPerson> = {}): SummaryPerson {
  return {
    id,
    group,
    anonymous: false,
    name: `Name ${id}`,
    capability: 'contributor',
    createdAt: T,
    removedAt: null,
    ...over,
  };
}

function card(
  id: string,
  section: SummaryCardInput['section'],
  text: string,
  over: Partial<SummaryCardInput> = {},
): SummaryCardInput {
  return {
    id,
    section,
    text,
    counts: { people: text.length, system: 0 },
    creatorGroup: 'people',
    endorsedBy: [],
    driftedBy: null,
    kind: section === 'decisions' ? 'decision' : section === 'indicators' ? 'indicator' : 'card',
    fields: {},
    ...over,
  };
}

function results(roundId: string, cards: RoundResults['cards']): RoundResults {
  return {
    roundId,
    cards,
    totals: { people: 5, system: 5, all: 10 },
    turnout: { people: { voted: 2, eligible: 3 }, system: { voted: 1, eligible: 2 } },
    basis: 'both',
    divergencePoints: 15,
    basisNote:
      'Both groups have voted, and each group counts for half of this ranking, whatever its size.',
  };
}

/** The stored record facts, as the server's `recordsViewFor` gives them to `viewer`. */
function records(viewer: { id: string }, people: SummaryPerson[]): RecordsView {
  const sizes = groupSizes(people);
  const by = (id: string) =>
    addedByLabel(
      viewer,
      people.find((p) => p.id === id),
      true,
      sizes,
    );
  const at = '2026-11-28T10:00:00.000Z';
  return {
    outcomes: [
      {
        decisionId: 'd1',
        outcome: 'agreed',
        rationale: 'People said a voice matters more than a text.',
        againstLived: false,
        againstBecause: null,
        savedAt: at,
      },
      {
        decisionId: 'd2',
        outcome: 'notAgreed',
        rationale: 'There is no money for a new post this year.',
        againstLived: true,
        againstBecause: 'vote',
        savedAt: at,
      },
    ],
    actions: [
      {
        id: 'a1',
        decisionId: 'd1',
        what: 'Write the call script',
        who: 'Ward sister',
        byWhen: '2027-02-01',
        status: 'done',
        reason: '',
        updatedAt: at,
      },
      {
        id: 'a2',
        decisionId: 'd1',
        what: 'Train the morning team',
        who: 'Practice educator',
        byWhen: null,
        status: 'inProgress',
        reason: '',
        updatedAt: at,
      },
    ],
    readings: [
      { id: 'g1', indicatorId: 'i1', value: 42, date: '2026-12-01', note: 'First week' },
      { id: 'g2', indicatorId: 'i1', value: 57.5, date: '2026-12-08', note: '' },
    ].map((r, n) => {
      const adder = n === 0 ? 'hana' : 'ann';
      const group = people.find((p) => p.id === adder)?.group ?? null;
      return { ...r, addedBy: by(adder), addedByGroup: group, addedAt: at };
    }),
    closures: [
      { cardId: 'p3', reason: 'The rota is set by the trust, not this ward.', closedAt: at },
    ],
  };
}

/** The seeded input, for `viewer` (default: the facilitator). */
export function summaryFixture(
  viewer: SummaryInput['viewer'] = { id: 'fac', capability: 'facilitator' },
): SummaryInput {
  const people = [
    person('fac', 'system', { name: 'Fay', capability: 'facilitator' }),
    person('ann', 'people', { name: 'Ann' }),
    person('gwen', 'people', { name: 'Gwen Ŵyn' }),
    person('hana', 'people', { name: 'HiddenHana', anonymous: true }),
    person('bo', 'system', { name: 'Bo' }),
    person('obs', null, { name: 'Olly', capability: 'observer' }),
    person('gone', 'people', { name: 'Gone Person', removedAt: T }),
  ];
  const cards = [
    card('c1', 'context', 'Budget is £40k; beds are short.', {
      counts: { people: 0, system: 31 },
      creatorGroup: 'system',
    }),
    card('p1', 'priorities', 'Phone people the day after they go home', {
      counts: { people: 30, system: 9 },
      endorsedBy: ['people', 'system'],
    }),
    card('p2', 'priorities', 'One named contact for every family', {
      driftedBy: 'system',
      counts: { people: 20, system: 14 },
    }),
    card('p3', 'priorities', '=HYPERLINK("x") staff rota first', {
      counts: { people: 0, system: 32 },
      creatorGroup: 'system',
    }),
    card('d1', 'decisions', 'Pilot the phone call in Ward 7 from March', {
      counts: { people: 20, system: 21 },
      creatorGroup: 'system',
      fields: {
        options: 'Phone calls, or a text message',
        rule: 'consent',
        powerHolder: 'Ward manager holds the budget',
        outOfHands: 'Staffing levels are set by the trust board',
        escalatedTo: '',
        rationale: 'People said a voice matters more than a text.',
        answers: ['p1'],
      },
    }),
    card('d2', 'decisions', 'Drop the named contact for now', {
      counts: { people: 0, system: 30 },
      creatorGroup: 'system',
      fields: {
        options: '',
        rule: 'budgetHolder',
        powerHolder: 'Director of nursing',
        outOfHands: '',
        escalatedTo: 'Trust board',
        rationale: 'There is no money for a new post this year.',
        answers: ['p2'],
      },
    }),
    card('i1', 'indicators', 'Share of people called within 48 hours', {
      endorsedBy: ['people', 'system'],
      fields: {
        measure: 'Calls made within 48 hours of going home, from the call log',
        target: '90%',
        baseline: '40%',
        dataSource: 'Ward call log',
        owner: 'Ward manager',
        reviewDate: '2027-03-01',
        serves: ['p1'],
      },
    }),
    card('i2', 'indicators', 'Families know who to call', {
      endorsedBy: ['system'],
      driftedBy: 'people',
      fields: {
        measure: 'Families asked at discharge',
        target: '',
        baseline: '',
        dataSource: '',
        owner: 'Family liaison',
        reviewDate: null,
        serves: ['p2'],
      },
    }),
  ];
  const visible = results('r1', [
    {
      cardId: 'p1',
      text: '',
      total: 5,
      dots: { people: 3, system: 2 },
      shares: { people: 0.6, system: 0.4 },
      balancedScore: 0.5,
      divergent: true,
      rank: 1,
      tied: false,
    },
    {
      cardId: 'p3',
      text: '',
      total: 3,
      dots: { people: 0, system: 3 },
      shares: { people: 0, system: 0.6 },
      balancedScore: 0.3,
      divergent: true,
      rank: 2,
      tied: false,
    },
    {
      cardId: 'p2',
      text: '',
      total: 2,
      dots: { people: 2, system: 0 },
      shares: { people: 0.4, system: 0 },
      balancedScore: 0.2,
      divergent: true,
      rank: 3,
      tied: false,
    },
  ]);
  const hidden = results('r2', [
    {
      cardId: 'i1',
      text: '',
      total: 4,
      dots: { people: 4, system: 0 },
      shares: { people: 1, system: 0 },
      balancedScore: 1,
      divergent: true,
      rank: 1,
      tied: false,
    },
  ]);
  return {
    viewer,
    status: 'draft',
    generatedAt: '2026-12-01T12:00:00.000Z',
    workshop: {
      id: 'w1',
      title: 'Better discharge from hospital',
      question: 'What should change first?',
      createdAt: T,
    },
    people,
    activity: {
      firstEdit: '2026-11-20T10:05:00.000Z',
      lastActivity: '2026-11-27T16:00:00.000Z',
      contributors: ['ann', 'gwen', 'bo', 'hana'],
    },
    cards,
    records: records(viewer, people),
    rounds: [
      {
        id: 'r1',
        section: 'priorities',
        openedAt: '2026-11-21T10:00:00.000Z',
        status: 'closed',
        resultsVisible: true,
        results: visible,
      },
      {
        id: 'r2',
        section: 'indicators',
        openedAt: '2026-11-22T10:00:00.000Z',
        status: 'open',
        resultsVisible: false,
        results: hidden,
      },
    ],
  };
}

/** The bench board's records (issue 10): this many decisions and indicators. */
export const BENCH_RECORDS = { decisions: 50, indicators: 30 } as const;

/** The section of the bench board's `i`th card: decisions, then indicators, then the rest. */
export function benchSection(i: number): SummaryCardInput['section'] {
  if (i < BENCH_RECORDS.decisions) return 'decisions';
  if (i < BENCH_RECORDS.decisions + BENCH_RECORDS.indicators) return 'indicators';
  return i % 2 ? 'priorities' : 'context';
}

/** Fields of the bench board's decisions and indicators, answering three priorities each. */
function benchFields(i: number, priorities: string[]): SummaryCardInput['fields'] {
  const links = [0, 1, 2].map((k) => priorities[(i * 3 + k) % priorities.length] ?? '');
  if (benchSection(i) === 'decisions')
    return {
      options: `Options for decision ${i}`,
      rule: 'consent',
      powerHolder: 'Budget holder',
      outOfHands: 'National rules',
      escalatedTo: i % 5 ? '' : 'Trust board',
      rationale: `Because of reason ${i}, `.repeat(4),
      answers: links,
    };
  return {
    measure: `Measure ${i}`,
    target: '90%',
    baseline: '40%',
    dataSource: 'Ward log',
    owner: 'Ward manager',
    reviewDate: '2027-03-01',
    serves: links,
  };
}

/** The bench board's outcomes, actions (4 a decision), readings (6 an indicator), closures. */
function benchRecords(cards: SummaryCardInput[], viewer: { id: string }, ps: SummaryPerson[]) {
  const view: RecordsView = { outcomes: [], actions: [], readings: [], closures: [] };
  const sizes = groupSizes(ps);
  for (const c of cards) {
    if (c.kind === 'decision') {
      view.outcomes.push({
        decisionId: c.id,
        outcome: c.id.endsWith('3') ? 'notAgreed' : 'agreed',
        rationale: String(c.fields.rationale),
        againstLived: c.id.endsWith('3'),
        againstBecause: c.id.endsWith('3') ? 'vote' : null,
        savedAt: T,
      });
      for (let k = 0; k < 4; k++)
        view.actions.push({
          id: `${c.id}a${k}`,
          decisionId: c.id,
          what: `Action ${k} of ${c.id}`,
          who: 'Ward sister',
          byWhen: k % 2 ? null : '2027-02-01',
          status: k % 2 ? 'inProgress' : 'done',
          reason: '',
          updatedAt: T,
        });
    } else if (c.kind === 'indicator') {
      for (let k = 0; k < 6; k++) {
        const adder = ps[k % ps.length];
        view.readings.push({
          id: `${c.id}r${k}`,
          indicatorId: c.id,
          value: 40 + k * 5,
          date: `2026-12-0${k + 1}`,
          note: k ? '' : 'First week',
          addedBy: addedByLabel(viewer, adder, true, sizes),
          addedByGroup: adder?.group ?? null,
          addedAt: T,
        });
      }
    } else if (c.section === 'priorities' && c.id.endsWith('7'))
      view.closures.push({ cardId: c.id, reason: 'Not ours to change.', closedAt: T });
  }
  return view;
}

/**
 * A large input for the bench (issue 10's board): `cards` cards with 50 decisions and 30
 * indicators (their records filled), the rest context and priorities, and `people` people.
 */
export function largeSummaryFixture(cards: number, people: number): SummaryInput {
  const base = summaryFixture();
  const ps: SummaryPerson[] = Array.from({ length: people }, (_, i) =>
    person(`p${i}`, i % 2 ? 'system' : 'people', {
      anonymous: i % 7 === 0,
      capability: i === 0 ? 'facilitator' : 'contributor',
    }),
  );
  const ids = Array.from({ length: cards }, (_, i) => `k${i}`);
  const priorityIds = ids.filter((_, i) => benchSection(i) === 'priorities');
  const cs = ids.map((id, i) =>
    card(id, benchSection(i), `Card ${i}: ${'words of the card '.repeat(8)}ŵ`, {
      counts: { people: (i * 37) % 120, system: (i * 53) % 120 },
      endorsedBy: i % 5 === 0 ? ['people', 'system'] : [],
      driftedBy: i % 11 === 0 ? 'system' : null,
      fields:
        benchSection(i) === 'context' || benchSection(i) === 'priorities'
          ? {}
          : benchFields(i, priorityIds),
    }),
  );
  const rounds = [0, 1, 2].map((r) => {
    const cand = cs.filter((c) => c.section === 'priorities').slice(r * 100, r * 100 + 100);
    return {
      id: `r${r}`,
      section: 'priorities' as const,
      openedAt: `2026-11-2${r}T10:00:00.000Z`,
      status: 'closed' as const,
      resultsVisible: true,
      results: results(
        `r${r}`,
        cand.map((c, i) => ({
          cardId: c.id,
          text: c.text,
          total: i % 9,
          dots: { people: i % 5, system: i % 4 },
          shares: { people: (i % 5) / 200, system: (i % 4) / 150 },
          balancedScore: 0.01,
          divergent: i % 3 === 0,
          rank: i + 1,
          tied: false,
        })),
      ),
    };
  });
  return {
    ...base,
    people: ps,
    cards: cs,
    records: benchRecords(cs, base.viewer, ps),
    rounds,
    activity: { ...base.activity, contributors: ps.map((p) => p.id) },
  };
}
