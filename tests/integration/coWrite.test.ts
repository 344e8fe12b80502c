/**
 * A pink and a blue participant co-write a card over real sockets (ARCHITECTURE I8, I9, I15).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTextEdit, createCard, moveCard, readCard } from '../../lib/board/doc';
import { textHash } from '../../lib/board/textHash';
import type { CardAgreement } from '../../lib/protocol/events';
import {
  ask,
  colourSeenBy,
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

describe('co-writing a card', () => {
  it('turns joint when both groups write enough, keeps its colour when moved, and drifts after a one-sided edit', async () => {
    const w = await createWorkshop(server);
    const pinkActor = await join(server, w.tokens.people, { name: 'Pat' });
    const blueActor = await join(server, w.tokens.system, { name: 'Bo' });
    const pink = connectY(server, pinkActor);
    const blue = connectY(server, blueActor);
    await Promise.all([pink.synced, blue.synced]);

    const id = createCard(pink.doc, 'priorities', 'Letters in plain English');
    await waitFor('blue to see the card', () => readCard(blue.doc, id) !== null);
    expect(colourSeenBy(blue, id)).toBe('people');

    const before = readCard(blue.doc, id)?.text ?? '';
    applyTextEdit(blue.doc, id, `${before}, sent a week before discharge`);
    const expected = 'Letters in plain English, sent a week before discharge';
    await waitFor('pink to see blue’s words', () => readCard(pink.doc, id)?.text === expected);
    await waitFor(
      'rosters',
      () => colourSeenBy(pink, id) === 'joint' && colourSeenBy(blue, id) === 'joint',
    );

    moveCard(blue.doc, id, 'context', 0);
    await waitFor('pink to see the move', () => readCard(pink.doc, id)?.section === 'context');
    expect(colourSeenBy(pink, id)).toBe('joint');
    expect(colourSeenBy(blue, id)).toBe('joint');

    // Both endorse; then blue alone edits, and the server reports drift by staff.
    const pinkCtl = connectControl(pinkActor);
    const blueCtl = connectControl(blueActor);
    const latest = new Map<string, CardAgreement>();
    pinkCtl.on('agreement:update', (cards) => {
      for (const c of cards) latest.set(c.cardId, c);
    });
    await waitFor('control sockets', () => pinkCtl.connected && blueCtl.connected);
    const stale = await ask(pinkCtl, 'card:endorse', {
      cardId: id,
      textHash: textHash('not the text'),
    });
    expect(stale).toMatchObject({ ok: false, reason: 'staleText' });
    expect(
      await ask(pinkCtl, 'card:endorse', { cardId: id, textHash: textHash(expected) }),
    ).toEqual({ ok: true });
    expect(
      await ask(blueCtl, 'card:endorse', { cardId: id, textHash: textHash(expected) }),
    ).toEqual({ ok: true });
    await waitFor('both endorsements', () => (latest.get(id)?.endorsements.length ?? 0) === 2);

    applyTextEdit(blue.doc, id, `${expected}, by the ward`);
    await waitFor('drift', () => latest.get(id)?.driftedBy === 'system');
    expect(colourSeenBy(pink, id, latest.get(id))).toBe('joint'); // still joint by shares

    pinkCtl.close();
    blueCtl.close();
    pink.destroy();
    blue.destroy();
  });

  it('acknowledges saved edits so the UI can say "saved"', async () => {
    const w = await createWorkshop(server);
    const actor = await join(server, w.tokens.people);
    const c = connectY(server, actor);
    await c.synced;
    createCard(c.doc, 'context', 'What money is there?');
    await waitFor(
      'ack',
      () => c.acked() > 0 && c.acked() >= c.doc.store.clients.get(c.doc.clientID)!.length,
    );
    expect(c.acked()).toBeGreaterThan(0);
    c.destroy();
  });
});
