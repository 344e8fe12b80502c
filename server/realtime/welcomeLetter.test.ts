/**
 * A connecting socket's welcome is one message, and nothing overtakes it (I96): on a real
 * socket.io server with real clients. Each feature's welcome is a promise the test settles
 * by hand, so what arrives while the letter is gathered does not depend on timing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { type Socket as ClientSocket, io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/protocol/events';
import { receiveWelcome } from '../../lib/protocol/welcome';
import type { ControlServer, ControlSocket } from './control';
import { gatherWelcome, greet } from './welcomeLetter';

type Client = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

let httpServer: http.Server;
let ioServer: ControlServer;
let url = '';
const open: Client[] = [];
/** What the next connection's welcome does, set by each test before it connects. */
let onConnect: (socket: ControlSocket) => void = () => undefined;

beforeAll(async () => {
  httpServer = http.createServer();
  ioServer = new Server(httpServer) as ControlServer;
  ioServer.on('connection', (socket) => onConnect(socket));
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of open) s.close();
  await new Promise<void>((r) => ioServer.close(() => r()));
});

/** A later-settled promise. */
function deferred(): { promise: Promise<void>; settle: () => void; fail: () => void } {
  let settle = () => {};
  let fail = () => {};
  const promise = new Promise<void>((res, rej) => {
    settle = res;
    fail = () => rej(new Error('this feature failed'));
  });
  return { promise, settle, fail };
}

/** A client as the board page has it, logging every event and every raw packet name. */
function client(): { socket: Client; events: [string, unknown][]; packets: string[] } {
  const socket: Client = connect(url, { transports: ['websocket'], forceNew: true });
  open.push(socket);
  receiveWelcome(socket);
  const events: [string, unknown][] = [];
  const packets: string[] = [];
  // socket.io events as they came off the wire (type 2 is an event), welcome unopened.
  socket.io.on('packet', (p: { type: number; data?: unknown[] }) => {
    if (p.type === 2) packets.push(String(p.data?.[0]));
  });
  for (const e of ['round:update', 'records:update', 'card:notice', 'session:ended'] as const)
    socket.on(e, (payload: unknown) => events.push([e, payload]));
  return { socket, events, packets };
}

async function until(what: string, check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Connect a client whose server socket runs `setUp`; resolves once both ends are connected. */
async function connectWith(setUp: (socket: ControlSocket) => void) {
  let server: ControlSocket | null = null;
  onConnect = (socket) => {
    server = socket;
    setUp(socket);
  };
  const c = client();
  await until('connected', () => server !== null && c.socket.connected);
  return { ...c, server: server as unknown as ControlSocket };
}

describe('the welcome letter', () => {
  it('sends every feature’s welcome as one message, delivered to each listener in order', async () => {
    const a = deferred();
    const b = deferred();
    const c = await connectWith((socket) => {
      void gatherWelcome(socket, () => [
        a.promise.then(() => greet(socket, 'round:update', [])),
        b.promise.then(() => greet(socket, 'records:update', { records: [] } as never)),
      ]);
    });
    b.settle();
    a.settle();
    await until('the welcome', () => c.events.length === 2);
    expect(c.packets).toEqual(['welcome']);
    // In the order the features put them in, not the order they were started.
    expect(c.events.map(([e]) => e)).toEqual(['records:update', 'round:update']);
  });

  it('holds what else is sent to the socket until its welcome has gone, then sends it in order', async () => {
    const a = deferred();
    const c = await connectWith((socket) => {
      void socket.join('room');
      void gatherWelcome(socket, () => [a.promise.then(() => greet(socket, 'round:update', []))]);
    });
    // A broadcast to its room and a message of its own, both while the letter is open.
    ioServer.to('room').emit('card:notice', { cardId: 'c1', message: 'first' });
    c.server.emit('card:notice', { cardId: 'c2', message: 'second' });
    await new Promise((r) => setTimeout(r, 50));
    expect(c.events).toEqual([]); // nothing overtook the welcome
    a.settle();
    await until('all three', () => c.events.length === 3);
    expect(
      c.events.map(([e, p]) => (e === 'card:notice' ? (p as { cardId: string }).cardId : e)),
    ).toEqual(['round:update', 'c1', 'c2']);
    expect(c.packets).toEqual(['welcome', 'card:notice', 'card:notice']);
  });

  it('sends what the other features had when one of them fails', async () => {
    const a = deferred();
    const b = deferred();
    const c = await connectWith((socket) => {
      void gatherWelcome(socket, () => [
        a.promise.then(() => greet(socket, 'round:update', [])),
        b.promise,
      ]);
    });
    a.settle();
    b.fail();
    await until('the welcome', () => c.events.length === 1);
    expect(c.events[0]?.[0]).toBe('round:update');
  });

  it('lets held messages go after the longest hold, and sends late welcome events one by one', async () => {
    const a = deferred();
    const c = await connectWith((socket) => {
      void gatherWelcome(
        socket,
        () => [a.promise.then(() => greet(socket, 'round:update', []))],
        100,
      );
    });
    c.server.emit('card:notice', { cardId: 'c1', message: 'waited' });
    await until('the held message, after the hold', () => c.events.length === 1);
    a.settle();
    await until('the late welcome event', () => c.events.length === 2);
    expect(c.events.map(([e]) => e)).toEqual(['card:notice', 'round:update']);
    expect(c.packets).toEqual(['card:notice', 'round:update']);
  });

  it('sends what was held before the socket is closed, so an ended session is told', async () => {
    const a = deferred();
    const c = await connectWith((socket) => {
      void gatherWelcome(socket, () => [a.promise]);
    });
    const s = c.server;
    s.emit('session:ended', { reason: 'revoked', message: 'Your link was turned off.' });
    s.disconnect(true);
    await until('the message', () => c.events.length === 1);
    expect(c.events[0]).toEqual([
      'session:ended',
      { reason: 'revoked', message: 'Your link was turned off.' },
    ]);
    a.settle();
  });

  it('sends an event at once to a socket with no welcome being gathered', async () => {
    const c = await connectWith(() => undefined);
    greet(c.server, 'round:update', []);
    await until('the event', () => c.events.length === 1);
    expect(c.packets).toEqual(['round:update']);
  });
});
