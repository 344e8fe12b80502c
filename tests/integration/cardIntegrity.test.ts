/**
 * Finding 2 of issue 8 over real sockets: no client update replaces, wipes or resurrects a
 * card, whatever its delete set says (ARCHITECTURE invariants I6 and I20). Each hostile
 * update is built by hand (bench/lib/rawUpdate.ts) exactly as the issue describes it: it
 * sets an existing key and leaves the deletion of the old value out of its delete set.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { encodeRawUpdate, type RawId, type RawItem } from '../../bench/lib/rawUpdate';
import { CARD_KEYS, cardsMap, createCard, readCard } from '../../lib/board/doc';
import {
  type Actor,
  ask,
  authedWebSocket,
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

/** Send one update over a raw authenticated socket; resolves with the close code. */
async function sendRaw(actor: Actor, update: Uint8Array): Promise<number> {
  const Ws = authedWebSocket(actor);
  const ws = new Ws(`${server.url.replace('http', 'ws')}/yjs/${actor.workshopId}`);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  syncProtocol.writeUpdate(enc, update);
  ws.send(encoding.toUint8Array(enc));
  const code = await Promise.race([
    closed,
    new Promise<number>((r) => setTimeout(() => r(-1), 3000)),
  ]);
  if (ws.readyState === WebSocket.OPEN) ws.close();
  return code;
}

let nextClient = 90_000_000;

/** A whole new card map (section, order, text "hijacked") placed by `head`. */
function newCard(head: Omit<RawItem, 'content'>): { client: number; items: RawItem[] } {
  const client = nextClient++;
  const map: RawId = { client, clock: 0 };
  const text: RawId = { client, clock: 3 };
  return {
    client,
    items: [
      { ...head, content: { kind: 'type', type: 'map' } },
      { parent: map, parentSub: CARD_KEYS.section, content: { kind: 'any', value: 'context' } },
      { parent: map, parentSub: CARD_KEYS.order, content: { kind: 'any', value: 'a' } },
      { parent: map, parentSub: CARD_KEYS.text, content: { kind: 'type', type: 'text' } },
      { parent: text, content: { kind: 'string', text: 'hijacked' } },
    ],
  };
}

function raw(group: { client: number; items: RawItem[] }): Uint8Array {
  return encodeRawUpdate({ clients: [{ client: group.client, clock: 0, items: group.items }] });
}

function idOf(item: Y.Item | null | undefined): RawId {
  if (!item) throw new Error('no item');
  return { client: item.id.client, clock: item.id.clock };
}

/** Pat's card c1 with her text, seen by the facilitator; Sam (staff) is the attacker. */
async function setup() {
  const w = await createWorkshop(server);
  const patActor = await join(server, w.tokens.people, { name: 'Pat' });
  const samActor = await join(server, w.tokens.system, { name: 'Sam' });
  const pat = connectY(server, patActor);
  const fac = connectY(server, w.facilitator);
  await Promise.all([pat.synced, fac.synced]);
  createCard(pat.doc, 'priorities', 'Pat wrote this', { id: 'c1' });
  createCard(pat.doc, 'context', 'Another card', { id: 'c2' });
  await waitFor('the facilitator to see both cards', () => readCard(fac.doc, 'c2') !== null);
  const card = () => cardsMap(fac.doc).get('c1') as Y.Map<unknown>;
  const expectIntact = async (deleted = false) => {
    // A card Pat creates afterwards arrives: everything before it was processed.
    const probe = createCard(pat.doc, 'context', 'probe');
    await waitFor('the probe card', () => readCard(fac.doc, probe) !== null);
    for (const doc of [pat.doc, fac.doc]) {
      expect(readCard(doc, 'c1')).toMatchObject({ text: 'Pat wrote this', deleted });
      expect(readCard(doc, 'c1')?.creatorClientId).toBe(pat.doc.clientID);
    }
  };
  const done = () => {
    pat.destroy();
    fac.destroy();
  };
  return { w, patActor, samActor, pat, fac, card, expectIntact, done };
}

