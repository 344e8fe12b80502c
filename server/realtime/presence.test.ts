/**
 * Arrivals are announced in bursts (I90), on a real socket.io server with real clients.
 * The window is made long here and ended with `flush`, so what a burst is does not depend
 * on this machine's timing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { type Socket as ClientSocket, io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceEntry } from '../../lib/protocol/events';
import type { ParticipantRow } from '../store/Store';
import type { ControlServer, ControlSocket } from './control';
import { Presence } from './presence';
import { roomNames } from './roomNames';

const WORKSHOP = 'w-burst';
const FOREVER = 3_600_000;

function person(id: string, opts: Partial<ParticipantRow> = {}): ParticipantRow {
  return {
    id,
    workshopId: WORKSHOP,
    inviteId: 'i1',
    name: `Name ${id}`,
    anonymous: false,
    accessNeeds: null,
    group: 'people',
    capability: 'participant',
    personalToken: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    removedAt: null,
    ...opts,
  } as ParticipantRow;
}

/** A client that keeps its presence list as the board page does, and logs every event. */
interface Watcher {
  socket: ClientSocket;
  list: PresenceEntry[];
  events: { event: string; payload: unknown }[];
}

let httpServer: http.Server;
let ioServer: ControlServer;
let presence: Presence;
let url = '';
const people = new Map<string, ParticipantRow>();
const serverSockets = new Map<string, ControlSocket>();
let disconnects = 0;
const open: ClientSocket[] = [];

