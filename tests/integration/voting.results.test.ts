/**
 * Voting results stay right and reachable (issue 13), over real sockets against the real
 * server: every round's results and your own dots after closing, turnout fixed at close,
 * restored and late cards, the facilitator's divergence threshold; and refused casts that
 * no longer leave a key each (issue 8 §4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard, sectionCards } from '../../lib/board/doc';
import type { RoundResults, RoundView } from '../../lib/voting/types';
import { ask, join, startTestServer, stopTestServer, type TestServer, waitFor } from './harness';
import {
  type Client,
  cast,
  client,
  last,
  openRound,
  roundOf,
  type Setup,
  settle,
  setupVoting,
} from './votingSetup';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await stopTestServer(server);
});

const setup = () => setupVoting(server);

const close = async (s: Setup, roundId: string) => {
  expect(await ask(s.fac.socket, 'round:close', { roundId })).toEqual({ ok: true });
  await waitFor('closed everywhere', () =>
    s.all.every((c) => roundOf(c, roundId)?.status === 'closed'),
  );
};

const resultsOf = (c: Client, roundId: string) =>
  last<RoundResults>(c, 'results:update', (r) => r.roundId === roundId);

/** A fresh connection of the same person, to see what a reload shows. */
async function reload(c: Client): Promise<Client> {
  const again = client(c.actor);
  await waitFor('welcome', () => again.events.some((e) => e.event === 'round:update'));
  return again;
}

describe('every round stays reachable', () => {
  it('[I35] a reload gets every round newest first, each one’s results, and your own dots in each', async () => {
    const s = await setup();
    const [a, b] = s.cards as [string, string, string];
    const first = await openRound(s);
    await cast(s.pink, first, a, 2);
    await cast(s.blue, first, b, 1);
    await close(s, first);
    const second = await openRound(s, { budget: 3, perCardCap: 2 });
    await cast(s.pink, second, b, 2);
    await close(s, second);
    const third = await openRound(s);
    await close(s, third); // nobody voted

    const pink = await reload(s.pink);
    const rounds = last<RoundView[]>(pink, 'round:update') ?? [];
    expect(rounds.map((r) => r.id)).toEqual([third, second, first]);
    await waitFor('three results', () => [first, second, third].every((id) => resultsOf(pink, id)));
    expect(resultsOf(pink, first)?.cards[0]).toMatchObject({ cardId: a, rank: 1, tied: true });
    expect(resultsOf(pink, second)?.cards[0]).toMatchObject({ cardId: b, rank: 1, tied: false });
    // The empty round says nobody voted; it does not overwrite the others.
    expect(resultsOf(pink, third)).toMatchObject({ basis: 'none', totals: { all: 0 } });
    // Your own dots in closed rounds (the welcome used to send them only for open ones).
    await settle(pink, 'ballot:mine', () =>
      [first, second, third].every((id) =>
        pink.events.some(
          (e) => e.event === 'ballot:mine' && (e.payload as { roundId: string }).roundId === id,
        ),
      ),
    );
    const mine = (id: string) =>
      last<{ roundId: string; ballots: unknown[] }>(pink, 'ballot:mine', (m) => m.roundId === id);
    expect(mine(first)?.ballots).toEqual([{ cardId: a, dots: 2 }]);
    expect(mine(second)?.ballots).toEqual([{ cardId: b, dots: 2 }]);
    expect(mine(third)?.ballots).toEqual([]);
    // An observer (no dots of their own) still sees every round's results, and no ballots.
    const observer = await reload(s.observer);
    await waitFor('observer results', () =>
      [first, second, third].every((id) => resultsOf(observer, id)),
    );
    expect(observer.events.some((e) => e.event === 'ballot:mine')).toBe(false);
    pink.socket.disconnect();
    observer.socket.disconnect();
    s.done();
  });
});

describe('turnout is fixed when a round closes', () => {
  it('[I36] people who join after closing change neither eligibility nor turnout; reopening counts again', async () => {
    const s = await setup();
    const [a] = s.cards as [string, string, string];
    const roundId = await openRound(s);
    await cast(s.pink, roundId, a, 1);
    await cast(s.blue, roundId, a, 1);
    await close(s, roundId);
    const fixed = resultsOf(s.blue, roundId)?.turnout;
    // Facilitator (staff), Pat and Pip (people), Bo (staff) could vote.
    expect(fixed).toEqual({ people: { voted: 1, eligible: 2 }, system: { voted: 1, eligible: 2 } });
    await join(server, s.w.tokens.people, { name: 'Late' });
    await join(server, s.w.tokens.system, { name: 'Later' });
    const fresh = await reload(s.blue);
    await waitFor('results', () => resultsOf(fresh, roundId) !== undefined);
    expect(resultsOf(fresh, roundId)?.turnout).toEqual(fixed);
    expect(roundOf(fresh, roundId)?.eligible).toEqual({ people: 2, system: 2 });
    // Reopened, the round counts everyone who may vote now.
    expect(await ask(s.fac.socket, 'round:reopen', { roundId })).toEqual({ ok: true });
    await waitFor('reopened', () => roundOf(fresh, roundId)?.status === 'open');
    expect(roundOf(fresh, roundId)?.eligible).toEqual({ people: 3, system: 3 });
    await close(s, roundId);
    await waitFor('closed again', () => roundOf(fresh, roundId)?.status === 'closed');
    expect(resultsOf(s.blue, roundId)?.turnout).toEqual({
      people: { voted: 1, eligible: 3 },
      system: { voted: 1, eligible: 3 },
    });
    fresh.socket.disconnect();
    s.done();
  });
});

