/**
 * The server's checks over real sockets (ARCHITECTURE invariants I3–I6, I10–I12).
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { applyTextEdit, cardsMap, createCard, readCard } from '../../lib/board/doc';
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

/** A raw authenticated socket, for sending what a well-behaved client never would. */
function rawSocket(actor: Actor): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const Ws = authedWebSocket(actor);
  const ws = new Ws(`${server.url.replace('http', 'ws')}/yjs/${actor.workshopId}`);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ ws, closed }));
    ws.on('error', reject);
  });
}

function updateMessage(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  syncProtocol.writeUpdate(enc, update);
  return encoding.toUint8Array(enc);
}

async function setup() {
  const w = await createWorkshop(server);
  const pinkActor = await join(server, w.tokens.people, { name: 'Pat' });
  const blueActor = await join(server, w.tokens.system, { name: 'Bo' });
  const pink = connectY(server, pinkActor);
  const blue = connectY(server, blueActor);
  await Promise.all([pink.synced, blue.synced]);
  return { w, pinkActor, blueActor, pink, blue };
}

describe('what the server refuses', () => {
  it('refuses an observer’s edit and closes only the observer (4403)', async () => {
    const { w, pink, blue } = await setup();
    const observer = connectY(server, await join(server, w.tokens.observer, { name: 'Olu' }));
    await observer.synced;
    const id = createCard(observer.doc, 'context', 'observer text');
    expect((await observer.closed).code).toBe(4403);
    const ok = createCard(pink.doc, 'context', 'still working');
    await waitFor('blue to see pink’s card', () => readCard(blue.doc, ok) !== null);
    expect(readCard(blue.doc, id)).toBeNull();
    for (const c of [observer, pink, blue]) c.destroy();
  });

  it('refuses content under another participant’s clientID in a live update', async () => {
    const { pink, blue, blueActor } = await setup();
    const id = createCard(pink.doc, 'priorities', 'mine');
    await waitFor('blue sync', () => readCard(blue.doc, id) !== null);
    // A forger builds content under pink's clientID, continuing pink's clock.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(pink.doc));
    forger.clientID = pink.doc.clientID;
    const sv = Y.encodeStateVector(forger);
    applyTextEdit(forger, id, 'mine, and words put in Pat’s mouth');
    const forged = Y.encodeStateAsUpdate(forger, sv);
    const raw = await rawSocket(blueActor);
    raw.ws.send(updateMessage(forged));
    expect(await raw.closed).toBe(4403);
    await new Promise((r) => setTimeout(r, 200));
    expect(readCard(pink.doc, id)?.text).toBe('mine');
    for (const c of [pink, blue]) c.destroy();
  });

  it('strips others’ content from a sync-step-2 reply instead of closing', async () => {
    const { pink, blue, blueActor } = await setup();
    const id = createCard(pink.doc, 'priorities', 'from pink');
    await waitFor('blue sync', () => readCard(blue.doc, id) !== null);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(blue.doc)); // holds pink's content too
    const own = createCard(offline, 'context', 'blue wrote this offline');
    const raw = await rawSocket(blueActor);
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 0);
    syncProtocol.writeSyncStep2(enc, offline, new Uint8Array([0]));
    raw.ws.send(encoding.toUint8Array(enc));
    await waitFor('pink to see blue’s offline card', () => readCard(pink.doc, own) !== null);
    expect(raw.ws.readyState).toBe(WebSocket.OPEN);
    raw.ws.close();
    for (const c of [pink, blue]) c.destroy();
  });

  it('lets only the creator or a facilitator delete a card, records it, and lets the facilitator or the person who deleted it restore it [I34]', async () => {
    const { w, pink, blue, pinkActor, blueActor } = await setup();
    const id = createCard(pink.doc, 'priorities', 'pink’s card');
    await waitFor('blue sync', () => readCard(blue.doc, id) !== null);
    const blueCtl = connectControl(blueActor);
    const facCtl = connectControl(w.facilitator);
    const pinkCtl = connectControl(pinkActor);
    expect(await ask(blueCtl, 'card:delete', { cardId: id })).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    expect(readCard(blue.doc, id)?.deleted).toBe(false);
    expect(await ask(pinkCtl, 'card:restore', { cardId: id })).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    expect(await ask(facCtl, 'card:delete', { cardId: id })).toEqual({ ok: true });
    // [I34] A facilitator's deletion is not the creator's to undo.
    expect(await ask(pinkCtl, 'card:restore', { cardId: id })).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    await waitFor(
      'deleted everywhere',
      () => readCard(pink.doc, id)?.deleted === true && readCard(blue.doc, id)?.deleted === true,
    );
    const events = await server.purple.store.listCardEvents(w.workshopId);
    expect(events).toMatchObject([
      { cardId: id, action: 'delete', participantId: w.facilitator.participantId },
    ]);
    expect(await ask(facCtl, 'card:restore', { cardId: id })).toEqual({ ok: true });
    await waitFor('restored', () => readCard(blue.doc, id)?.deleted === false);
    expect(readCard(blue.doc, id)?.text).toBe('pink’s card');
    // The creator may delete their own card, and restore their own deletion [I34].
    expect(await ask(pinkCtl, 'card:delete', { cardId: id })).toEqual({ ok: true });
    await waitFor('deleted again', () => readCard(blue.doc, id)?.deleted === true);
    expect(await ask(blueCtl, 'card:restore', { cardId: id })).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    expect(await ask(pinkCtl, 'card:restore', { cardId: id })).toEqual({ ok: true });
    await waitFor('restored by its creator', () => readCard(blue.doc, id)?.deleted === false);
    for (const s of [blueCtl, facCtl, pinkCtl]) s.close();
    for (const c of [pink, blue]) c.destroy();
  });

  it('refuses a whole-card deletion sent through the Yjs channel', async () => {
    const { pink, blue } = await setup();
    const id = createCard(pink.doc, 'priorities', 'keep me');
    await waitFor('blue sync', () => readCard(blue.doc, id) !== null);
    cardsMap(blue.doc).delete(id);
    expect((await blue.closed).code).toBe(4403);
    await new Promise((r) => setTimeout(r, 200));
    expect(readCard(pink.doc, id)?.text).toBe('keep me');
    pink.destroy();
    blue.destroy();
  });

  it('closes the live sockets of everyone who joined through a revoked link, at once', async () => {
    const { w, pink, blue, blueActor } = await setup();
    const blueCtl = connectControl(blueActor);
    const ended = new Promise<string>((resolve) =>
      blueCtl.on('session:ended', ({ reason }) => resolve(reason)),
    );
    await waitFor('blue control', () => blueCtl.connected);
    const facCtl = connectControl(w.facilitator);
    await waitFor('facilitator control', () => facCtl.connected);
    expect(await ask(facCtl, 'invite:revoke', { inviteId: w.inviteIds.system })).toEqual({
      ok: true,
    });
    expect((await blue.closed).code).toBe(4410);
    expect(await ended).toBe('revoked');
    await expect(rawSocket(blueActor)).rejects.toThrow(/410/);
    const again = connectControl(blueActor);
    const err = await new Promise<Error & { data?: { reason?: string } }>((resolve) =>
      again.on('connect_error', resolve),
    );
    expect(err.data?.reason).toBe('revoked');
    // Pink, who joined by another link, carries on.
    const id = createCard(pink.doc, 'context', 'still here');
    await waitFor('saved', () => pink.acked() > 0);
    expect(readCard(pink.doc, id)).not.toBeNull();
    for (const s of [blueCtl, facCtl, again]) s.close();
    pink.destroy();
    blue.destroy();
  });

  it('never sends an anonymous participant’s name to another participant', async () => {
    const w = await createWorkshop(server);
    const secret = 'Zebedee-Quill';
    const anon = await join(server, w.tokens.people, { name: secret, anonymous: true });
    for (const n of ['Ann', 'Ben', 'Cai']) await join(server, w.tokens.people, { name: n });
    const blueActor = await join(server, w.tokens.system, { name: 'Bo' });
    const seen: string[] = [];
    const blue = connectY(server, blueActor);
    const blueCtl = connectControl(blueActor, (event, payload) =>
      seen.push(`${event} ${JSON.stringify(payload)}`),
    );
    const a = connectY(server, anon);
    const aCtl = connectControl(anon);
    await Promise.all([a.synced, blue.synced]);
    const id = createCard(a.doc, 'priorities', 'written anonymously');
    await waitFor('blue sees it', () => readCard(blue.doc, id) !== null);
    // Whichever socket connected first, Bo learns of the anonymous person by list or by join.
    await waitFor('presence', () => seen.some((s) => /^presence:(update|join) .*people/.test(s)));
    const entry = blue.roster.get(a.doc.clientID);
    expect(entry?.group).toBe('people');
    expect(entry?.name).toBeUndefined();
    expect(entry?.author).toBeUndefined();
    expect(blue.received.join('\n')).not.toContain(secret);
    expect(seen.join('\n')).not.toContain(secret);
    for (const s of [blueCtl, aCtl]) s.close();
    a.destroy();
    blue.destroy();
  });

  it('hides who wrote what while a group has fewer than three people', async () => {
    const { pink, blue } = await setup();
    const id = createCard(pink.doc, 'context', 'only two of us');
    await waitFor('blue sees it', () => readCard(blue.doc, id) !== null);
    const entry = blue.roster.get(pink.doc.clientID);
    expect(entry).toMatchObject({ group: 'people' });
    expect(entry?.name).toBeUndefined();
    pink.destroy();
    blue.destroy();
  });

  it('closes only the sender of an oversized or garbage frame; others keep editing', async () => {
    const { pink, blue, pinkActor } = await setup();
    const big = await rawSocket(pinkActor);
    big.ws.send(new Uint8Array(1024 * 1024 + 10));
    expect(await big.closed).toBe(4413);
    const garbage = await rawSocket(pinkActor);
    garbage.ws.send(Uint8Array.from([0, 2, 200, 1, 7, 7, 7]));
    expect(await garbage.closed).toBe(4400);
    const text = await rawSocket(pinkActor);
    text.ws.send('hello');
    expect(await text.closed).toBe(4400);
    const id = createCard(pink.doc, 'context', 'after the garbage');
    await waitFor('blue sees it', () => readCard(blue.doc, id) !== null);
    pink.destroy();
    blue.destroy();
  });

  it('refuses upgrades without a session or from another origin, before accepting them', async () => {
    const w = await createWorkshop(server);
    const url = `${server.url.replace('http', 'ws')}/yjs/${w.workshopId}`;
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => resolve(101));
        ws.on('error', () => undefined);
      });
    expect(await status({ origin: server.url })).toBe(401);
    expect(await status({ origin: 'https://evil.example', cookie: w.facilitator.cookie })).toBe(
      403,
    );
    expect(await status({ cookie: w.facilitator.cookie })).toBe(403);
    expect(await status({ origin: server.url, cookie: `${w.facilitator.cookie}x` })).toBe(401);
    expect(await status({ origin: server.url, cookie: w.facilitator.cookie })).toBe(101);
  });
});

