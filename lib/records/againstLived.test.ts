import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../protocol/recordEvents';
import type { CardResult, RoundResults } from '../voting/types';
import { againstLived, rationaleEnough } from './againstLived';

const card = (cardId: string, people: number, system: number): CardResult => ({
  cardId,
  text: cardId,
  total: 0,
  dots: { people: 0, system: 0 },
  shares: { people, system },
  balancedScore: (people + system) / 2,
  divergent: false,
  rank: 1,
  tied: false,
});

const round = (...cards: CardResult[]): RoundResults => ({
  roundId: 'r',
  cards,
  totals: { people: 0, system: 0, all: 0 },
  turnout: {
    people: { voted: 0, eligible: 0 },
    system: { voted: 0, eligible: 0 },
  },
  basis: 'both',
  basisNote: '',
  divergencePoints: 15,
});

const base = {
  livedDisagreed: false,
  answers: ['p1'],
  closedResults: [round(card('p1', 0.6, 0.2))],
};

describe('[I75] an outcome against what people with lived experience asked for', () => {
  it('counts a refusal of a card the lived-experience group favoured more than staff', () => {
    expect(againstLived({ ...base, outcome: 'notAgreed' })).toEqual({
      against: true,
      because: 'vote',
    });
    expect(againstLived({ ...base, outcome: 'notPossible' })).toEqual({
      against: true,
      because: 'vote',
    });
  });

  it('does not count agreeing, or putting it off', () => {
    for (const outcome of ['agreed', 'agreedWithChanges', 'deferred'] as const)
      expect(againstLived({ ...base, outcome }).against, outcome).toBe(false);
  });

  it('does not count a card staff favoured as much or more', () => {
    for (const [p, s] of [
      [0.3, 0.3],
      [0.1, 0.4],
      [0, 0],
    ] as const)
      expect(
        againstLived({ ...base, outcome: 'notAgreed', closedResults: [round(card('p1', p, s))] })
          .against,
      ).toBe(false);
  });

  it('counts a card only staff left without dots when lived experience gave it some', () => {
    const r = round(card('p1', 0.25, 0));
    expect(againstLived({ ...base, outcome: 'notAgreed', closedResults: [r] }).against).toBe(true);
  });

  it('looks only at cards the decision answers, in any closed round', () => {
    const other = round(card('p2', 0.9, 0.1));
    const none = { ...base, outcome: 'notAgreed' as const, closedResults: [other] };
    expect(againstLived(none).against).toBe(false);
    expect(againstLived({ ...none, answers: ['p1', 'p2'] })).toEqual({
      against: true,
      because: 'vote',
    });
    expect(againstLived({ ...none, answers: [] }).against).toBe(false);
  });

  it('counts the facilitator’s note whatever the outcome, and says so', () => {
    for (const outcome of OUTCOMES)
      expect(
        againstLived({ outcome, livedDisagreed: true, answers: [], closedResults: [] }),
      ).toEqual({ against: true, because: 'note' });
  });

  it('needs a rationale of the minimum length, not counting spaces at the ends', () => {
    expect(rationaleEnough('  long enough ', 10)).toBe(true);
    expect(rationaleEnough('  short   ', 10)).toBe(false);
    expect(rationaleEnough('', 1)).toBe(false);
  });
});