describe('[I6][I20] a contributor cannot replace, wipe or resurrect a card', () => {
  it('refuses replacing a card with a new map that leaves the deletion out', async () => {
    const s = await setup();
    const update = raw(newCard({ origin: idOf(s.card()._item) }));
    expect(await sendRaw(s.samActor, update)).toBe(4403);
    await s.expectIntact();
    // Pat is still the creator to the server, so she can still delete her own card.
    const patCtl = connectControl(s.patActor);
    expect(await ask(patCtl, 'card:delete', { cardId: 'c1' })).toEqual({ ok: true });
    patCtl.close();
    s.done();
  });

  it('refuses setting an existing card id as if it were new (no origin)', async () => {
    const s = await setup();
    const update = raw(newCard({ parent: 'cards', parentSub: 'c1' }));
    expect(await sendRaw(s.samActor, update)).toBe(4403);
    await s.expectIntact();
    s.done();
  });

  it('refuses wiping a card’s text by replacing its `text` field', async () => {
    const s = await setup();
    const client = nextClient++;
    const textItem = (s.card().get(CARD_KEYS.text) as Y.Text)._item;
    const update = raw({
      client,
      items: [
        { origin: idOf(textItem), content: { kind: 'type', type: 'text' } },
        { parent: { client, clock: 0 }, content: { kind: 'string', text: 'wiped' } },
      ],
    });
    expect(await sendRaw(s.samActor, update)).toBe(4403);
    await s.expectIntact();
    s.done();
  });

  it('refuses resurrecting a card the facilitator deleted, by replacing it or its flag', async () => {
    const s = await setup();
    const facCtl = connectControl(s.w.facilitator);
    expect(await ask(facCtl, 'card:delete', { cardId: 'c1' })).toEqual({ ok: true });
    await waitFor('the deletion', () => readCard(s.pat.doc, 'c1')?.deleted === true);
    const flag = s.card()._map.get(CARD_KEYS.deleted);
    const replaceCard = raw(newCard({ origin: idOf(s.card()._item) }));
    expect(await sendRaw(s.samActor, replaceCard)).toBe(4403);
    const client = nextClient++;
    const clearFlag = raw({
      client,
      items: [{ origin: idOf(flag), content: { kind: 'any', value: false } }],
    });
    expect(await sendRaw(s.samActor, clearFlag)).toBe(4403);
    const dropFlag = raw({
      client: nextClient++,
      items: [{ origin: idOf(flag), content: { kind: 'deleted', length: 1 } }],
    });
    expect(await sendRaw(s.samActor, dropFlag)).toBe(4403);
    await s.expectIntact(true);
    facCtl.close();
    s.done();
  });

  it('refuses re-setting `deleted` on a live card, and a card moved under another map', async () => {
    const s = await setup();
    const cardId: RawId = idOf(s.card()._item);
    const setFlag = raw({
      client: nextClient++,
      items: [
        { parent: cardId, parentSub: CARD_KEYS.deleted, content: { kind: 'any', value: true } },
      ],
    });
    expect(await sendRaw(s.samActor, setFlag)).toBe(4403);
    const c2 = idOf((cardsMap(s.fac.doc).get('c2') as Y.Map<unknown>)._item);
    const underCard = raw(newCard({ parent: c2, parentSub: 'c1' }));
    expect(await sendRaw(s.samActor, underCard)).toBe(4403);
    const underMeta = raw(newCard({ parent: 'meta', parentSub: 'c1' }));
    expect(await sendRaw(s.samActor, underMeta)).toBe(4403);
    await s.expectIntact();
    expect(readCard(s.fac.doc, 'c2')?.text).toBe('Another card');
    s.done();
  });

  it('still lets anyone move a card (section and order overwrite their old values)', async () => {
    const s = await setup();
    const sam = connectY(server, s.samActor);
    await sam.synced;
    const card = cardsMap(sam.doc).get('c1') as Y.Map<unknown>;
    sam.doc.transact(() => {
      card.set(CARD_KEYS.section, 'context'); // a card's other section (I67)
      card.set(CARD_KEYS.order, 'a1'); // a fractional-indexing key (I9)
    });
    await waitFor('the move', () => readCard(s.pat.doc, 'c1')?.section === 'context');
    expect(readCard(s.pat.doc, 'c1')?.text).toBe('Pat wrote this');
    sam.destroy();
    s.done();
  });
});
