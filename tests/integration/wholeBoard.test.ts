/**
 * A client that holds nothing gets the whole board as one sync step 2, encoded once per
 * version of the board (server/yjs/room.ts `step2For`): after a restart a room's clients all
 * ask for it at once. Each newcomer must still get every change made before it synced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard, readCard } from '../../lib/board/doc';
import {
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

describe('the whole board for an empty client', () => {
  it('is the current board for every newcomer, before and after each change', async () => {
    const w = await createWorkshop(server);
    const writer = connectY(server, await join(server, w.tokens.people, { name: 'Pat' }));
    await writer.synced;
    const first = createCard(writer.doc, 'priorities', 'Letters in plain English');
    await waitFor('first card stored', () => writer.acked() > 0);

    const readers = [];
    for (const name of ['Ann', 'Ben']) {
      const r = connectY(server, await join(server, w.tokens.system, { name }));
      await r.synced;
      expect(readCard(r.doc, first)?.text).toBe('Letters in plain English');
      readers.push(r);
    }

    const acked = writer.acked();
    const second = createCard(writer.doc, 'context', 'Buses stop at six');
    await waitFor('second card stored', () => writer.acked() > acked);
    const late = connectY(server, await join(server, w.tokens.system, { name: 'Cy' }));
    await late.synced;
    // At its sync, not later: nothing else would bring the second card to it.
    expect(readCard(late.doc, first)?.text).toBe('Letters in plain English');
    expect(readCard(late.doc, second)?.text).toBe('Buses stop at six');
    for (const c of [writer, late, ...readers]) c.destroy();
  });
});
