/**
 * Voting rounds over real sockets against the real server (issue 4): who may vote, what
 * the server refuses, what each person may see while results are hidden, and what
 * happens when a candidate card is deleted or a round is closed, reopened or extended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard, sectionCards } from '../../lib/board/doc';
import type { RoundResults, RoundView } from '../../lib/voting/types';
import { ask, startTestServer, stopTestServer, type TestServer, waitFor } from './harness';
import {
  ballotRows,
  cast,
  client,
  last,
  newKey,
  openRound,
  roundOf,
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

const setup = (cardTexts?: string[]) => setupVoting(server, cardTexts);
const ballots = (roundId: string) => ballotRows(server, roundId);

describe('opening a round', () => {
  it('fixes the section’s live cards, in board order, with their text; later cards are not in it', async () => {
    const s = await setup();
    const roundId = await openRound(s);
    createCard(s.y.doc, 'priorities', 'Added later');
    const view = roundOf(s.pink, roundId);
    expect(view).toMatchObject({
      section: 'priorities',
      budget: 5,
      perCardCap: 3,
      deadline: null,
      resultsVisibility: 'hidden',
      status: 'open',
      closedAt: null,
    });
    expect(view?.candidates).toEqual([
      { cardId: s.cards[0], text: 'Letters in plain English', removedAt: null, addedAt: null },
      { cardId: s.cards[1], text: 'Shorter waits', removedAt: null, addedAt: null },
      { cardId: s.cards[2], text: 'A named contact', removedAt: null, addedAt: null },
    ]);
    await waitFor('card stored', () => sectionCards(s.room.doc, 'priorities').length === 4);
    const added = sectionCards(s.room.doc, 'priorities')[3]?.id ?? '';
    expect(await cast(s.pink, roundId, added, 1)).toMatchObject({
      ok: false,
      reason: 'notCandidate',
    });
    // A second round is listed first; the first is kept.
    const second = await openRound(s, { section: 'priorities', budget: 3, perCardCap: 1 });
    const list = last<RoundView[]>(s.blue, 'round:update', (rs) => rs.length === 2);
    expect(list?.map((r) => r.id)).toEqual([second, roundId]);
    expect(list?.[0]?.candidates).toHaveLength(4);
    s.done();
  });

  it('is for facilitators only, needs cards, and a deadline in the future', async () => {
    const s = await setup();
    for (const c of [s.pink, s.blue, s.observer]) {
      expect(await ask(c.socket, 'round:open', { section: 'priorities' })).toMatchObject({
        ok: false,
        reason: 'forbidden',
      });
    }
    const past = new Date(Date.now() - 1000).toISOString();
    expect(await ask(s.fac.socket, 'round:open', { deadline: past })).toMatchObject({
      ok: false,
      reason: 'invalidInput',
    });
    expect(await ask(s.fac.socket, 'round:open', { section: 'indicators' })).toMatchObject({
      ok: false,
      reason: 'invalidInput',
      message: 'There are no cards in this section to vote on yet.',
    });
    expect(await ask(s.fac.socket, 'round:open', { budget: 2, perCardCap: 3 })).toMatchObject({
      ok: false,
      reason: 'invalidInput',
    });
    expect(await server.purple.store.listRounds(s.w.workshopId)).toEqual([]);
    s.done();
  });
});

describe('casting', () => {
  it('sets absolute dots, enforces the cap and budget, and tells only the voter', async () => {
    const s = await setup();
    const roundId = await openRound(s);
    const [a, b, c] = s.cards as [string, string, string];
    expect(await cast(s.pink, roundId, a, 4)).toMatchObject({ ok: false, reason: 'overCap' });
    expect(await cast(s.pink, roundId, a, 3)).toEqual({ ok: true, dotsOnCard: 3, dotsLeft: 2 });
    expect(await cast(s.pink, roundId, b, 3)).toMatchObject({ ok: false, reason: 'overBudget' });
    expect(await cast(s.pink, roundId, b, 2)).toEqual({ ok: true, dotsOnCard: 2, dotsLeft: 0 });
    expect(await cast(s.pink, roundId, a, 0)).toEqual({ ok: true, dotsOnCard: 0, dotsLeft: 3 });
    expect(await cast(s.pink, roundId, c, 1)).toEqual({ ok: true, dotsOnCard: 1, dotsLeft: 2 });
    const mine = await settle<{ ballots: unknown[]; dotsLeft: number }>(
      s.pink,
      'ballot:mine',
      (m) => m.dotsLeft === 2 && m.ballots.length === 2,
    );
    expect(mine).toEqual({
      roundId,
      ballots: [
        { cardId: b, dots: 2 },
        { cardId: c, dots: 1 },
      ].sort((x, y) => x.cardId.localeCompare(y.cardId)),
      dotsLeft: 2,
    });
    expect(
      s.blue.events.some((e) => e.event === 'ballot:mine' && JSON.stringify(e.payload).includes(b)),
    ).toBe(false);
    s.done();
  });

  it('refuses every bad input with a clear reason and changes nothing', async () => {
    const s = await setup();
    const roundId = await openRound(s);
    const [a] = s.cards as [string];
    await cast(s.pink, roundId, a, 1);
    const before = await ballots(roundId);
    const refuse = async (payload: unknown, reason: string) => {
      const raw = s.pink.socket as unknown as {
        emit(e: string, p: unknown, ack: (r: { ok: boolean; message?: string }) => void): void;
      };
      const r = await new Promise<{ ok: boolean; message?: string }>((resolve) =>
        raw.emit('ballot:cast', payload, resolve),
      );
      expect(r, JSON.stringify(payload).slice(0, 200)).toMatchObject({ ok: false, reason });
      expect(typeof r.message).toBe('string');
    };
    const ok = { roundId, cardId: a, dots: 2, key: newKey() };
    await refuse({ ...ok, cardId: 'no-such-card' }, 'notCandidate');
    await refuse({ ...ok, roundId: 'no-such-round' }, 'invalidInput');
    await refuse({ ...ok, dots: -1 }, 'invalidInput');
    await refuse({ ...ok, dots: 1.5 }, 'invalidInput');
    await refuse({ ...ok, dots: '2' }, 'invalidInput');
    await refuse({ ...ok, dots: 51 }, 'invalidInput');
    await refuse({ ...ok, key: 'short' }, 'invalidInput');
    await refuse({ ...ok, key: 'k'.repeat(65) }, 'invalidInput');
    await refuse({ ...ok, cardId: 'c'.repeat(65) }, 'invalidInput');
    await refuse({ ...ok, roundId: 'r'.repeat(65) }, 'invalidInput');
    await refuse({ ...ok, participantId: s.blue.actor.participantId }, 'invalidInput');
    await refuse({ ...ok, participantId: s.pink.actor.participantId }, 'invalidInput');
    await refuse(null, 'invalidInput');
    await refuse([ok], 'invalidInput');
    expect(await ballots(roundId)).toEqual(before);
    // Over socket.io's 64 KiB cap the connection is dropped before any handler runs.
    const big = client(s.pink.actor);
    await waitFor('connected', () => big.socket.connected);
    const gone = new Promise<string>((resolve) =>
      big.socket.on('disconnect', (why) => resolve(why)),
    );
    big.socket.emit('ballot:cast', { ...ok, key: 'x'.repeat(70 * 1024) }, () => undefined);
    expect(await gone).toBe('transport close');
    expect(await ballots(roundId)).toEqual(before);
    // The well-formed request still works.
    expect(await cast(s.pink, roundId, a, 2)).toMatchObject({ ok: true, dotsOnCard: 2 });
    s.done();
  });

  it('refuses observers, and a retried key never counts twice', async () => {
    const s = await setup();
    const roundId = await openRound(s);
    const [a, b] = s.cards as [string, string];
    expect(await cast(s.observer, roundId, a, 1)).toMatchObject({ ok: false, reason: 'forbidden' });
    const key = newKey();
    const first = await cast(s.blue, roundId, a, 3, key);
    await cast(s.blue, roundId, a, 1);
    expect(await cast(s.blue, roundId, a, 3, key)).toEqual(first);
    expect(await ballots(roundId)).toEqual([[s.blue.actor.participantId, a, 1]]);
    // The facilitator (staff) votes too.
    expect(await cast(s.fac, roundId, b, 2)).toMatchObject({ ok: true });
    s.done();
  });

  it('a participant on two devices (personal link) shares one budget', async () => {
    const s = await setup();
    const roundId = await openRound(s);
    const [a, b] = s.cards as [string, string];
    const cookieValue = s.pink.actor.cookie.split('=')[1];
    const page = await server.purple.workshops.boardPage(
      s.pink.actor.workshopId,
      cookieValue,
      server.url,
    );
    const token = page.ok ? (page.value.me.personalUrl.split('/p/')[1] ?? '') : '';
    const grant = await server.purple.workshops.resume(token, server.url);
    if (!grant.ok) throw new Error(grant.message);
    const phone = client({
      ...s.pink.actor,
      cookie: `${grant.value.cookie.name}=${grant.value.cookie.value}`,
    });
    await waitFor('phone welcome', () => phone.events.some((e) => e.event === 'round:update'));
    expect(await cast(s.pink, roundId, a, 3)).toMatchObject({ ok: true, dotsLeft: 2 });
    expect(await cast(phone, roundId, b, 3)).toMatchObject({ ok: false, reason: 'overBudget' });
    expect(await cast(phone, roundId, b, 2)).toMatchObject({ ok: true, dotsLeft: 0 });
    for (const device of [s.pink, phone]) {
      const mine = await settle(
        device,
        'ballot:mine',
        (m: { dotsLeft: number }) => m.dotsLeft === 0,
      );
      expect(mine).toEqual({
        roundId,
        ballots: [
          { cardId: a, dots: 3 },
          { cardId: b, dots: 2 },
        ].sort((x, y) => x.cardId.localeCompare(y.cardId)),
        dotsLeft: 0,
      });
    }
    phone.socket.disconnect();
    s.done();
  });
});

/** Every key that would reveal counts, anywhere in a payload. */
const COUNT_KEYS = [
  'dots',
  'total',
  'totals',
  'shares',
  'turnout',
  'voted',
  'balancedScore',
  'rank',
];

function keysIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysIn(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysIn(v, out);
    }
  return out;
}

describe('hidden results', () => {
  it('leak to nobody before close (facilitators get turnout only), then go to everyone', async () => {
    const s = await setup();
    const roundId = await openRound(s);
    const [a, b, c] = s.cards as [string, string, string];
    const from = new Map(s.all.map((x) => [x, x.events.length]));
    await cast(s.pink, roundId, a, 3);
    await cast(s.pink2, roundId, b, 2);
    await cast(s.blue, roundId, c, 3);
    await cast(s.fac, roundId, c, 1);
    await waitFor('turnout with 2 and 2', () => {
      const t = last<{ turnout: { people: { voted: number }; system: { voted: number } } }>(
        s.fac,
        'turnout:update',
      );
      return t?.turnout.people.voted === 2 && t.turnout.system.voted === 2;
    });
    await new Promise((r) => setTimeout(r, 400)); // let any throttled publication arrive
    for (const x of s.all) {
      const seen = x.events.slice(from.get(x));
      for (const { event, payload } of seen) {
        const where = `${x.actor.participantId} got ${event}: ${JSON.stringify(payload)}`;
        expect(event, where).not.toBe('results:update');
        if (event === 'ballot:mine') {
          // Only their own dots: never a card they did not vote on.
          const own = { [s.pink.actor.participantId]: [a], [s.pink2.actor.participantId]: [b] };
          const allowed = own[x.actor.participantId] ?? [c];
          expect(x, where).not.toBe(s.observer);
          for (const bal of (payload as { ballots: { cardId: string }[] }).ballots)
            expect(allowed, where).toContain(bal.cardId);
          continue;
        }
        if (event === 'turnout:update') {
          expect(x, where).toBe(s.fac);
          expect(keysIn(payload)).toEqual(
            new Set(['roundId', 'turnout', 'people', 'system', 'voted', 'eligible']),
          );
          continue;
        }
        for (const k of COUNT_KEYS) expect(keysIn(payload).has(k), where).toBe(false);
      }
    }
    // Own ballots only, exactly.
    expect(last(s.pink, 'ballot:mine')).toEqual({
      roundId,
      ballots: [{ cardId: a, dots: 3 }],
      dotsLeft: 2,
    });
    expect(last(s.blue, 'ballot:mine')).toEqual({
      roundId,
      ballots: [{ cardId: c, dots: 3 }],
      dotsLeft: 2,
    });
    expect(last(s.fac, 'turnout:update')).toEqual({
      roundId,
      turnout: { people: { voted: 2, eligible: 2 }, system: { voted: 2, eligible: 2 } },
    });
    // A newcomer's welcome reveals nothing either.
    const late = client(s.observer.actor);
    await waitFor('late welcome', () => late.events.some((e) => e.event === 'round:update'));
    await new Promise((r) => setTimeout(r, 100));
    for (const { payload } of late.events)
      for (const k of COUNT_KEYS) expect(keysIn(payload).has(k)).toBe(false);
    late.socket.disconnect();

    expect(await ask(s.fac.socket, 'round:close', { roundId })).toEqual({ ok: true });
    for (const x of s.all) {
      const r = await settle<RoundResults>(x, 'results:update', (p) => p.roundId === roundId);
      expect(r.totals).toEqual({ people: 5, system: 4, all: 9 });
      expect(r.basis).toBe('both');
      expect(r.turnout).toEqual({
        people: { voted: 2, eligible: 2 },
        system: { voted: 2, eligible: 2 },
      });
      expect(r.cards.map((k) => [k.cardId, k.dots, k.rank])).toEqual([
        [c, { people: 0, system: 4 }, 1],
        [a, { people: 3, system: 0 }, 2],
        [b, { people: 2, system: 0 }, 3],
      ]);
      expect(roundOf(x, roundId)?.status).toBe('closed');
    }
    expect(await cast(s.pink, roundId, b, 1)).toMatchObject({ ok: false, reason: 'roundClosed' });
    // A socket connecting after the close gets the results in its welcome.
    const after = client(s.observer.actor);
    await settle<RoundResults>(after, 'results:update', (p) => p.roundId === roundId);
    after.socket.disconnect();
    s.done();
  });

  it('live rounds send results while open, at most about four a second', async () => {
    const s = await setup();
    const roundId = await openRound(s, { resultsVisibility: 'live' });
    const [a, b] = s.cards as [string, string];
    const from = s.observer.events.length;
    const started = Date.now();
    for (let i = 0; i < 20; i++)
      await cast(i % 2 ? s.pink : s.blue, roundId, i % 3 ? a : b, 1 + (i % 3));
    const stored = await server.purple.store.listBallots(roundId);
    const sum = stored.reduce((n, x) => n + x.dots, 0);
    await settle<RoundResults>(s.observer, 'results:update', (r) => r.totals.all === sum);
    await new Promise((r) => setTimeout(r, 400));
    const live = s.observer.events.slice(from).filter((e) => e.event === 'results:update');
    const elapsed = Date.now() - started;
    expect(live.length).toBeGreaterThan(0);
    expect(live.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 1);
    expect((live.at(-1)?.payload as RoundResults | undefined)?.totals.all).toBe(sum);
    expect(roundOf(s.observer, roundId)?.status).toBe('open');
    s.done();
  });
});

