/**
 * Order keys from `fractional-indexing` (issue 13): a board written with the old hand-made
 * keys (0-9a-z) is migrated when its room loads, in one server write that changes only
 * `order` (invariant I9: moving keeps colour), keeps every section's order, and is stored
 * once; new keys from clients pass the server's check and old-style ones are refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyTextEdit,
  CARD_KEYS,
  cardsMap,
  cardText,
  createCard,
  readBoard,
} from '../../lib/board/doc';
import { isOrderKey } from '../../lib/board/order';
import { openStore } from '../../server/store/openStore';
import {
  colourSeenBy,
  connectY,
  createWorkshop,
  join,
  startTestServer,
  type TestServer,
  waitFor,
} from './harness';

const dirs: string[] = [];
const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Old-style keys, including a tie (same key, ordered by card id) and long keys. */
const OLD_KEYS = ['1', '2', '2', 'z', 'z1', 'z1i', '0z', '0i'];

/** Card ids per section, in board order. */
function layout(doc: Y.Doc): string[] {
  return ['context', 'priorities'].flatMap((section) =>
    readBoard(doc)
      .filter((c) => c.section === section)
      .map((c) => `${section}:${c.id}`),
  );
}

async function storedState(dir: string, workshopId: string) {
  const store = await openStore({ dataDir: dir });
  const loaded = await store.loadDocument(workshopId);
  await store.close();
  return loaded;
}

describe('order keys', () => {
  it('[I9] migrates a board written with the old keys on load: same order, same colours, only `order` written, once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'purple-order-'));
    dirs.push(dir);
    let server = await startTestServer(dir);
    servers.push(server);
    const w = await createWorkshop(server);
    const pinkActor = await join(server, w.tokens.people);
    const blueActor = await join(server, w.tokens.system);
    const pink = connectY(server, pinkActor);
    const blue = connectY(server, blueActor);
    await Promise.all([pink.synced, blue.synced]);
    const ids: string[] = [];
    for (let i = 0; i < OLD_KEYS.length; i++) {
      const writer = i % 2 === 0 ? pink : blue;
      const id = createCard(writer.doc, i < 6 ? 'priorities' : 'context', `card ${i} `);
      ids.push(id);
    }
    await waitFor('cards reach blue', () => readBoard(blue.doc).length === OLD_KEYS.length);
    applyTextEdit(blue.doc, ids[0] as string, 'card 0 with staff words added to it');
    await waitFor('edit reaches pink', () => readBoard(pink.doc)[0] !== undefined);
    await waitFor(
      'all saved',
      () =>
        pink.acked() >= Y.getState(pink.doc.store, pink.doc.clientID) &&
        blue.acked() >= Y.getState(blue.doc.store, blue.doc.clientID),
    );
    pink.destroy();
    blue.destroy();
    await server.close();
    servers.pop();

    // Write the old keys straight into the store, as a board from before the change holds them.
    const before = await storedState(dir, w.workshopId);
    const old = new Y.Doc();
    old.clientID = 0;
    if (before.snapshot) Y.applyUpdate(old, before.snapshot);
    for (const u of before.updates) Y.applyUpdate(old, u.data);
    const colourBefore = new Map<string, string>();
    const oldUpdate: Uint8Array[] = [];
    old.on('update', (u: Uint8Array) => oldUpdate.push(u));
    old.transact(() => {
      ids.forEach((id, i) => {
        cardsMap(old)
          .get(id)
          ?.set(CARD_KEYS.order, OLD_KEYS[i] as string);
      });
    });
    const expected = layout(old);
    const store = await openStore({ dataDir: dir });
    await store.appendUpdate({
      workshopId: w.workshopId,
      data: Y.mergeUpdates(oldUpdate),
      participantId: null,
      bindings: [],
      attributions: [],
      createdCards: [],
    });
    await store.close();

    server = await startTestServer(dir);
    servers.push(server);
    const reader = connectY(server, await join(server, w.tokens.system));
    await reader.synced;
    await waitFor('roster', () => ids.every((id) => colourSeenBy(reader, id) !== null));
    const after = readBoard(reader.doc);
    expect(layout(reader.doc)).toEqual(expected);
    for (const card of after) expect(isOrderKey(card.order), card.order).toBe(true);
    // Colours as the old board had them: the migration wrote no text and no `section`.
    const probe = connectY(server, await join(server, w.tokens.people));
    await probe.synced;
    for (const id of ids) colourBefore.set(id, colourSeenBy(probe, id) ?? 'none');
    expect(colourSeenBy(reader, ids[0] as string)).toBe('joint');
    for (const id of ids) expect(colourSeenBy(reader, id)).toBe(colourBefore.get(id));
    expect(colourSeenBy(reader, ids[1] as string)).toBe('system');
    expect(colourSeenBy(reader, ids[2] as string)).toBe('people');
    reader.destroy();
    probe.destroy();
    await server.close();
    servers.pop();

    const stored = await storedState(dir, w.workshopId);
    const fresh = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(fresh, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(fresh, u.data);
    expect(layout(fresh)).toEqual(expected);
    // What the server added on top of the old board: items under clientID 0 only, each an order key.
    const added = Y.decodeUpdate(Y.encodeStateAsUpdate(fresh, Y.encodeStateVector(old)));
    expect(added.structs.length).toBeGreaterThan(0);
    for (const struct of added.structs) {
      expect(struct.id.client).toBe(0);
      const key = struct instanceof Y.Item ? struct.content.getContent()[0] : null;
      expect(isOrderKey(String(key))).toBe(true);
    }
    for (const id of ids)
      expect(cardText(fresh, id)?.toString()).toBe(cardText(old, id)?.toString());
    // The migration is stored once: loading the board again writes nothing more.
    server = await startTestServer(dir);
    servers.push(server);
    const again = connectY(server, await join(server, w.tokens.people));
    await again.synced;
    again.destroy();
    await server.close();
    servers.pop();
    expect((await storedState(dir, w.workshopId)).updates.length).toBe(stored.updates.length);
  });
});
