/**
 * The gaps issue 12 left in cluster mode, closed and proved on two real instances (one
 * Postgres, one Redis): facilitation changes made at once on both are all kept (I85); an
 * old board two instances load at once, while a third writer stores edits, is migrated once
 * and loses no edit (I86); the per-minute card limit is one allowance across instances (I87).
 *
 * The third writer stores through the database directly, as another instance does (the same
 * append under the workshop's row lock), so it can write without pause while both load.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CARD_KEYS, cardsMap, createCard, metaMap, readBoard } from '../../lib/board/doc';
import { readRecord } from '../../lib/board/records';
import type { FacilitationView } from '../../lib/protocol/facilitationEvents';
import { REASON_INFO } from '../../lib/protocol/reasons';
import { openStore } from '../../server/store/openStore';
import type { Store } from '../../server/store/Store';
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
  type YClient,
} from './harness';
import { client, settle } from './votingSetup';

/** Low enough to reach in a test, per person per minute, on every instance together. */
const CARDS_PER_MINUTE = 12;
/** Old boards loaded by both instances at once. */
const TRIALS = 4;

let env: ClusterEnv;
let store: Store;
let a: Instance;
let b: Instance;
let locks: TestWorkshop;
let coFacilitator: Actor;
let limited: TestWorkshop;
let limitedPink: Actor;
let present: TestWorkshop;
let stays: Actor;
let vanishes: Actor;
const oldBoards: { w: TestWorkshop; pink: Actor; blue: Actor; seedSeq: number }[] = [];

/** The board a workshop's stored log replays to. */
async function storedDoc(workshopId: string): Promise<Y.Doc> {
  const loaded = await store.loadDocument(workshopId);
  const doc = new Y.Doc();
  if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
  for (const u of loaded.updates) Y.applyUpdate(doc, u.data);
  return doc;
}

/** A writer that stores edits by `who` as another instance would: each one appended under the row lock. */
async function storeWriter(workshopId: string, who: string) {
  const doc = await storedDoc(workshopId);
  doc.clientID = 900_000 + Math.floor(Math.random() * 100_000);
  let bound = false;
  return async (cardId: string, text: string): Promise<number> => {
    const parts: Uint8Array[] = [];
    const capture = (u: Uint8Array) => parts.push(u);
    doc.on('update', capture);
    createCard(doc, 'context', text, { id: cardId });
    doc.off('update', capture);
    const seq = await store.appendUpdate({
      workshopId,
      data: Y.mergeUpdates(parts),
      participantId: who,
      bindings: bound ? [] : [{ clientId: doc.clientID, participantId: who, identifiable: true }],
      attributions: [{ cardId, inserted: text.length, deleted: 0 }],
      createdCards: [cardId],
    });
    bound = true;
    return seq;
  };
}

/** Turn a workshop's stored board into a version 1 board (as in records.test.ts, I71). */
async function makeOld(workshopId: string): Promise<number> {
  const old = await storedDoc(workshopId);
  old.clientID = 0;
  const written: Uint8Array[] = [];
  old.on('update', (u: Uint8Array) => written.push(u));
  old.transact(() => {
    metaMap(old).set('schemaVersion', 1);
    for (const section of ['context', 'decisions', 'indicators'] as const) {
      const card = new Y.Map<unknown>();
      card.set(CARD_KEYS.section, section);
      card.set(CARD_KEYS.order, 'a0');
      card.set(CARD_KEYS.text, new Y.Text(`old ${section} words`));
      cardsMap(old).set(`old-${section}`, card);
    }
  });
  return store.appendUpdate({
    workshopId,
    data: Y.mergeUpdates(written),
    participantId: null,
    bindings: [],
    attributions: [],
    createdCards: [],
  });
}

