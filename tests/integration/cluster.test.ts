/**
 * Two Purple instances (real processes) on one Postgres and one Redis (issue 12), with
 * participants spread over both: co-editing converges, and presence, endorsements, timers,
 * vote results, deadlines and revocations reach clients on the other instance; 1,000
 * concurrent ballots spread over both count once. Invariants I62–I65.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextEdit, createCard, readBoard } from '../../lib/board/doc';
import { textHash } from '../../lib/board/textHash';
import { prng } from '../../lib/prng';
import type { CardAgreement, PresenceEntry } from '../../lib/protocol/events';
import { REASON_INFO } from '../../lib/protocol/reasons';
import type { RoundResults, RoundView } from '../../lib/voting/types';
import {
  at,
  type ClusterEnv,
  clusterEnv,
  type Instance,
  query,
  startInstance,
} from './clusterHarness';
import {
  type Actor,
  ask,
  connectY,
  createWorkshop,
  join,
  type TestWorkshop,
  waitFor,
} from './harness';
import { type Client, client, settle } from './votingSetup';

let env: ClusterEnv;
let a: Instance;
let b: Instance;
let w: TestWorkshop;
let pink: Actor;
let pink2: Actor;
let blue: Actor;
let blue2: Actor;
const voters: Actor[] = [];

beforeAll(async () => {
  env = await clusterEnv();
  const setup = await env.setupServer();
  w = await createWorkshop(setup);
  pink = await join(setup, w.tokens.people, { name: 'Pat' });
  pink2 = await join(setup, w.tokens.people, { name: 'Pip' });
  blue = await join(setup, w.tokens.system, { name: 'Bo' });
  blue2 = await join(setup, w.tokens.system, { name: 'Bea' });
  for (let i = 0; i < 20; i++) voters.push(await join(setup, w.tokens.people, { name: `V${i}` }));
  await setup.close();
  [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.kill(), b?.kill()]);
  await env?.cleanup();
});

const boardText = (doc: import('yjs').Doc) =>
  readBoard(doc)
    .map((c) => `${c.id}:${c.section}:${c.text}:${c.deleted}`)
    .sort()
    .join('\n');

describe('two instances', () => {
  it('[I62][I63] co-editing over both instances converges, with the roster, and matches the store', async () => {
    const onA = connectY(a, at(pink, a.url));
    const onB = connectY(b, at(blue, b.url));
    await Promise.all([onA.synced, onB.synced]);
    const shared = createCard(onA.doc, 'priorities', 'Topic');
    await waitFor('the card on B', () => readBoard(onB.doc).some((c) => c.id === shared));
    for (let i = 0; i < 30; i++) {
      createCard(onA.doc, 'context', `from A ${i}`);
      createCard(onB.doc, 'decisions', `from B ${i}`);
      const ta = readBoard(onA.doc).find((c) => c.id === shared)?.text ?? '';
      applyTextEdit(onA.doc, shared, `${ta}a`);
      const tb = readBoard(onB.doc).find((c) => c.id === shared)?.text ?? '';
      applyTextEdit(onB.doc, shared, `b${tb}`);
    }
    await waitFor(
      'both boards equal',
      () => readBoard(onA.doc).length === 61 && boardText(onA.doc) === boardText(onB.doc),
      30_000,
    );
    const text = readBoard(onA.doc).find((c) => c.id === shared)?.text ?? '';
    expect([...text].filter((ch) => ch === 'a').length).toBe(30);
    expect([...text].filter((ch) => ch === 'b').length).toBe(30);
    // Roster before colour (I8): each side knows who the other's clientID is.
    expect(onB.roster.get(onA.doc.clientID)?.group).toBe('people');
    expect(onA.roster.get(onB.doc.clientID)?.group).toBe('system');
    // A fresh client on either instance gets the same board, read from the store.
    for (const inst of [a, b]) {
      const fresh = connectY(inst, at(pink2, inst.url));
      await fresh.synced;
      await waitFor('fresh board', () => boardText(fresh.doc) === boardText(onA.doc));
      fresh.destroy();
    }
    onA.destroy();
    onB.destroy();
  }, 120_000);

  it('[I65] presence, endorsements, timers, vote results and revocation reach the other instance', async () => {
    const fac = client(at(w.facilitator, a.url));
    const pinkOnB = client(at(pink, b.url));
    await waitFor('connected', () => fac.socket.connected && pinkOnB.socket.connected);
    // Presence: someone arriving on A is announced on B, and listed for newcomers on B.
    const arriving = client(at(pink2, a.url));
    // Alone in its 100 ms window it is a `presence:join`; with the facilitator's arrival in
    // the same window, one `presence:joined` for both (I90).
    const arrivals = (e: { event: string; payload: unknown }): PresenceEntry[] =>
      e.event === 'presence:join'
        ? [e.payload as PresenceEntry]
        : e.event === 'presence:joined'
          ? (e.payload as PresenceEntry[])
          : [];
    await waitFor('presence:join on B', () =>
      pinkOnB.events.some((e) => arrivals(e).some((p) => p.name === 'Pip')),
    );
    const later = client(at(blue, b.url));
    const list = await settle<PresenceEntry[]>(later, 'presence:update');
    expect(list.map((p) => p.name).sort()).toEqual(['Bo', 'Fay', 'Pat', 'Pip']);
    // Pip erases their name on A: on B their old entry leaves and an unnamed one arrives.
    expect((await ask(arriving.socket, 'me:erase', {})).ok).toBe(true);
    await waitFor('the old entry leaves on B', () =>
      pinkOnB.events.some(
        (e) =>
          e.event === 'presence:leave' &&
          (e.payload as { key: string }).key === pink2.participantId,
      ),
    );
    const renamed = await settle<PresenceEntry>(pinkOnB, 'presence:join', (p) =>
      p.key.startsWith('a-'),
    );
    expect(renamed.name).toBeUndefined();

    // Endorsement on B reaches the facilitator on A.
    const y = connectY(b, at(pink, b.url));
    await y.synced;
    const card = createCard(y.doc, 'priorities', 'Letters in plain English');
    await waitFor('saved', () => y.acked() > 0);
    const endorsed = await ask(pinkOnB.socket, 'card:endorse', {
      cardId: card,
      textHash: textHash('Letters in plain English'),
    });
    expect(endorsed.ok).toBe(true);
    await settle<CardAgreement[]>(fac, 'agreement:update', (cards) =>
      cards.some((c) => c.cardId === card && c.endorsements.some((e) => e.group === 'people')),
    );

    // The timer started on A shows on B.
    expect((await ask(fac.socket, 'timer:start', { durationMs: 600_000 })).ok).toBe(true);
    await settle<{ timer: unknown }>(pinkOnB, 'facilitation:update', (v) => v.timer !== null);

    // A round opened on A, a ballot cast on B, results on close reach B.
    const opened = await ask(fac.socket, 'round:open', { section: 'priorities' });
    if (!opened.ok) throw new Error(opened.message);
    const roundId = opened.roundId as string;
    await settle<RoundView[]>(pinkOnB, 'round:update', (rs) => rs.some((r) => r.id === roundId));
    const cast = await ask(pinkOnB.socket, 'ballot:cast', {
      roundId,
      cardId: card,
      dots: 2,
      key: 'cluster-key-1',
    });
    expect(cast).toMatchObject({ ok: true });
    expect((await ask(fac.socket, 'round:close', { roundId })).ok).toBe(true);
    const results = await settle<RoundResults>(
      pinkOnB,
      'results:update',
      (r) => r.roundId === roundId,
    );
    expect(results.totals.all).toBe(2);

    // Revoking the staff link on A ends Bea's connections on B at once.
    const yBea = connectY(b, at(blue2, b.url));
    const beaOnB = client(at(blue2, b.url));
    await Promise.all([yBea.synced, waitFor('Bea connected', () => beaOnB.socket.connected)]);
    expect((await ask(fac.socket, 'invite:revoke', { inviteId: w.inviteIds.system })).ok).toBe(
      true,
    );
    expect((await yBea.closed).code).toBe(4410);
    await waitFor('session:ended on B', () =>
      beaOnB.events.some((e) => e.event === 'session:ended'),
    );

    for (const c of [fac, pinkOnB, arriving, later, beaOnB]) c.socket.disconnect();
    y.destroy();
    yBea.destroy();
  }, 120_000);

  it('[I43][I65] a section locked on one instance is locked on the other at once', async () => {
    const fac = client(at(w.facilitator, a.url));
    await waitFor('connected', () => fac.socket.connected);
    const onB = connectY(b, at(pink, b.url));
    await onB.synced;
    const locked = await ask(fac.socket, 'lock:set', {
      kind: 'section',
      id: 'decisions',
      locked: true,
    });
    expect(locked.ok).toBe(true);
    createCard(onB.doc, 'decisions', 'Written into a locked section');
    expect((await onB.closed).code).toBe(4423);
    await ask(fac.socket, 'lock:set', { kind: 'section', id: 'decisions', locked: false });
    fac.socket.disconnect();
    onB.destroy();
  }, 60_000);

  it('[I52][I62] an agenda step set on one instance closes sections on the other at once', async () => {
    const fac = client(at(w.facilitator, a.url));
    const mine = client(at(pink2, b.url));
    await waitFor('connected', () => fac.socket.connected && mine.socket.connected);
    const onB = connectY(b, at(pink2, b.url));
    await onB.synced;
    createCard(onB.doc, 'context', 'written before the agenda', { id: 'step-cx' });
    await waitFor('stored', () => onB.acked() > 0);
    expect(await ask(fac.socket, 'agenda:go', { from: null, to: 'ideas' })).toEqual({ ok: true });
    // Deleting as the server (B's ordered server write) sees the step A stored.
    const del = await ask(mine.socket, 'card:delete', { cardId: 'step-cx' });
    expect(del.ok ? 'ok' : del.reason).toBe('stepClosed');
    // And B's ordered participant path refuses an edit the step closes.
    applyTextEdit(onB.doc, 'step-cx', 'changed while Context is closed');
    expect((await onB.closed).code).toBe(REASON_INFO.stepClosed.close);
    expect(await ask(fac.socket, 'agenda:go', { from: 'ideas', to: null })).toEqual({ ok: true });
    for (const c of [fac, mine]) c.socket.disconnect();
    onB.destroy();
  }, 60_000);

  it('[I64] a round deadline armed on both instances closes it once', async () => {
    const fac = client(at(w.facilitator, a.url));
    await waitFor('connected', () => fac.socket.connected);
    const deadline = new Date(Date.now() + 3000).toISOString();
    const opened = await ask(fac.socket, 'round:open', { section: 'priorities', deadline });
    if (!opened.ok) throw new Error(opened.message);
    const roundId = opened.roundId as string;
    // A welcome on B arms the same deadline there.
    const watcher = client(at(pink, b.url));
    await settle<RoundView[]>(watcher, 'round:update', (rs) => rs.some((r) => r.id === roundId));
    const closedUpdates = () =>
      watcher.events.filter(
        (e) =>
          e.event === 'round:update' &&
          (e.payload as RoundView[]).some((r) => r.id === roundId && r.closedAt !== null),
      ).length;
    await waitFor('closed by its deadline', () => closedUpdates() > 0, 20_000);
    // Give a second closing, were there one, time to arrive.
    await new Promise((r) => setTimeout(r, 2000));
    expect(closedUpdates()).toBe(1);
    fac.socket.disconnect();
    watcher.socket.disconnect();
  }, 60_000);

  it('[I64] 1,000 concurrent ballots spread over both instances count once', async () => {
    const fac = client(at(w.facilitator, a.url));
    const y = connectY(a, at(w.facilitator, a.url));
    await y.synced;
    const cards = Array.from({ length: 6 }, (_, i) => createCard(y.doc, 'indicators', `I${i}`));
    const written = Y.getState(y.doc.store, y.doc.clientID) - 1;
    await waitFor('saved', () => y.acked() >= written);
    const opened = await ask(fac.socket, 'round:open', {
      section: 'indicators',
      budget: 5,
      perCardCap: 3,
    });
    if (!opened.ok) throw new Error(opened.message);
    const roundId = opened.roundId as string;
    // Each voter has a socket on each instance and sends through both; a fifth of the
    // requests are resent with the same key through the other instance.
    const pairs: { actor: Actor; on: [Client, Client] }[] = voters.map((v) => ({
      actor: v,
      on: [client(at(v, a.url)), client(at(v, b.url))],
    }));
    await waitFor('voters connected', () =>
      pairs.every((p) => p.on.every((c) => c.socket.connected)),
    );
    const rand = prng(20261201);
    const acks = new Map<string, unknown[]>();
    const cast = (c: Client, req: Record<string, unknown>) =>
      ask(c.socket, 'ballot:cast', req as never).then((ack) => {
        const k = `${c.actor.participantId}/${req.key}`;
        acks.set(k, [...(acks.get(k) ?? []), ack]);
      });
    // A client has one change in flight per card (useCastFlow): per voter and card, casts
    // follow one another; across cards and voters they all run at once. Each goes through a
    // random instance, and a fifth are sent again at once through the other one.
    const chains: Promise<void>[] = [];
    for (const p of pairs) {
      const perCard = new Map<string, Record<string, unknown>[]>();
      for (let i = 0; i < 52; i++) {
        const cardId = cards[Math.floor(rand() * cards.length)] as string;
        const req = { roundId, cardId, dots: Math.floor(rand() * 4), key: `cluster-key-${i}` };
        perCard.set(cardId, [...(perCard.get(cardId) ?? []), req]);
      }
      for (const reqs of perCard.values()) {
        const plan = reqs.map((req) => ({
          req,
          first: Math.floor(rand() * 2),
          twice: rand() < 0.2,
        }));
        chains.push(
          (async () => {
            for (const { req, first, twice } of plan) {
              const sent = [cast(p.on[first] as Client, req)];
              if (twice) sent.push(cast(p.on[1 - first] as Client, req));
              await Promise.all(sent);
            }
          })(),
        );
      }
    }
    await Promise.all(chains);
    const total = [...acks.values()].reduce((n, x) => n + x.length, 0);
    expect(total).toBeGreaterThanOrEqual(1000);
    // A key sent through both instances got one decision.
    for (const [k, answers] of acks)
      expect(
        new Set(answers.map((x) => JSON.stringify(x))).size,
        `${k}: ${JSON.stringify(answers)}`,
      ).toBe(1);
    // What is stored: within budget and caps, and what each voter was last told.
    const results = await ask(fac.socket, 'round:close', { roundId });
    expect(results.ok).toBe(true);
    const r = await settle<RoundResults>(fac, 'results:update', (x) => x.roundId === roundId);
    const stored = r.cards.reduce((n, c) => n + c.total, 0);
    expect(stored).toBeLessThanOrEqual(5 * voters.length);
    for (const c of r.cards) expect(c.total).toBeLessThanOrEqual(3 * voters.length);
    // Each key accepted is stored once, and what is stored is what some accepted cast set.
    const keys = await query<{ participant_id: string; key: string }>(
      env,
      'select participant_id, key from ballot_keys where round_id = $1 and ok = 1',
      [roundId],
    );
    const acceptedKeys = [...acks].filter(([, x]) => (x[0] as { ok: boolean }).ok);
    // Most casts fit the budget (the rest are refused, never half-counted).
    expect(acceptedKeys.length).toBeGreaterThan(300);
    expect(keys.length).toBe(acceptedKeys.length);
    expect(new Set(keys.map((k) => `${k.participant_id}/${k.key}`))).toEqual(
      new Set(acceptedKeys.map(([k]) => k)),
    );
    const ballots = await query<{ participant_id: string; card_id: string; dots: number }>(
      env,
      'select participant_id, card_id, dots from ballots where round_id = $1',
      [roundId],
    );
    const perVoter = new Map<string, number>();
    for (const row of ballots) {
      expect(row.dots).toBeLessThanOrEqual(3);
      perVoter.set(row.participant_id, (perVoter.get(row.participant_id) ?? 0) + row.dots);
    }
    for (const sum of perVoter.values()) expect(sum).toBeLessThanOrEqual(5);
    expect(ballots.reduce((n, row) => n + row.dots, 0)).toBe(stored);
    for (const p of pairs) for (const c of p.on) c.socket.disconnect();
    fac.socket.disconnect();
    y.destroy();
  }, 180_000);
});
