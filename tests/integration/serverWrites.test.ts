/**
 * Finding 3 of issue 8 and the card limits over real sockets: the server writes under
 * clientID 0 even after a reload (I19), a server write is one store transaction retried a
 * bounded number of times (I19), "saved" is never said for content nobody can see (I20), and
 * new cards are limited per board and per participant-minute with a reason the UI shows (I21).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { encodeRawUpdate } from '../../bench/lib/rawUpdate';
import { createCard, readBoard, readCard } from '../../lib/board/doc';
import { REASON_INFO } from '../../lib/protocol/reasons';
import { MESSAGE_SAVED } from '../../lib/protocol/yjsMessages';
import type { Store } from '../../server/store/Store';
import {
  type Actor,
  ask,
  authedWebSocket,
  connectControl,
  connectY,
  createWorkshop,
  join,
  startTestServer,
  type TestServer,
  waitFor,
} from './harness';

const servers: TestServer[] = [];
const dirs: string[] = [];
function freshDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'purple-sw-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(dir = freshDir(), options: Parameters<typeof startTestServer>[1] = {}) {
  const server = await startTestServer(dir, options);
  servers.push(server);
  return server;
}

/** Fail `appendServerWrite` while `failures.left > 0`. */
function failingServerWrites(failures: { left: number }) {
  return (store: Store) =>
    new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'appendServerWrite') {
          return (input: Parameters<Store['appendServerWrite']>[0]) => {
            if (failures.left > 0) {
              failures.left--;
              return Promise.reject(new Error('disk full (injected)'));
            }
            return target.appendServerWrite(input);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
}

describe('[I19] the server writes as clientID 0', () => {
  it('deletes and restores under clientID 0 after the board is reloaded from the store', async () => {
    const dir = freshDir();
    let server = await start(dir);
    const w = await createWorkshop(server);
    const patActor = await join(server, w.tokens.people, { name: 'Pat' });
    let pat = connectY(server, patActor);
    await pat.synced;
    const id = createCard(pat.doc, 'priorities', 'hello');
    await waitFor('saved', () => pat.acked() >= Y.getState(pat.doc.store, pat.doc.clientID));
    let fac = connectControl(w.facilitator);
    expect(await ask(fac, 'card:delete', { cardId: id })).toEqual({ ok: true });
    fac.close();
    pat.destroy();
    await server.close();
    servers.pop();
    server = await start(dir); // the board now loads content written under clientID 0
    const moved = (a: Actor): Actor => ({ ...a, baseUrl: server.url }); // a new port
    fac = connectControl(moved(w.facilitator));
    expect(await ask(fac, 'card:restore', { cardId: id })).toEqual({ ok: true });
    fac.close();
    pat = connectY(server, moved(patActor));
    await pat.synced;
    expect(readCard(pat.doc, id)?.deleted).toBe(false);
    const writers = [...pat.doc.store.clients.keys()].filter((c) => c !== 0);
    expect(writers).toHaveLength(1); // only Pat's first doc; nothing under a random server id
    expect(server.purple.rooms.peek(w.workshopId)?.doc.clientID).toBe(0);
    pat.destroy();
  });
});

describe('[I19] a server write is one transaction, retried a bounded number of times', () => {
  it('retries a failed write and stores the update and its event exactly once', async () => {
    const failures = { left: 2 };
    const server = await start(freshDir(), { wrapStore: failingServerWrites(failures) });
    const w = await createWorkshop(server);
    const pat = connectY(server, await join(server, w.tokens.people));
    await pat.synced;
    const id = createCard(pat.doc, 'priorities', 'hello');
    await waitFor('saved', () => pat.acked() >= Y.getState(pat.doc.store, pat.doc.clientID));
    const before = (await server.purple.store.loadDocument(w.workshopId)).updates.length;
    const fac = connectControl(w.facilitator);
    expect(await ask(fac, 'card:delete', { cardId: id })).toEqual({ ok: true });
    expect(failures.left).toBe(0);
    const after = (await server.purple.store.loadDocument(w.workshopId)).updates.length;
    expect(after - before).toBe(1);
    expect(await server.purple.store.listCardEvents(w.workshopId)).toHaveLength(1);
    fac.close();
    pat.destroy();
  });

  it('after the bound, closes the room’s writers with 4500 and reloads it without the write', async () => {
    const failures = { left: 1_000 };
    const server = await start(freshDir(), { wrapStore: failingServerWrites(failures) });
    const w = await createWorkshop(server);
    const pat = connectY(server, await join(server, w.tokens.people));
    await pat.synced;
    const closes: number[] = [];
    pat.provider.on('connection-close', (e) => e && closes.push(e.code));
    const id = createCard(pat.doc, 'priorities', 'hello');
    await waitFor('saved', () => pat.acked() >= Y.getState(pat.doc.store, pat.doc.clientID));
    const fac = connectControl(w.facilitator);
    expect(await ask(fac, 'card:delete', { cardId: id })).toMatchObject({
      ok: false,
      reason: 'storeFailed',
    });
    await waitFor('the transient close', () => closes.includes(4500));
    // Pat reconnects to a room loaded afresh: the card was never deleted, nothing stored.
    const other = connectY(server, await join(server, w.tokens.system));
    await other.synced;
    expect(readCard(other.doc, id)?.deleted).toBe(false);
    expect(await server.purple.store.listCardEvents(w.workshopId)).toEqual([]);
    const later = createCard(pat.doc, 'context', 'after the reload');
    await waitFor('Pat’s later edit', () => readCard(other.doc, later) !== null);
    fac.close();
    pat.destroy();
    other.destroy();
  });
});

/** A raw socket that records the type of every message the server sends. */
async function rawSocket(server: TestServer, actor: Actor) {
  const types: number[] = [];
  const Ws = authedWebSocket(actor, (d) => types.push(d.charCodeAt(0)));
  const ws = new Ws(`${server.url.replace('http', 'ws')}/yjs/${actor.workshopId}`);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  const send = (update: Uint8Array) => {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 0);
    syncProtocol.writeUpdate(enc, update);
    ws.send(encoding.toUint8Array(enc));
  };
  return { types, closed, send };
}

