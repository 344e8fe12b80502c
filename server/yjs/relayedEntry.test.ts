/**
 * Several instances (I62, I63): an instance that stored an update sends it over the bus with
 * its seq, and another instance applies it without reading it back from Postgres when it is
 * the next entry it lacks; a gap, or a message without the entry, is read from the log, and
 * catch-ups asked for while one waits are that one. Two rooms on one Postgres schema stand
 * for two instances; the bus is the listener handing the entry over.
 */
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardText, createCard, readCard } from '../../lib/board/doc';
import { createLogger } from '../log';
import { openPostgresStore } from '../store/postgresStore';
import type { Store, StoredUpdate } from '../store/Store';
import { editOf, fayRow, postgresForFile } from './orderedRig';
import { Room, type RoomConn } from './room';
import { updateMessage } from './syncMessage';

const { url, schema } = await postgresForFile();

const T0 = '2026-12-02T10:00:00.000Z';
const fay = fayRow({ createdAt: T0 });

/** `store`, counting how often a log reader of it reads the log's tail. */
function counting(store: Store): { store: Store; tailReads: () => number } {
  let reads = 0;
  const wrapped = new Proxy(store, {
    get(target, key) {
      if (key === 'logReader')
        return (w: string) => {
          const log = target.logReader(w);
          return {
            ...log,
            since: (after: number) => {
              reads++;
              return log.since(after);
            },
          };
        };
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: wrapped, tailReads: () => reads };
}

it('[I63] the next entry sent over the bus is applied without a read; a gap or a bare message reads the log once', async () => {
  const store = await openPostgresStore({ connectionString: url, schema });
  try {
    await store.createWorkshop({ id: 'w', title: 'T', question: 'Q', createdAt: T0 }, fay, []);
    const sent: StoredUpdate[] = [];
    const a = new Room(
      'w',
      store,
      createLogger('silent'),
      {
        cardsChanged: () => undefined,
        stored: (_w, seq, data) => {
          if (data) sent.push({ seq, data });
        },
      },
      500,
      undefined,
      store,
    );
    const other = counting(store);
    const b = new Room(
      'w',
      other.store,
      createLogger('silent'),
      { cardsChanged: () => undefined },
      500,
      undefined,
      store,
    );
    await Promise.all([a.ready, b.ready]);
    const conn: RoomConn = { participant: fay, send: () => undefined, close: () => undefined };
    await a.join(conn);
    const edit = (change: (d: Y.Doc) => void) =>
      a.handleMessage(conn, updateMessage(editOf(a.doc, 5151, change)));
    const type = (text: string) =>
      edit((d) => cardText(d, 'c1')?.insert(cardText(d, 'c1')?.length ?? 0, text));
    const text = (room: Room) => readCard(room.doc, 'c1')?.text;

    // A new card (a new clientID, a new creator) and then typing: each the next entry.
    await edit((d) => createCard(d, 'context', 'We', { id: 'c1' }));
    await b.catchUp(sent.at(-1));
    await type(' need');
    await b.catchUp(sent.at(-1));
    expect(text(b)).toBe('We need');
    expect(b.lastSeq).toBe(a.lastSeq);
    expect(b.participants.has('fay')).toBe(true);
    expect(other.tailReads()).toBe(0);

    // An entry after a gap: the log is read, and both entries are applied.
    await type(' more');
    await type(' buses');
    await b.catchUp(sent.at(-1));
    expect(text(b)).toBe('We need more buses');
    expect(other.tailReads()).toBe(1);

    // A stale entry changes nothing; bare messages waiting together are one read.
    await b.catchUp(sent.at(-3));
    await type(' at night');
    await Promise.all([b.catchUp(), b.catchUp(), b.catchUp()]);
    expect(text(b)).toBe('We need more buses at night');
    expect(other.tailReads()).toBe(2);
    expect(b.lastSeq).toBe(await store.lastSeq('w'));
    expect(Y.encodeStateVector(b.doc)).toEqual(Y.encodeStateVector(a.doc));
  } finally {
    await store.close();
  }
}, 30_000);

it('a room that learns another instance compacted counts from that snapshot, so it does not compact the same entries again', async () => {
  const store = await openPostgresStore({ connectionString: url, schema });
  try {
    const w = 'w2';
    const fay2 = { ...fay, id: 'fay2', workshopId: w, personalToken: 'p2' };
    await store.createWorkshop({ id: w, title: 'T', question: 'Q', createdAt: T0 }, fay2, []);
    const sent: StoredUpdate[] = [];
    const listener = (log: StoredUpdate[]) => ({
      cardsChanged: () => undefined,
      stored: (_w: string, seq: number, data?: Uint8Array) => {
        if (data) log.push({ seq, data });
      },
    });
    const room = (log: StoredUpdate[]) =>
      new Room(w, store, createLogger('silent'), listener(log), 4, undefined, store);
    const a = room(sent);
    const b = room([]);
    await Promise.all([a.ready, b.ready]);
    const conns = new Map<Room, RoomConn>();
    for (const r of [a, b]) {
      const c: RoomConn = { participant: fay2, send: () => undefined, close: () => undefined };
      conns.set(r, c);
      await r.join(c);
    }
    const edit = (r: Room, id: number, change: (d: Y.Doc) => void) =>
      r.handleMessage(conns.get(r) as RoomConn, updateMessage(editOf(r.doc, id, change)));
    // B hears each of A's four entries as it is stored; A's fourth starts its compaction.
    await edit(a, 6161, (d) => createCard(d, 'context', 'a', { id: 'k1' }));
    for (const t of ['b', 'c', 'd']) await edit(a, 6161, (d) => cardText(d, 'k1')?.insert(0, t));
    for (const entry of sent) await b.catchUp(entry);
    while ((await store.logReader(w).since(0)).snapshotSeq < 4)
      await new Promise((r) => setTimeout(r, 20));
    // B's next write catches up (the compaction moved the workshop on) and so learns of it.
    await edit(b, 7171, (d) => cardText(d, 'k1')?.insert(0, 'e'));
    expect(readCard(b.doc, 'k1')?.text).toBe('edcba');
    expect(b.lastSeq).toBe(5);
    // One entry since A's snapshot, not five: B does not compact entries 1–4 again.
    expect((b as unknown as { sinceCompaction: number }).sinceCompaction).toBe(1);
  } finally {
    await store.close();
  }
}, 30_000);
