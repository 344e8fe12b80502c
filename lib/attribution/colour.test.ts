import { describe, expect, it } from 'vitest';
import { prng } from '../prng';
import type { Group } from '../roles';
import { type CharCounts, cardColour, JOINT_MIN_SHARE } from './colour';

const none: ReadonlySet<Group> = new Set();
const both: ReadonlySet<Group> = new Set<Group>(['people', 'system']);

function colourOf(
  people: number,
  system: number,
  opts: { unknown?: number; creator?: Group | null; endorsed?: ReadonlySet<Group> } = {},
) {
  const counts: CharCounts = { people, system, unknown: opts.unknown ?? 0 };
  return cardColour({
    counts,
    creatorGroup: opts.creator === undefined ? 'people' : opts.creator,
    endorsedBy: opts.endorsed ?? none,
  });
}

describe('cardColour', () => {
  it('uses a 20 % threshold', () => {
    expect(JOINT_MIN_SHARE).toBe(0.2);
  });

  it('is joint at exactly 20 % for either group', () => {
    expect(colourOf(20, 80)).toMatchObject({ colour: 'joint', reason: 'shares' });
    expect(colourOf(80, 20)).toMatchObject({ colour: 'joint', reason: 'shares' });
    expect(colourOf(1, 4)).toMatchObject({ colour: 'joint', reason: 'shares' });
    expect(colourOf(3, 12).colour).toBe('joint');
    expect(colourOf(400, 1600).colour).toBe('joint');
  });

  it('is not joint at 19.9 %', () => {
    expect(colourOf(199, 801)).toMatchObject({ colour: 'system', reason: 'majority' });
    expect(colourOf(801, 199)).toMatchObject({ colour: 'people', reason: 'majority' });
    expect(colourOf(19, 81).colour).toBe('system');
  });

  it('is joint when both groups endorsed, even at 100/0 or with no text', () => {
    expect(colourOf(100, 0, { endorsed: both })).toMatchObject({
      colour: 'joint',
      reason: 'endorsed',
    });
    expect(colourOf(0, 100, { endorsed: both })).toMatchObject({
      colour: 'joint',
      reason: 'endorsed',
    });
    expect(colourOf(0, 0, { endorsed: both, creator: 'system' }).colour).toBe('joint');
  });

  it('is not joint when only one group endorsed', () => {
    const people = new Set<Group>(['people']);
    const system = new Set<Group>(['system']);
    expect(colourOf(100, 0, { endorsed: people })).toMatchObject({
      colour: 'people',
      reason: 'majority',
    });
    expect(colourOf(100, 0, { endorsed: system })).toMatchObject({
      colour: 'people',
      reason: 'majority',
    });
    expect(colourOf(10, 90, { endorsed: people }).colour).toBe('system');
  });

  it('gives an empty card its creator’s group', () => {
    expect(colourOf(0, 0, { creator: 'people' })).toMatchObject({
      colour: 'people',
      reason: 'creator',
      shares: { people: 0, system: 0 },
    });
    expect(colourOf(0, 0, { creator: 'system' })).toMatchObject({
      colour: 'system',
      reason: 'creator',
    });
    // Only unknown characters: still decided by the creator, not guessed.
    expect(colourOf(0, 0, { creator: 'people', unknown: 50 })).toMatchObject({
      colour: 'people',
      reason: 'creator',
    });
  });

  it('ignores characters of unknown authorship in the shares', () => {
    const r = colourOf(10, 30, { unknown: 1000 });
    expect(r.shares).toEqual({ people: 0.25, system: 0.75 });
    expect(r.colour).toBe('joint');
    // 1000 unknown characters do not dilute a 10 % share into a majority of anything else.
    expect(colourOf(1, 9, { unknown: 1000 })).toMatchObject({
      colour: 'system',
      shares: { people: 0.1, system: 0.9 },
    });
  });

  it('takes the majority colour below the threshold', () => {
    expect(colourOf(90, 10)).toMatchObject({ colour: 'people', reason: 'majority' });
    expect(colourOf(10, 90)).toMatchObject({ colour: 'system', reason: 'majority' });
    expect(colourOf(5, 0, { creator: 'system' })).toMatchObject({
      colour: 'people',
      reason: 'majority',
    });
    expect(colourOf(0, 5, { creator: 'people' })).toMatchObject({
      colour: 'system',
      reason: 'majority',
    });
  });

  it('holds the rule for 1,000 random count triples (seeded)', () => {
    const seed = 20240611;
    const rand = prng(seed);
    const count = () => {
      const r = rand();
      if (r < 0.15) return 0; // plenty of empty groups
      if (r < 0.3) return Math.floor(rand() * 5);
      return Math.floor(rand() * 3000);
    };
    const groupsets: ReadonlySet<Group>[] = [none, new Set(['people']), new Set(['system']), both];
    for (let i = 0; i < 1000; i++) {
      const people = count();
      const system = count();
      const unknown = count();
      const endorsedBy = groupsets[Math.floor(rand() * groupsets.length)] ?? none;
      const creatorGroup: Group = rand() < 0.5 ? 'people' : 'system';
      const r = cardColour({ counts: { people, system, unknown }, creatorGroup, endorsedBy });
      const ctx = `seed ${seed}, case ${i}: ${JSON.stringify({ people, system, unknown, endorsed: [...endorsedBy], creatorGroup })}`;
      const known = people + system;
      // Independent integer oracle for "share >= 1/5".
      const bothShares = known > 0 && people * 5 >= known && system * 5 >= known;
      const bothEndorsed = endorsedBy.has('people') && endorsedBy.has('system');
      expect(r.colour === 'joint', ctx).toBe(bothShares || bothEndorsed);
      expect(r.shares.people >= JOINT_MIN_SHARE && r.shares.system >= JOINT_MIN_SHARE, ctx).toBe(
        bothShares,
      );
      if (known > 0) {
        expect(r.shares.people + r.shares.system, ctx).toBeCloseTo(1, 12);
        expect(r.shares.people, ctx).toBeCloseTo(people / known, 12);
      } else {
        expect(r.shares, ctx).toEqual({ people: 0, system: 0 });
      }
      if (r.colour !== 'joint') {
        if (known === 0) expect(r.colour, ctx).toBe(creatorGroup);
        else expect(r.colour, ctx).toBe(people > system ? 'people' : 'system');
      }
    }
  });
});