describe('[I20] never "saved" for content nobody can see', () => {
  it('refuses an update whose clock starts past what the server has, and does not ack it', async () => {
    const server = await start();
    const w = await createWorkshop(server);
    const actor = await join(server, w.tokens.people);
    const watcher = connectY(server, await join(server, w.tokens.system));
    await watcher.synced;
    const raw = await rawSocket(server, actor);
    const client = 81_000_001;
    raw.send(
      encodeRawUpdate({
        clients: [
          {
            client,
            clock: 5, // clocks 0–4 never arrived
            items: [{ parent: 'cards', parentSub: 'gap', content: { kind: 'type', type: 'map' } }],
          },
        ],
      }),
    );
    expect(await raw.closed).toBe(REASON_INFO.malformed.close);
    expect(raw.types).not.toContain(MESSAGE_SAVED);
    const loaded = await server.purple.store.loadDocument(w.workshopId);
    const stored = new Y.Doc();
    for (const u of loaded.updates) Y.applyUpdate(stored, u.data);
    expect(Y.getState(stored.store, client)).toBe(0);
    expect(stored.store.pendingStructs).toBeNull();
    watcher.destroy();
  });
});

describe('[I21] card limits', () => {
  it('refuses a card past the board’s limit with 4431, which the client does not retry', async () => {
    const server = await start(freshDir(), { maxCardsPerBoard: 3 });
    const w = await createWorkshop(server);
    const pat = connectY(server, await join(server, w.tokens.people));
    const sam = connectY(server, await join(server, w.tokens.system));
    await Promise.all([pat.synced, sam.synced]);
    for (let i = 0; i < 3; i++) createCard(pat.doc, 'priorities', `card ${i}`);
    await waitFor('three cards', () => readBoard(sam.doc).length === 3);
    createCard(pat.doc, 'priorities', 'one too many');
    const closed = await pat.closed;
    expect(closed.code).toBe(REASON_INFO.boardFull.close);
    expect(closed.reason).toContain('as many cards as it can hold');
    await new Promise((r) => setTimeout(r, 500));
    expect(pat.provider.wsconnected).toBe(false); // permanent: no reconnect, no resend loop
    expect(readBoard(sam.doc)).toHaveLength(3);
    pat.destroy();
    sam.destroy();
  });

  it('refuses a participant’s cards past the per-minute limit with 4430, others unaffected', async () => {
    const server = await start(freshDir(), { cardsPerMinute: 2 });
    const w = await createWorkshop(server);
    const pat = connectY(server, await join(server, w.tokens.people));
    const sam = connectY(server, await join(server, w.tokens.system));
    await Promise.all([pat.synced, sam.synced]);
    createCard(pat.doc, 'priorities', 'one');
    createCard(pat.doc, 'priorities', 'two');
    createCard(pat.doc, 'priorities', 'three');
    const closed = await pat.closed;
    expect(closed.code).toBe(REASON_INFO.cardsTooFast.close);
    expect(closed.reason).toContain('Wait a minute');
    const samCard = createCard(sam.doc, 'context', 'Sam is not limited by Pat');
    await waitFor('Sam’s card', () => readCard(sam.doc, samCard) !== null);
    await waitFor('Pat’s first two cards at Sam', () => readBoard(sam.doc).length === 3);
    pat.destroy();
    sam.destroy();
  });
});
