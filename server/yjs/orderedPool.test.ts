/**
 * Several instances (I89): the ordered write (I62) holds one pooled connection for its
 * transaction, so everything it reads while catching up — the log, the people it names and
 * the facilitation state — must come through that transaction. A read from the pool there
 * waits for a connection that only writes waiting on it would give back: with the pool
 * full of such writes, the instance stops. With a pool of ONE connection that wait is
 * certain, so this test hangs (and times out) if any such read comes back.
 */
import { expect, it } from 'vitest';
import { createCard, readCard } from '../../lib/board/doc';
import { emptyFacilitation } from '../../lib/facilitation/state';
import { createLogger } from '../log';
import { openPostgresStore } from '../store/postgresStore';
import type { ParticipantRow } from '../store/Store';
import { editOf, postgresForFile } from './orderedRig';
import { Room, type RoomConn } from './room';
import { updateMessage } from './syncMessage';

const { url, schema } = await postgresForFile();

const T0 = '2026-12-01T10:00:00.000Z';
const person = (id: string, over: Partial<ParticipantRow> = {}): ParticipantRow => ({
  id,
  workshopId: 'w',
  inviteId: null,
  name: `Name ${id}`,
  anonymous: false,
  accessNeeds: null,
  group: 'people',
  capability: 'facilitator',
  personalToken: `personal-${id}`,
  createdAt: T0,
  removedAt: null,
  ...over,
});

it('[I89] an ordered write catches up through its own transaction: one connection is enough', async () => {
  const store = await openPostgresStore({
    connectionString: url,
    schema,
    maxConnections: 1,
  });
  try {
    const fay = person('fay');
    await store.createWorkshop({ id: 'w', title: 'T', question: 'Q', createdAt: T0 }, fay, []);
    const room = new Room(
      'w',
      store,
      createLogger('silent'),
      { cardsChanged: () => undefined },
      500,
      undefined,
      store,
    );
    await room.ready;
    // Meanwhile another instance stores an edit by someone this room has never seen, and a lock.
    await store.addParticipant(person('pat', { capability: 'contributor' }));
    await store.appendUpdate({
      workshopId: 'w',
      data: editOf(room.doc, 4242, (d) =>
        createCard(d, 'context', 'from elsewhere', { id: 'elsewhere' }),
      ),
      participantId: 'pat',
      bindings: [{ clientId: 4242, participantId: 'pat', identifiable: true }],
      attributions: [],
      createdCards: ['elsewhere'],
    });
    const locked = emptyFacilitation();
    locked.locks.sections = ['decisions'];
    await store.saveFacilitation('w', locked, T0);

    let closed: number | null = null;
    const conn: RoomConn = {
      participant: person('pat', { capability: 'contributor' }),
      send: () => undefined,
      close: (code) => {
        closed = code;
      },
    };
    await room.join(conn);
    // Pat's own edit, ordered: it first applies the entry, Pat's row and the lock it did not have.
    await room.handleMessage(
      conn,
      updateMessage(
        editOf(room.doc, 5151, (d) => createCard(d, 'context', 'mine', { id: 'mine' })),
      ),
    );
    expect(closed).toBeNull();
    expect(readCard(room.doc, 'elsewhere')?.text).toBe('from elsewhere');
    expect(readCard(room.doc, 'mine')?.text).toBe('mine');
    expect(room.participants.has('pat')).toBe(true);
    expect(room.locks.sections.has('decisions')).toBe(true);
    expect(room.lastSeq).toBe(await store.lastSeq('w'));
  } finally {
    await store.close();
  }
}, 30_000);
