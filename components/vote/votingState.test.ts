import { describe, expect, it } from 'vitest';
import type { PresenceEntry } from '../../lib/protocol/events';
import type { RoundView } from '../../lib/voting/types';
import { smallGroups } from './smallGroups';
import {
  currentRound,
  dotsOn,
  EMPTY_VOTING,
  resultsVisible,
  withCast,
  withMine,
} from './votingState';

const round = (id: string, status: 'open' | 'closed'): RoundView => ({
  id,
  workshopId: 'w',
  section: 'priorities',
  budget: 5,
  perCardCap: 3,
  deadline: null,
  resultsVisibility: 'hidden',
  candidates: [],
  openedAt: '2030-01-01T00:00:00Z',
  closedAt: null,
  status,
  eligible: { people: 4, system: 4 },
  divergencePoints: 15,
});

describe('votingState', () => {
  it('shows the newest open round, else the newest round', () => {
    expect(currentRound(null)).toBeNull();
    expect(currentRound([round('b', 'closed'), round('a', 'open')])?.id).toBe('a');
    expect(currentRound([round('b', 'closed'), round('a', 'closed')])?.id).toBe('b');
  });

  it('records an ack: dots on the card and dots left; zero drops the card', () => {
    let s = withMine(EMPTY_VOTING, 'r', { ballots: [{ cardId: 'x', dots: 1 }], dotsLeft: 4 });
    s = withCast(s, 'r', 'y', 2, 2);
    expect(dotsOn(s.mine.get('r'), 'x')).toBe(1);
    expect(dotsOn(s.mine.get('r'), 'y')).toBe(2);
    expect(s.mine.get('r')?.dotsLeft).toBe(2);
    s = withCast(s, 'r', 'x', 0, 3);
    expect(s.mine.get('r')?.ballots).toEqual([{ cardId: 'y', dots: 2 }]);
  });
});

describe('smallGroups', () => {
  const person = (key: string, group: 'people' | 'system' | null): PresenceEntry => ({
    key,
    group,
    capability: group ? 'contributor' : 'observer',
  });

  it('prefers the round’s eligible counts over presence', () => {
    const presence = [person('a', 'people'), person('b', 'system'), person('c', null)];
    expect(smallGroups(undefined, presence)).toEqual([
      { group: 'people', count: 1, basis: 'present' },
      { group: 'system', count: 1, basis: 'present' },
    ]);
    expect(smallGroups({ people: 4, system: 2 }, presence)).toEqual([
      { group: 'system', count: 2, basis: 'eligible' },
    ]);
  });

  it('says nothing about a group with no one in it', () => {
    expect(smallGroups({ people: 0, system: 5 }, [])).toEqual([]);
  });
});

describe('resultsVisible', () => {
  it('shows results once closed, or while open only for live rounds', () => {
    expect(resultsVisible({ status: 'closed', resultsVisibility: 'hidden' })).toBe(true);
    expect(resultsVisible({ status: 'open', resultsVisibility: 'live' })).toBe(true);
    // A hidden round reopened after closing: its earlier results stay out of sight.
    expect(resultsVisible({ status: 'open', resultsVisibility: 'hidden' })).toBe(false);
  });
});
