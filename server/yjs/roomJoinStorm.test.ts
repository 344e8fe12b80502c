/**
 * What a crowd of clients arriving at once costs a room on several instances (bench
 * section 9.3): an empty sync step 2 (a fresh document's, as each client sends) takes no
 * ordered write under the workshop's row lock, and catch-ups asked for while one waits in
 * the room's queue share it. Real Postgres; the store is only wrapped to count calls.
 */
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { openPostgresStore } from '../store/postgresStore';
import type { OrderedLog, Store } from '../store/Store';
import { fayRow, orderedRoom, postgresForFile } from './orderedRig';
import type { RoomConn } from './room';

const { url, schema } = await postgresForFile();

const T0 = '2026-12-01T10:00:00.000Z';
const fay = fayRow({ group: null, createdAt: T0 });

/** A sync step 2 message (y-protocols: sync, step 2, the update as a byte array). */
function step2(update: Uint8Array): Uint8Array {
  return Uint8Array.from([0, 1, update.length, ...update]);
}

it('a fresh client’s empty step 2 takes no ordered write, and waiting catch-ups share one log read', async () => {
  const real = await openPostgresStore({ connectionString: url, schema });
  const calls = { appendOrdered: 0, logReader: 0 };
  const counted = new Proxy(real, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if ((name === 'appendOrdered' || name === 'logReader') && typeof value === 'function')
        return (...args: unknown[]) => {
          calls[name]++;
          return value.apply(target, args);
        };
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Store & OrderedLog;
  try {
    await real.createWorkshop({ id: 'w', title: 'T', question: 'Q', createdAt: T0 }, fay, []);
    const room = orderedRoom('w', counted);
    await room.ready;
    const sent: Uint8Array[] = [];
    const conn: RoomConn = { participant: fay, send: (m) => sent.push(m), close: () => undefined };
    await room.join(conn);
    const before = calls.appendOrdered;
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect(empty).toEqual(Uint8Array.from([0, 0]));
    await room.handleMessage(conn, step2(empty));
    expect(calls.appendOrdered).toBe(before);

    // Hold the queue, then ask for three catch-ups: they wait together and read once.
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const held = room.enqueue(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
          started();
        }),
    );
    await running;
    const reads = calls.logReader;
    const waiting = [room.catchUp(), room.catchUp(), room.catchUp()];
    release();
    await Promise.all([held, ...waiting]);
    expect(calls.logReader).toBe(reads + 1);
    // One asked for after that read began needs (and gets) a read of its own.
    await room.catchUp();
    expect(calls.logReader).toBe(reads + 2);
  } finally {
    await real.close();
  }
});