beforeAll(async () => {
  env = await clusterEnv({
    CARDS_PER_MINUTE: String(CARDS_PER_MINUTE),
    ATTENDANCE_SWEEP_MS: '1000',
  });
  const setup = await env.setupServer();
  locks = await createWorkshop(setup);
  coFacilitator = await join(setup, locks.tokens.system, { name: 'Cal' });
  limited = await createWorkshop(setup);
  limitedPink = await join(setup, limited.tokens.people, { name: 'Lee' });
  present = await createWorkshop(setup);
  stays = await join(setup, present.tokens.people, { name: 'Sam' });
  vanishes = await join(setup, present.tokens.system, { name: 'Val' });
  for (let i = 0; i < TRIALS; i++) {
    const w = await createWorkshop(setup);
    const pink = await join(setup, w.tokens.people, { name: `Pat ${i}` });
    const blue = await join(setup, w.tokens.system, { name: `Bo ${i}` });
    oldBoards.push({ w, pink, blue, seedSeq: 0 });
  }
  await setup.close();
  store = await openStore({ dataDir: env.dataDir, databaseUrl: env.databaseUrl });
  await store.setCapability(locks.workshopId, coFacilitator.participantId, 'facilitator');
  // Forty cards to lock, stored before either instance has the board.
  const write = await storeWriter(locks.workshopId, locks.facilitator.participantId);
  for (let i = 0; i < 40; i++) await write(`lock-${i}`, `Card ${i}`);
  for (const o of oldBoards) o.seedSeq = await makeOld(o.w.workshopId);
  [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.kill(), b?.kill()]);
  await store?.close();
  await env?.cleanup();
});