describe('turnout of rounds closed while nobody watched', () => {
  it('[I36] a round stored closed without its turnout (its deadline passed, or from before version 8) gets it fixed on the next welcome', async () => {
    const s = await setup();
    const [a] = s.cards as [string, string, string];
    const past = new Date(Date.now() - 60_000).toISOString();
    await server.purple.store.createRound(
      {
        id: 'legacy-round',
        workshopId: s.w.workshopId,
        section: 'priorities',
        budget: 5,
        perCardCap: 3,
        deadline: past,
        resultsVisibility: 'hidden',
        openedAt: new Date(Date.now() - 120_000).toISOString(),
        openedBy: s.fac.actor.participantId,
        closedAt: null,
        divergencePoints: 15,
        frozen: null,
      },
      [
        {
          roundId: 'legacy-round',
          cardId: a,
          text: 'Letters',
          position: 0,
          removedAt: null,
          addedAt: null,
        },
      ],
    );
    const pink = await reload(s.pink);
    await waitFor('results', () => resultsOf(pink, 'legacy-round') !== undefined);
    const stored = await server.purple.store.getRound(s.w.workshopId, 'legacy-round');
    expect(stored).toMatchObject({
      closedAt: past,
      frozen: { people: { voted: 0, eligible: 2 }, system: { voted: 0, eligible: 2 } },
    });
    pink.socket.disconnect();
    s.done();
  });
});

describe('restored and late cards', () => {
  it('[I37] a card deleted during a vote and restored comes back into the open round, announced', async () => {
    const s = await setup();
    const [a] = s.cards as [string, string, string];
    const roundId = await openRound(s);
    await cast(s.pink, roundId, a, 2);
    expect(await ask(s.fac.socket, 'card:delete', { cardId: a })).toEqual({ ok: true });
    await waitFor('removed', () =>
      Boolean(roundOf(s.blue, roundId)?.candidates.find((c) => c.cardId === a)?.removedAt),
    );
    expect(await ask(s.fac.socket, 'card:restore', { cardId: a })).toEqual({ ok: true });
    await waitFor('back in the vote', () =>
      s.all.every(
        (c) => roundOf(c, roundId)?.candidates.find((x) => x.cardId === a)?.removedAt === null,
      ),
    );
    for (const c of s.all) {
      const notice = await settle<{ message: string }>(c, 'round:notice', (n) =>
        n.message.includes('restored'),
      );
      expect(notice.message).toBe(
        'The card “Letters in plain English” was restored, so it is part of the vote again. It starts with no dots.',
      );
    }
    expect(await cast(s.pink, roundId, a, 1)).toEqual({ ok: true, dotsOnCard: 1, dotsLeft: 4 });
    s.done();
  });

  it('[I37] a card restored while its round is closed comes back only when the round reopens', async () => {
    const s = await setup();
    const [a] = s.cards as [string, string, string];
    const roundId = await openRound(s);
    expect(await ask(s.fac.socket, 'card:delete', { cardId: a })).toEqual({ ok: true });
    await waitFor('removed', () =>
      Boolean(roundOf(s.pink, roundId)?.candidates.find((c) => c.cardId === a)?.removedAt),
    );
    await close(s, roundId);
    expect(await ask(s.fac.socket, 'card:restore', { cardId: a })).toEqual({ ok: true });
    // A later round:update (from another round) would carry it; open one to be sure it stays out.
    const other = await openRound(s, { section: 'priorities' });
    expect(roundOf(s.pink, roundId)?.candidates.find((c) => c.cardId === a)?.removedAt).not.toBe(
      null,
    );
    await close(s, other);
    expect(await ask(s.fac.socket, 'round:reopen', { roundId })).toEqual({ ok: true });
    await waitFor(
      'back after reopening',
      () => roundOf(s.pink, roundId)?.candidates.find((c) => c.cardId === a)?.removedAt === null,
    );
    expect(await cast(s.pink, roundId, a, 1)).toMatchObject({ ok: true });
    s.done();
  });

  it('[I38] the facilitator adds a late card to the open round and everyone is told', async () => {
    const s = await setup();
    const roundId = await openRound(s);
    createCard(s.y.doc, 'priorities', 'Added during the vote');
    createCard(s.y.doc, 'context', 'Not a priority');
    await waitFor('stored', () => sectionCards(s.room.doc, 'priorities').length === 4);
    await waitFor('stored', () => sectionCards(s.room.doc, 'context').length === 1);
    const late = sectionCards(s.room.doc, 'priorities')[3]?.id ?? '';
    const context = sectionCards(s.room.doc, 'context')[0]?.id ?? '';
    expect(await cast(s.pink, roundId, late, 1)).toMatchObject({ reason: 'notCandidate' });
    for (const c of [s.pink, s.blue, s.observer]) {
      expect(await ask(c.socket, 'round:add-card', { roundId, cardId: late })).toMatchObject({
        ok: false,
        reason: 'forbidden',
      });
    }
    expect(await ask(s.fac.socket, 'round:add-card', { roundId, cardId: context })).toMatchObject({
      ok: false,
      reason: 'invalidInput',
    });
    expect(await ask(s.fac.socket, 'round:add-card', { roundId, cardId: 'nope' })).toMatchObject({
      ok: false,
      reason: 'unknownCard',
    });
    expect(await ask(s.fac.socket, 'round:add-card', { roundId, cardId: late })).toEqual({
      ok: true,
    });
    expect(await ask(s.fac.socket, 'round:add-card', { roundId, cardId: late })).toMatchObject({
      ok: false,
      reason: 'invalidInput',
    });
    await waitFor('everyone sees the late card', () =>
      s.all.every((c) => roundOf(c, roundId)?.candidates.some((x) => x.cardId === late)),
    );
    const added = roundOf(s.blue, roundId)?.candidates.find((x) => x.cardId === late);
    expect(added).toMatchObject({ text: 'Added during the vote', removedAt: null });
    expect(added?.addedAt).toEqual(expect.any(String));
    for (const c of s.all) {
      await settle<{ message: string }>(c, 'round:notice', (n) =>
        n.message.startsWith('The facilitator added the card “Added during the vote”'),
      );
    }
    expect(await cast(s.pink, roundId, late, 1)).toMatchObject({ ok: true });
    await close(s, roundId);
    expect(await ask(s.fac.socket, 'round:add-card', { roundId, cardId: late })).toMatchObject({
      ok: false,
      reason: 'roundClosed',
    });
    s.done();
  });
});