describe('facilitator views', () => {
  it('updates the join counts on the facilitator’s invite links as people join', async () => {
    const w = await createWorkshop(server);
    const fac = connectControl(w.facilitator);
    let latest: { kind: string; joined: number }[] = [];
    fac.on('invite:update', (invites) => {
      latest = invites;
    });
    await waitFor('first invite list', () => latest.length === 3);
    await join(server, w.tokens.observer, { name: 'Olu' });
    await waitFor('observer count', () => latest.find((i) => i.kind === 'observer')?.joined === 1);
    fac.close();
  });

  it('shows facilitators what helps people take part, hides anonymous names, and tells nobody else', async () => {
    const w = await createWorkshop(server);
    const fac = connectControl(w.facilitator);
    let people: { label: string; accessNeeds: string | null }[] = [];
    fac.on('people:update', (list) => {
      people = list;
    });
    fac.on('people:join', (person) => {
      people = [...people, person];
    });
    await waitFor('first people list', () => people.length === 1);
    const seen: string[] = [];
    const blueActor = await join(server, w.tokens.system, { name: 'Bo' });
    const blue = connectControl(blueActor, (event) => seen.push(event));
    await waitFor('blue connected', () => blue.connected);
    await server.purple.workshops.join(
      w.tokens.people,
      { name: 'Hidden Name', anonymous: true, accessNeeds: 'Large text, please' },
      server.url,
    );
    await waitFor('anonymous person listed', () => people.length === 3);
    const anon = people.find((p) => p.accessNeeds === 'Large text, please');
    expect(anon?.label).toBe('Participant 1 (lived experience)'); // [I27] distinct, stable
    expect(JSON.stringify(people)).not.toContain('Hidden Name');
    expect(seen).not.toContain('people:update');
    fac.close();
    blue.close();
  });

  it('sends presence as one list on connect, then small joins and leaves; two tabs count once', async () => {
    const w = await createWorkshop(server);
    const fac = connectControl(w.facilitator);
    const events: { event: string; payload: unknown }[] = [];
    fac.onAny((event, payload) => events.push({ event, payload }));
    await waitFor('facilitator list', () => events.some((e) => e.event === 'presence:update'));
    const pat = await join(server, w.tokens.people, { name: 'Pat', anonymous: true });
    const tab1 = connectControl(pat);
    const tab2 = connectControl(pat);
    let tabList: { key: string; you?: boolean; name?: string }[] = [];
    let me: { key: string; you?: boolean; name?: string } | null = null;
    tab1.on('presence:you', (entry) => {
      me = entry;
    });
    tab1.on('presence:update', (list) => {
      tabList = list;
    });
    await waitFor('both tabs', () => tab1.connected && tab2.connected);
    await waitFor('tab list', () => tabList.length === 2 && me !== null);
    // You see your own name, in your own entry; the list others get does not carry it.
    expect(me).toMatchObject({ name: 'Pat', you: true });
    expect(tabList.some((p) => p.key === me?.key)).toBe(true);
    expect(JSON.stringify(tabList)).not.toContain('Pat');
    await new Promise((r) => setTimeout(r, 200));
    const joins = events.filter((e) => e.event === 'presence:join');
    expect(joins).toHaveLength(1); // two tabs, one person
    expect(joins[0]?.payload).toMatchObject({ group: 'people' });
    expect(JSON.stringify(joins)).not.toContain('Pat');
    const key = (joins[0]?.payload as { key: string } | undefined)?.key;
    expect(key).not.toBe(pat.participantId);
    tab1.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(events.some((e) => e.event === 'presence:leave')).toBe(false); // still here in tab 2
    tab2.close();
    await waitFor('leave', () => events.some((e) => e.event === 'presence:leave'));
    expect(events.find((e) => e.event === 'presence:leave')?.payload).toEqual({ key });
    fac.close();
  });
});