/** Poll an async check (the stored board) until it gives a value. */
async function until<T>(what: string, check: () => Promise<T | null>, ms = 30_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const got = await check();
    if (got !== null) return got;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const boardText = (doc: Y.Doc) =>
  readBoard(doc)
    .map((c) => `${c.id}:${c.section}:${c.kind}:${c.text}:${c.deleted}`)
    .sort()
    .join('\n');

const storedLocks = async (workshopId: string) => {
  const rows = await query<{ state: string }>(
    env,
    'select state from facilitation where workshop_id = $1',
    [workshopId],
  );
  const state = JSON.parse(rows[0]?.state ?? '{"locks":{"cards":[]}}');
  return [...(state.locks.cards as string[])].sort();
};

describe('cluster gaps (issue 12)', () => {
  it('[I85] lock and unlock actions at once from two facilitators on two instances all take effect', async () => {
    const onA = client(at(locks.facilitator, a.url));
    const onB = client(at(coFacilitator, b.url));
    await waitFor('connected', () => onA.socket.connected && onB.socket.connected);
    const lock = (c: typeof onA, i: number, locked: boolean) =>
      ask(c.socket, 'lock:set', { kind: 'card', id: `lock-${i}`, locked });
    const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

    // Everything at once: A locks 0–19 and B 20–39, none waiting for another's answer.
    const first = await Promise.all([
      ...ids(0, 20).map((i) => lock(onA, i, true)),
      ...ids(20, 40).map((i) => lock(onB, i, true)),
    ]);
    expect(first.filter((r) => !r.ok)).toEqual([]);
    expect(await storedLocks(locks.workshopId)).toEqual(
      ids(0, 40)
        .map((i) => `lock-${i}`)
        .sort(),
    );

    // Then A unlocks 0–9 and B 20–29 while each locks a section, all at once again.
    const second = await Promise.all([
      ...ids(0, 10).map((i) => lock(onA, i, false)),
      ask(onA.socket, 'lock:set', { kind: 'section', id: 'context', locked: true }),
      ...ids(20, 30).map((i) => lock(onB, i, false)),
      ask(onB.socket, 'lock:set', { kind: 'section', id: 'decisions', locked: true }),
    ]);
    expect(second.filter((r) => !r.ok)).toEqual([]);
    const left = [...ids(10, 20), ...ids(30, 40)].map((i) => `lock-${i}`).sort();
    expect(await storedLocks(locks.workshopId)).toEqual(left);
    // What a newcomer on either instance is told is that same state.
    for (const inst of [a, b]) {
      const fresh = client(at(locks.facilitator, inst.url));
      const view = await settle<FacilitationView>(fresh, 'facilitation:update');
      expect([...view.locks.cards].sort()).toEqual(left);
      expect([...view.locks.sections].sort()).toEqual(['context', 'decisions']);
      fresh.socket.disconnect();
    }
    onA.socket.disconnect();
    onB.socket.disconnect();
  }, 120_000);

  it('[I86][I71] an old board loaded by both instances at once while a third writer stores edits is migrated once and loses nothing', async () => {
    for (const [trial, o] of oldBoards.entries()) {
      const id = o.w.workshopId;
      const write = await storeWriter(id, o.pink.participantId);
      const writerCards: string[] = [];
      // The writer stores without pause while both instances load the board.
      let writing = true;
      const writer = (async () => {
        for (let i = 0; writing || i < 20; i++) {
          const cardId = `w-${trial}-${i}`;
          await write(cardId, `written meanwhile ${i}`);
          writerCards.push(cardId);
          if (i >= 200) break;
        }
      })();
      const readers: YClient[] = [connectY(a, at(o.pink, a.url)), connectY(b, at(o.blue, b.url))];
      await Promise.all(readers.map((r) => r.synced));
      writing = false;
      await writer;
      // Any ordered write catches its instance up with what the writer stored.
      for (const [k, r] of readers.entries()) createCard(r.doc, 'priorities', `after ${k}`);
      const stored = await until(
        `trial ${trial}: both instances serve the stored board`,
        async () => {
          const doc = await storedDoc(id);
          const text = boardText(doc);
          const done =
            readBoard(doc).length === writerCards.length + 5 &&
            readers.every((r) => boardText(r.doc) === text);
          return done ? doc : null;
        },
      );
      // Every edit the writer stored is on both boards (none skipped by the migration).
      for (const r of readers)
        for (const cardId of writerCards)
          expect(readBoard(r.doc).some((c) => c.id === cardId)).toBe(true);
      // Migrated (I71), and once: one server write after the old board, whoever loaded first.
      expect(metaMap(stored).get('schemaVersion')).toBe(2);
      expect(readRecord(stored, 'old-decisions')?.kind).toBe('decision');
      expect(readRecord(stored, 'old-indicators')?.kind).toBe('indicator');
      const serverWrites = await query<{ n: string }>(
        env,
        'select count(*) as n from updates where workshop_id = $1 and seq > $2 and participant_id is null',
        [id, o.seedSeq],
      );
      expect(Number(serverWrites[0]?.n), `trial ${trial}`).toBe(1);
      for (const r of readers) r.destroy();
    }
  }, 180_000);

  it('[I87][I21] the per-minute card limit is one allowance for a person on both instances', async () => {
    const onA = connectY(a, at(limitedPink, a.url));
    await onA.synced;
    const half = CARDS_PER_MINUTE / 2 + 2;
    for (let i = 0; i < half; i++) createCard(onA.doc, 'context', `A ${i}`);
    const writtenA = Y.getState(onA.doc.store, onA.doc.clientID) - 1;
    await waitFor('A stored its cards', () => onA.acked() >= writtenA);
    const onB = connectY(b, at(limitedPink, b.url));
    await onB.synced;
    // One at a time, each waiting for its answer: B refuses the card past the allowance.
    let closed: number | null = null;
    void onB.closed.then((c) => {
      closed = c.code;
    });
    for (let i = 0; i < half && closed === null; i++) {
      createCard(onB.doc, 'context', `B ${i}`);
      const want = Y.getState(onB.doc.store, onB.doc.clientID) - 1;
      await waitFor('B answered', () => onB.acked() >= want || closed !== null);
    }
    expect(closed).toBe(REASON_INFO.cardsTooFast.close);
    const rows = await query<{ n: string }>(
      env,
      'select count(*) as n from card_creators where workshop_id = $1 and participant_id = $2',
      [limited.workshopId, limitedPink.participantId],
    );
    expect(Number(rows[0]?.n)).toBe(CARDS_PER_MINUTE);
    onA.destroy();
    onB.destroy();
  }, 60_000);

  it("[I88] a starting instance closes nobody's attendance; a sweep closes what a killed one left open", async () => {
    const openOf = async (who: Actor) =>
      query<{ id: string }>(
        env,
        'select id from attendance where participant_id = $1 and left_at is null',
        [who.participantId],
      );
    const onA = client(at(stays, a.url));
    await until('stays is present', async () => ((await openOf(stays)).length === 1 ? true : null));
    // A third instance starts: the stretch of someone on A stays open.
    const c = await startInstance(env);
    const onC = client(at(vanishes, c.url));
    await until('vanishes is present', async () =>
      (await openOf(vanishes)).length === 1 ? true : null,
    );
    expect(await openOf(stays)).toHaveLength(1);
    // Killed, C cannot close its person's stretch: the others' sweep does, and only that one.
    await c.kill();
    await until("the killed instance's stretch is closed", async () =>
      (await openOf(vanishes)).length === 0 ? true : null,
    );
    expect(await openOf(stays)).toHaveLength(1);
    onA.socket.disconnect();
    await until('stays has left', async () => ((await openOf(stays)).length === 0 ? true : null));
    onC.socket.disconnect();
  }, 90_000);
});
