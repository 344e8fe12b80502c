/**
 * The voting part of the Store contract (issue 4), run against every adapter by
 * `storeContract`. Budgets and caps must hold under concurrency on any adapter.
 */
import { describe, expect, it } from 'vitest';
import { prng } from '../../lib/prng';
import type { CandidateRow, CastInput, ParticipantRow, RoundRow, Store } from './Store';

const T0 = '2026-11-01T10:00:00.000Z';
const NOW = '2026-11-02T10:00:00.000Z';
/**
 * 500 casts at once are 500 transactions that queue on one round's lock (on Postgres a row
 * lock, taken in turn over a small pool of connections): seconds of real work on a loaded
 * 2-core machine. This bounds a hang; it is not a speed check (`npm run bench` is).
 */
const CONCURRENT_CASTS_TIMEOUT = 60_000;

function participant(id: string, over: Partial<ParticipantRow> = {}): ParticipantRow {
  return {
    id,
    workshopId: 'w1',
    inviteId: null,
    name: `Name ${id}`,
    anonymous: false,
    accessNeeds: null,
    group: 'people',
    capability: 'contributor',
    personalToken: `personal-${id}`,
    createdAt: T0,
    removedAt: null,
    ...over,
  };
}

function round(id: string, over: Partial<RoundRow> = {}): RoundRow {
  return {
    id,
    workshopId: 'w1',
    section: 'priorities',
    budget: 5,
    perCardCap: 3,
    deadline: null,
    resultsVisibility: 'hidden',
    openedAt: T0,
    openedBy: 'f',
    closedAt: null,
    divergencePoints: 15,
    frozen: null,
    ...over,
  };
}

const candidates = (roundId: string, ids: string[]): CandidateRow[] =>
  ids.map((cardId, position) => ({
    roundId,
    cardId,
    text: `Text ${cardId}`,
    position,
    removedAt: null,
    addedAt: null,
  }));

let keys = 0;
function cast(participantId: string, cardId: string, dots: number, over: Partial<CastInput> = {}) {
  keys++;
  return {
    workshopId: 'w1',
    roundId: 'r1',
    participantId,
    cardId,
    dots,
    key: `key-${keys}`,
    now: NOW,
    ...over,
  };
}

/** Workshop w1 with facilitator f, voters a and b, and round r1 on cards c1–c4. */
async function seed(store: Store, over: Partial<RoundRow> = {}): Promise<void> {
  await store.createWorkshop(
    { id: 'w1', title: 'T', question: 'Q', createdAt: T0 },
    participant('f', { capability: 'facilitator', group: 'system' }),
    [],
  );
  await store.addParticipant(participant('a'));
  await store.addParticipant(participant('b', { group: 'system' }));
  await store.createRound(round('r1', over), candidates('r1', ['c1', 'c2', 'c3', 'c4']));
}

