/**
 * For tests of rooms on several instances (`orderedPool.test.ts`, `relayedEntry.test.ts`):
 * a Postgres schema of the test file's own, dropped after it, and edits as a client makes
 * them.
 */
import { afterAll } from 'vitest';
import * as Y from 'yjs';
import { ensurePostgres, freshSchema } from '../../scripts/ensurePostgres';
import { createLogger } from '../log';
import type { OrderedLog, ParticipantRow, Store } from '../store/Store';
import { Room, type RoomListener } from './room';

/** Postgres (started when none answers) and a fresh schema, both gone after the file. */
export async function postgresForFile(): Promise<{ url: string; schema: string }> {
  const server = await ensurePostgres();
  const { schema, drop } = await freshSchema(server.url);
  afterAll(async () => {
    await drop();
    await server.stop();
  });
  return { url: server.url, schema };
}

/** The update `edit` makes to a copy of `base` under `clientId`. */
export function editOf(base: Y.Doc, clientId: number, edit: (d: Y.Doc) => void): Uint8Array {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
  d.clientID = clientId;
  const parts: Uint8Array[] = [];
  d.on('update', (u: Uint8Array) => parts.push(u));
  edit(d);
  return Y.mergeUpdates(parts);
}

/** Fay, facilitator of workshop `w` (change any field with `over`). */
export function fayRow(over: Partial<ParticipantRow> = {}): ParticipantRow {
  return {
    id: 'fay',
    workshopId: 'w',
    inviteId: null,
    name: 'Fay',
    anonymous: false,
    accessNeeds: null,
    group: 'people',
    capability: 'facilitator',
    personalToken: 'personal-fay',
    createdAt: '2026-12-01T10:00:00.000Z',
    removedAt: null,
    ...over,
  };
}

/** A room of workshop `w` on several instances' path (ordered writes through `store`). */
export function orderedRoom(
  w: string,
  store: Store & OrderedLog,
  listener: RoomListener = { cardsChanged: () => undefined },
  compactEvery = 500,
): Room {
  return new Room(w, store, createLogger('silent'), listener, compactEvery, undefined, store);
}