describe('deleting a candidate', () => {
  it('gives its dots back to the voters and tells them', async () => {
    const s = await setup();
    const roundId = await openRound(s);
    const [a, b] = s.cards as [string, string];
    await cast(s.pink, roundId, a, 3);
    await cast(s.pink, roundId, b, 2);
    await cast(s.blue, roundId, b, 1);
    expect(await ask(s.fac.socket, 'card:delete', { cardId: a })).toEqual({ ok: true });
    const notice = await settle<{ roundId: string; message: string }>(s.pink, 'round:notice');
    expect(notice.roundId).toBe(roundId);
    expect(notice.message).toMatch(/Letters in plain English.*deleted.*back with you/);
    await settle(s.pink, 'ballot:mine', (m: { dotsLeft: number }) => m.dotsLeft === 3);
    expect(last(s.pink, 'ballot:mine')).toEqual({
      roundId,
      ballots: [{ cardId: b, dots: 2 }],
      dotsLeft: 3,
    });
    expect(s.blue.events.some((e) => e.event === 'round:notice')).toBe(false);
    await waitFor('candidate marked removed', () =>
      Boolean(roundOf(s.observer, roundId)?.candidates.find((c) => c.cardId === a)?.removedAt),
    );
    expect(await cast(s.pink, roundId, a, 1)).toMatchObject({ ok: false, reason: 'notCandidate' });
    expect(await cast(s.pink, roundId, b, 3)).toMatchObject({ ok: true, dotsLeft: 2 });
    await ask(s.fac.socket, 'round:close', { roundId });
    const r = await settle<RoundResults>(s.observer, 'results:update');
    expect(r.cards.map((c) => c.cardId)).not.toContain(a);
    s.done();
  });
});

