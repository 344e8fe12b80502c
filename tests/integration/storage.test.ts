/**
 * Storage guarantees over real sockets and the real SQLite store (ARCHITECTURE I1, I2,
 * I7, I13, I14): a failed write applies nothing and the client resends; compaction loses no
 * update or attribution record; a cold join never reports synced before its content;
 * a flood of updates is slowed, never dropped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { applyTextEdit, createCard, readBoard, readCard } from '../../lib/board/doc';
import type { Store } from '../../server/store/Store';
import {
  authedWebSocket,
  connectY,
  createWorkshop,
  join,
  startTestServer,
  type TestServer,
  waitFor,
} from './harness';

const dirs: string[] = [];
const servers: TestServer[] = [];
function freshDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'purple-store-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('storage guarantees', () => {
  it('applies nothing when a store write fails, closes with a transient code, and takes the resend', async () => {
    let failNext = 0;
    const server = await startTestServer(freshDir(), {
      wrapStore: (store: Store) =>
        new Proxy(store, {
          get(target, prop, receiver) {
            if (prop === 'appendUpdate') {
              return (input: Parameters<Store['appendUpdate']>[0]) => {
                if (failNext > 0) {
                  failNext--;
                  return Promise.reject(new Error('disk full (injected)'));
                }
                return target.appendUpdate(input);
              };
            }
            return Reflect.get(target, prop, receiver);
          },
        }),
    });
    servers.push(server);
    const w = await createWorkshop(server);
    const pink = connectY(server, await join(server, w.tokens.people));
    const blue = connectY(server, await join(server, w.tokens.system));
    await Promise.all([pink.synced, blue.synced]);
    const closes: number[] = [];
    pink.provider.on('connection-close', (e) => e && closes.push(e.code));
    failNext = 1;
    const id = createCard(pink.doc, 'priorities', 'survives a failed write');
    await waitFor('transient close', () => closes.includes(4500));
    expect(readCard(blue.doc, id)).toBeNull(); // nothing was applied or broadcast
    await waitFor(
      'resend after reconnect',
      () => readCard(blue.doc, id)?.text === 'survives a failed write',
    );
    pink.destroy();
    blue.destroy();
  });

  it('compacts in the background without losing updates or attribution records', async () => {
    const dir = freshDir();
    const server = await startTestServer(dir, { compactEvery: 10 });
    servers.push(server);
    const w = await createWorkshop(server);
    const pinkActor = await join(server, w.tokens.people);
    const pink = connectY(server, pinkActor);
    await pink.synced;
    const id = createCard(pink.doc, 'priorities', '');
    for (let i = 0; i < 45; i++)
      applyTextEdit(pink.doc, id, `${readCard(pink.doc, id)?.text}${i % 10}`);
    await waitFor('all saved', () => pink.acked() >= Y.getState(pink.doc.store, pink.doc.clientID));
    const store = server.purple.store;
    const loaded = await store.loadDocument(w.workshopId);
    expect(loaded.snapshot).not.toBeNull();
    expect(loaded.updates.length).toBeLessThan(46);
    const records = await store.attributionsForCard(w.workshopId, id, 0);
    expect(records.reduce((n, r) => n + r.inserted, 0)).toBe(45);
    pink.destroy();
    await server.close();
    servers.pop();
    const again = await startTestServer(dir);
    servers.push(again);
    const reader = connectY(again, await join(again, w.tokens.system));
    await reader.synced;
    expect(readCard(reader.doc, id)?.text).toBe(readCard(pink.doc, id)?.text);
    reader.destroy();
  });

  it('never reports synced before a cold board’s content has arrived', async () => {
    const dir = freshDir();
    const server = await startTestServer(dir);
    servers.push(server);
    const w = await createWorkshop(server);
    const writer = connectY(server, await join(server, w.tokens.people));
    await writer.synced;
    for (let i = 0; i < 300; i++) createCard(writer.doc, 'priorities', `card ${i}`);
    await waitFor(
      'saved',
      () => writer.acked() >= Y.getState(writer.doc.store, writer.doc.clientID),
    );
    writer.destroy();
    await server.close();
    servers.pop();
    const cold = await startTestServer(dir);
    servers.push(cold);
    const reader = connectY(cold, await join(cold, w.tokens.system));
    let cardsAtSync = -1;
    reader.provider.on('sync', (s: boolean) => {
      if (s && cardsAtSync < 0) cardsAtSync = readBoard(reader.doc).length;
    });
    await reader.synced;
    expect(cardsAtSync).toBe(300);
    reader.destroy();
  });

  it('slows a flood of 3,000 updates with back-pressure and drops none', async () => {
    const server = await startTestServer(freshDir());
    servers.push(server);
    const w = await createWorkshop(server);
    const actor = await join(server, w.tokens.people);
    const watcher = connectY(server, await join(server, w.tokens.system));
    await watcher.synced;
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    const id = createCard(source, 'priorities', '');
    for (let i = 0; i < 3000; i++)
      applyTextEdit(source, id, `${readCard(source, id)?.text}x`.slice(-1500));
    const Ws = authedWebSocket(actor);
    const ws = new Ws(`${server.url.replace('http', 'ws')}/yjs/${w.workshopId}`);
    await new Promise((r) => ws.on('open', r));
    let closed = false;
    ws.on('close', () => {
      closed = true;
    });
    for (const u of updates) {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, 0);
      syncProtocol.writeUpdate(enc, u);
      ws.send(encoding.toUint8Array(enc));
    }
    const expected = readCard(source, id)?.text;
    await waitFor(
      'every update applied',
      () => readCard(watcher.doc, id)?.text === expected,
      60_000,
    );
    expect(closed).toBe(false);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    expect(server.purple.yjs.stats.pauses).toBeGreaterThan(0);
    ws.close();
    watcher.destroy();
  });
});