describe('divergence', () => {
  it('uses the threshold the facilitator chose when opening the round', async () => {
    const s = await setup();
    const [a, b] = s.cards as [string, string, string];
    const roundId = await openRound(s, { divergencePoints: 40 });
    expect(roundOf(s.pink, roundId)?.divergencePoints).toBe(40);
    // People: A 100 %. Staff: A 50 %, B 50 %: 50 points apart on A and on B.
    await cast(s.pink, roundId, a, 2);
    await cast(s.blue, roundId, a, 1);
    await cast(s.blue, roundId, b, 1);
    await close(s, roundId);
    const r = await settle<RoundResults>(s.pink, 'results:update', (x) => x.roundId === roundId);
    expect(r.divergencePoints).toBe(40);
    expect(r.cards.filter((c) => c.divergent).map((c) => c.cardId)).toEqual([a, b]);
    expect(
      (await ask(s.fac.socket, 'round:open', { divergencePoints: 2 })) as { ok: boolean },
    ).toMatchObject({ ok: false, reason: 'invalidInput' });
    s.done();
  });
});

describe('refused casts (issue 8 §4)', () => {
  it('[I16] 600 refused casts leave at most one key per voter and candidate card', async () => {
    const s = await setup();
    const [a, b, c] = s.cards as [string, string, string];
    const roundId = await openRound(s);
    expect(await cast(s.pink, roundId, a, 1)).toMatchObject({ ok: true });
    const before = await server.purple.store.countBallotKeys(roundId);
    const refused = [];
    for (let i = 0; i < 200; i++) {
      refused.push(cast(s.pink, roundId, [a, b, c][i % 3] ?? a, 9)); // over the cap
      refused.push(cast(s.pink, roundId, `made-up-${i}`, 1)); // not a candidate
      refused.push(cast(s.blue, roundId, b, 4)); // over the cap
    }
    for (const r of await Promise.all(refused)) expect(r.ok).toBe(false);
    // Pink: at most one per candidate card (3); Bo: one on B.
    expect(await server.purple.store.countBallotKeys(roundId)).toBeLessThanOrEqual(before + 4);
    // A retry of the newest refusal gets the same answer.
    const key = 'retry-of-a-refusal';
    expect(await cast(s.blue, roundId, c, 4, key)).toMatchObject({ reason: 'overCap' });
    expect(await cast(s.blue, roundId, c, 4, key)).toMatchObject({ reason: 'overCap' });
    s.done();
  });
});