describe('deleting a candidate while its round is closed', () => {
  it('keeps the closed results, and takes the card out (dots returned) when the round reopens', async () => {
    const s = await setup();
    const roundId = await openRound(s);
    const [a, b] = s.cards as [string, string];
    await cast(s.blue, roundId, a, 2);
    await cast(s.blue, roundId, b, 1);
    await ask(s.fac.socket, 'round:close', { roundId });
    await settle<RoundResults>(s.blue, 'results:update', (r) => r.roundId === roundId);
    expect(await ask(s.fac.socket, 'card:delete', { cardId: a })).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(s.blue.events.some((e) => e.event === 'round:notice')).toBe(false);
    expect(await ballots(roundId)).toHaveLength(2);
    expect(await ask(s.fac.socket, 'round:reopen', { roundId })).toEqual({ ok: true });
    const notice = await settle<{ roundId: string }>(s.blue, 'round:notice');
    expect(notice.roundId).toBe(roundId);
    await settle(s.blue, 'ballot:mine', (m: { dotsLeft: number }) => m.dotsLeft === 4);
    expect(await ballots(roundId)).toEqual([[s.blue.actor.participantId, b, 1]]);
    await waitFor('removed in round:update', () =>
      Boolean(roundOf(s.pink, roundId)?.candidates.find((c) => c.cardId === a)?.removedAt),
    );
    s.done();
  });
});

