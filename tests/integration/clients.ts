/**
 * Real clients for one participant: a WebsocketProvider and a socket.io client carrying the
 * participant's session cookie and an allowed Origin. Kept apart from the harness (which
 * starts a server) so browser tests can seed a board through the same clients.
 */

import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Roster } from '../../lib/attribution/roster';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/protocol/events';
import type { FacilitationView } from '../../lib/protocol/facilitationEvents';
import type { PersonView } from '../../lib/protocol/peopleEvents';
import { attachPurpleHandlers } from '../../lib/protocol/purpleHandlers';
import { PROTOCOL_VERSION } from '../../lib/protocol/reasons';
import { receiveWelcome } from '../../lib/protocol/welcome';

/** What a client needs to act as someone: their workshop, session cookie and origin. */
export interface Session {
  workshopId: string;
  /** `name=value`, as the browser sends it. */
  cookie: string;
  baseUrl: string;
}

/** A participant as the tests drive them. */
export interface Actor extends Session {
  participantId: string;
}

/** A WebSocket class that sends the actor's cookie and Origin, as a browser would. */
export function authedWebSocket(actor: Session, record?: (data: string) => void): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie: actor.cookie, origin: actor.baseUrl } });
      if (record) this.on('message', (d) => record(Buffer.from(d as Buffer).toString('latin1')));
    }
  } as unknown as typeof WebSocket;
}

/** A real y-websocket client for one actor. */
export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  roster: Roster;
  synced: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  acked: () => number;
  received: string[];
  destroy(): void;
}

/**
 * Connect a WebsocketProvider (BroadcastChannel off) as `actor`, to the board or to another
 * path under `/yjs/` (a private draft: `<workshopId>/draft/<participantId>`).
 */
export function connectY(
  server: { url: string },
  actor: Session,
  doc = new Y.Doc(),
  room = actor.workshopId,
): YClient {
  const received: string[] = [];
  const url = `${server.url.replace('http', 'ws')}/yjs`;
  const provider = new WebsocketProvider(url, room, doc, {
    disableBc: true,
    WebSocketPolyfill: authedWebSocket(actor, (d) =>
      received.push(d),
    ) as unknown as typeof globalThis.WebSocket,
  });
  provider.awareness.setLocalState(null);
  const roster = new Roster();
  let acked = 0;
  attachPurpleHandlers(
    provider,
    roster,
    () => undefined,
    (clocks) => {
      for (const [c, clock] of clocks) if (c === doc.clientID) acked = Math.max(acked, clock);
    },
  );
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on('sync', (s: boolean) => s && resolve());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    provider.on('connection-close', (event) => {
      if (event && event.code !== 1000) resolve({ code: event.code, reason: event.reason });
    });
  });
  return {
    doc,
    provider,
    roster,
    synced,
    closed,
    acked: () => acked,
    received,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export type ControlClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connect a real socket.io client as `actor`. */
export function connectControl(
  actor: Session,
  record?: (event: string, payload: unknown) => void,
): ControlClient {
  const socket: ControlClient = io(actor.baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { workshopId: actor.workshopId, protocol: PROTOCOL_VERSION },
    extraHeaders: { cookie: actor.cookie, origin: actor.baseUrl },
    reconnection: false,
    forceNew: true,
  });
  receiveWelcome(socket);
  if (record) socket.onAny((event, payload) => record(event, payload));
  return socket;
}

/** Emit with an acknowledgement and resolve with it. */
export function ask<E extends keyof ClientToServerEvents>(
  socket: ControlClient,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
  return new Promise((resolve) => {
    // biome-ignore lint/suspicious/noExplicitAny: generic emit over the typed event map
    (socket as any).emit(event, payload, resolve);
  });
}

/** A connected control socket that keeps the latest facilitation view and people list. */
export async function watchFacilitation(actor: Actor) {
  const seen = {
    socket: connectControl(actor),
    view: null as FacilitationView | null,
    people: [] as PersonView[],
  };
  seen.socket.on('facilitation:update', (v) => {
    seen.view = v;
  });
  seen.socket.on('people:update', (p) => {
    seen.people = p;
  });
  await waitFor('control connected', () => seen.socket.connected && seen.view !== null);
  return seen;
}

/** Poll until `check` returns true (or throws with `what` after `ms`). */
export async function waitFor(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
