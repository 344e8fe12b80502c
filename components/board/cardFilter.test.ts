import { describe, expect, it } from 'vitest';
import type { Group } from '../../lib/roles';
import type { CardFacts } from './cardFacts';
import { type CardFilter, cardMatches, isEmptyFilter } from './cardFilter';

function facts(over: Partial<CardFacts> = {}): CardFacts {
  return {
    colour: 'people',
    reason: 'shares',
    shares: { people: 1, system: 0 },
    counts: { people: 4, system: 0, unknown: 0 },
    agreedBy: new Set<Group>(),
    youAgreed: false,
    driftedBy: null,
    ...over,
  };
}
const card = (text: string, f: CardFacts = facts(), mine = false) => ({ text, facts: f, mine });
const filter = (kind: CardFilter['kind'], query = ''): CardFilter => ({ kind, query });

describe('cardMatches', () => {
  it('searches the text, ignoring case and surrounding spaces', () => {
    expect(cardMatches(filter('all', '  TRANSPORT '), card('Free transport to clinics'))).toBe(
      true,
    );
    expect(cardMatches(filter('all', 'parking'), card('Free transport to clinics'))).toBe(false);
  });

  it('filters by colour, agreement, drift and who started the card', () => {
    const both = facts({ colour: 'joint', agreedBy: new Set<Group>(['people', 'system']) });
    const drifted = facts({ colour: 'system', driftedBy: 'system' });
    expect(cardMatches(filter('people'), card('a'))).toBe(true);
    expect(cardMatches(filter('system'), card('a'))).toBe(false);
    expect(cardMatches(filter('joint'), card('a', both))).toBe(true);
    expect(cardMatches(filter('agreed'), card('a', both))).toBe(true);
    expect(cardMatches(filter('agreed'), card('a'))).toBe(false);
    expect(cardMatches(filter('drifted'), card('a', drifted))).toBe(true);
    expect(cardMatches(filter('drifted'), card('a', both))).toBe(false);
    expect(cardMatches(filter('mine'), card('a', facts(), true))).toBe(true);
    expect(cardMatches(filter('mine'), card('a'))).toBe(false);
  });

  it('combines the filter and the search', () => {
    expect(cardMatches(filter('people', 'bus'), card('bus pass'))).toBe(true);
    expect(cardMatches(filter('system', 'bus'), card('bus pass'))).toBe(false);
  });

  it('always shows an empty card, so a card just added never vanishes', () => {
    expect(cardMatches(filter('drifted', 'xyz'), card(''))).toBe(true);
  });

  it('knows when nothing is filtered', () => {
    expect(isEmptyFilter(filter('all', '  '))).toBe(true);
    expect(isEmptyFilter(filter('all', 'a'))).toBe(false);
    expect(isEmptyFilter(filter('mine'))).toBe(false);
  });
});