describe('closing, reopening and extending', () => {
  it('close, reopen and extend, with deadlines always in the future', async () => {
    const s = await setup();
    const roundId = await openRound(s);
    const [a] = s.cards as [string];
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const past = new Date(Date.now() - 1000).toISOString();
    expect(await ask(s.pink.socket, 'round:close', { roundId })).toMatchObject({
      reason: 'forbidden',
    });
    expect(await ask(s.pink.socket, 'round:extend', { roundId, deadline: future })).toMatchObject({
      reason: 'forbidden',
    });
    expect(await ask(s.fac.socket, 'round:extend', { roundId, deadline: past })).toMatchObject({
      reason: 'invalidInput',
    });
    expect(await ask(s.fac.socket, 'round:extend', { roundId, deadline: future })).toEqual({
      ok: true,
    });
    await waitFor('deadline shown', () => roundOf(s.pink, roundId)?.deadline === future);
    expect(await ask(s.fac.socket, 'round:close', { roundId })).toEqual({ ok: true });
    expect(await ask(s.fac.socket, 'round:close', { roundId })).toEqual({ ok: true });
    await waitFor('closed shown', () => roundOf(s.pink, roundId)?.status === 'closed');
    expect(await cast(s.pink, roundId, a, 1)).toMatchObject({ reason: 'roundClosed' });
    expect(await ask(s.fac.socket, 'round:extend', { roundId, deadline: future })).toMatchObject({
      reason: 'roundClosed',
    });
    expect(await ask(s.pink.socket, 'round:reopen', { roundId })).toMatchObject({
      reason: 'forbidden',
    });
    expect(await ask(s.fac.socket, 'round:reopen', { roundId })).toEqual({ ok: true });
    await waitFor('open again', () => roundOf(s.pink, roundId)?.status === 'open');
    expect(await cast(s.pink, roundId, a, 1)).toMatchObject({ ok: true });
    expect(await ask(s.fac.socket, 'round:close', { roundId: 'nope' })).toMatchObject({
      reason: 'invalidInput',
    });
    s.done();
  });

  it('a passed deadline closes the round and publishes results; reopening needs a new deadline', async () => {
    const s = await setup();
    const soon = new Date(Date.now() + 1500).toISOString();
    const roundId = await openRound(s, { deadline: soon });
    const [a, b] = s.cards as [string, string];
    expect(await cast(s.pink, roundId, a, 2)).toMatchObject({ ok: true });
    const results = await settle<RoundResults>(
      s.blue,
      'results:update',
      (r) => r.roundId === roundId,
    );
    expect(results.basis).toBe('people-only');
    expect(results.basisNote).toBe(
      'Only people with lived experience voted, so this ranking shows their votes alone.',
    );
    expect(roundOf(s.blue, roundId)?.status).toBe('closed');
    expect(await cast(s.pink, roundId, b, 1)).toMatchObject({ reason: 'roundClosed' });
    expect(await ask(s.fac.socket, 'round:reopen', { roundId })).toMatchObject({
      ok: false,
      reason: 'invalidInput',
    });
    const past = new Date(Date.now() - 1000).toISOString();
    expect(await ask(s.fac.socket, 'round:reopen', { roundId, deadline: past })).toMatchObject({
      reason: 'invalidInput',
    });
    expect(await ask(s.fac.socket, 'round:reopen', { roundId, deadline: null })).toEqual({
      ok: true,
    });
    await waitFor('reopened without deadline', () => {
      const v = roundOf(s.blue, roundId);
      return v?.status === 'open' && v.deadline === null;
    });
    expect(await cast(s.pink, roundId, b, 1)).toMatchObject({ ok: true, dotsLeft: 2 });
    s.done();
  });
});

describe('group sizes for the privacy warning', () => {
  it('tells every participant how many in each group may vote, before anyone has voted', async () => {
    const s = await setup();
    const roundId = await openRound(s);
    // Facilitator (staff) and Bo are staff; Pat and Pip have lived experience; Olu observes.
    expect(roundOf(s.pink, roundId)?.eligible).toEqual({ people: 2, system: 2 });
    expect(roundOf(s.observer, roundId)?.eligible).toEqual({ people: 2, system: 2 });
    s.done();
  });
});