/** Define the voting contract for the store `get` returns. */
export function votingContract(get: () => Store): void {
  describe('voting rounds and ballots', () => {
    it('round-trips rounds (newest first) and candidates (in position order)', async () => {
      const store = get();
      await seed(store);
      const later = round('r2', { openedAt: NOW, section: 'indicators', deadline: NOW });
      await store.createRound(later, candidates('r2', ['z', 'a']));
      expect(await store.getRound('w1', 'r1')).toEqual(round('r1'));
      expect(await store.getRound('other', 'r1')).toBeNull();
      expect((await store.listRounds('w1')).map((r) => r.id)).toEqual(['r2', 'r1']);
      expect(await store.listCandidates('r2')).toEqual(candidates('r2', ['z', 'a']));
      expect(await store.setRoundClosed('w1', 'r1', NOW)).toBe(true);
      expect(await store.setRoundDeadline('w1', 'r1', T0)).toBe(true);
      expect(await store.setRoundClosed('w2', 'r1', NOW)).toBe(false);
      expect(await store.getRound('w1', 'r1')).toEqual(
        round('r1', { closedAt: NOW, deadline: T0 }),
      );
    });

    it('sets absolute dots per card, 0 takes them back, and reports dots left', async () => {
      const store = get();
      await seed(store);
      expect(await store.castBallot(cast('a', 'c1', 3))).toEqual({
        ok: true,
        dotsOnCard: 3,
        dotsLeft: 2,
        replayed: false,
      });
      expect(await store.castBallot(cast('a', 'c1', 1))).toMatchObject({
        dotsOnCard: 1,
        dotsLeft: 4,
      });
      expect(await store.castBallot(cast('a', 'c2', 2))).toMatchObject({ dotsLeft: 2 });
      expect(await store.castBallot(cast('a', 'c2', 0))).toMatchObject({
        dotsOnCard: 0,
        dotsLeft: 4,
      });
      expect(await store.listBallots('r1')).toEqual([
        { roundId: 'r1', participantId: 'a', cardId: 'c1', dots: 1 },
      ]);
    });

    it('enforces the per-card cap and the budget, changing nothing when refused', async () => {
      const store = get();
      await seed(store);
      expect(await store.castBallot(cast('a', 'c1', 4))).toEqual({ ok: false, reason: 'overCap' });
      await store.castBallot(cast('a', 'c1', 3));
      await store.castBallot(cast('a', 'c2', 2));
      expect(await store.castBallot(cast('a', 'c3', 1))).toEqual({
        ok: false,
        reason: 'overBudget',
      });
      // Moving dots within the budget is fine: c1 3 → 2 frees one for c3.
      expect(await store.castBallot(cast('a', 'c1', 2))).toMatchObject({ ok: true, dotsLeft: 1 });
      expect(await store.castBallot(cast('a', 'c3', 1))).toMatchObject({ ok: true, dotsLeft: 0 });
      expect(await store.castBallot(cast('a', 'c1', 3))).toEqual({
        ok: false,
        reason: 'overBudget',
      });
      expect((await store.listBallots('r1')).map((b) => [b.cardId, b.dots])).toEqual([
        ['c1', 2],
        ['c2', 2],
        ['c3', 1],
      ]);
    });

    it('refuses a closed round, a passed deadline, an unknown round and a non-candidate', async () => {
      const store = get();
      await seed(store, { deadline: '2026-11-02T09:59:59.999Z' });
      expect(await store.castBallot(cast('a', 'c1', 1))).toEqual({
        ok: false,
        reason: 'roundClosed',
      });
      expect(await store.castBallot(cast('a', 'c1', 1, { now: T0 }))).toMatchObject({ ok: true });
      await store.setRoundClosed('w1', 'r1', T0);
      expect(await store.castBallot(cast('a', 'c1', 2, { now: T0 }))).toEqual({
        ok: false,
        reason: 'roundClosed',
      });
      await store.setRoundClosed('w1', 'r1', null);
      expect(await store.castBallot(cast('a', 'nope', 1, { now: T0 }))).toEqual({
        ok: false,
        reason: 'notCandidate',
      });
      expect(await store.castBallot(cast('a', 'c1', 1, { roundId: 'r9' }))).toEqual({
        ok: false,
        reason: 'unknownRound',
      });
      expect(await store.castBallot(cast('a', 'c1', 1, { workshopId: 'w9', now: T0 }))).toEqual({
        ok: false,
        reason: 'unknownRound',
      });
      expect(await store.listBallots('r1')).toEqual([
        { roundId: 'r1', participantId: 'a', cardId: 'c1', dots: 1 },
      ]);
    });

    it('a replayed key returns the stored outcome and never counts twice', async () => {
      const store = get();
      await seed(store);
      const first = cast('a', 'c1', 2);
      expect(await store.castBallot(first)).toMatchObject({ ok: true, replayed: false });
      await store.castBallot(cast('a', 'c1', 3));
      // The retry of `first` must not set c1 back to 2.
      expect(await store.castBallot(first)).toEqual({
        ok: true,
        dotsOnCard: 2,
        dotsLeft: 3,
        replayed: true,
      });
      expect((await store.listBallots('r1'))[0]?.dots).toBe(3);
      const refused = cast('a', 'c2', 3);
      await store.castBallot(cast('a', 'c3', 2));
      expect(await store.castBallot(refused)).toEqual({ ok: false, reason: 'overBudget' });
      await store.castBallot(cast('a', 'c3', 0));
      // Same key, same answer, even though it would now fit.
      expect(await store.castBallot(refused)).toEqual({ ok: false, reason: 'overBudget' });
      // Keys belong to one participant: b's identical key is a new request.
      expect(await store.castBallot({ ...first, participantId: 'b' })).toMatchObject({
        replayed: false,
      });
    });

    it('[I16] refused casts keep at most one key per voter and candidate card (issue 8 §4)', async () => {
      const store = get();
      await seed(store);
      await store.castBallot(cast('a', 'c1', 3));
      await store.castBallot(cast('a', 'c2', 2));
      const before = await store.countBallotKeys('r1');
      expect(before).toBe(2);
      const refusals = [];
      for (let i = 0; i < 1000; i++) {
        refusals.push(cast('a', `c${1 + (i % 4)}`, 4)); // over the cap of 3
        refusals.push(cast('a', `not-a-card-${i}`, 1)); // not a candidate at all
      }
      for (const r of refusals) expect((await store.castBallot(r)).ok).toBe(false);
      // 2,000 refusals added at most one key per candidate card (4), none for made-up cards.
      expect(await store.countBallotKeys('r1')).toBeLessThanOrEqual(before + 4);
      // The newest refused key on a card still replays its answer, even once it would fit.
      const last = cast('a', 'c3', 1);
      expect(await store.castBallot(last)).toEqual({ ok: false, reason: 'overBudget' });
      await store.castBallot(cast('a', 'c1', 0));
      expect(await store.castBallot(last)).toEqual({ ok: false, reason: 'overBudget' });
      // A closed round refuses everything and records nothing new for made-up cards.
      await store.closeRound('w1', 'r1', NOW, {
        people: { voted: 1, eligible: 1 },
        system: { voted: 0, eligible: 2 },
      });
      const keys = await store.countBallotKeys('r1');
      for (let i = 0; i < 100; i++) await store.castBallot(cast('a', `x${i}`, 1));
      expect(await store.countBallotKeys('r1')).toBe(keys);
    }, 60_000); // 2,000 casts one after another: seconds on a server database

    it('closeRound fixes the turnout, reopenRound clears it', async () => {
      const store = get();
      await seed(store);
      const frozen = { people: { voted: 1, eligible: 2 }, system: { voted: 0, eligible: 2 } };
      expect(await store.closeRound('w1', 'r1', NOW, frozen)).toBe(true);
      expect(await store.getRound('w1', 'r1')).toMatchObject({ closedAt: NOW, frozen });
      expect(await store.closeRound('w9', 'r1', NOW, frozen)).toBe(false);
      // [I64] Closing by deadline is claimed once: a round already closed is left alone.
      expect(await store.closeRound('w1', 'r1', '2026-11-02T11:00:00.000Z', frozen, true)).toBe(
        false,
      );
      expect((await store.getRound('w1', 'r1'))?.closedAt).toBe(NOW);
      expect(await store.reopenRound('w1', 'r1')).toBe(true);
      expect(await store.getRound('w1', 'r1')).toMatchObject({ closedAt: null, frozen: null });
      expect((await store.getRound('w1', 'r1'))?.divergencePoints).toBe(15);
    });

    it('restoreCandidate brings a removed card back with no dots; addCandidate appends late cards', async () => {
      const store = get();
      await seed(store);
      await store.castBallot(cast('a', 'c1', 2));
      await store.removeCandidate('r1', 'c1', NOW);
      expect(await store.restoreCandidate('r1', 'c1')).toBe(true);
      expect(await store.restoreCandidate('r1', 'c1')).toBe(false);
      expect((await store.listCandidates('r1'))[0]).toMatchObject({
        cardId: 'c1',
        removedAt: null,
      });
      expect(await store.listBallots('r1')).toEqual([]);
      expect(await store.castBallot(cast('a', 'c1', 1))).toMatchObject({ ok: true });
      expect(await store.addCandidate('r1', 'c9', 'Late card', NOW)).toBe(true);
      expect(await store.addCandidate('r1', 'c9', 'Late card', NOW)).toBe(false);
      expect(await store.addCandidate('r1', 'c2', 'Again', NOW)).toBe(false);
      const all = await store.listCandidates('r1');
      expect(all.map((c) => c.cardId)).toEqual(['c1', 'c2', 'c3', 'c4', 'c9']);
      expect(all[4]).toMatchObject({ text: 'Late card', position: 4, addedAt: NOW });
      expect(await store.castBallot(cast('a', 'c9', 2))).toMatchObject({ ok: true });
    });

    it('removeCandidate returns the affected voters and deletes their ballots', async () => {
      const store = get();
      await seed(store);
      await store.castBallot(cast('a', 'c1', 2));
      await store.castBallot(cast('b', 'c1', 1));
      await store.castBallot(cast('b', 'c2', 3));
      expect(await store.removeCandidate('r1', 'c1', NOW)).toEqual(['a', 'b']);
      expect(await store.removeCandidate('r1', 'c1', NOW)).toEqual([]);
      expect(await store.listBallots('r1')).toEqual([
        { roundId: 'r1', participantId: 'b', cardId: 'c2', dots: 3 },
      ]);
      expect((await store.listCandidates('r1'))[0]).toMatchObject({ cardId: 'c1', removedAt: NOW });
      expect(await store.castBallot(cast('a', 'c1', 1))).toEqual({
        ok: false,
        reason: 'notCandidate',
      });
      expect(await store.castBallot(cast('b', 'c3', 2))).toMatchObject({ ok: true, dotsLeft: 0 });
    });

    it(
      '500 concurrent casts from 20 participants, with duplicate keys, never exceed budget or cap',
      async () => {
        const store = get();
        await seed(store);
        const ids = Array.from({ length: 20 }, (_, i) => `v${i}`);
        for (const id of ids) await store.addParticipant(participant(id));
        const next = prng(20261101);
        const rand = (n: number) => Math.floor(next() * n);
        const inputs: CastInput[] = [];
        // A client has one change in flight per card, so it only ever resends its newest key
        // for that card (the one refusal per voter and card that is kept replays the same).
        const newest = new Map<string, CastInput>();
        for (let i = 0; i < 500; i++) {
          const picked = inputs[rand(Math.max(1, inputs.length))];
          const previous = picked && newest.get(`${picked.participantId}|${picked.cardId}`);
          if (previous && rand(5) === 0)
            inputs.push(previous); // a resend with the same key
          else {
            const c = cast(ids[rand(20)] ?? 'v0', `c${1 + rand(4)}`, rand(4));
            newest.set(`${c.participantId}|${c.cardId}`, c);
            inputs.push(c);
          }
        }
        const outcomes = await Promise.all(inputs.map((c) => store.castBallot(c)));
        // Every key was decided once: all answers for one key are the same decision.
        const byKey = new Map<string, string>();
        outcomes.forEach((o, i) => {
          const { replayed: _, ...decision } = o.ok ? o : { ...o, replayed: false };
          const k = inputs[i]?.key ?? '';
          const seen = byKey.get(k);
          if (seen) expect(JSON.stringify(decision)).toBe(seen);
          else byKey.set(k, JSON.stringify(decision));
        });
        const fresh = outcomes.filter((o) => o.ok && !o.replayed).length;
        const accepted = outcomes.filter((o) => o.ok).length;
        expect(accepted).toBeGreaterThan(fresh);
        const ballots = await store.listBallots('r1');
        const perVoter = new Map<string, number>();
        for (const b of ballots) {
          expect(b.dots).toBeLessThanOrEqual(3);
          perVoter.set(b.participantId, (perVoter.get(b.participantId) ?? 0) + b.dots);
        }
        for (const total of perVoter.values()) expect(total).toBeLessThanOrEqual(5);
        // The stored ballot of each participant and card is one of its fresh accepted outcomes
        // (none stored when none was accepted). Which one is the last DECIDED, and concurrent
        // transactions on a server database are decided in lock order, not in the order they
        // were sent, so the contract cannot name it; a real client has one cast per card in
        // flight, so for it the two orders are the same.
        const acceptedDots = new Map<string, Set<number>>();
        outcomes.forEach((o, i) => {
          const c = inputs[i];
          if (!o.ok || o.replayed || !c) return;
          const k = `${c.participantId}|${c.cardId}`;
          acceptedDots.set(k, (acceptedDots.get(k) ?? new Set()).add(o.dotsOnCard));
        });
        for (const b of ballots)
          expect([...(acceptedDots.get(`${b.participantId}|${b.cardId}`) ?? [])]).toContain(b.dots);
      },
      CONCURRENT_CASTS_TIMEOUT,
    );
  });
}