beforeAll(async () => {
  httpServer = http.createServer();
  ioServer = new Server(httpServer) as ControlServer;
  presence = new Presence(ioServer, undefined, FOREVER);
  ioServer.use((socket, next) => {
    const row = people.get(String(socket.handshake.auth.id));
    if (!row) return next(new Error('unknown'));
    socket.data = { participant: row, workshopId: WORKSHOP, origin: '' };
    next();
  });
  ioServer.on('connection', (socket) => {
    void socket.join(roomNames.workshop(WORKSHOP));
    serverSockets.set(socket.id, socket);
    presence.connected(socket);
    socket.on('disconnect', () => {
      presence.disconnected(socket);
      disconnects++;
    });
    // A round trip behind everything already sent on this socket (see `settle`).
    (socket as unknown as { on(e: string, f: (ack: () => void) => void): void }).on('sync', (ack) =>
      ack(),
    );
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of open) s.close();
  presence.stop();
  await new Promise<void>((resolve) => ioServer.close(() => resolve()));
});

async function watch(row: ParticipantRow, base = url): Promise<Watcher> {
  people.set(row.id, row);
  const socket = connect(base, { auth: { id: row.id }, transports: ['websocket'], forceNew: true });
  open.push(socket);
  const w: Watcher = { socket, list: [], events: [] };
  // As the client does (useWorkshop): your own entry replaces yours in the list.
  let me: PresenceEntry | null = null;
  const mine = (p: PresenceEntry) => (me && p.key === me.key ? me : p);
  socket.onAny((event: string, payload: unknown) => {
    w.events.push({ event, payload });
    if (event === 'presence:you') {
      me = payload as PresenceEntry;
      w.list = w.list.map(mine);
    }
    if (event === 'presence:update') w.list = (payload as PresenceEntry[]).map(mine);
    if (event === 'presence:join') {
      const p = payload as PresenceEntry;
      w.list = [...w.list.filter((x) => x.key !== p.key), mine(p)];
    }
    if (event === 'presence:joined') {
      const ps = payload as PresenceEntry[];
      const keys = new Set(ps.map((p) => p.key));
      w.list = [...w.list.filter((x) => !keys.has(x.key)), ...ps.map(mine)];
    }
    if (event === 'presence:leave') {
      const { key } = payload as { key: string };
      w.list = w.list.filter((x) => x.key !== key);
    }
    if (event === 'presence:left') {
      const keys = new Set((payload as { key: string }[]).map((p) => p.key));
      w.list = w.list.filter((x) => !keys.has(x.key));
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return w;
}

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error(`never: ${what}`);
}

/** Everything sent so far has arrived: a round trip behind it on each socket. */
async function settle(ws: Watcher[]): Promise<void> {
  await Promise.all(ws.filter((w) => w.socket.connected).map((w) => w.socket.emitWithAck('sync')));
}

const keys = (w: Watcher) => w.list.map((p) => p.key).sort();

describe('presence in bursts (I90)', () => {
  it('tells those already here about a burst of arrivals in one message, and each newcomer the whole list', async () => {
    const first = await watch(person('a0'));
    await until('a0 registered', () => serverSockets.size === 1);
    presence.flush(WORKSHOP);
    await until('a0 list', () => first.list.length === 1);
    expect(first.list[0]).toMatchObject({ key: 'a0', you: true, name: 'Name a0' });

    const arrivals = await Promise.all(
      ['b1', 'b2', 'b3', 'b4', 'b5'].map((id) =>
        watch(person(id, id === 'b3' ? { anonymous: true, name: 'Secret' } : {})),
      ),
    );
    await until('burst registered', () => serverSockets.size === 6);
    // Nothing is announced before the window ends.
    expect(first.events.filter((e) => e.event.startsWith('presence:'))).toHaveLength(2);
    presence.flush(WORKSHOP);
    await until('everyone has six', () => [first, ...arrivals].every((w) => w.list.length === 6));
    await settle([first, ...arrivals]);

    // Those already here: one message for the whole burst, not one per arrival.
    const told = first.events.filter((e) => e.event.startsWith('presence:')).slice(2);
    expect(told.map((e) => e.event)).toEqual(['presence:joined']);
    expect(JSON.stringify(told)).not.toContain('Secret');
    // Newcomers: only their list, which names themselves, and no announcement of the burst.
    for (const w of arrivals) {
      const seen = w.events.filter((e) => e.event.startsWith('presence:'));
      expect(seen.map((e) => e.event)).toEqual(['presence:you', 'presence:update']);
      expect(w.list.filter((p) => p.you)).toHaveLength(1);
    }
    const everyone = keys(first);
    for (const w of arrivals) expect(keys(w)).toEqual(everyone);
    const secretKey = first.list.find((p) => p.group === 'people' && p.name === undefined)?.key;
    expect(secretKey).toBeDefined();
    expect(secretKey).not.toBe('b3'); // an anonymous person's key is not their id
    const b3 = arrivals[2];
    expect(b3?.list.find((p) => p.you)?.name).toBe('Secret'); // you see your own name
    // The list itself is one message for every newcomer, with nobody's own details in it:
    // those came to each alone, in `presence:you`.
    const lists = arrivals.map((w) =>
      JSON.stringify(w.events.find((e) => e.event === 'presence:update')?.payload),
    );
    expect(new Set(lists).size).toBe(1);
    expect(lists[0]).not.toContain('Secret');
    expect(lists[0]).not.toContain('"you"');
  });

  it('says nothing of someone who came and went in one window, and sends departures together', async () => {
    const watchers = serverSockets.size;
    const observer = await watch(person('c1'));
    await until('c1 registered', () => serverSockets.size === watchers + 1);
    presence.flush(WORKSHOP);
    await until('c1 list', () => observer.list.length === 7);
    const presenceEvents = () => observer.events.filter((e) => e.event.startsWith('presence:'));
    const heard = presenceEvents().length;

    const lone = await watch(person('c2'));
    const gone = disconnects;
    lone.socket.close();
    await until('c2 closed on the server', () => disconnects === gone + 1);
    presence.flush(WORKSHOP);
    await settle([observer]);
    expect(presenceEvents()).toHaveLength(heard); // never announced, so no leave either

    const trio = await Promise.all(['e1', 'e2', 'e3'].map((id) => watch(person(id))));
    presence.flush(WORKSHOP);
    await until('trio here', () => observer.list.length === 10);
    const before = disconnects;
    for (const w of trio) w.socket.close();
    await until('trio closed on the server', () => disconnects === before + 3);
    await settle([observer]);
    expect(observer.list).toHaveLength(10); // nothing announced before the window ends
    presence.flush(WORKSHOP);
    await until('trio gone', () => observer.list.length === 7);
    await settle([observer]);
    const told = presenceEvents()
      .slice(heard)
      .map((e) => e.event);
    expect(told).toEqual(['presence:joined', 'presence:left']);
  });

  it('counts a person with two tabs in one burst once', async () => {
    const observer = await watch(person('d0'));
    presence.flush(WORKSHOP);
    await until('d0 list', () => observer.list.length > 0);
    const n = observer.list.length;
    const tab1 = await watch(person('d1'));
    const tab2 = await watch(person('d1'));
    presence.flush(WORKSHOP);
    await until('d1 here', () => observer.list.length === n + 1);
    await until('tabs listed', () => tab1.list.length === n + 1 && tab2.list.length === n + 1);
    await settle([observer, tab1, tab2]);
    const announced = observer.events.filter(
      (e) => e.event === 'presence:join' || e.event === 'presence:joined',
    );
    expect(announced).toHaveLength(1);
    expect(announced[0]?.event).toBe('presence:join');
  });
});

describe('a crowd arriving (I90)', () => {
  const CROWD = 'w-crowd';
  it('keeps the window open while a crowd keeps coming: one list each, no stream of joins', async () => {
    const server = http.createServer();
    const io = new Server(server) as ControlServer;
    // A real window, not `flush`: 500 ms, kept open for a crowd for up to a minute.
    const crowd = new Presence(io, undefined, 500, 60_000);
    io.use((socket, next) => {
      const row = people.get(String(socket.handshake.auth.id));
      if (!row) return next(new Error('unknown'));
      socket.data = { participant: { ...row, workshopId: CROWD }, workshopId: CROWD, origin: '' };
      next();
    });
    io.on('connection', (socket) => {
      void socket.join(roomNames.workshop(CROWD));
      crowd.connected(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ids = Array.from({ length: 10 }, (_, i) => `k${i}`);
      const first = await Promise.all(ids.map((id) => watch(person(id), at)));
      // Three more, each 300 ms after the last: well past the first window's 500 ms in
      // all, but never 500 ms after the one before.
      const later: Watcher[] = [];
      for (const id of ['k10', 'k11', 'k12']) {
        await new Promise((r) => setTimeout(r, 300));
        later.push(await watch(person(id), at));
      }
      const everyone = [...first, ...later];
      await until('every list', () => everyone.every((w) => w.list.length === 13));
      for (const w of everyone) {
        const names = w.events.map((e) => e.event).filter((e) => e.startsWith('presence:'));
        expect(names).toEqual(['presence:you', 'presence:update']);
      }
    } finally {
      crowd.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    }
  });
});

describe('presence in bursts on several instances (I90, I65)', () => {
  const OTHER = 'w-across';
  let server: http.Server;
  let across: Presence;
  let base = '';
  let registered = 0;

  beforeAll(async () => {
    server = http.createServer();
    const io = new Server(server) as ControlServer;
    // With a salt, presence takes its several-instances path (the list from fetchSockets).
    across = new Presence(io, Buffer.from('salt'), FOREVER);
    io.use((socket, next) => {
      const row = people.get(String(socket.handshake.auth.id));
      if (!row) return next(new Error('unknown'));
      socket.data = { participant: { ...row, workshopId: OTHER }, workshopId: OTHER, origin: '' };
      next();
    });
    io.on('connection', (socket) => {
      void socket.join(roomNames.workshop(OTHER));
      registered++;
      across.connected(socket);
      (socket as unknown as { on(e: string, f: (ack: () => void) => void): void }).on(
        'sync',
        (ack) => ack(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return async () => {
      across.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    };
  });

  it('[I90] announces a burst of arrivals once, and sends each newcomer the whole list', async () => {
    const first = await watch(person('x0'), base);
    await until('x0 registered', () => registered === 1);
    across.flush(OTHER);
    await until('x0 list', () => first.list.length === 1);

    const arrivals = await Promise.all(['y1', 'y2', 'y3'].map((id) => watch(person(id), base)));
    const secondTab = await watch(person('y1'), base);
    await until('burst registered', () => registered === 5);
    await settle([first]);
    expect(first.events.filter((e) => e.event.startsWith('presence:'))).toHaveLength(2);
    across.flush(OTHER);
    const all = [first, ...arrivals, secondTab];
    await until('everyone has four', () => all.every((w) => w.list.length === 4));
    await settle(all);
    // One message for the burst (the person with two tabs in it counted once), not one each.
    const told = first.events.filter((e) => e.event.startsWith('presence:')).slice(2);
    expect(told.map((e) => e.event)).toEqual(['presence:joined']);
    expect(((told[0]?.payload ?? []) as PresenceEntry[]).map((p) => p.key).sort()).toEqual([
      'y1',
      'y2',
      'y3',
    ]);
    for (const w of [...arrivals, secondTab]) {
      expect(w.events.filter((e) => e.event.startsWith('presence:')).map((e) => e.event)).toEqual([
        'presence:you',
        'presence:update',
      ]);
      expect(w.list.filter((p) => p.you)).toHaveLength(1);
    }
    // A second socket of someone already here announces nobody.
    const thirdTab = await watch(person('y2'), base);
    await until('third tab registered', () => registered === 6);
    across.flush(OTHER);
    await until('third tab list', () => thirdTab.list.length === 4);
    await settle(all);
    expect(first.events.filter((e) => e.event.startsWith('presence:'))).toHaveLength(3);
  });
});
