/**
 * 1,000+ concurrent ballots over real sockets (issue 4): ten participants each fire a
 * hundred casts at once with random cards and dots, a fifth of them resent with the same
 * key and some retried after a fake timeout. Afterwards no budget or cap is exceeded, the
 * stored ballots are the last accepted outcome per participant and card, and each key was
 * decided once.
 */
import { join as joinPath } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCard, sectionCards } from '../../lib/board/doc';
import { prng } from '../../lib/prng';
import {
  ask,
  type ControlClient,
  connectControl,
  connectY,
  createWorkshop,
  join,
  startTestServer,
  stopTestServer,
  type TestServer,
  waitFor,
} from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await stopTestServer(server);
});

const SEED = 20261101;
const BUDGET = 5;
const CAP = 3;

interface Request {
  roundId: string;
  cardId: string;
  dots: number;
  key: string;
}
type CastAck = { ok: true; dotsOnCard: number; dotsLeft: number } | { ok: false; reason: string };

it('1,000 concurrent casts never exceed a budget or cap, and each key counts once', async () => {
  const rand = prng(SEED);
  const pick = (n: number) => Math.floor(rand() * n);
  const w = await createWorkshop(server);
  const y = connectY(server, w.facilitator);
  await y.synced;
  const cards = Array.from({ length: 6 }, (_, i) => createCard(y.doc, 'priorities', `Card ${i}`));
  const room = server.purple.rooms.get(w.workshopId);
  await waitFor('cards', () => sectionCards(room.doc, 'priorities').length === cards.length);
  const fac = connectControl(w.facilitator);
  const opened = await ask(fac, 'round:open', { budget: BUDGET, perCardCap: CAP });
  if (!opened.ok) throw new Error(opened.message);
  const roundId = opened.roundId;

  const voters: { id: string; socket: ControlClient; mine: unknown[] }[] = [];
  for (let i = 0; i < 10; i++) {
    const actor = await join(server, i % 2 ? w.tokens.system : w.tokens.people, { name: `V${i}` });
    const mine: unknown[] = [];
    const socket = connectControl(actor, (e, p) => e === 'ballot:mine' && mine.push(p));
    voters.push({ id: actor.participantId, socket, mine });
  }
  await waitFor('connected', () => voters.every((v) => v.socket.connected));

  // Acks in the order each socket received them, per voter.
  const acks = new Map<string, { req: Request; ack: CastAck }[]>(voters.map((v) => [v.id, []]));
  const sends: Promise<void>[] = [];
  let sent = 0;
  const send = (v: (typeof voters)[number], req: Request) => {
    sent++;
    sends.push(
      new Promise((resolve) =>
        v.socket.emit('ballot:cast', req, (ack) => {
          acks.get(v.id)?.push({ req, ack: ack as CastAck });
          resolve();
        }),
      ),
    );
  };
  // A client has one change in flight per card (useCastFlow), so what it resends is always
  // its newest request for that card; the store keeps that request's refusal (at most one
  // refused key per voter and card, issue 8 §4), so every resend gets the same answer.
  for (const v of voters) {
    const mineSoFar: Request[] = [];
    const newest = new Map<string, Request>();
    for (let i = 0; i < 100; i++) {
      const picked =
        mineSoFar.length > 0 && rand() < 0.2 ? mineSoFar[pick(mineSoFar.length)] : null;
      const resend = picked ? newest.get(picked.cardId) : undefined;
      const req: Request = resend ?? {
        roundId,
        cardId: cards[pick(6)] as string,
        dots: pick(5),
        key: `k-${v.id}-${i}`,
      };
      if (!resend) {
        mineSoFar.push(req);
        newest.set(req.cardId, req);
      }
      send(v, req);
      // A client that gave up waiting for an ack sends the same request again.
      if (!resend && rand() < 0.05) {
        const retry = req;
        sends.push(
          new Promise((r) => setTimeout(r, 2)).then(() => {
            if (newest.get(retry.cardId) === retry) send(v, retry);
          }),
        );
      }
    }
  }
  await Promise.all(sends);
  await waitFor('every ack', () => [...acks.values()].reduce((n, a) => n + a.length, 0) === sent);
  expect(sent).toBeGreaterThanOrEqual(1000);

  // Every ack of one key is the same decision.
  const decided = new Map<string, string>();
  for (const list of acks.values())
    for (const { req, ack } of list) {
      const seen = decided.get(`${req.key}`);
      if (seen) expect(JSON.stringify(ack)).toBe(seen);
      else decided.set(req.key, JSON.stringify(ack));
    }

  const stored = await server.purple.store.listBallots(roundId);
  const perVoter = new Map<string, number>();
  for (const b of stored) {
    expect(b.dots).toBeGreaterThan(0);
    expect(b.dots).toBeLessThanOrEqual(CAP);
    perVoter.set(b.participantId, (perVoter.get(b.participantId) ?? 0) + b.dots);
  }
  for (const total of perVoter.values()) expect(total).toBeLessThanOrEqual(BUDGET);

  // The stored ballots equal each voter's last accepted outcome per card, in ack order
  // (the first ack of a key is its decision; later ones are replays of it).
  for (const v of voters) {
    const fresh = new Set<string>();
    const lastDots = new Map<string, number>();
    let lastLeft = BUDGET;
    for (const { req, ack } of acks.get(v.id) ?? []) {
      if (fresh.has(req.key)) continue;
      fresh.add(req.key);
      if (!ack.ok) {
        expect(['overBudget', 'overCap']).toContain(ack.reason);
        if (ack.reason === 'overCap') expect(req.dots).toBeGreaterThan(CAP);
        continue;
      }
      expect(ack.dotsOnCard).toBe(req.dots);
      lastDots.set(req.cardId, ack.dotsOnCard);
      lastLeft = ack.dotsLeft;
    }
    const mine = stored.filter((b) => b.participantId === v.id);
    for (const card of cards)
      expect(mine.find((b) => b.cardId === card)?.dots ?? 0).toBe(lastDots.get(card) ?? 0);
    expect(BUDGET - mine.reduce((n, b) => n + b.dots, 0)).toBe(lastLeft);
    // The last ballot:mine each voter saw is what the store holds.
    await waitFor('final ballot:mine', () => {
      const m = v.mine.at(-1) as { ballots: { cardId: string; dots: number }[] } | undefined;
      const sum = m?.ballots.reduce((n, b) => n + b.dots, 0);
      return sum === mine.reduce((n, b) => n + b.dots, 0);
    });
    expect((v.mine.at(-1) as { ballots: unknown[] }).ballots).toEqual(
      mine.map((b) => ({ cardId: b.cardId, dots: b.dots })),
    );
  }

  // One idempotency row per accepted key (nothing was decided twice), and refusals kept
  // bounded: one row per voter and card that was ever refused, the newest (issue 8 §4).
  const accepted = new Set<string>();
  const refusedPairs = new Set<string>();
  for (const [voter, list] of acks)
    for (const { req, ack } of list) {
      if (ack.ok) accepted.add(req.key);
      else refusedPairs.add(`${voter}|${req.cardId}`);
    }
  expect(refusedPairs.size).toBeGreaterThan(0);
  const db = new BetterSqlite3(joinPath(server.dataDir, 'purple.sqlite'), { readonly: true });
  const keyRows = db
    .prepare('select count(*) as n from ballot_keys where round_id = ?')
    .get(roundId) as { n: number };
  db.close();
  expect(keyRows.n).toBe(accepted.size + refusedPairs.size);
  expect(keyRows.n).toBeLessThan(decided.size);

  for (const v of voters) v.socket.disconnect();
  fac.disconnect();
  y.destroy();
});
